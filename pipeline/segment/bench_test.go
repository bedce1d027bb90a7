package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// BenchmarkSplitKorean segments about 1 MB of Korean: the kiwipiepy test files, repeated,
// one paragraph per Split call as the pipeline does.
func BenchmarkSplitKorean(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(sharedEval, "kiwipiepy-sentence-split", "*.txt"))
	var paras []string
	size := 0
	for size < 1<<20 && len(files) > 0 {
		for _, f := range files {
			if filepath.Base(f) == "LICENSE.txt" {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			for _, p := range strings.Split(string(data), "\n\n") {
				p = strings.ReplaceAll(p, "\n", "")
				paras = append(paras, p)
				size += len(p)
			}
		}
	}
	if size == 0 {
		b.Skip("kiwipiepy test files not found beside the repository (../shared)")
	}
	s, err := New(language.Korean)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			s.Split(p)
		}
	}
}

// BenchmarkSplitKoreanOneText segments the same megabyte as one text, to show that the
// cost stays linear in the length of a single input.
func BenchmarkSplitKoreanOneText(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(sharedEval, "kiwipiepy-sentence-split", "*.txt"))
	var sb strings.Builder
	for sb.Len() < 1<<20 && len(files) > 0 {
		for _, f := range files {
			if filepath.Base(f) == "LICENSE.txt" {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
		}
	}
	text := sb.String()
	if text == "" {
		b.Skip("kiwipiepy test files not found beside the repository (../shared)")
	}
	s, err := New(language.Korean)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Split(text)
	}
}

// BenchmarkNewWithNoBreak measures building a Korean segmenter with a user's word: the rule
// files are compiled once per process, but the rule index is rebuilt for the extra rule.
func BenchmarkNewWithNoBreak(b *testing.B) {
	for b.Loop() {
		if _, err := New(language.Korean, WithNoBreak("Rev.")); err != nil {
			b.Fatal(err)
		}
	}
}
