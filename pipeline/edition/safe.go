package edition

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/epistle-letters/epistle/pipeline/document"
)

// SafeURL returns dest if a reader may follow it from an edition: an
// absolute http, https or mailto address with nothing hidden in it. Every
// other destination — javascript:, data:, file:, a relative path that means
// nothing outside the letter's folder — gives "".
func SafeURL(dest string) string {
	dest = strings.TrimSpace(dest)
	if dest == "" || strings.ContainsFunc(dest, func(r rune) bool { return r < 0x20 || r == 0x7f || r == ' ' }) {
		return ""
	}
	u, err := url.Parse(dest)
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return ""
		}
	case "mailto":
		if u.Opaque == "" {
			return ""
		}
	default:
		return ""
	}
	return dest
}

// safeRenderer renders the parts of Markdown that could carry code or reach
// the network: raw HTML becomes visible, escaped text; a link whose
// destination is not safe keeps its words and loses its address; an image
// shows its description.
type safeRenderer struct{}

func (safeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
	reg.Register(ast.KindLink, renderLink)
	reg.Register(ast.KindAutoLink, renderAutoLink)
	reg.Register(ast.KindImage, renderImage)
}

// brTag is the one piece of raw HTML a letter's writer means as markup:
// a line break.
var brTag = regexp.MustCompile(`(?i)^<br\s*/?>$`)

func renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*ast.RawHTML)
		if seg := n.Segments.At(0); n.Segments.Len() == 1 && brTag.Match(seg.Value(source)) {
			_, _ = w.WriteString("<br />")
			return ast.WalkSkipChildren, nil
		}
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			_, _ = w.Write(util.EscapeHTML(seg.Value(source)))
		}
	}
	return ast.WalkSkipChildren, nil
}

func renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	var b bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		line := n.Lines().At(i)
		b.Write(line.Value(source))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(source))
	}
	_, _ = w.WriteString(`<pre class="raw">`)
	_, _ = w.Write(util.EscapeHTML(bytes.TrimRight(b.Bytes(), "\n")))
	_, _ = w.WriteString("</pre>\n")
	return ast.WalkSkipChildren, nil
}

func renderLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	dest := SafeURL(string(n.Destination))
	if dest == "" {
		return ast.WalkContinue, nil
	}
	if entering {
		_, _ = w.WriteString(`<a href="`)
		_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(dest), true)))
		_, _ = w.WriteString(`">`)
	} else {
		_, _ = w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}

func renderAutoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	label := n.Label(source)
	dest := string(n.URL(source))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
		dest = "mailto:" + dest
	}
	if dest = SafeURL(dest); dest == "" {
		_, _ = w.Write(util.EscapeHTML(label))
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(dest), false)))
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(util.EscapeHTML(label))
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

func renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	alt := plainText(node, source)
	if alt != "" {
		_, _ = w.WriteString(`<span class="image">[`)
		_, _ = w.Write(util.EscapeHTML([]byte(alt)))
		_, _ = w.WriteString(`]</span>`)
	}
	return ast.WalkSkipChildren, nil
}

// plainText is the text under n, without markup.
func plainText(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(source))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// linkify links the bare web and e-mail addresses a letter's writer typed.
var linkify = parser.WithInlineParsers(util.Prioritized(extension.NewLinkifyParser(), 999))

// renderers are the HTML renderers of every edition: safe, with GitHub's tables.
var renderers = goldmark.WithRendererOptions(
	renderer.WithNodeRenderers(util.Prioritized(safeRenderer{}, 0), util.Prioritized(extension.NewTableHTMLRenderer(), 500)),
	html.WithXHTML(),
)

var (
	// blockMarkdown renders whole letters, read as the document package
	// reads them (an indented paragraph is prose, not code).
	blockMarkdown = goldmark.New(
		goldmark.WithParser(parser.NewParser(append(document.ParserOptions(), linkify)...)),
		renderers)
	// inlineMarkdown renders one block's content: only paragraphs exist,
	// so a translation that begins "1." or "#" stays text.
	inlineMarkdown = goldmark.New(
		goldmark.WithParser(parser.NewParser(
			parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
			parser.WithInlineParsers(parser.DefaultInlineParsers()...),
			parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
			linkify,
		)),
		renderers)
)

