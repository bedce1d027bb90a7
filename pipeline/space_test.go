package pipeline

import (
	"maps"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/catalog"
)

func TestOneLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"문안 드립니다.", "문안 드립니다."},
		{"문안\n드립니다.", "문안 드립니다."},
		{"문안\r\n드립니다.", "문안 드립니다."},
		{"문안  드립니다.", "문안 드립니다."},
		{"문안\t드립니다.", "문안 드립니다."},
		{"문안\u00a0드립니다.", "문안 드립니다."},
		{"문안\u3000드립니다.", "문안 드립니다."},
		{"문안 \n\t 드립니다.", "문안 드립니다."},
		{" 문안 드립니다. ", "문안 드립니다."},
		{"\n", ""},
		{" ", ""},
		{"a <g1>b</g1>\nc", "a <g1>b</g1> c"},
		{"a\u200bb", "a\u200bb"}, // a zero-width space is no white space
	} {
		if got := OneLine(tc.in); got != tc.want {
			t.Errorf("OneLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// testdataLetters are every letter in the repository's testdata.
func testdataLetters(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, pattern := range []string{"../testdata/*.ko.md", "../testdata/*/*.ko.md", "../testdata/letters/*"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, files...)
	}
	if len(out) < 6 {
		t.Fatalf("found %d testdata letters: %v", len(out), out)
	}
	return out
}

// rewrap breaks the prose lines of a letter as an e-mail program does, and
// writes the white space between some words as a tab, a double space, an
// NBSP or an ideographic space. It touches only spaces between two letters
// on lines that begin with a letter, so that no Markdown changes meaning.
func rewrap(letter string, width int) string {
	lines := strings.SplitAfter(letter, "\n")
	fence := false
	var b strings.Builder
	odd := []string{"\t", "  ", "\u00a0", "\u3000"}
	n := 0
	for _, line := range lines {
		if strings.HasPrefix(line, "```") || strings.HasPrefix(line, "---") {
			fence = !fence
		}
		first, _ := utf8.DecodeRuneInString(line)
		if fence || !unicode.IsLetter(first) {
			b.WriteString(line)
			continue
		}
		runes := []rune(line)
		col := 0
		for i, r := range runes {
			col++
			if r == ' ' && i > 0 && i+1 < len(runes) && unicode.IsLetter(runes[i-1]) && unicode.IsLetter(runes[i+1]) {
				n++
				switch {
				case col >= width:
					b.WriteByte('\n')
					col = 0
					continue
				case n%5 == 0:
					b.WriteString(odd[n/5%len(odd)])
					continue
				}
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// approveAll approves a translation of every sentence of l into lang, as a
// reviewer would, and returns the catalog's path.
func approveAll(t *testing.T, l *Letter, lang language.Tag) string {
	t.Helper()
	c := &catalog.Catalog{}
	for _, m := range l.SourceCatalog.Messages {
		c.Set(&catalog.Message{ID: m.ID, Hash: l.Hash(m.ID), Description: "approved", Other: "EN " + m.ID})
	}
	path := l.CatalogPath("active", lang)
	if err := WriteFiles([]File{{Path: path, Data: c.Marshal("")}}); err != nil {
		t.Fatal(err)
	}
	return path
}

// Re-wrapping a letter, or writing its spaces otherwise, is no edit: every
// approval of every testdata letter stays an approval of the same sentence,
// and the letter itself still comes back byte for byte.
func TestRewrapKeepsEveryApproval(t *testing.T) {
	for _, f := range testdataLetters(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data := string(mustRead(t, f))
			dir := t.TempDir()
			l := openIn(t, dir, filepath.Base(f), []byte(data), "")
			lang := language.English
			if l.Source == lang {
				lang = language.French
			}
			approveAll(t, l, lang)
			before := texts(l)
			for _, width := range []int{12, 30} {
				wrapped := rewrap(data, width)
				if wrapped == data {
					continue
				}
				l2 := openIn(t, dir, filepath.Base(f), []byte(wrapped), "")
				if got := l2.SourceEdition(); got != wrapped {
					t.Errorf("width %d: the re-wrapped letter does not come back byte for byte", width)
				}
				if after := texts(l2); !maps.Equal(after, before) {
					t.Errorf("width %d: re-wrapping changed the sentences:\nbefore %q\nafter  %q", width, before, after)
				}
				tr, err := l2.LoadTranslations(lang)
				if err != nil {
					t.Fatal(err)
				}
				if c := Count(l2.States(tr)); c.Approved != len(before) {
					t.Errorf("width %d: %+v after re-wrapping, want all %d approved", width, c, len(before))
				}
			}
		})
	}
}
