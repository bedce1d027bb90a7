package edition

import (
	"fmt"
	"html"
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/document"
)

// contentPolicy forbids the page every request and every script: the issue
// is one file that works offline and runs nothing, whatever a letter holds.
const contentPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

// Korean text wants a Korean font: the families that ship with Windows,
// macOS, Android and most Linux desktops, best first, then the generic one.
const (
	koSerif = `"Noto Serif KR", "Noto Serif CJK KR", "Source Han Serif K", AppleMyungjo, "Nanum Myeongjo", Batang, serif`
	koSans  = `"Noto Sans KR", "Noto Sans CJK KR", "Source Han Sans K", "Apple SD Gothic Neo", "Malgun Gothic", "Nanum Gothic", sans-serif`
	latin   = `Georgia, "Times New Roman", serif`
)

// Japanese and Chinese want their own fonts too: Han characters are drawn
// differently in each, and a Korean font would draw them the Korean way.
const (
	jaSerif     = `"Noto Serif JP", "Noto Serif CJK JP", "Source Han Serif", "Hiragino Mincho ProN", "Yu Mincho", YuMincho, serif`
	jaSans      = `"Noto Sans JP", "Noto Sans CJK JP", "Source Han Sans", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif`
	zhSerif     = `"Noto Serif SC", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif`
	zhSans      = `"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif`
	zhHantSerif = `"Noto Serif TC", "Noto Serif CJK TC", "Source Han Serif TC", "Songti TC", PMingLiU, serif`
	zhHantSans  = `"Noto Sans TC", "Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", sans-serif`
)

// pageCSS lays the issue out: two columns on a wide screen, one on a phone,
// and on paper (A4 or Letter: the margins fit both) two narrow columns
// whose rows never break across pages.
const pageCSS = `
body { margin: 0; padding: 1.5rem; background: #fff; color: #222; font: 17px/1.65 ` + latin + `; }
main { max-width: 46rem; margin: 0 auto; }
main.issue { max-width: 76rem; }
:lang(ko) { font-family: ` + koSerif + `; word-break: keep-all; line-break: strict; }
h1, h2, h3, h4, h5, h6 { line-height: 1.3; margin: 1.2em 0 .5em; }
:lang(ko) h1, :lang(ko) h2, :lang(ko) h3, :lang(ko) h4, :lang(ko) h5, :lang(ko) h6 { font-family: ` + koSans + `; }
:lang(ja) { font-family: ` + jaSerif + `; line-break: strict; }
:lang(ja) h1, :lang(ja) h2, :lang(ja) h3, :lang(ja) h4, :lang(ja) h5, :lang(ja) h6 { font-family: ` + jaSans + `; }
:lang(zh) { font-family: ` + zhSerif + `; line-break: strict; }
:lang(zh) h1, :lang(zh) h2, :lang(zh) h3, :lang(zh) h4, :lang(zh) h5, :lang(zh) h6 { font-family: ` + zhSans + `; }
:lang(zh-Hant), :lang(zh-TW), :lang(zh-HK) { font-family: ` + zhHantSerif + `; }
:lang(zh-Hant) h1, :lang(zh-Hant) h2, :lang(zh-Hant) h3, :lang(zh-TW) h1, :lang(zh-TW) h2, :lang(zh-TW) h3 { font-family: ` + zhHantSans + `; }
h1 { font-size: 1.6rem; }
p, ol, ul, blockquote { margin: .6em 0; }
blockquote { border-left: 3px solid #ccc; padding-left: 1em; color: #444; }
a { color: #1a5c9c; }
.raw, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; white-space: pre-wrap; }
.machine { background: #fff4d6; }
.untranslated { background: #fde2e1; }
.pair { display: grid; grid-template-columns: 1fr 1fr; column-gap: 2.5rem; align-items: start; }
.pair > div > :first-child { margin-top: .6em; }
.shared { margin: .6em 0; }
@media (max-width: 44rem) {
  body { padding: 1rem; font-size: 16px; }
  .pair { grid-template-columns: 1fr; }
  .pair > div + div { color: #333; border-left: 3px solid #e6e6e6; padding-left: .8em; }
}
@media print {
  @page { margin: 15mm 14mm; }
  body { padding: 0; font-size: 10.5pt; }
  main, main.issue { max-width: none; }
  .pair { column-gap: 7mm; break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .machine, .untranslated { background: none; text-decoration: underline dotted; }
}
`

