package edition

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/store"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// openFixture opens a copy of testdata/NAME in a temporary folder.
func openFixture(t *testing.T, name string) *store.Letter {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := store.Open(path, store.OpenOptions{Config: &store.Config{Source: "ko"}})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// pairs reads a TSV of source sentence and translation.
func pairs(t testing.TB, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if src, tgt, ok := strings.Cut(line, "\t"); ok && !strings.HasPrefix(line, "#") {
			out[src] = tgt
		}
	}
	return out
}

// english is the fixture's translation, every sentence approved but those
// named in machine (machine output) and untranslated (left out).
func english(t *testing.T, l *store.Letter, machine, untranslated map[int]bool) *Side {
	t.Helper()
	tr := pairs(t, filepath.Join("testdata", "letter.en.tsv"))
	side := &Side{Lang: language.English, Texts: map[string]Sentence{}}
	for i, m := range l.SourceCatalog.Messages {
		en, ok := tr[m.Other]
		if !ok {
			t.Fatalf("no translation of %q in letter.en.tsv", m.Other)
		}
		switch {
		case untranslated[i]:
			side.Texts[m.ID] = Sentence{Text: m.Other, Origin: Untranslated}
		case machine[i]:
			side.Texts[m.ID] = Sentence{Text: en, Origin: Machine}
		default:
			side.Texts[m.ID] = Sentence{Text: en}
		}
	}
	return side
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file; run go test -update and review the diff\n--- got ---\n%s", name, got)
	}
}

func TestEditionsGolden(t *testing.T) {
	l := openFixture(t, "letter.ko.md")
	approved := english(t, l, nil, nil)
	unreviewed := english(t, l, map[int]bool{1: true, 8: true}, map[int]bool{3: true})
	src := SourceSide(l)
	for _, c := range []struct {
		name      string
		target    *Side
		format    Format
		bilingual bool
	}{
		{"ko.md", nil, Markdown, false},
		{"ko.html", nil, HTML, false},
		{"ko.txt", nil, Text, false},
		{"en.md", approved, Markdown, false},
		{"en.txt", approved, Text, false},
		{"en.html", approved, HTML, false},
		{"en.email.html", approved, Email, false},
		{"en-unreviewed.html", unreviewed, HTML, false},
		{"bilingual.md", approved, Markdown, true},
		{"bilingual.txt", approved, Text, true},
		{"bilingual.html", approved, HTML, true},
		{"bilingual.email.html", unreviewed, Email, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Write(&Letter{Name: "letter.ko.md", Doc: l.Doc, Source: src, Target: c.target}, c.format, c.bilingual)
			golden(t, c.name, got)
		})
	}
}
