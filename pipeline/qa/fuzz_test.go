package qa

import (
	"reflect"
	"testing"

	"golang.org/x/text/language"
)

// FuzzCheck holds that no source and translation, however broken, make a
// check panic (translate runs them on whatever a backend answers), that
// checking is a function of the pair, and that a translation without the
// source's tags is refused.
func FuzzCheck(f *testing.F) {
	for _, seed := range [][2]string{
		{"1.5억 원이 필요합니다.", "We need 150 million won."},
		{"2만 5천 명, 2024. 5. 12.", "25,000 on May 12, 2024"},
		{"<g1>요 3:16</g1> 말씀<x2/>", "</g1>John<g1> 3:<x2/>16"},
		{"셋째 주 세 번째", "third third-"},
		{"1,2,3,", "one hundred and"},
		{"", " "},
		{"1억", "1 million billion trillion"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, source, translation string) {
		in := Input{ID: "x", Source: source, Translation: translation, Src: language.Korean, Tgt: language.English}
		ps := Check(in)
		for _, p := range ps {
			if p.Message == "" || p.Check == "" || p.ID != "x" || p.Lang != "en" {
				t.Errorf("problem without a check or message, or of another sentence: %+v", p)
			}
		}
		if again := Check(in); !reflect.DeepEqual(ps, again) {
			t.Errorf("the same pair checked twice: %v, then %v", ps, again)
		}
		// A translation that lost every tag of a source that has some is
		// never accepted: the edition would lose its links and emphasis.
		in.Translation = stripTags(translation)
		if stripTags(source) != source && len(Errors(Check(in))) == 0 {
			t.Errorf("%q for %q: no error though every tag is gone", in.Translation, source)
		}
	})
}
