package edition

import (
	"strings"
	"unicode/utf8"

	"github.com/epistle-letters/epistle/pipeline/document"
)

// bilingualMarkdown interleaves the letter and its translation: after each
// block of the letter comes the same block translated, as a heading of the
// same level, a paragraph, or a paragraph inside the same list item or
// quote, so that the Markdown still has the letter's structure.
func bilingualMarkdown(l *Letter) string {
	doc := l.Doc
	ends := map[int]block{}
	for _, blk := range blocks(doc) {
		ends[doc.Blocks[blk.index].Last] = blk
	}
	var b strings.Builder
	pending := ""
	for i := 0; i <= len(doc.Parts); i++ {
		if blk, ok := ends[i]; ok {
			pending = translatedBlock(doc, blk, *l.Target)
		}
		if i == len(doc.Parts) {
			break
		}
		p := doc.Parts[i]
		if p.Sentence != nil {
			t, ok := l.Source.Texts[p.Sentence.ID]
			text := p.Sentence.Text
			if ok {
				text = clean(t.Text)
			}
			b.WriteString(p.Sentence.Markup(text))
			continue
		}
		lit := p.Literal
		if pending != "" {
			// The translation goes after the block's last line (and a setext
			// underline), before the blank line or next line that follows.
			cut := len(lit)
			if j := strings.Index(lit, "\n\n"); j >= 0 {
				cut = j
			} else if j := strings.IndexByte(lit, '\n'); j >= 0 {
				cut = j
			}
			b.WriteString(lit[:cut] + "\n\n" + pending)
			if lit = lit[cut:]; lit == "" {
				lit = "\n"
			}
			pending = ""
		}
		b.WriteString(lit)
	}
	if pending != "" {
		b.WriteString("\n\n" + pending + "\n")
	}
	return b.String()
}

// translatedBlock writes block blk in side's language with the prefix its
// lines need to stay inside the block's container.
func translatedBlock(doc *document.Document, blk block, side Side) string {
	text := inline(doc, blk.index, side, false)
	lead, cont := blk.Prefix, blk.Prefix
	switch {
	case len(blk.Kind) == 2 && blk.Kind[0] == 'h':
		if !strings.HasPrefix(strings.TrimLeft(lead, " >"), "#") {
			lead = strings.Repeat("#", int(blk.Kind[1]-'0')) + " "
		}
		return lead + strings.ReplaceAll(text, "\n", " ")
	case blk.Kind == "li":
		// Under the item's marker: spaces as wide as the marker, the
		// quote markers before it kept.
		quote := ""
		if j := strings.LastIndexByte(lead, '>'); j >= 0 {
			quote = lead[:j+1] + " "
		}
		lead = quote + strings.Repeat(" ", utf8.RuneCountInString(lead)-len(quote))
		cont = lead
	}
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("\n" + cont)
		} else {
			b.WriteString(lead)
		}
		b.WriteString(line)
	}
	return b.String()
}

// bilingualText is the interleaved issue without Markdown syntax.
func bilingualText(l *Letter) string {
	md := bilingualMarkdown(l)
	if l.Doc.Format != "md" {
		return md
	}
	return markdownText(stripFrontMatter(md))
}
