package segment

import (
	"testing"

	"golang.org/x/text/language"
)

// BenchmarkNewWithNoBreak measures building a Korean segmenter with a user's word: the rule
// files are compiled once per process, but the rule index is rebuilt for the extra rule.
func BenchmarkNewWithNoBreak(b *testing.B) {
	for b.Loop() {
		if _, err := New(language.Korean, WithNoBreak("Rev.")); err != nil {
			b.Fatal(err)
		}
	}
}
