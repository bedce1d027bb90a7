package glossary

import (
	"testing"

	"golang.org/x/text/language"
)

// TestVerifyReportsAForbiddenWordOnce: two forbidden forms that find the
// same word, and a term that occurs twice in the source, give one problem
// for each forbidden word in the translation.
func TestVerifyReportsAForbiddenWordOnce(t *testing.T) {
	g, err := Parse("g.csv", []byte("source,target,kind,forbidden,note\n탈북민,North Korean refugee,term,defector|defectors,\n"))
	if err != nil {
		t.Fatal(err)
	}
	ps := g.Verify("탈북민과 탈북민들", "The Defectors and North Korean refugees.", language.Korean, language.English)
	forbidden := 0
	for _, p := range ps {
		if p.Kind == Forbidden {
			forbidden++
		}
	}
	if forbidden != 1 {
		t.Errorf("%d forbidden problems, want 1: %+v", forbidden, ps)
	}
}
