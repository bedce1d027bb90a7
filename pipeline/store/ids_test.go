package store

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// lcsTable is the alignment ids had before align: the full table of a
// longest common subsequence, quadratic in memory. It stays here as the
// reference align is held to.
// equal sentences.
func lcsTable(old []known, texts []string) [][2]int {
	n, m := len(old), len(texts)
	// Skip the common head and tail: most edits touch a few sentences.
	head := 0
	for head < n && head < m && old[head].Text == texts[head] {
		head++
	}
	tail := 0
	for tail < n-head && tail < m-head && old[n-1-tail].Text == texts[m-1-tail] {
		tail++
	}
	var pairs [][2]int
	for i := 0; i < head; i++ {
		pairs = append(pairs, [2]int{i, i})
	}
	a, b := old[head:n-tail], texts[head:m-tail]
	// table[i][j] is the LCS length of a[i:] and b[j:].
	table := make([][]int32, len(a)+1)
	for i := range table {
		table[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i].Text == b[j] {
				table[i][j] = table[i+1][j+1] + 1
			} else {
				table[i][j] = max(table[i+1][j], table[i][j+1])
			}
		}
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].Text == b[j]:
			pairs = append(pairs, [2]int{head + i, head + j})
			i, j = i+1, j+1
		case table[i+1][j] >= table[i][j+1]:
			i++
		default:
			j++
		}
	}
	for i := 0; i < tail; i++ {
		pairs = append(pairs, [2]int{n - tail + i, m - tail + i})
	}
	return pairs
}

// oldFreshID is freshID as it was: probing -2, -3, … for every copy.
func oldFreshID(text string, used map[string]bool) string {
	base := freshID(text, &idSet{used: map[string]bool{}, next: map[string]int{}})
	id := base
	for n := 2; used[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	used[id] = true
	return id
}

// Copies of one sentence get the same ids as before freshID kept a next
// suffix per text, gaps left by deleted copies included.
func TestFreshIDRepeated(t *testing.T) {
	ids := &idSet{used: map[string]bool{}, next: map[string]int{}}
	old := map[string]bool{}
	base := freshID("아멘.", &idSet{used: map[string]bool{}, next: map[string]int{}})
	// The letter kept copies 1, 3 and 6 of an earlier version.
	for _, id := range []string{base, base + "-3", base + "-6"} {
		ids.used[id], old[id] = true, true
	}
	for i := range 1000 {
		got, want := freshID("아멘.", ids), oldFreshID("아멘.", old)
		if got != want {
			t.Fatalf("copy %d: freshID = %s, want %s", i, got, want)
		}
	}
	if got := freshID("할렐루야!", ids); got != oldFreshID("할렐루야!", old) {
		t.Errorf("another text: %s", got)
	}
}

// align finds a common subsequence as long as the table's: always where a
// letter's sentences all differ, and on these letters with many repeated
// sentences too (anchoring on unique sentences can in theory miss a longer
// one; 20,000 rounds of this test never did). Letters are random edits of
// random letters.
func TestAlignIsACommonSubsequence(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 400 {
		vocab := 1000
		if round%2 == 1 {
			vocab = 6 // many repeated sentences
		}
		var old []known
		n := rng.IntN(40)
		for i := range n {
			text := fmt.Sprintf("s%d", rng.IntN(vocab))
			if vocab == 1000 {
				text = fmt.Sprintf("s%d", i)
			}
			old = append(old, known{ID: fmt.Sprint(i), Text: text})
		}
		var texts []string
		for _, k := range old {
			switch rng.IntN(8) {
			case 0: // deleted
			case 1:
				texts = append(texts, fmt.Sprintf("new%d", rng.IntN(vocab)), k.Text)
			case 2:
				texts = append(texts, "edited "+k.Text)
			default:
				texts = append(texts, k.Text)
			}
		}
		if vocab == 1000 && len(texts) > 2 {
			texts[0], texts[len(texts)-1] = texts[len(texts)-1], texts[0] // a move
		}
		got, err := align(context.Background(), old, texts)
		if err != nil {
			t.Fatal(err)
		}
		for k, p := range got {
			if old[p[0]].Text != texts[p[1]] || k > 0 && (p[0] <= got[k-1][0] || p[1] <= got[k-1][1]) {
				t.Fatalf("round %d: %v is not a common subsequence of %v and %q", round, got, old, texts)
			}
		}
		if want := lcsTable(old, texts); len(got) != len(want) {
			t.Fatalf("round %d: align found %d equal sentences, the table %d\nold %v\nnew %q", round, len(got), len(want), old, texts)
		}
	}
}

// Ids travel as they always did on the edits a letter gets, including an
// edit at both ends, where align takes linear memory and the table took a
// cell for every old sentence and every new one.
func TestAlignSameIDs(t *testing.T) {
	var letter []string
	for i := range 300 {
		letter = append(letter, fmt.Sprintf("문장 %d번입니다.", i))
	}
	letter = append(letter, letter[10], letter[20]) // repeated sentences
	edits := map[string]func([]string) []string{
		"both ends": func(s []string) []string {
			s[0], s[len(s)-1] = "첫 문장을 고쳤습니다.", "끝 문장을 고쳤습니다."
			return s
		},
		"paragraph inserted": func(s []string) []string {
			return slices.Insert(s, 100, "새 문단입니다.", "둘째 문장입니다.")
		},
		"sentences deleted": func(s []string) []string { return slices.Delete(s, 50, 53) },
		"two edited":        func(s []string) []string { s[7], s[8] = s[7]+" 고침", s[8]+" 고침"; return s },
		"nothing":           func(s []string) []string { return s },
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			old := make([]known, len(letter))
			var prev []string
			for i, text := range letter {
				old[i] = known{ID: fmt.Sprintf("id%d", i), Text: text}
				prev = append(prev, text)
			}
			texts := edit(prev)
			got, err := assignIDs(context.Background(), old, texts)
			if err != nil {
				t.Fatal(err)
			}
			want, err := assignIDsAligned(context.Background(), old, texts, lcsTable(old, texts))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("ids differ from the table's\n got %q\nwant %q", got, want)
			}
		})
	}
}

