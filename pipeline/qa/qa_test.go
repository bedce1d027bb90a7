package qa

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
)

func testGlossary(t *testing.T) *glossary.Glossary {
	t.Helper()
	g, err := glossary.Parse("glossary.csv", []byte(`source,target,kind,forbidden,note
탈북민,North Korean defector|North Korean defectors,term,deserter|escapee,never "deserter"
탈북자,North Korean defector|North Korean defectors,term,deserter,Older word for 탈북민
공안,public security,term,,deprecated
천안,Cheonan,name,,
Zoom,Zoom,dnt,,
갈렙,갈렙,name,,kept in Hangul
`))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// found lists the problems as "check severity", the shape the table
// compares.
func found(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Check+" "+string(p.Severity))
	}
	return out
}

func TestCheck(t *testing.T) {
	g := testGlossary(t)
	tests := []struct {
		name        string
		source, tgt string
		want        []string
	}{
		{"clean", "탈북민들을 위해 기도해 주십시오.", "Please pray for the North Korean defectors.", nil},

		{"empty", "기도해 주십시오.", "", []string{"empty error"}},
		{"empty but tags", "<g1>기도</g1>해 주십시오.", "<g1></g1>", []string{"empty error"}},

		{"glossary missing", "탈북민들을 위해 기도해 주십시오.", "Please pray for the refugees.", []string{"glossary error"}},
		{"glossary forbidden", "탈북민들을 위해 기도해 주십시오.", "Please pray for the North Korean defectors, not deserters.", []string{"glossary error"}},

		{"numbers same", "27명이 모였습니다.", "27 people gathered.", nil},
		{"numbers grouped", "2,000명이 모였습니다.", "2000 people gathered.", nil},
		{"numbers 억", "1.5억 원이 필요합니다.", "We need 150 million won.", nil},
		{"numbers 억 in words", "1.5억 원이 필요합니다.", "We need 1.5 hundred million won.", nil},
		{"numbers 천", "3천 명이 왔습니다.", "Three thousand people came.", nil},
		{"numbers 만 천", "2만 5천 명이 왔습니다.", "25,000 people came.", nil},
		{"numbers 천만", "3천만 원입니다.", "It is 30,000,000 won.", nil},
		{"numbers date", "2024. 5. 12. 예배를 드렸습니다.", "We worshipped on May 12, 2024.", nil},
		{"numbers 월 일", "6월 12일에 갑니다.", "I go on June 12th.", nil},
		{"numbers ordinal", "6월 셋째 주 소식입니다.", "News from the third week of June.", nil},
		{"numbers ordinal 번째", "두 번째 기도 제목입니다.", "The second prayer request.", nil},
		{"numbers ordinal missing", "6월 셋째 주 소식입니다.", "News from June.", []string{"numbers warning"}},
		{"numbers wrong", "27명이 모였습니다.", "Many people gathered.", []string{"numbers error"}},
		{"numbers changed", "27명이 모였습니다.", "72 people gathered.", []string{"numbers error"}},
		{"numbers other form", "1.5억 원이 필요합니다.", "We need 1.5 million won.", []string{"numbers warning"}},
		{"numbers decade", "30대 청년들이 왔습니다.", "Young people in their thirties came.", nil},
		{"numbers one as an article", "1명의 탈북민을 만났습니다.", "We met a North Korean defector.", []string{"numbers warning"}},
		{"numbers couple", "2명이 왔습니다.", "A couple came.", nil},
		{"numbers in tags ignored", "<g1>기도</g1>해 주십시오.", "<g1>Pray</g1>, please.", nil},

		{"scripture", "요 3:16 말씀을 묵상합니다.", "We meditate on John 3:16.", nil},
		{"scripture 장 절", "요한복음 3장 16절 말씀입니다.", "It is the word of John 3:16.", nil},
		{"scripture missing", "롬 8:28 말씀을 붙듭니다.", "We hold on to Romans 8, verse 29 and 28.", []string{"scripture error"}},
		{"scripture time not a reference", "오후 3:30에 모입니다.", "We meet at 3:30 p.m.", nil},

		{"tags", "<g1>탈북민</g1>을 위해 기도<x2/>합니다.", "We pray<x2/> for <g1>North Korean defectors</g1>.", nil},
		{"tags missing", "<g1>기도</g1>합니다.", "We pray.", []string{"tags error"}},
		{"tags repeated", "기도<x1/>합니다.", "We<x1/> pray<x1/>.", []string{"tags error"}},
		{"tags invented", "기도합니다.", "We <g3>pray</g3>.", []string{"tags error"}},
		{"tags order", "<g1>기도</g1>합니다.", "We </g1>pray<g1>.", []string{"tags error"}},
		{"tags nesting", "<g1><g2>기도</g2></g1>합니다.", "We <g1><g2>pray</g1></g2>.", []string{"tags error"}},
		{"placeholder", "<n1/> 형제를 위해 기도합니다.", "We pray for brother <n1/>.", nil},
		{"placeholder lost", "<n1/> 형제를 위해 기도합니다.", "We pray for our brother.", []string{"tags error"}},
		{"markup script", "기도합니다.", "We <script>alert(1)</script>pray.", []string{"markup error"}},
		{"markup link", "기도합니다.", "We [pray](https://evil.example).", []string{"markup error"}},
		{"markup code", "기도합니다.", "We `pray`.", []string{"markup error"}},
		{"markup comment", "기도합니다.", "We <!-- x --> pray.", []string{"markup error"}},
		{"markup in the source too", "a<b>c</b> 기도합니다.", "We pray: a<b>c</b>.", nil},
		{"less-than is no markup", "3 < 5입니다.", "3 < 5 holds.", nil},

		{"untranslated same", "기도합니다.", "기도합니다.", []string{"untranslated error"}},
		{"untranslated hangul", "천안에서 기도합니다.", "We pray in 천안.", []string{"glossary error", "untranslated error"}},
		{"dnt unchanged", "Zoom", "Zoom", nil},
		{"hangul name kept", "갈렙 소식입니다.", "News from 갈렙.", nil},

		{"length short", "여러분의 기도 덕분에 미국 일정을 무사히 마치고 귀국했습니다.", "We came home.", []string{"length warning"}},
		{"length long", "기도해 주십시오 부탁합니다.", "Please, please, please pray for us, dear friends, every single day and every single night, without ceasing and without stopping.", []string{"length warning"}},

		{"doubled", "기도해 주십시오.", "Please pray for the the defectors.", []string{"doubled warning"}},
		{"doubled across tags", "<g1>기도</g1>해 주십시오.", "Please <g1>pray</g1> pray.", []string{"doubled warning"}},
		{"had had", "이미 끝났습니다.", "It had had its day.", nil},

		{"whitespace", "기도합니다.", "We pray. ", []string{"whitespace warning"}},

		{"punctuation missing", "기도합니다.", "We pray", []string{"punctuation warning"}},
		{"punctuation extra", "기도 제목", "Prayer requests.", []string{"punctuation warning"}},
		{"punctuation through emoji and quotes", "“기도합니다.” 🙏", "“We pray.” 🙏", nil},
		{"punctuation question for exclamation", "할렐루야!", "Hallelujah.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Check(Input{ID: "3f2a9c1b", Source: tt.source, Translation: tt.tgt,
				Src: language.Korean, Tgt: language.English, Glossary: g})
			if got := found(ps); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Check(%q, %q) = %q, want %q", tt.source, tt.tgt, got, tt.want)
				for _, p := range ps {
					t.Log(p.Message)
				}
			}
			for _, p := range ps {
				if p.ID != "3f2a9c1b" || p.Lang != "en" || p.Message == "" || strings.Contains(p.Message, "qa.") {
					t.Errorf("problem %+v: want id, lang and a rendered message", p)
				}
			}
		})
	}
}

