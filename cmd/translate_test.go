package cmd

import (
	"bytes"
	"testing"

	"golang.org/x/text/language"
)

// Each language gets a line of its own, redrawn in place, and the last
// line is ended.
func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	p := &progressLine{o: &IO{Err: &buf}}
	en, ja := p.forLang(language.English), p.forLang(language.Japanese)
	en(0, 4)
	en(4, 4)
	ja(0, 2)
	ja(2, 2)
	p.end()
	p.end()
	want := "\repistle: en [..............................] 0/4" +
		"\repistle: en [##############################] 4/4\n" +
		"\repistle: ja [..............................] 0/2" +
		"\repistle: ja [##############################] 2/2\n"
	if buf.String() != want {
		t.Errorf("progress wrote\n%q, want\n%q", buf.String(), want)
	}
}