// Two sentences edited side by side form one changed stretch: each keeps
// its own id, though the first now reads most like a sentence further on,
// which the alignment has already paired with itself. Within a stretch ids
// keep their order: a sentence moved before the one it followed is new.
func TestIDsSurviveATwoSentenceEdit(t *testing.T) {
	old := []known{
		{"p1", "사랑하는 동역자 여러분께 문안드립니다.", ""},
		{"e1", "북한 이탈 주민들의 안전을 위해 기도해 주세요.", ""},
		{"e2", "이번 달에는 세 가정이 새로 정착했습니다.", ""},
		{"p2", "다음 달에는 수련회가 있습니다.", ""},
		{"u", "북한 이탈 주민들의 건강과 안전을 위해 기도해 주세요.", ""},
		{"p3", "늘 감사합니다.", ""},
	}
	tests := []struct {
		name   string
		e1, e2 string
		want   []string
	}{
		{"both edited", "북한 이탈 주민들의 건강과 안전을 위해 함께 기도해 주세요.", "이번 달에는 네 가정이 정착하여 교회에 나오기 시작했습니다.",
			[]string{"p1", "e1", "e2", "p2", "u", "p3"}},
		// The second is the more alike pair, so the first is new.
		{"swapped and edited", "이번 달에는 네 가정이 새로 정착했습니다.", "북한 이탈 주민들의 안전을 위해 함께 기도해 주세요.",
			[]string{"p1", freshID("이번 달에는 네 가정이 새로 정착했습니다.", &idSet{used: map[string]bool{}}), "e1", "p2", "u", "p3"}},
	}
	for _, tt := range tests {
		texts := []string{old[0].Text, tt.e1, tt.e2, old[3].Text, old[4].Text, old[5].Text}
		if got, _ := assignIDs(context.Background(), old, texts); !slices.Equal(got, tt.want) {
			t.Errorf("%s: assignIDs = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// matchChangedPairwise is matchChanged without the bigram index: every new
// sentence compared with every old one, the most alike pair matched first.
// It is the reference the indexed one must agree with.
func matchChangedPairwise(ctx context.Context, old []known, texts []string, ids []string, used *idSet) error {
	var pairs []pair
	for i, t := range texts {
		if err := ctx.Err(); err != nil {
			return err
		}
		var mine []pair
		for j := range old {
			// A one-to-one replacement is an edit whatever the similarity;
			// among several, only a sentence at least a third alike is.
			if s := similarity(old[j].Text, t); (s >= 0.33 || s > 0 && len(old) == 1 && len(texts) == 1) && !used.used[old[j].ID] {
				mine = append(mine, pair{i, j, s})
			}
		}
		sort.SliceStable(mine, func(a, b int) bool { return mine[a].score > mine[b].score })
		pairs = append(pairs, mine[:min(len(mine), keptPairs)]...)
	}
	sort.SliceStable(pairs, func(a, b int) bool {
		pa, pb := pairs[a], pairs[b]
		if pa.score != pb.score {
			return pa.score > pb.score
		}
		if pa.i != pb.i {
			return pa.i < pb.i
		}
		return pa.j < pb.j
	})
	var made []pair
	for _, p := range pairs {
		if ids[p.i] != "" || used.used[old[p.j].ID] || slices.ContainsFunc(made, func(m pair) bool {
			return m.i < p.i && m.j >= p.j || m.i > p.i && m.j <= p.j
		}) {
			continue
		}
		made = append(made, p)
		ids[p.i] = old[p.j].ID
		used.used[old[p.j].ID] = true
	}
	return nil
}

// similarity is the Dice coefficient of the two texts' character bigrams:
// 1 for equal texts, 0 for texts that share no pair of letters.
func similarity(a, b string) float64 {
	ga, gb := bigrams(a), bigrams(b)
	if len(ga)+len(gb) == 0 {
		return 0
	}
	common := 0
	for g, n := range ga {
		common += min(n, gb[g])
	}
	total := 0
	for _, n := range ga {
		total += n
	}
	for _, n := range gb {
		total += n
	}
	return 2 * float64(common) / float64(total)
}

// The bigram index finds the matches the pairwise scan found, on random
// stretches: sentences made of a few shared words (so many pairs are alike,
// many tie, and some have no bigram in common), with some ids already
// taken, and the one-to-one case.
func TestMatchChangedAsPairwise(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"기도", "감사", "합니다", "센터", "가정", "형제", "a", "b", "ab", "ㄱ", "입니다.", "!"}
	sentence := func() string {
		s := ""
		for range rng.IntN(4) {
			s += words[rng.IntN(len(words))]
			if rng.IntN(2) == 0 {
				s += " "
			}
		}
		return s
	}
	for round := range 2000 {
		old := make([]known, rng.IntN(12))
		for j := range old {
			old[j] = known{ID: fmt.Sprint("o", j), Text: sentence()}
		}
		texts := make([]string, rng.IntN(12))
		for i := range texts {
			texts[i] = sentence()
		}
		taken := map[string]bool{}
		for _, k := range old {
			if rng.IntN(6) == 0 {
				taken[k.ID] = true
			}
		}
		run := func(match func(context.Context, []known, []string, []string, *idSet) error) []string {
			ids := make([]string, len(texts))
			used := &idSet{used: maps.Clone(taken), next: map[string]int{}}
			if err := match(context.Background(), old, texts, ids, used); err != nil {
				t.Fatal(err)
			}
			return ids
		}
		if got, want := run(matchChanged), run(matchChangedPairwise); !slices.Equal(got, want) {
			t.Fatalf("round %d: matchChanged = %q, pairwise %q\nold %q\nnew %q\ntaken %v", round, got, want, old, texts, taken)
		}
	}
}

// A sentence split in two and then put back together (an edit undone, or
// a letter cut at a line end that a later version joins) is the sentence
// that was approved: it has its id back, and its approval with it.
func TestIDsSurviveASplitUndone(t *testing.T) {
	dir := t.TempDir()
	whole := "# 7월 기도 편지\n\n여름 성경 학교가 잘 마쳤습니다. 탈북민 어린이 스무 명이 왔습니다.\n"
	split := strings.Replace(whole, "어린이 스무", "어린이. 스무", 1)
	l := openIn(t, dir, "letter.ko.md", []byte(whole), "")
	approveAll(t, l, language.English)
	before := texts(l)
	if got := texts(openIn(t, dir, "letter.ko.md", []byte(split), "")); len(got) != len(before)+1 {
		t.Fatalf("split: %q", got)
	}
	l = openIn(t, dir, "letter.ko.md", []byte(whole), "")
	if after := texts(l); !maps.Equal(after, before) {
		t.Errorf("undone:\n got %q\nwant %q", after, before)
	}
	tr, err := l.LoadTranslations(language.English)
	if err != nil {
		t.Fatal(err)
	}
	if c := Count(l.States(tr)); c.Approved != len(before) {
		t.Errorf("%+v after undoing the split, want all %d approved", c, len(before))
	}
}

// rewrittenLetter returns the sentences of a long letter with no heading
// and the same letter gone over from top to bottom: every sentence edited,
// none left as it was to anchor the alignment. Some sentences repeat, and
// some share no word with any other of their own.
func rewrittenLetter(n int) (old []known, texts []string) {
	places := []string{"서울", "부산", "연변", "단둥", "방콕", "울란바토르", "하노이"}
	used := &idSet{used: map[string]bool{}, next: map[string]int{}}
	for i := range n {
		var s string
		switch {
		case i%50 == 49:
			s = "함께 기도해 주셔서 감사합니다."
		case i%3 == 0:
			s = fmt.Sprintf("%s에서 %d명의 형제자매가 예배에 참석했습니다.", places[i%len(places)], i)
		case i%3 == 1:
			s = fmt.Sprintf("\"주님의 은혜로 %d번째 모임을 마쳤습니다\"라고 김 선교사님이 전했습니다.", i)
		default:
			s = fmt.Sprintf("%s의 %d가정이 건강하게 지내도록 기도해 주세요!", places[(i/3)%len(places)], i%40+1)
		}
		old = append(old, known{ID: freshID(s, used), Text: s})
		texts = append(texts, strings.NewReplacer("니다.", "니다!", "세요!", "세요.").Replace(s))
	}
	return old, texts
}

func BenchmarkAssignIDsRewrite(b *testing.B) {
	old, texts := rewrittenLetter(10000)
	for b.Loop() {
		if _, err := assignIDs(context.Background(), old, texts); err != nil {
			b.Fatal(err)
		}
	}
}

// A long letter gone over from top to bottom keeps every id: each edited
// sentence keeps the id of the sentence it was, the repeated ones in order
// too. Cut at anchors, the long stretch gets every id matchChanged gives it
// whole (at 1,000 sentences; at 10,000 it took matchChanged 7 s), and
// more: whole, each copy of the repeated sentence keeps its few most alike
// old copies, all the same first four, and the fifth copy on is new.
func TestIDsSurviveALongRewrite(t *testing.T) {
	for _, n := range []int{1000, 10000} {
		old, texts := rewrittenLetter(n)
		if len(old)*len(texts) <= largeStretch {
			t.Fatalf("%d sentences are no long stretch", n)
		}
		ids, err := assignIDs(context.Background(), old, texts)
		if err != nil {
			t.Fatal(err)
		}
		for i := range ids {
			if ids[i] != old[i].ID {
				t.Fatalf("%d sentences: sentence %d %q has id %s, want %s (of %q)", n, i, texts[i], ids[i], old[i].ID, old[i].Text)
			}
		}
		if n > 1000 {
			continue
		}
		whole := make([]string, len(texts))
		if err := matchChanged(context.Background(), old, texts, whole, &idSet{used: map[string]bool{}, next: map[string]int{}}); err != nil {
			t.Fatal(err)
		}
		for i := range whole {
			if whole[i] != "" && whole[i] != ids[i] {
				t.Errorf("sentence %d %q: matchChanged on the whole stretch gives %s, cut at anchors %s", i, texts[i], whole[i], ids[i])
			}
		}
	}
}

// Near repeats with no word of their own (a refrain, each copy edited)
// have no anchor: the stretch is cut in half until matchChanged can take
// it, and every copy still gets an id, each once.
func TestIDsOfALongRefrainEdited(t *testing.T) {
	var old []known
	var texts []string
	used := &idSet{used: map[string]bool{}, next: map[string]int{}}
	for range 2000 {
		old = append(old, known{ID: freshID("주님 감사합니다.", used), Text: "주님 감사합니다."})
		texts = append(texts, "주님 감사합니다!")
	}
	ids, err := assignIDs(context.Background(), old, texts)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	kept := 0
	for i, id := range ids {
		if id == "" || seen[id] {
			t.Fatalf("sentence %d has id %q, given twice or none", i, id)
		}
		seen[id] = true
		if slices.ContainsFunc(old, func(k known) bool { return k.ID == id }) {
			kept++
		}
	}
	if kept == 0 {
		t.Errorf("no copy kept an id")
	}
}
