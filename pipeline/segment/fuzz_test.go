package segment

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// FuzzSplit checks what every caller relies on: spans in order, not overlapping, inside the
// text, on rune boundaries, trimmed, covering every non-space rune, and never cutting a tag.
func FuzzSplit(f *testing.F) {
	for _, seed := range []string{
		"감사합니다. 기도해 주세요!! 있어요^^ 많이 기도해 주세요",
		"<g1>감사합니다.</g1> <x2/>기도해 <n1/>주세요.\n\n다음 문단",
		"Dr. Kim lives in the U.S. He came at 5 p.m. Thanks!",
		"1.) The first item 2.) The second item . . . . Next",
		"\xff\xfe<g1 <1> </x> <x1/",
		"2024. 5. 12. 1.5억 https://example.org/a.b kim@example.org ",
	} {
		f.Add(seed)
	}
	segs := map[string]*Segmenter{}
	for _, tag := range []language.Tag{language.Korean, language.English, language.French} {
		s, err := New(tag, WithNoBreak("Rev.", "St."))
		if err != nil {
			f.Fatal(err)
		}
		segs[tag.String()] = s
	}
	f.Fuzz(func(t *testing.T, text string) {
		_, tags := stripTags(text)
		boundary := make([]bool, len(text)+1)
		for i := range text {
			boundary[i] = true
		}
		boundary[len(text)] = true
		for name, s := range segs {
			spans := s.Split(text)
			covered := make([]bool, len(text))
			prev := 0
			for _, sp := range spans {
				if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
					t.Fatalf("%s: bad span %v after %d in %q: %v", name, sp, prev, text, spans)
				}
				if !boundary[sp.Start] || !boundary[sp.End] {
					t.Fatalf("%s: span %v cuts a rune in %q", name, sp, text)
				}
				first, _ := utf8.DecodeRuneInString(text[sp.Start:sp.End])
				last, _ := utf8.DecodeLastRuneInString(text[sp.Start:sp.End])
				if unicode.IsSpace(first) || unicode.IsSpace(last) {
					t.Fatalf("%s: span %v not trimmed: %q", name, sp, text[sp.Start:sp.End])
				}
				for i := sp.Start; i < sp.End; i++ {
					covered[i] = true
				}
				prev = sp.End
			}
			for i, r := range text {
				if !unicode.IsSpace(r) && !covered[i] {
					t.Fatalf("%s: rune %q at %d not in any span of %q: %v", name, r, i, text, spans)
				}
			}
			for _, tg := range tags {
				inside := false
				for _, sp := range spans {
					if sp.Start <= tg.start && tg.end <= sp.End {
						inside = true
					}
				}
				if !inside {
					t.Fatalf("%s: tag %q cut: %v", name, text[tg.start:tg.end], spans)
				}
			}
		}
	})
}
