package exchange

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/document"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// tmx writes the approved pairs as a TMX 1.4b translation memory: what a
// translator's tool reuses in the next letter.
func (b *Bundle) tmx() []byte {
	var w strings.Builder
	w.WriteString(xml.Header)
	w.WriteString("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n")
	fmt.Fprintf(&w, " <header creationtool=\"epistle\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"epistle\" adminlang=\"en\" srclang=\"%s\" datatype=\"plaintext\">\n", b.Source)
	fmt.Fprintf(&w, "  <note>%s</note>\n </header>\n <body>\n", esc("Approved translations of "+b.Letter+" into "+b.Target.String()))
	for _, u := range b.Units {
		if u.State != store.Approved {
			continue
		}
		fmt.Fprintf(&w, "  <tu tuid=\"%s\">\n", attr(u.ID))
		if u.Block != "" {
			fmt.Fprintf(&w, "   <prop type=\"x-block\">%s</prop>\n", esc(u.Block))
		}
		fmt.Fprintf(&w, "   <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", b.Source, tmxInline(u.Source))
		fmt.Fprintf(&w, "   <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", b.Target, tmxInline(u.Target))
		w.WriteString("  </tu>\n")
	}
	w.WriteString(" </body>\n</tmx>\n")
	return []byte(w.String())
}

// tmxInline writes a tagged text with TMX's inline codes, each holding the
// tag as our PO and XLIFF 1.2 write it: a pair as <bpt>/<ept>, a
// standalone tag and a private name as <ph>, a pair that does not nest as
// two isolated codes. A tool that compares texts with their codes (OmegaT
// using the TMX as memory for our XLIFF or PO, epistle's memory backend)
// then finds a sentence with markup as an exact match.
func tmxInline(text string) string {
	nested := pairsNest(text)
	var w strings.Builder
	eachInline(text, func(s string) { w.WriteString(esc(s)) }, func(t inlineToken) {
		num := t.Name[1:]
		switch {
		case t.Private:
			fmt.Fprintf(&w, `<ph type="x-private">%s</ph>`, esc(t.Tok))
		case !t.Pair:
			fmt.Fprintf(&w, `<ph x="%s">%s</ph>`, num, esc(t.Tok))
		case nested && t.Closing:
			fmt.Fprintf(&w, `<ept i="%s">%s</ept>`, num, esc(t.Tok))
		case nested:
			fmt.Fprintf(&w, `<bpt i="%s" x="%s">%s</bpt>`, num, num, esc(t.Tok))
		case t.Closing:
			fmt.Fprintf(&w, `<it pos="end" x="%s">%s</it>`, num, esc(t.Tok))
		default:
			fmt.Fprintf(&w, `<it pos="begin" x="%s">%s</it>`, num, esc(t.Tok))
		}
	})
	return w.String()
}

// TMXPair is a source sentence and its translation, from a TMX file.
type TMXPair struct{ Source, Target string }

// ReadTMX reads the sentence pairs from src to tgt out of a TMX file (the
// translation memory exchange format, version 1.4b): each translation unit
// <tu> that has a variant <tuv> in both languages gives a pair. Languages
// match by their base language, so a memory in en-US serves a letter in
// English. Inline codes (<bpt>, <ept>, <ph>, <it>, <ut>) hold the original
// document's markup, not text, and are left out, except one that holds an
// epistle tag (<g1>, </g1>, <x2/>, <n1/>), as [Bundle]'s TMX writes: that
// is the tag, so that a sentence with markup matches exactly. A document
// that is not TMX is a *locales.Message; XML that does not parse is the
// decoder's error.
func ReadTMX(r io.Reader, src, tgt language.Tag) ([]TMXPair, error) {
	d := xml.NewDecoder(r)
	t := tmxReader{}
	t.srcBase, _ = src.Base()
	t.tgtBase, _ = tgt.Base()
	root := true // no element read yet
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if root {
				return nil, locales.New("exchange.tmx.none")
			}
			return t.pairs, nil
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root && tok.Name.Local != "tmx" {
				return nil, locales.New("exchange.tmx.root", "Element", tok.Name.Local)
			}
			root = false
			t.start(tok)
		case xml.EndElement:
			t.end(tok)
		case xml.CharData:
			t.chars(tok)
		}
	}
}

const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

// epistleTag is a whole inline code that is one of epistle's tags.
var epistleTag = regexp.MustCompile(`^(?:` + document.TagPattern.String() + `)$`)

// tmxReader is where reading a TMX file is, element by element.
type tmxReader struct {
	srcBase, tgtBase language.Base
	pairs            []TMXPair
	unit             tmxUnit          // the <tu> being read
	lang             string           // the language of the <tuv> being read
	seg              *strings.Builder // the text of the <seg> being read
	code             *tmxCode         // the inline code being read, in a <seg>
}

// tmxUnit is what a <tu> gave so far: the first texts in the two
// languages.
type tmxUnit struct {
	source, target         string
	sourceSeen, targetSeen bool
}

// tmxCode is an inline code being read: its text, and how deep in codes.
type tmxCode struct {
	depth int
	text  strings.Builder
}

func (t *tmxReader) start(el xml.StartElement) {
	switch el.Name.Local {
	case "tu":
		t.unit = tmxUnit{}
	case "tuv":
		t.lang = ""
		for _, a := range el.Attr {
			// TMX 1.4 uses xml:lang, TMX 1.1 a plain lang.
			if a.Name.Local == "lang" && (a.Name.Space == xmlNamespace || a.Name.Space == "xml" || a.Name.Space == "") {
				t.lang = a.Value
			}
		}
	case "seg":
		t.seg = &strings.Builder{}
	case "bpt", "ept", "ph", "it", "ut":
		if t.seg != nil {
			if t.code == nil {
				t.code = &tmxCode{}
			}
			t.code.depth++
		}
	}
}

func (t *tmxReader) end(el xml.EndElement) {
	switch el.Name.Local {
	case "seg":
		if t.seg != nil {
			t.segRead(strings.TrimSpace(t.seg.String()))
		}
		t.seg = nil
	case "bpt", "ept", "ph", "it", "ut":
		if t.seg != nil && t.code != nil {
			t.code.depth--
			// A code that holds one of epistle's tags (our own TMX
			// writes them so) is that tag in the text.
			if c := t.code.text.String(); t.code.depth == 0 {
				if epistleTag.MatchString(c) {
					t.seg.WriteString(c)
				}
				t.code = nil
			}
		}
	case "tu":
		if t.unit.sourceSeen && t.unit.targetSeen {
			t.pairs = append(t.pairs, TMXPair{Source: t.unit.source, Target: t.unit.target})
		}
	}
}

// segRead takes a <seg>'s text as its unit's source or target, by the
// language of its <tuv>; the first in each language counts.
func (t *tmxReader) segRead(text string) {
	tag, err := language.Parse(t.lang)
	if err != nil || text == "" {
		return
	}
	u := &t.unit
	switch base, _ := tag.Base(); {
	case base == t.srcBase && !u.sourceSeen:
		u.source, u.sourceSeen = text, true
	case base == t.tgtBase && !u.targetSeen:
		u.target, u.targetSeen = text, true
	}
}

func (t *tmxReader) chars(text xml.CharData) {
	switch {
	case t.seg == nil:
	case t.code == nil:
		t.seg.Write(text)
	default:
		t.code.text.Write(text)
	}
}