// markdownHTML renders a Markdown letter as HTML.
func markdownHTML(md string) string {
	var b bytes.Buffer
	_ = blockMarkdown.Convert([]byte(md), &b)
	return b.String()
}

// inlineHTML renders one block's Markdown content as inline HTML.
func inlineHTML(md string, format string) string {
	if format != "md" {
		return strings.ReplaceAll(linkText(md), "\n", "<br />\n")
	}
	var b bytes.Buffer
	_ = inlineMarkdown.Convert([]byte(md), &b)
	s := strings.TrimSpace(b.String())
	s = strings.TrimPrefix(s, "<p>")
	s = strings.TrimSuffix(s, "</p>")
	return s
}

// bareURL is a web address typed in plain text.
var bareURL = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"]*[^\s<>".,;:!?'")\]]`)

// linkText is plain text as HTML, its web addresses linked.
func linkText(txt string) string {
	var b strings.Builder
	last := 0
	for _, loc := range bareURL.FindAllStringIndex(txt, -1) {
		b.Write(util.EscapeHTML([]byte(txt[last:loc[0]])))
		addr := txt[loc[0]:loc[1]]
		dest := addr
		if !strings.Contains(dest, "://") {
			dest = "http://" + dest
		}
		if dest = SafeURL(dest); dest != "" {
			b.WriteString(`<a href="` + string(util.EscapeHTML(util.URLEscape([]byte(dest), false))) + `">`)
			b.Write(util.EscapeHTML([]byte(addr)))
			b.WriteString("</a>")
		} else {
			b.Write(util.EscapeHTML([]byte(addr)))
		}
		last = loc[1]
	}
	b.Write(util.EscapeHTML([]byte(txt[last:])))
	return b.String()
}

// textHTML renders a plain-text letter: paragraphs at blank lines, line
// breaks kept.
func textHTML(txt string) string {
	var b strings.Builder
	for _, para := range strings.Split(strings.ReplaceAll(txt, "\r\n", "\n"), "\n\n") {
		para = strings.Trim(para, "\n")
		if strings.TrimSpace(para) == "" {
			continue
		}
		b.WriteString("<p>" + inlineHTML(para, "txt") + "</p>\n")
	}
	return b.String()
}

// marks turns the sentinels around unreviewed sentences into marks the
// reader sees. A sentence whose HTML is not well nested by itself (its
// emphasis began in the sentence before) gets a mark at its start instead
// of a wrapper, so that the page stays well formed.
func marks(h string, machineTitle, untranslatedTitle string) string {
	var b strings.Builder
	for {
		i := strings.IndexAny(h, string([]rune{openMachine, openUntranslated}))
		if i < 0 {
			b.WriteString(h)
			return b.String()
		}
		b.WriteString(h[:i])
		r := []rune(h[i:])[0]
		h = h[i+len(string(r)):]
		class, title := "machine", machineTitle
		if r == openUntranslated {
			class, title = "untranslated", untranslatedTitle
		}
		inner := h
		j := strings.IndexRune(h, closeMark)
		if j >= 0 {
			inner, h = h[:j], h[j+len(string(closeMark)):]
		} else {
			h = ""
		}
		if balanced(inner) {
			b.WriteString(`<span class="` + class + `" title="` + title + `">` + inner + `</span>`)
		} else {
			b.WriteString(`<span class="` + class + `" title="` + title + `">&#x2022;</span>` + inner)
		}
	}
}

// balanced reports whether the tags in a piece of goldmark's HTML close
// what they open, in order.
func balanced(h string) bool {
	var stack []string
	for {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			return len(stack) == 0
		}
		h = h[i+1:]
		j := strings.IndexByte(h, '>')
		if j < 0 {
			return false
		}
		tag := h[:j]
		h = h[j+1:]
		switch {
		case strings.HasSuffix(tag, "/"):
		case strings.HasPrefix(tag, "/"):
			if len(stack) == 0 || stack[len(stack)-1] != tag[1:] {
				return false
			}
			stack = stack[:len(stack)-1]
		default:
			name, _, _ := strings.Cut(tag, " ")
			stack = append(stack, name)
		}
	}
}

// parseMarkdown parses a letter for the text edition.
func parseMarkdown(md string) (ast.Node, []byte) {
	src := []byte(md)
	return blockMarkdown.Parser().Parse(text.NewReader(src)), src
}
