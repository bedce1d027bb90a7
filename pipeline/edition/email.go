package edition

import (
	"fmt"
	"html"
	"regexp"
	"strings"

	"golang.org/x/text/language"
)

// Mail clients drop <style> and ignore grids: an email edition is tables,
// every element styled where it stands.
var emailStyles = map[string]string{
	"p":          "margin:0 0 12px 0;",
	"h1":         "margin:0 0 12px 0;font-size:24px;line-height:1.3;",
	"h2":         "margin:16px 0 10px 0;font-size:20px;line-height:1.3;",
	"h3":         "margin:14px 0 8px 0;font-size:18px;line-height:1.3;",
	"h4":         "margin:12px 0 8px 0;font-size:16px;",
	"h5":         "margin:12px 0 8px 0;font-size:15px;",
	"h6":         "margin:12px 0 8px 0;font-size:14px;",
	"ol":         "margin:0 0 12px 0;padding-left:24px;",
	"ul":         "margin:0 0 12px 0;padding-left:24px;",
	"li":         "margin:0 0 6px 0;",
	"blockquote": "margin:0 0 12px 0;padding-left:12px;border-left:3px solid #cccccc;color:#444444;",
	"pre":        "margin:0 0 12px 0;white-space:pre-wrap;font-family:Menlo,Consolas,monospace;font-size:13px;",
	"a":          "color:#1a5c9c;",
}

var openTag = regexp.MustCompile(`<(p|h[1-6]|ol|ul|li|blockquote|pre|a)([ >])`)

// inlineStyles gives every element goldmark writes its style attribute.
func inlineStyles(h string) string {
	h = strings.ReplaceAll(h, `<span class="machine"`, `<span class="machine" style="background:#fff4d6;"`)
	h = strings.ReplaceAll(h, `<span class="untranslated"`, `<span class="untranslated" style="background:#fde2e1;"`)
	return openTag.ReplaceAllStringFunc(h, func(m string) string {
		sub := openTag.FindStringSubmatch(m)
		return "<" + sub[1] + ` style="` + emailStyles[sub[1]] + `"` + sub[2]
	})
}

// fontFor is the font stack of a column of the email, by its script.
func fontFor(lang language.Tag) string {
	stack := `Georgia,'Times New Roman',serif`
	base, _ := lang.Base()
	script, _ := lang.Script()
	switch {
	case base.String() == "ko":
		stack = koSans
	case base.String() == "ja":
		stack = jaSans
	case base.String() == "zh" && script.String() == "Hant":
		stack = zhHantSans
	case base.String() == "zh":
		stack = zhSans
	}
	return strings.ReplaceAll(stack, `"`, "'")
}

func emailDoc(lang language.Tag, title, rows string, width int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", lang)
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n</head>\n", html.EscapeString(title))
	b.WriteString("<body style=\"margin:0;padding:0;background-color:#f4f1ea;\">\n")
	b.WriteString("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color:#f4f1ea;\">\n<tr><td align=\"center\" style=\"padding:16px 8px;\">\n")
	fmt.Fprintf(&b, "<table role=\"presentation\" width=\"%d\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%%;max-width:%dpx;background-color:#ffffff;color:#222222;font-size:16px;line-height:1.6;\">\n", width, width)
	b.WriteString(rows)
	b.WriteString("</table>\n</td></tr>\n</table>\n</body>\n</html>\n")
	return b.String()
}

func emailCell(lang language.Tag, content, width string) string {
	return fmt.Sprintf("<td valign=\"top\" width=\"%s\" lang=\"%s\" style=\"padding:8px 16px;font-family:%s;\">%s</td>", width, lang, fontFor(lang), content)
}

// emailPage is the edition in one language as an HTML email.
func emailPage(l *Letter, side Side) string {
	row := "<tr>" + emailCell(side.Lang, "\n"+inlineStyles(body(l.Doc, side)), "100%") + "</tr>\n"
	return emailDoc(side.Lang, title(l, side), row, 640)
}

// bilingualEmail is the issue as an email: a table row per block, the
// letter on the left and its translation on the right.
func bilingualEmail(l *Letter) string {
	var b strings.Builder
	src, tgt := l.Source, *l.Target
	shared := func(i int) {
		if s := sharedHTML(l.Doc, i); s != "" {
			fmt.Fprintf(&b, "<tr><td colspan=\"2\" style=\"padding:8px 16px;\">%s</td></tr>\n", inlineStyles(s))
		}
	}
	shared(-1)
	for _, blk := range blocks(l.Doc) {
		b.WriteString("<tr>" + emailCell(src.Lang, inlineStyles(blockHTML(l.Doc, blk, src)), "50%") +
			emailCell(tgt.Lang, inlineStyles(blockHTML(l.Doc, blk, tgt)), "50%") + "</tr>\n")
		shared(blk.index)
	}
	return emailDoc(tgt.Lang, title(l, src)+" · "+title(l, tgt), b.String(), 960)
}
