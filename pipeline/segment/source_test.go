package segment

import (
	"os"
	"regexp"
	"regexp/syntax"
	"testing"
)

// TestRegexpSource holds regexpSource to what Go's own printer means: for literal patterns
// and for every rule of every rule file, the two sources compile to regexps that match the
// same prefixes of the sample letter, forwards and reversed. Each rule is compiled, which
// is also what proves a rule file never holds a regexp that the lazy compile would reject.
func TestRegexpSource(t *testing.T) {
	patterns := []string{
		`(?i:dr)\.`, `[^a-z]x*?`, `a{2,}b{1,3}`, `^\s+|$`, `(?m:^)다\.`, `\bSt\.\B`, `(?s:.)(?-s:.)`,
		`[\]\-^\\]`, `(?:)`, `{coda:ㅆ}다`, `[가-힣]+[.!?]["')\]]*`, `\p{Hangul}`, `a|b|`, `\z`,
	}
	var trees []*syntax.Regexp
	for _, p := range patterns {
		expanded, err := expandMacros(p, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		re, err := syntax.Parse(expanded, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		trees = append(trees, re)
	}
	for _, name := range []string{"ko", "en", "generic"} {
		set, err := loadRules(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range set.rules {
			for _, src := range []string{r.re.before, r.re.after} {
				re, err := syntax.Parse(src, syntax.Perl)
				if err != nil {
					t.Fatalf("%s: %v", r.source, err)
				}
				trees = append(trees, re)
			}
			r.re.match()
		}
	}
	letter, err := os.ReadFile("../../testdata/2023-06-3.ko.md")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{string(letter), reverseRunes(string(letter)), "Dr. Kim said: St. Paul [a-b] \\x\n\n1. 있다. 했다! 다."}
	for _, tree := range trees {
		ours := regexp.MustCompile(`^(?:` + regexpSource(tree) + `)`)
		gos := regexp.MustCompile(`^(?:` + tree.String() + `)`)
		for _, text := range texts {
			for i := range text {
				if i%3 != 0 { // every third byte keeps the test quick; runes start anywhere
					continue
				}
				window := text[i:min(len(text), i+window)]
				if got, want := ours.FindString(window), gos.FindString(window); got != want {
					t.Fatalf("%s at %d: regexpSource matches %q, String %q\n ours %s\n go's %s", tree, i, got, want, ours, gos)
				}
			}
		}
	}
}
