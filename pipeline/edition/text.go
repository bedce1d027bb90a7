package edition

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/epistle-letters/epistle/pipeline/document"
)

func textReader(s string) text.Reader { return text.NewReader([]byte(s)) }

// textEdition is the edition without Markdown's syntax: what an email
// client without HTML or a text message shows. Paragraphs are separated by
// blank lines, list items keep their numbers or a dash, quotes and code are
// indented, a link's address follows its words in parentheses.
func textEdition(doc *document.Document, side Side) string {
	md := markdownEdition(doc, side, false)
	if doc.Format != "md" {
		return md
	}
	return markdownText(stripFrontMatter(md))
}

// markdownText renders a Markdown document as plain text.
func markdownText(md string) string {
	n, src := parseMarkdown(md)
	var w textWriter
	w.src = src
	w.blocks(n, "")
	return strings.TrimRight(w.b.String(), "\n") + "\n"
}

type textWriter struct {
	b   strings.Builder
	src []byte
}

// blocks writes the children of n, each block after a blank line; indent
// prefixes every line.
func (w *textWriter) blocks(n ast.Node, indent string) {
	first := true
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if !first && !tightItem(c) {
			w.b.WriteString(strings.TrimRight(indent, " ") + "\n")
		}
		first = false
		w.block(c, indent)
	}
}

func tightItem(n ast.Node) bool {
	if l, ok := n.Parent().(*ast.List); ok {
		return l.IsTight
	}
	if _, ok := n.Parent().(*ast.ListItem); ok {
		if l, ok := n.Parent().Parent().(*ast.List); ok {
			return l.IsTight
		}
	}
	return false
}

func (w *textWriter) block(n ast.Node, indent string) {
	switch t := n.(type) {
	case *ast.Heading, *ast.Paragraph, *ast.TextBlock:
		w.lines(w.inline(t), indent, indent)
	case *ast.List:
		num := t.Start
		for item := t.FirstChild(); item != nil; item = item.NextSibling() {
			marker := "- "
			if t.IsOrdered() {
				marker = strconv.Itoa(num) + ". "
				num++
			}
			if item != t.FirstChild() && !t.IsTight {
				w.b.WriteString(strings.TrimRight(indent, " ") + "\n")
			}
			w.item(item, indent, marker)
		}
	case *ast.Blockquote:
		w.blocks(t, indent+"    ")
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var code strings.Builder
		for i := 0; i < t.Lines().Len(); i++ {
			line := t.Lines().At(i)
			code.Write(line.Value(w.src))
		}
		w.lines(strings.TrimRight(code.String(), "\n"), indent+"    ", indent+"    ")
	case *ast.HTMLBlock:
		var raw strings.Builder
		for i := 0; i < t.Lines().Len(); i++ {
			line := t.Lines().At(i)
			raw.Write(line.Value(w.src))
		}
		w.lines(strings.TrimRight(raw.String(), "\n"), indent, indent)
	case *ast.ThematicBreak:
		w.lines("* * *", indent, indent)
	default:
		w.blocks(t, indent)
	}
}

// item writes a list item: its first block after the marker, the rest
// indented under it.
func (w *textWriter) item(item ast.Node, indent, marker string) {
	pad := strings.Repeat(" ", len(marker))
	first := true
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		if first {
			var sub textWriter
			sub.src = w.src
			sub.block(c, "")
			w.lines(strings.TrimRight(sub.b.String(), "\n"), indent+marker, indent+pad)
			first = false
			continue
		}
		if !tightItem(c) {
			w.b.WriteString("\n")
		}
		w.block(c, indent+pad)
	}
}

// lines writes s with first before its first line and rest before the
// others.
func (w *textWriter) lines(s, first, rest string) {
	for i, line := range strings.Split(s, "\n") {
		p := rest
		if i == 0 {
			p = first
		}
		if line == "" {
			w.b.WriteString(strings.TrimRight(p, " ") + "\n")
			continue
		}
		w.b.WriteString(p + line + "\n")
	}
}

// inline is the text of an inline container.
func (w *textWriter) inline(n ast.Node) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(w.src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			b.WriteString(plainText(t, w.src))
		case *ast.Image:
			if alt := plainText(t, w.src); alt != "" {
				b.WriteString("[" + alt + "]")
			}
		case *ast.Link:
			words := w.inline(t)
			b.WriteString(words)
			if dest := SafeURL(string(t.Destination)); dest != "" && dest != words {
				b.WriteString(" (" + dest + ")")
			}
		case *ast.AutoLink:
			b.Write(t.Label(w.src))
		case *ast.RawHTML:
			for i := 0; i < t.Segments.Len(); i++ {
				seg := t.Segments.At(i)
				b.Write(seg.Value(w.src))
			}
		default:
			b.WriteString(w.inline(t))
		}
	}
	return b.String()
}
