package segment

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestNFAMatchesRegexp holds the NFA Split runs to regexp.MatchString: every regexp of every
// rule set, on the window at every position of the eval texts and of strings made to reach
// the assertions (^, $, \b) and the windows' edges. Mutations tried: ignoring empty-width
// assertions, and dropping a match reached before the first rune, both fail it.
func TestNFAMatchesRegexp(t *testing.T) {
	texts := []string{
		"", " ", "\n", "a", "다.", "Dr. Kim", "1. 2.) a) 3:16 2024. 5. 12.",
		"감사합니다. 기도해 주세요!! 있어요^^ 많이 기도해 주세요 감사합니다🙏 ㅋㅋ 또 봐요 ㅎㅎ",
		`그는 "내일 가겠다. 꼭 간다"라고 말했다. ‘하나님이 하셨다.’라고 고백했어요.`,
		"Mr. Smith went to the U.S. at 5 p.m. https://example.org/a.b?c=d kim@example.org.\n\nNext\xff",
	}
	files, _ := filepath.Glob(filepath.Join(sharedEval, "kiwipiepy-sentence-split", "*.txt"))
	for _, f := range files[:min(2, len(files))] {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data[:min(len(data), 20000)]))
	}
	tried, nfas := 0, 0
	for _, tag := range []language.Tag{language.Korean, language.English, language.French} {
		s, err := New(tag, WithNoBreak("Rev."))
		if err != nil {
			t.Fatal(err)
		}
		for k := range s.rules {
			r := &s.rules[k]
			bre, are := r.re.get()
			res := [2]*regexp.Regexp{bre, are}
			mb, ma := r.re.match()
			for i, m := range []matcher{mb, ma} {
				if _, ok := m.(*nfa); !ok {
					continue
				}
				nfas++
				re := res[i]
				for _, text := range texts {
					for _, view := range []string{text, reverseRunes(text)} {
						for p := range len(view) + 1 {
							w := view[p:min(p+window, len(view))]
							if !strings.HasPrefix(w, " ") && p%7 != 0 && p > 0 && p < len(view)-1 {
								continue // every window after a space, and a sample of the rest
							}
							tried++
							if got, want := m.MatchString(w), re.MatchString(w); got != want {
								t.Fatalf("%s: %s on %q: nfa %v, regexp %v", r.source, re, w, got, want)
							}
						}
					}
				}
			}
		}
	}
	if nfas == 0 || tried == 0 {
		t.Fatalf("%d programs run as an nfa, %d windows tried", nfas, tried)
	}
}
