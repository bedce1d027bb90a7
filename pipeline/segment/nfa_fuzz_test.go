package segment

import (
	"regexp"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/testenv"
)

// FuzzNFAMatchesRegexp is TestNFAMatchesRegexp over arbitrary text: every
// rule's regexp that Split runs as an nfa answers as regexp.MatchString does
// on the window at every position of the text and of its reversal. The seeds
// are the lines of the repo's test letters.
func FuzzNFAMatchesRegexp(f *testing.F) {
	for _, s := range testenv.Lines(f, "../../testdata/letters/*", "../../testdata/*.md", "../../testdata/translate/*.md") {
		f.Add(s)
	}
	f.Add("Mr. Smith went to the U.S. at 5 p.m. https://example.org/a.b?c=d kim@example.org.\n\nNext\xff")
	type pair struct {
		m      matcher
		re     *regexp.Regexp
		source string
	}
	var pairs []pair
	for _, tag := range []language.Tag{language.Korean, language.English, language.French} {
		s, err := New(tag, WithNoBreak("Rev."))
		if err != nil {
			f.Fatal(err)
		}
		for k := range s.rules {
			r := &s.rules[k]
			bre, are := r.re.get()
			mb, ma := r.re.match()
			for i, m := range []matcher{mb, ma} {
				if _, ok := m.(*nfa); ok {
					pairs = append(pairs, pair{m, [2]*regexp.Regexp{bre, are}[i], r.source})
				}
			}
		}
	}
	if len(pairs) == 0 {
		f.Fatal("no rule runs as an nfa")
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 200 { // each byte costs a window for every rule
			text = text[:200]
		}
		for _, view := range []string{text, reverseRunes(text)} {
			for p := range len(view) + 1 {
				w := view[p:min(p+window, len(view))]
				for _, c := range pairs {
					if got, want := c.m.MatchString(w), c.re.MatchString(w); got != want {
						t.Fatalf("%s: %s on %q: nfa %v, regexp %v", c.source, c.re, w, got, want)
					}
				}
			}
		}
	})
}
