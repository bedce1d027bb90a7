package edition

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/epistle-letters/epistle/pipeline/store"
)

// BenchmarkSampleEditions measures each edition of the sample letter, from
// its skeleton and texts to the finished file.
func BenchmarkSampleEditions(b *testing.B) {
	dir := b.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "2023-06-3.ko.md"))
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "2023-06-3.ko.md")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	l, err := store.Open(path, store.OpenOptions{Config: &store.Config{Source: "ko"}})
	if err != nil {
		b.Fatal(err)
	}
	letter := &Letter{Name: "2023-06-3.ko.md", Doc: l.Doc, Source: SourceSide(l), Target: sampleEnglish(b, l)}
	for _, c := range []struct {
		name      string
		format    Format
		bilingual bool
	}{
		{"md", Markdown, false}, {"txt", Text, false}, {"html", HTML, false},
		{"bilingual-html", HTML, true}, {"bilingual-email", Email, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				Write(letter, c.format, c.bilingual)
			}
		})
	}
}
