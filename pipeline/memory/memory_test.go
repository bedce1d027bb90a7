package memory

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/epistle-letters/epistle/pipeline/translate"
)

const sampleTM = "../../testdata/2023-06-3.tm.tsv"

// Every sentence of the sample letter comes back as the English that was
// published for it.
func TestPublishedEnglish(t *testing.T) {
	pairs, err := LoadTSV(sampleTM)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) < 20 {
		t.Fatalf("%d pairs in %s, want the whole letter", len(pairs), sampleTM)
	}
	req := &translate.Request{Source: language.Korean, Target: language.English}
	for i, p := range pairs {
		req.Units = append(req.Units, translate.Unit{ID: fmt.Sprint(i), Text: p.Source})
	}
	resp, err := New(pairs).Translate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range pairs {
		if got := resp.Translations[fmt.Sprint(i)]; got != p.Target {
			t.Errorf("%s\n got %q\nwant %q", p.Source, got, p.Target)
		}
	}
	if resp.Requests != 0 {
		t.Errorf("Requests = %d, want 0", resp.Requests)
	}
}

func TestTranslate(t *testing.T) {
	tm := New([]translate.Example{
		{Source: "탈북민들의 안전을 위해 기도해 주십시오.", Target: "Please pray for the safety of North Korean defectors."},
		{Source: "<n1/> 형제를 위해 기도해 주십시오.", Target: "Please pray for brother <n1/>."},
		{Source: "할렐루야!", Target: "Hallelujah!"},
		{Source: "할렐루야!", Target: "Praise the Lord!"},
	})
	for _, tc := range []struct {
		name, text, want string
	}{
		{"exact", "탈북민들의 안전을 위해 기도해 주십시오.", "Please pray for the safety of North Korean defectors."},
		{"white space and NFD", "  " + norm.NFD.String("탈북민들의   안전을 위해\n기도해 주십시오."), "Please pray for the safety of North Korean defectors."},
		{"first of duplicates", "할렐루야!", "Hallelujah!"},
		{"fuzzy", "탈북민들의 안전을 위해 꼭 기도해 주십시오.", "Please pray for the safety of North Korean defectors."},
		{"too different", "탈북민들의 건강을 위해 함께 기도합니다.", ""},
		{"tags the memory lacks", "<g1>탈북민들의</g1> 안전을 위해 기도해 주십시오.", ""},
		{"same placeholder", "<n1/> 형제를 위하여 기도해 주십시오.", "Please pray for brother <n1/>."},
		{"another placeholder", "<n2/> 형제를 위해 기도해 주십시오.", ""},
		{"nothing", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := tm.Translate(context.Background(), &translate.Request{Units: []translate.Unit{{ID: "u", Text: tc.text}}})
			if err != nil {
				t.Fatal(err)
			}
			got, ok := resp.Translations["u"]
			if tc.want == "" && ok {
				t.Errorf("translated %q as %q; want no translation", tc.text, got)
			}
			if got != tc.want {
				t.Errorf("translated %q as %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestFuzzy(t *testing.T) {
	tm := New([]translate.Example{
		{Source: "탈북민들의 안전을 위해 기도해 주십시오.", Target: "Please pray for the safety of North Korean defectors."},
		{Source: "탈북민들의 안전과 건강을 위해 기도해 주십시오.", Target: "Please pray for the safety and health of North Korean defectors."},
	})
	for _, tc := range []struct {
		text      string
		want      string
		wantScore float64
	}{
		{"탈북민들의 안전을 위해 기도해 주십시오.", "Please pray for the safety of North Korean defectors.", 1},
		// Tags are ignored when offering examples.
		{"<g1>탈북민들의</g1> 안전을 위해 기도해 주십시오.", "Please pray for the safety of North Korean defectors.", 1},
		// One syllable of 22 is missing.
		{"탈북민들의 안전을 위해 기도해 주시오.", "Please pray for the safety of North Korean defectors.", 1 - 1.0/22},
		// 위해 → 위하여: one syllable changed, one added, of 27.
		{"탈북민들의 안전과 건강을 위하여 기도해 주십시오.", "Please pray for the safety and health of North Korean defectors.", 1 - 2.0/27},
		{"감사합니다.", "", 0},
	} {
		ex, score, ok := tm.Fuzzy(tc.text)
		if ok != (tc.want != "") || ex.Target != tc.want || fmt.Sprintf("%.4f", score) != fmt.Sprintf("%.4f", tc.wantScore) {
			t.Errorf("Fuzzy(%q) = %q, %.4f, %v; want %q, %.4f", tc.text, ex.Target, score, ok, tc.want, tc.wantScore)
		}
	}
}

func TestMinScore(t *testing.T) {
	pairs := []translate.Example{{Source: "abcdefghij", Target: "X"}}
	for _, tc := range []struct {
		min  float64
		text string
		ok   bool
	}{
		{0.8, "abcdefghXY", true}, // exactly 80%
		{0.8, "abcdefgXYZ", false},
		{1, "abcdefghiX", false},
		{1, "abcdefghij", true},
		{0.5, "abcdeXXXXX", true},
	} {
		resp, _ := New(pairs, MinScore(tc.min)).Translate(context.Background(), &translate.Request{Units: []translate.Unit{{ID: "u", Text: tc.text}}})
		if _, ok := resp.Translations["u"]; ok != tc.ok {
			t.Errorf("MinScore(%v) %q: matched %v, want %v", tc.min, tc.text, ok, tc.ok)
		}
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := New(nil).Translate(ctx, &translate.Request{Units: []translate.Unit{{ID: "u", Text: "x"}}})
	if err != context.Canceled {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestLevenshtein(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 5, 0},
		{"abc", "", 5, 3},
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 2, 3},
		{"flaw", "lawn", 4, 2},
		{"기도해 주십시오", "기도해 주세요", 5, 3},
		{"abcdef", "fedcba", 1, 2},
	} {
		if got := levenshtein([]rune(tc.a), []rune(tc.b), tc.limit); got != tc.want {
			t.Errorf("levenshtein(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.want)
		}
	}
	// The banded computation agrees with the full one wherever it answers.
	r := rand.New(rand.NewPCG(1, 2))
	word := func() []rune {
		w := make([]rune, r.IntN(12))
		for i := range w {
			w[i] = rune('a' + r.IntN(3))
		}
		return w
	}
	for range 2000 {
		a, b, limit := word(), word(), r.IntN(8)
		full := fullLevenshtein(a, b)
		got := levenshtein(a, b, limit)
		if (full <= limit && got != full) || (full > limit && got != limit+1) {
			t.Fatalf("levenshtein(%q, %q, %d) = %d, full distance %d", string(a), string(b), limit, got, full)
		}
		if bd := bagDistance(sorted(a), sorted(b), 20); bd > full {
			t.Fatalf("bagDistance(%q, %q) = %d exceeds the distance %d", string(a), string(b), bd, full)
		}
		if bd := bagDistance(sorted(a), sorted(b), limit); bd > limit && full <= limit {
			t.Fatalf("bagDistance(%q, %q, %d) = %d rules out the distance %d", string(a), string(b), limit, bd, full)
		}
	}
}

func fullLevenshtein(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
		}
	}
	return d[len(a)][len(b)]
}

func sorted(r []rune) []rune {
	s := append([]rune(nil), r...)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s
}

func TestLoadTSV(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.tsv", "\ufeff# a comment\n\n할렐루야!\tHallelujah!\r\n감사합니다.\tThank you.\n")
	pairs, err := LoadTSV(good)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(pairs) != "[{할렐루야! Hallelujah! } {감사합니다. Thank you. }]" {
		t.Errorf("pairs = %v", pairs)
	}
	for _, tc := range []struct{ name, content, want string }{
		{"three.tsv", "할렐루야!\tHallelujah!\n감사합니다.\tThank you.\textra\n", "three.tsv:2: a translation memory row needs two tab-separated columns, source and target, got 3"},
		{"one.tsv", "# pairs\n할렐루야! Hallelujah!\n", "one.tsv:2: a translation memory row needs two tab-separated columns, source and target, got 1"},
		{"blank.tsv", "할렐루야!\t \n", "blank.tsv:1: a translation memory row needs two tab-separated columns, source and target, got 1"},
		{"latin1.tsv", "caf\xe9\tcafe\n", "latin1.tsv:1: not valid UTF-8"},
		{"empty.tsv", "# nothing yet\n", "empty.tsv has no sentence pairs"},
	} {
		_, err := LoadTSV(write(tc.name, tc.content))
		if err == nil || err.Error() != filepath.Join(dir, tc.want) {
			t.Errorf("LoadTSV(%s) = %v, want %s", tc.name, err, filepath.Join(dir, tc.want))
		}
	}
	if _, err := LoadTSV(filepath.Join(dir, "missing.tsv")); err == nil || !strings.HasPrefix(err.Error(), "cannot read translation memory ") {
		t.Errorf("missing file: %v", err)
	}
}

const sampleTMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" srclang="ko-KR" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x"/>
  <body>
    <tu>
      <tuv xml:lang="ko-KR"><seg>할렐루야!</seg></tuv>
      <tuv xml:lang="en-US"><seg>Hallelujah!</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en-US"><seg>Please <bpt i="1">&lt;b&gt;</bpt>pray<ept i="1">&lt;/b&gt;</ept> for us &amp; them.</seg></tuv>
      <tuv xml:lang="ko"><seg><bpt i="1">&lt;b&gt;</bpt>기도<ept i="1">&lt;/b&gt;</ept>해 주세요.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="ko-KR"><seg>번역이 없는 문장</seg></tuv>
      <tuv xml:lang="ja"><seg>翻訳</seg></tuv>
    </tu>
    <tu>
      <tuv lang="KO"><seg>감사합니다.</seg></tuv>
      <tuv lang="EN-GB"><seg>Thank you.</seg></tuv>
    </tu>
    <tu tuid="epistle">
      <tuv xml:lang="ko"><seg><bpt i="1" x="1">&lt;g1&gt;</bpt>기도<ept i="1">&lt;/g1&gt;</ept> <ph type="x-private">&lt;n1/&gt;</ph><ph x="2">&lt;x2/&gt;</ph></seg></tuv>
      <tuv xml:lang="en"><seg><bpt i="1" x="1">&lt;g1&gt;</bpt>Prayer<ept i="1">&lt;/g1&gt;</ept> <ph type="x-private">&lt;n1/&gt;</ph><ph x="2">&lt;x2/&gt;</ph></seg></tuv>
    </tu>
  </body>
</tmx>`

func TestLoadTMX(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tm.tmx")
	os.WriteFile(path, []byte(sampleTMX), 0o644)
	pairs, err := LoadTMX(path, language.Korean, language.English)
	if err != nil {
		t.Fatal(err)
	}
	// Codes holding epistle's own tags (its TMX export) are those tags.
	want := "[{할렐루야! Hallelujah! } {기도해 주세요. Please pray for us & them. } {감사합니다. Thank you. } {<g1>기도</g1> <n1/><x2/> <g1>Prayer</g1> <n1/><x2/> }]"
	if fmt.Sprint(pairs) != want {
		t.Errorf("pairs = %v\nwant %s", pairs, want)
	}
	if _, err := LoadTMX(path, language.Korean, language.French); err == nil || err.Error() != path+" has no sentence pairs from ko to fr" {
		t.Errorf("no French: %v", err)
	}
	for name, content := range map[string]string{
		"html.tmx":   "<html><body/></html>",
		"broken.tmx": "<tmx><body><tu>",
		"text.tmx":   "just text",
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o644)
		_, err := LoadTMX(p, language.Korean, language.English)
		if err == nil || !strings.HasPrefix(err.Error(), p+": not a TMX file: ") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// BenchmarkFuzzy looks 1000 segments up in a memory of 1000 sentences, the
// size of a few years of letters.
func BenchmarkFuzzy(b *testing.B) {
	pairs, err := LoadTSV(sampleTM)
	if err != nil {
		b.Fatal(err)
	}
	var words []string
	for _, p := range pairs {
		words = append(words, strings.Fields(p.Source)...)
	}
	r := rand.New(rand.NewPCG(3, 4))
	sentence := func() string {
		w := make([]string, 5+r.IntN(10))
		for i := range w {
			w[i] = words[r.IntN(len(words))]
		}
		return strings.Join(w, " ")
	}
	var memory []translate.Example
	for i := range 1000 {
		memory = append(memory, translate.Example{Source: sentence(), Target: fmt.Sprint(i)})
	}
	req := &translate.Request{}
	for i := range 1000 {
		text := sentence()
		if i%4 == 0 {
			// A quarter are near a memory sentence: one word changed.
			w := strings.Fields(memory[r.IntN(len(memory))].Source)
			w[r.IntN(len(w))] = words[r.IntN(len(words))]
			text = strings.Join(w, " ")
		}
		req.Units = append(req.Units, translate.Unit{ID: fmt.Sprint(i), Text: text})
	}
	tm := New(memory)
	b.ResetTimer()
	for b.Loop() {
		if _, err := tm.Translate(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
}

// An evaluation hides the approved translations it scores against: the
// memory neither reuses nor offers them, however they are spaced, and a
// pair of the same source with another translation still serves.
func TestHide(t *testing.T) {
	pairs := []translate.Example{
		{Source: "감사합니다.", Target: "Thank you."},
		{Source: "감사합니다.", Target: "Thanks."},
		{Source: "기도해 주십시오.", Target: "Please pray."},
	}
	m := New(pairs, Hide("Thank  you.", " Please pray."))
	if ex, score, ok := m.Fuzzy("감사합니다."); !ok || score != 1 || ex.Target != "Thanks." {
		t.Errorf("Fuzzy(감사합니다.) = %v, %v, %v; want Thanks., 1, true", ex, score, ok)
	}
	if ex, _, ok := m.Fuzzy("기도해 주십시오!"); ok {
		t.Errorf("Fuzzy offered the hidden %v", ex)
	}
	// A TMX keeps a private name as a placeholder numbered in its own
	// letter's order, and markup as tags: the approved text redacted with
	// other numbers, or without the tags, hides it all the same.
	tmx := []translate.Example{{Source: "<n1/> 형제를 위해 <g1>기도해</g1> 주세요.", Target: "Please <g1>pray</g1> for brother <n1/>."}}
	for _, hide := range []string{"Please <g1>pray</g1> for brother <n2/>.", "Please pray for brother <n1/>."} {
		m := New(tmx, Hide(hide))
		if ex, _, ok := m.Fuzzy("<n1/> 형제를 위해 <g1>기도해</g1> 주세요."); ok {
			t.Errorf("Hide(%q): Fuzzy offered the hidden %v", hide, ex)
		}
	}
}

// TestSameLanguage: a memory answers for its language in any region, never
// for another language or the same one in another script.
func TestSameLanguage(t *testing.T) {
	tests := []struct {
		memory, target string
		want           bool
	}{
		{"en", "en-GB", true},
		{"en-GB", "en", true},
		{"en", "en", true},
		{"en", "ja", false},
		{"zh", "zh-Hans", true},
		{"zh-Hant", "zh-Hans", false},
		{"zh-TW", "zh-Hans", false},
	}
	for _, tt := range tests {
		if got := sameLanguage(language.MustParse(tt.memory), language.MustParse(tt.target)); got != tt.want {
			t.Errorf("sameLanguage(%s, %s) = %v, want %v", tt.memory, tt.target, got, tt.want)
		}
	}
}
