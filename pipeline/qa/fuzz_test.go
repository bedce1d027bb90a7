package qa

import (
	"testing"

	"golang.org/x/text/language"
)

// FuzzCheck holds that no source and translation, however broken, make a
// check panic: translate runs them on whatever a backend answers.
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
		for _, p := range Check(Input{ID: "x", Source: source, Translation: translation, Src: language.Korean, Tgt: language.English}) {
			if p.Message == "" || p.Check == "" {
				t.Errorf("problem without a check or message: %+v", p)
			}
		}
	})
}
