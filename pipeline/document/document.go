// Package document splits a letter into its skeleton and its sentences, and
// puts them back together.
//
// A [Document] is the letter as a sequence of [Part]s: literal text that is
// never translated (Markdown syntax, list markers, blank lines, code, front
// matter, the white space between sentences) and [Sentence]s, the units a
// translator sees. Inline markup inside a sentence becomes a protected tag,
// as XLIFF's inline codes do: a pair of tags <g1>…</g1> for markup around
// words (emphasis, a link's text) and a standalone tag <x2/> for markup that
// stands alone (an image, a code span, a URL, a hard line break). A
// translator may move tags but not break them; rendering a sentence puts the
// original markup back around whatever text now stands between the tags, so
// rendering the source text reproduces the letter byte for byte.
//
// A letter is not a README. An indented paragraph is prose (only fenced code
// stays code), table cells and image alt text are sentences, and the lines of
// a letter pasted from HWP, Word, e-mail or KakaoTalk end sentences where a
// person sees an end: a line that begins with a bullet or a marker (▶ ① 1.
// 가. ✅), a line of emoji, a date line, a signature's 드림 and its fields
// (전화: …), a line the writer ended early (the next words would have fitted
// on it: a title, a greeting; a wrapper's line breaks are no end), and a
// Markdown hard line break. The segmenter decides the rest, and a line it
// ends (감사해요 🙏) is ended as one with a period is.
package document

import (
	"regexp"
	"strings"
)

// Document is a parsed letter.
type Document struct {
	// Format is "md" or "txt".
	Format string `json:"format"`
	Parts  []Part `json:"parts"`
	// Blocks group the sentences the way the letter groups them: a heading, a
	// paragraph, a list item.
	Blocks []Block `json:"blocks"`
}

// Part is a piece of the letter: either Literal text or a Sentence.
type Part struct {
	Literal  string    `json:"lit,omitempty"`
	Sentence *Sentence `json:"sentence,omitempty"`
}

// Block is one block of the letter that holds sentences.
type Block struct {
	// Kind names the Markdown block: p, h1…h6, li, blockquote.
	Kind string `json:"kind"`
	// Parts[First:Last] are the block's parts, from its first sentence to
	// its last.
	First int `json:"first"`
	Last  int `json:"last"`
}

// Sentence is one translatable unit.
type Sentence struct {
	// ID is given by the caller after parsing; Parse leaves it empty.
	ID string `json:"id"`
	// Text is the sentence with inline markup as tags. It is kept in the
	// source catalog, not in the skeleton.
	Text string `json:"-"`
	// Tags holds the markup behind each tag of Text.
	Tags []Tag `json:"tags,omitempty"`
	// Breaks holds, in order, the source bytes behind each "\n" of Text: a
	// soft line break with the next line's container prefix ("\n> ").
	Breaks []string `json:"breaks,omitempty"`
	// Block is the index of the sentence's block in Document.Blocks.
	Block int `json:"block"`
}

// Tag is the markup behind a protected tag.
type Tag struct {
	// Name is the tag's name in Text: g1 for a pair, x2 for a standalone tag.
	Name string `json:"name"`
	// Open is the markup of a standalone tag or the opening of a pair.
	Open string `json:"open"`
	// Close is the markup that closes a pair.
	Close string `json:"close,omitempty"`
	// Kind says what the markup is, for renderers: em, strong, link, code,
	// image, url, html, br.
	Kind string `json:"kind,omitempty"`
}

// Sentences returns the document's sentences in order.
func (d *Document) Sentences() []*Sentence {
	var out []*Sentence
	for _, p := range d.Parts {
		if p.Sentence != nil {
			out = append(out, p.Sentence)
		}
	}
	return out
}

// TagPattern matches a protected tag in a sentence's text: <g1>, </g1>,
// <x2/>, and the placeholders of private names, <n1/>.
var TagPattern = regexp.MustCompile(`</?g[0-9]+>|<[xn][0-9]+/>`)

// Render returns the letter with every sentence's text replaced by
// text(sentence): the source text reproduces the letter; a translation gives
// the edition in its language. text returns ok=false to keep the sentence's
// own Text.
func (d *Document) Render(text func(s *Sentence) (string, bool)) string {
	var b strings.Builder
	for _, p := range d.Parts {
		if p.Sentence == nil {
			b.WriteString(p.Literal)
			continue
		}
		t, ok := text(p.Sentence)
		if !ok {
			t = p.Sentence.Text
		}
		b.WriteString(p.Sentence.Markup(t))
	}
	return b.String()
}

// Markup returns text, written with this sentence's tags and line breaks,
// as the markup of the letter: tags become the markup they stand for, and
// each newline the line break it was. A tag text does not know (a
// translation that invented one) is left out; tags it lost are lost.
func (s *Sentence) Markup(text string) string {
	var b strings.Builder
	br := 0
	last := 0
	writeText := func(t string) {
		for {
			i := strings.IndexByte(t, '\n')
			if i < 0 {
				b.WriteString(t)
				return
			}
			b.WriteString(t[:i])
			switch {
			case br < len(s.Breaks):
				b.WriteString(s.Breaks[br])
			case len(s.Breaks) > 0:
				b.WriteString(s.Breaks[len(s.Breaks)-1])
			default:
				b.WriteByte('\n')
			}
			br++
			t = t[i+1:]
		}
	}
	for _, loc := range TagPattern.FindAllStringIndex(text, -1) {
		writeText(text[last:loc[0]])
		last = loc[1]
		tok := text[loc[0]:loc[1]]
		closing := strings.HasPrefix(tok, "</")
		name := strings.Trim(tok, "</>")
		if tag := s.tag(name); tag != nil {
			if closing {
				b.WriteString(tag.Close)
			} else {
				b.WriteString(tag.Open)
			}
		} else if strings.HasPrefix(name, "n") {
			// A private placeholder is restored by the glossary, not here.
			b.WriteString(tok)
		}
	}
	writeText(text[last:])
	return b.String()
}

func (s *Sentence) tag(name string) *Tag {
	for i := range s.Tags {
		if s.Tags[i].Name == name {
			return &s.Tags[i]
		}
	}
	return nil
}
