package edition

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/epistle-letters/epistle/pipeline/store"
)

// openLetter opens a letter with the given name and content in a temporary folder.
func openLetter(t *testing.T, name, content string) *store.Letter {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := store.Open(path, store.OpenOptions{Config: &store.Config{Source: "ko"}})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestLetterMarkupInHTML: what a letter's writer types in Markdown shows in
// the web and e-mail editions as a reader expects: a <br> breaks the line,
// a table is a table, an indented paragraph is a paragraph (not code), and
// a bare address is a link; in a plain-text letter too.
func TestLetterMarkupInHTML(t *testing.T) {
	md := openLetter(t, "note.ko.md", "첫 줄입니다<br>둘째 줄입니다\n\n"+
		"| 때 | 할 일 |\n|---|---|\n| 6월 | 성경학교 |\n\n"+
		"\t들여 쓴 문단입니다.\n\n"+
		"사진은 https://example.org/photos 에 있어요.\n")
	txt := openLetter(t, "note.ko.txt", "사진은 https://example.org/photos?a=1&b=2 에 있어요.\n")
	for _, f := range []Format{HTML, Email} {
		h := string(Write(&Letter{Name: "note.ko.md", Doc: md.Doc, Source: SourceSide(md)}, f, false))
		for _, want := range []string{
			"첫 줄입니다<br />둘째 줄입니다",
			"<table", "<td>성경학교</td>",
			"들여 쓴 문단입니다.</p>",
			`href="https://example.org/photos">https://example.org/photos</a> 에`,
		} {
			if !strings.Contains(h, want) {
				t.Errorf("%v edition of the Markdown letter lacks %q:\n%s", f, want, h)
			}
		}
		if strings.Contains(h, "<pre") || strings.Contains(h, "&lt;br") {
			t.Errorf("%v edition shows code or a literal <br>:\n%s", f, h)
		}
		h = string(Write(&Letter{Name: "note.ko.txt", Doc: txt.Doc, Source: SourceSide(txt)}, f, false))
		if !strings.Contains(h, `href="https://example.org/photos?a=1&amp;b=2">https://example.org/photos?a=1&amp;b=2</a> 에`) {
			t.Errorf("%v edition of the text letter does not link its address:\n%s", f, h)
		}
	}
}
