package translate

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestMergedSentences(t *testing.T) {
	src := []string{"감사합니다.", "기도해 주세요.", "은혜입니다."}
	given := func(sources []string, translations ...string) []rendering {
		out := make([]rendering, len(sources))
		for i, s := range sources {
			out[i] = rendering{source: s, translation: translations[i], given: translations[i] != "-"}
			if !out[i].given {
				out[i].translation = ""
			}
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		batch []rendering
		want  []bool
	}{
		{"each its own", given(src, "Thank you.", "Please pray.", "It is grace."), []bool{false, false, false}},
		{"merged, a fragment left", given(src, "Thank you. Please pray.", "pray.", "It is grace."), []bool{true, true, false}},
		{"merged, nothing left", given(src, "Thank you. Please pray.", "-", "It is grace."), []bool{true, false, false}},
		{"merged into the later item", given(src, "you.", "Thank you. Please pray.", "It is grace."), []bool{true, true, false}},
		{"an empty neighbour", given(src, "Thank you. Please pray.", "", "It is grace."), []bool{true, true, false}},
		{"the neighbour's translation inside", given(src, "Thank you. Please pray for us.", "Please pray for us.", "It is grace."), []bool{true, true, false}},
		{"a source that holds its neighbour's", given([]string{"주님을 찬양!", "주님을 찬양! 그분은 선하십니다."}, "Praise God!", "Praise God! He is good."), []bool{false, false}},
		{"one long sentence in two English ones", given([]string{"오늘 우리는 천안에 있는 센터에서 예배를 드리고 함께 식사를 했습니다.", "감사합니다."},
			"Today we worshipped at the center in Cheonan. Then we ate together.", "Thank you."), []bool{false, false}},
		{"a short answer beside a plain one", given(src, "Thanks.", "Please pray.", "Grace."), []bool{false, false, false}},
		{"a one-word fragment inside", given([]string{"6월 기도 편지", "할렐루야!"}, "June prayer letter Hallelujah!", "Hallelujah!"), []bool{true, true}},
		{"a neighbour's word inside, shares even", given([]string{"아멘, 주님을 찬양합니다.", "아멘."}, "Amen, we praise the Lord. Amen.", "Amen."), []bool{false, false}},
		{"one sentence", given([]string{"감사합니다."}, "Thank you. Please pray."), []bool{false}},
		{"nothing given", given(src, "-", "-", "-"), []bool{false, false, false}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := mergedSentences(tc.batch); !slices.Equal(got, tc.want) {
				t.Errorf("mergedSentences = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"감사합니다.", 1},
		{"Thank you. Please pray.", 2},
		{"Thank you. please pray", 2},
		{"Really?! Yes.", 2},
		{"3.5 million people came.", 1},
		{"오늘 왔어요", 1},
		{"", 0},
	} {
		if got := sentences(tc.text); got != tc.want {
			t.Errorf("sentences(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// TestPublishedEditionHasNoMerges: the English edition published for the
// sample letter, read as replies in batches of every size, is not taken
// for merged sentences.
func TestPublishedEditionHasNoMerges(t *testing.T) {
	data, err := os.ReadFile("../../testdata/2023-06-3.tm.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var pairs []rendering
	for _, line := range strings.Split(string(data), "\n") {
		ko, en, ok := strings.Cut(line, "\t")
		if ok && !strings.HasPrefix(line, "#") {
			pairs = append(pairs, rendering{source: ko, translation: en, given: true})
		}
	}
	for size := 2; size <= len(pairs); size++ {
		for start := 0; start+size <= len(pairs); start += size {
			batch := pairs[start : start+size]
			for i, m := range mergedSentences(batch) {
				if m {
					t.Errorf("batch of %d from %d: %q → %q taken for a merge", size, start, batch[i].source, batch[i].translation)
				}
			}
		}
	}
}
