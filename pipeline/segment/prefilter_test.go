package segment

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// naiveBreaks applies every rule at every position, each regexp seeing the full window of
// text: what Split must decide, without its rune prefilters and per-rule windows.
func naiveBreaks(s *Segmenter, view string) []int {
	rev := reverseRunes(view)
	quoted := s.quotedSpans(view)
	var ends []int
	for i := 0; i < len(view); {
		r1, n := utf8.DecodeRuneInString(view[i:])
		p := i + n
		if p >= len(view) {
			break
		}
		i = p
		if unicode.IsSpace(r1) {
			continue
		}
		r2, _ := utf8.DecodeRuneInString(view[p:])
		inQuote := slices.ContainsFunc(quoted, func(sp span) bool { return sp.start <= p && p <= sp.end })
		if unicode.IsSpace(r2) && blankLineAt(view, p, nil) {
			ends = append(ends, p)
			continue
		}
		if inQuote {
			continue
		}
		for k := range s.rules {
			r := &s.rules[k]
			if r.words != nil && !r.words[wordBefore(view[:p])] {
				continue
			}
			if r.nextWords != nil && !r.nextWords[wordAfter(view[p:])] {
				continue
			}
			q := len(view) - p
			bre, are := r.re.match()
			if bre.MatchString(rev[q:min(q+window, len(rev))]) && are.MatchString(view[p:min(p+window, len(view))]) {
				if r.brk {
					ends = append(ends, p)
				}
				break
			}
		}
	}
	return ends
}

// TestPrefilterSound checks that skipping rules by the runes around a position and showing
// each regexp only as much text as it can match never change a decision, on every eval set
// (kiwipiepy, kss, the Golden Rules) in all three rule sets.
func TestPrefilterSound(t *testing.T) {
	texts := []string{
		"감사합니다. 기도해 주세요!! 있어요^^ 많이 기도해 주세요 감사합니다🙏 ㅋㅋ 또 봐요 ㅎㅎ",
		`그는 "내일 가겠다. 꼭 간다"라고 말했다. ‘하나님이 하셨다.’라고 고백했어요.`,
		"Dr. Kim lives in the U.S. He came at 5 p.m. Mr. Smith went to the store and bought 1,000.That is a lot.",
		"1.) The first item 2.) The second item . . . . Next. • 9. a • 10. b I wasn’t really ... well",
		"2024. 5. 12. 1.5억 요 3:16 https://example.org/a.b?c=d kim.pastor@example.org. 끝\n\n다음",
	}
	files, _ := filepath.Glob(filepath.Join(sharedEval, "kiwipiepy-sentence-split", "*.txt"))
	kss, _ := filepath.Glob(filepath.Join(sharedEval, "kss-sentence-split", "*.txt"))
	for _, f := range append(files, kss...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, para := range strings.Split(string(data), "\n\n") {
			texts = append(texts, strings.ReplaceAll(para, "\n", ""))
		}
	}
	// The English Golden Rules too, so that every eval set is split as the regexps decide.
	if data, err := os.ReadFile(filepath.Join(sharedEval, "golden-rules-en", "golden_rules_en.jsonl")); err == nil {
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			var c struct{ Text string }
			if err := json.Unmarshal([]byte(line), &c); err != nil {
				t.Fatal(err)
			}
			texts = append(texts, c.Text)
		}
	}
	for _, tag := range []language.Tag{language.Korean, language.English, language.French} {
		s, err := New(tag, WithNoBreak("Rev."))
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range texts {
			var got []int
			rev := reverseRunes(text)
			quoted := s.quotedSpans(text)
			for i := 0; i < len(text); {
				r1, n := utf8.DecodeRuneInString(text[i:])
				p := i + n
				if p >= len(text) {
					break
				}
				i = p
				if unicode.IsSpace(r1) {
					continue
				}
				r2, _ := utf8.DecodeRuneInString(text[p:])
				inQuote := slices.ContainsFunc(quoted, func(sp span) bool { return sp.start <= p && p <= sp.end })
				if (unicode.IsSpace(r2) && blankLineAt(text, p, nil)) || (!inQuote && s.breaksAt(text, rev, p, r1, r2)) {
					got = append(got, p)
				}
			}
			if want := naiveBreaks(s, text); !slices.Equal(got, want) {
				t.Errorf("%v: breaks differ for %q:\n got %v\nwant %v", tag, text, got, want)
			}
		}
	}
}