func TestCheckKoreanTarget(t *testing.T) {
	ps := Check(Input{ID: "a", Source: "Read John 3:16 on May 12.", Translation: "5월 12일에 요한복음 3장 16절을 읽으십시오.",
		Src: language.English, Tgt: language.Korean})
	if len(ps) != 0 {
		t.Errorf("English into Korean: %q, want no problems", found(ps))
	}
}

func TestErrors(t *testing.T) {
	ps := []Problem{{Check: "numbers", Severity: Error}, {Check: "doubled", Severity: Warning}, {Check: "tags", Severity: Error}}
	if got := found(Errors(ps)); !reflect.DeepEqual(got, []string{"numbers error", "tags error"}) {
		t.Errorf("Errors = %q", got)
	}
}

func TestExtractNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []float64
	}{
		{"1.5억", []float64{1.5e8}},
		{"1억 2천만 원", []float64{1.2e8}},
		{"2024. 5. 12.", []float64{2024, 5, 12}},
		{"1,000명과 3,5", []float64{1000, 3, 5}},
		{"twenty-five", []float64{25}},
		{"one hundred and six", []float64{100, 6}},
		{"3 thousand", []float64{3000}},
		{"May God bless you on May 5", []float64{5, 5, 5}},
		{"the third week, 셋째 주, 첫 번째", []float64{3, 3, 1}},
		{"3rd", []float64{3}},
		{"오후 3:30", []float64{3, 30}},
	}
	for _, tt := range tests {
		var got []float64
		for _, n := range extractNumbers(tt.text) {
			got = append(got, n.value)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("extractNumbers(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestCheckSource(t *testing.T) {
	g := testGlossary(t)
	tests := []struct {
		source string
		want   []string
	}{
		{"탈북민들을 위해 기도해 주십시오.", nil},
		{"탈북자들을 위해 기도해 주십시오.", []string{"탈북자 is an older word: the glossary prefers 탈북민"}},
		{"공안에게 잡혔습니다.", []string{"공안 is an older word the glossary marks deprecated"}},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range CheckSource("a", tt.source, language.Korean, g) {
			if p.Check != "deprecated" || p.Severity != Warning || p.Lang != "ko" {
				t.Errorf("%q: problem %+v", tt.source, p)
			}
			got = append(got, p.Message)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("CheckSource(%q) = %q, want %q", tt.source, got, tt.want)
		}
	}
	if ps := CheckSource("a", "탈북자", language.Korean, nil); ps != nil {
		t.Errorf("without a glossary: %v", ps)
	}
}

// TestPublishedPairs runs every check on the English edition that was
// published for the sample letter: a reviewer approved it, so each problem
// found there is a false alarm.
func TestPublishedPairs(t *testing.T) {
	g, err := glossary.Load("../../testdata/glossary.csv")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../testdata/2023-06-3.tm.tsv")
	if err != nil {
		t.Fatal(err)
	}
	pairs := 0
	for _, line := range strings.Split(string(data), "\n") {
		p := strings.Split(line, "\t")
		if len(p) != 2 || strings.HasPrefix(line, "#") {
			continue
		}
		pairs++
		ps := Check(Input{ID: "x", Source: p[0], Translation: p[1], Src: language.Korean, Tgt: language.English, Glossary: g})
		ps = append(ps, CheckSource("x", p[0], language.Korean, g)...)
		for _, pr := range ps {
			t.Errorf("%s %s: %s\n\t%s\n\t%s", pr.Check, pr.Severity, pr.Message, p[0], p[1])
		}
	}
	if pairs < 20 {
		t.Fatalf("read %d pairs from the sample, want the whole letter", pairs)
	}
}

// BenchmarkCheck measures every check on one sentence pair of the sample
// letter with its glossary, as translate runs them on each reply.
func BenchmarkCheck(b *testing.B) {
	g, err := glossary.Load("../../testdata/glossary.csv")
	if err != nil {
		b.Fatal(err)
	}
	in := Input{ID: "x",
		Source:      "중국 공안이 일부 탈북민을 미끼로 이용해 구조 요청을 보내게 한 뒤, 구조하러 온 사람을 만나는 순간 추적하여 탈북민과 그들을 돕는 선교사를 한꺼번에 체포하는 일도 있습니다.",
		Translation: "There are instances where Chinese public security uses some North Korean defectors as bait, making them send out rescue requests, tracking them when they meet the rescuer, and apprehending both the defectors and the missionaries helping them at the same time.",
		Src:         language.Korean, Tgt: language.English, Glossary: g}
	for b.Loop() {
		Check(in)
	}
}

// TestUntranslatedPart: the error names the whole part left in Korean,
// not only its first word.
func TestUntranslatedPart(t *testing.T) {
	for _, tt := range []struct{ translation, want string }{
		{"We pray in 천안.", "천안."},
		{"For details, see <x1/> 보실 수 있습니다.", "보실 수 있습니다."},
		{"자세한 내용은 see <x1/>.", "자세한 내용은"},
		{"We pray 천안에서, and 모임 too.", "천안에서,"},
		{"Praise 하나님 3번 and more.", "하나님 3번"},
	} {
		var got string
		for _, p := range Check(Input{ID: "x", Source: "자세한 내용은 <x1/> 보실 수 있습니다.", Translation: tt.translation, Src: language.Korean, Tgt: language.English}) {
			if p.Check == "untranslated" {
				got = p.Message
			}
		}
		if want := "Korean left untranslated: " + tt.want; got != want {
			t.Errorf("%q: %q, want %q", tt.translation, got, want)
		}
	}
}