// notes returns the titles of the marks on unreviewed sentences, in the
// edition's language where epistle speaks it.
func notes(lang language.Tag) (machine, untranslated string) {
	p := locales.NewPrinter(lang)
	return html.EscapeString(p.T("export.mark.machine")), html.EscapeString(p.T("export.mark.untranslated"))
}

func page(lang language.Tag, title, class, body string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n")
	fmt.Fprintf(&b, "<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", lang)
	fmt.Fprintf(&b, "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n", contentPolicy)
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<meta name=\"referrer\" content=\"no-referrer\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", html.EscapeString(title), pageCSS)
	fmt.Fprintf(&b, "<main class=\"%s\">\n%s</main>\n</body>\n</html>\n", class, body)
	return b.String()
}

// htmlPage is the edition in one language as a web page.
func htmlPage(l *Letter, side Side) string {
	return page(side.Lang, title(l, side), "edition", body(l.Doc, side))
}

func body(doc *document.Document, side Side) string {
	var h string
	if doc.Format == "md" {
		h = markdownHTML(stripFrontMatter(markdownEditionLines(doc, side)))
	} else {
		h = textHTML(markdownEdition(doc, side, true))
	}
	m, u := notes(side.Lang)
	return marks(h, m, u)
}

// title is the text of the letter's first heading, or its file name.
func title(l *Letter, side Side) string {
	for i, b := range l.Doc.Blocks {
		if strings.HasPrefix(b.Kind, "h") {
			if t := inlinePlain(inline(l.Doc, i, side, false), l.Doc.Format); t != "" {
				return t
			}
		}
	}
	return l.Name
}

func inlinePlain(md, format string) string {
	if format != "md" {
		return strings.TrimSpace(md)
	}
	n, src := inlineMarkdown.Parser().Parse(textReader(md)), []byte(md)
	return strings.TrimSpace(plainText(n, src))
}

// blockHTML is block b of the letter in side's language, with the element
// its kind calls for; a list item keeps its number.
func blockHTML(doc *document.Document, blk block, side Side) string {
	in := inlineHTML(inline(doc, blk.index, side, true), doc.Format)
	m, u := notes(side.Lang)
	in = marks(in, m, u)
	switch {
	case len(blk.Kind) == 2 && blk.Kind[0] == 'h':
		return "<" + blk.Kind + ">" + in + "</" + blk.Kind + ">"
	case blk.Kind == "li" && blk.Ordinal > 0:
		return fmt.Sprintf("<ol start=\"%d\"><li>%s</li></ol>", blk.Ordinal, in)
	case blk.Kind == "li" && blk.Bullet:
		return "<ul><li>" + in + "</li></ul>"
	case blk.Kind == "li" && blk.Marker != "":
		return "<p>" + html.EscapeString(blk.Marker) + " " + in + "</p>"
	case blk.Kind == "blockquote":
		return "<blockquote><p>" + in + "</p></blockquote>"
	}
	return "<p>" + in + "</p>"
}

// sharedHTML is what stands between block b and the next that belongs to
// neither language (code, a rule, an HTML block), or "".
func sharedHTML(doc *document.Document, b int) string {
	lit := between(doc, b)
	if strings.TrimSpace(lit) == "" || doc.Format != "md" {
		return ""
	}
	return strings.TrimSpace(markdownHTML(lit))
}

// bilingualHTML is the issue: each block of the letter beside its
// translation, one row per block.
func bilingualHTML(l *Letter) string {
	var b strings.Builder
	src, tgt := l.Source, *l.Target
	if s := sharedHTML(l.Doc, -1); s != "" {
		b.WriteString("<div class=\"shared\">" + s + "</div>\n")
	}
	for _, blk := range blocks(l.Doc) {
		fmt.Fprintf(&b, "<div class=\"pair\" data-block=\"%d\">\n<div lang=\"%s\">%s</div>\n<div lang=\"%s\">%s</div>\n</div>\n",
			blk.index+1, src.Lang, blockHTML(l.Doc, blk, src), tgt.Lang, blockHTML(l.Doc, blk, tgt))
		if s := sharedHTML(l.Doc, blk.index); s != "" {
			b.WriteString("<div class=\"shared\">" + s + "</div>\n")
		}
	}
	return page(tgt.Lang, title(l, src)+" · "+title(l, tgt), "issue", b.String())
}
