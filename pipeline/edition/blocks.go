package edition

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/epistle-letters/epistle/pipeline/document"
)

// block is one block of the letter as the bilingual issue aligns it.
type block struct {
	// Kind is the skeleton's: p, h1…h6, li, blockquote.
	Kind string
	// Prefix is the Markdown that opens the block's first line: "# ",
	// "1. ", "> ", "   - ".
	Prefix string
	// Ordinal is a numbered list item's number, 0 otherwise; Bullet is
	// true for an item of a bulleted list.
	Ordinal int
	Bullet  bool
	// Marker is the marker of an item line of a letter that is no
	// Markdown list (▶, ①, ※), which a web page shows as it is.
	Marker string
	index  int
}

var (
	orderedMarker = regexp.MustCompile(`(?:^|[\s>])(\d{1,9})[.)][ \t]*$`)
	bulletMarker  = regexp.MustCompile(`(?:^|[\s>])[-*+][ \t]*$`)
	// lineBreak is a line break with the next line's container prefix.
	lineBreak = regexp.MustCompile(`\n[ \t>]*`)
)

// blocks describes the blocks of doc.
func blocks(doc *document.Document) []block {
	out := make([]block, len(doc.Blocks))
	for i, b := range doc.Blocks {
		out[i] = block{Kind: b.Kind, index: i, Prefix: linePrefix(doc, b.First)}
		if b.Kind == "li" {
			if m := orderedMarker.FindStringSubmatch(out[i].Prefix); m != nil {
				out[i].Ordinal, _ = strconv.Atoi(m[1])
			} else if bulletMarker.MatchString(out[i].Prefix) {
				out[i].Bullet = true
			} else {
				out[i].Marker = strings.TrimSpace(strings.TrimLeft(out[i].Prefix, " \t>"))
			}
		}
	}
	return out
}

// linePrefix returns the text of the line before part first: the markup
// that opens the block.
func linePrefix(doc *document.Document, first int) string {
	if first == 0 || doc.Parts[first-1].Sentence != nil {
		return ""
	}
	s := doc.Parts[first-1].Literal
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// inline returns the Markdown of block b in side's language as one
// paragraph: the sentences and the space between them, with line breaks
// freed of their container prefixes ("> ", indentation), so that an inline
// parser reads it as the block's content.
func inline(doc *document.Document, b int, side Side, mark bool) string {
	var sb strings.Builder
	blk := doc.Blocks[b]
	before := ""
	for i := blk.First; i < blk.Last; i++ {
		p := doc.Parts[i]
		if p.Sentence == nil {
			lit := lineBreak.ReplaceAllString(p.Literal, "\n")
			if i+1 < blk.Last && doc.Parts[i+1].Sentence != nil {
				lit = sentenceGap(lit, before, side.Lang)
			}
			sb.WriteString(lit)
			before = ""
			continue
		}
		s := *p.Sentence
		s.Breaks = nil
		s.Tags = make([]document.Tag, len(p.Sentence.Tags))
		for j, t := range p.Sentence.Tags {
			t.Open = lineBreak.ReplaceAllString(t.Open, "\n")
			t.Close = lineBreak.ReplaceAllString(t.Close, "\n")
			s.Tags[j] = t
		}
		text := s.Text
		if t, ok := side.Texts[s.ID]; ok {
			text = sentenceText(t, mark)
		}
		before = text
		sb.WriteString(s.Markup(text))
	}
	return strings.TrimSpace(sb.String())
}

// between returns the literal text of doc between block b's end and the
// next block's first line (or the end of the letter): code, rules, HTML
// blocks and pictures that belong to neither language. The rest of the
// block's own last line and a setext underline are left out, as is the
// next block's opening markup.
func between(doc *document.Document, b int) string {
	from, to := 0, len(doc.Parts)
	if b >= 0 {
		from = doc.Blocks[b].Last
	}
	if b+1 < len(doc.Blocks) {
		to = doc.Blocks[b+1].First
	}
	var sb strings.Builder
	for i := from; i < to; i++ {
		sb.WriteString(doc.Parts[i].Literal)
	}
	s := sb.String()
	if b < 0 {
		s = stripFrontMatter(s)
	} else if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
		if setext.MatchString(firstLine(s)) {
			s = strings.TrimPrefix(s, firstLine(s))
		}
	} else {
		return ""
	}
	if b+1 < len(doc.Blocks) {
		if i := strings.LastIndexByte(s, '\n'); i >= 0 {
			s = s[:i+1]
		} else {
			s = ""
		}
	}
	return s
}

var (
	setext      = regexp.MustCompile(`^[ ]{0,3}(=+|-+)[ \t]*$`)
	frontMatter = regexp.MustCompile(`\A---[ \t]*\n(?:.*\n)*?(?:---|\.\.\.)[ \t]*(?:\n|\z)`)
)

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func stripFrontMatter(s string) string {
	if loc := frontMatter.FindStringIndex(s); loc != nil {
		return s[loc[1]:]
	}
	return s
}
