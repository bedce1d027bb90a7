package edition

import (
	"strings"
	"testing"
)

// HTML written as text in a translation (a <script> from an imported file)
// stays words in every edition: escaped in Markdown, shown as text in plain
// text and on the web page; the letter's own markup (its tags) is kept.
func TestTranslationMarkupIsText(t *testing.T) {
	l := openFixture(t, "letter.ko.md")
	side := english(t, l, nil, nil)
	first := l.SourceCatalog.Messages[0]
	side.Texts[first.ID] = Sentence{Text: "We <script>alert(1)</script> pray, <!-- x --> and 3 < 5."}
	letter := &Letter{Name: "letter.ko.md", Doc: l.Doc, Source: SourceSide(l), Target: side}

	md := string(Write(letter, Markdown, false))
	if !strings.Contains(md, `We \<script>alert(1)\</script> pray, \<!-- x --> and 3 < 5.`) {
		t.Errorf("Markdown edition does not escape the translation's HTML:\n%s", md)
	}
	if bi := string(Write(letter, Markdown, true)); !strings.Contains(bi, `We \<script>alert(1)\</script> pray`) {
		t.Errorf("bilingual Markdown does not escape the translation's HTML:\n%s", bi)
	}
	if txt := string(Write(letter, Text, false)); !strings.Contains(txt, "We <script>alert(1)</script> pray, <!-- x --> and 3 < 5.") {
		t.Errorf("text edition does not show the words as written:\n%s", txt)
	}
	html := string(Write(letter, HTML, false))
	if strings.Contains(html, "<script") || !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("web page does not show the translation's HTML as text:\n%s", html)
	}
}
