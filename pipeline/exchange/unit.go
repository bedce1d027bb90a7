package exchange

import (
	"strings"

	"github.com/epistle-letters/epistle/pipeline/document"
)

// unitNote is one thing a file says about a unit beside its texts, named
// by the category XLIFF 2.0 files it under.
type unitNote struct{ Category, Text string }

// notes lists what every format with notes says about u, in order: the
// source's hash, the block kind, the glossary's terms, the source a stale
// translation was approved for, where the target came from, why the last
// attempt failed. XLIFF 2.0 and 1.2 write the same list.
func (u *Unit) notes() []unitNote {
	out := []unitNote{{"hash", u.Hash}}
	if u.Block != "" {
		out = append(out, unitNote{"block", u.Block})
	}
	for _, t := range u.Terms {
		out = append(out, unitNote{"glossary", t})
	}
	for _, n := range []unitNote{{"previous-source", u.Previous}, {"origin", u.Origin}, {"failure", u.Failure}} {
		if n.Text != "" {
			out = append(out, n)
		}
	}
	return out
}

// datum is the markup one end of a tag stands for, under the id XLIFF 2.0
// gives it in <originalData>: g1-open and g1-close for a pair, x2 for a
// standalone tag.
type datum struct{ ID, Text string }

// originalData lists the markup behind u's tags. A private name has none:
// its placeholder stands for a text that does not leave the machine.
func (u *Unit) originalData() []datum {
	var out []datum
	for _, t := range u.Tags {
		if strings.HasPrefix(t.Name, "g") {
			out = append(out, datum{t.Name + "-open", t.Open}, datum{t.Name + "-close", t.Close})
		} else {
			out = append(out, datum{t.Name, t.Open})
		}
	}
	return out
}

// inlineToken is one tag of a tagged text as the exchange writers see it.
type inlineToken struct {
	Tok  string // the tag as written in the text: <g1>, </g1>, <x2/>, <n1/>
	Name string // g1, x2, n1
	// Closing is the end of a pair; Private a name placeholder; Pair the
	// start or end of a pair.
	Closing, Private, Pair bool
}

// eachInline walks a tagged text: text runs go to text, tags to tag. The
// writers that share it write the same tags for the same text.
func eachInline(s string, text func(string), tag func(inlineToken)) {
	last := 0
	for _, loc := range document.TagPattern.FindAllStringIndex(s, -1) {
		text(s[last:loc[0]])
		last = loc[1]
		tok := s[loc[0]:loc[1]]
		name := strings.Trim(tok, "</>")
		tag(inlineToken{Tok: tok, Name: name, Closing: strings.HasPrefix(tok, "</"),
			Private: name[0] == 'n', Pair: name[0] == 'g'})
	}
	text(s[last:])
}
