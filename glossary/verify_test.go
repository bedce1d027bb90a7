package glossary

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestVerifyEnglish lists translations and the problems Verify reports, each
// written kind:source or kind:source:found for a forbidden rendering.
func TestVerifyEnglish(t *testing.T) {
	g := testGlossary(t,
		&Entry{Source: "아이", Targets: []string{"child", "children"}},
		&Entry{Source: "교회", Targets: []string{"church"}},
		&Entry{Source: "사람", Targets: []string{"person", "people"}},
		&Entry{Source: "탈북청년", Targets: []string{"young North Korean defector"}, Forbidden: []string{"defector"}},
	)
	for _, c := range []struct {
		source, translation string
		want                string
	}{
		// inflections and case of a term
		{"탈북민들의 안전", "the safety of North Korean defectors", ""},
		{"탈북민들의 안전", "the safety of north korean defectors", ""},
		{"탈북민들의 안전", "THE SAFETY OF NORTH KOREAN DEFECTORS", ""},
		{"탈북민의 안전", "a North Korean defector's safety", ""},
		{"탈북민의 안전", "North Korean defectors' safety", ""},
		{"탈북민의 안전", "a North Korean defector’s safety", ""},
		{"탈북민을", "North Korean\ndefectors", ""},
		{"선교에", "missions", ""},
		{"선교에", "the mission's work", ""},
		{"선교에", "Missions", ""},
		{"선교사를", "missionaries", ""},
		{"선교사를", "a Missionary", ""},
		{"교도소 사역을", "prison ministries", ""},
		{"성경공부를", "Bible studies", ""},
		{"성경공부를", "bible study", ""},
		{"교회가", "the churches", ""},
		{"사역자들과", "ministers", ""},
		{"강제북송하고", "repatriating", ""},
		{"강제북송하고", "were repatriated", ""},
		{"강제북송하고", "forced repatriations", ""},
		{"하나님 나라를", "God's kingdom", ""},
		{"하나님 나라를", "God’s kingdom", ""},
		{"하나님 나라를", "the Kingdom of God", ""},
		{"공안이", "Public Security", ""},
		// irregular forms are listed renderings
		{"아이들", "the children", ""},
		{"사람들", "people", ""},
		// missing renderings
		{"탈북민들의 안전", "the safety of defectors", "missing:탈북민"},
		{"선교사를", "missions", "missing:선교사"},
		{"선교에", "submission", "missing:선교"},
		{"사역자들과", "administers", "missing:사역자"},
		{"공안이", "police", "missing:공안"},
		{"복음", "gospeller", "missing:복음"},
		{"탈북민과 선교사", "defectors and missionaries", "missing:탈북민"},
		// names are exact, possessive allowed
		{"천안에", "Cheonan", ""},
		{"천안에", "Cheonan's", ""},
		{"천안에", "cheonan", "missing:천안"},
		{"천안에", "CHEONAN", "missing:천안"},
		{"김승은 목사", "Pastor Seungeun Kim", ""},
		{"김승은 목사", "pastor Seungeun Kim", "missing:김승은 목사"},
		{"갈렙선교회의", "Caleb Mission's newsletter", ""},
		{"주님", "the Lord's", ""},
		{"주님", "lord", "missing:주님"},
		{"하나님께서", "God", ""},
		{"예수 그리스도를", "Jesus", "missing:예수 그리스도"},
		// do not translate: unchanged
		{"Zoom으로", "on Zoom", ""},
		{"Zoom으로", "on Zoom's app", ""},
		{"Zoom으로", "on zoom", "missing:Zoom"},
		{"Zoom으로", "on ZOOM", "missing:Zoom"},
		// forbidden renderings, inflected too
		{"탈북민들의", "North Korean deserters", "missing:탈북민 forbidden:탈북민:deserters"},
		{"탈북민들의", "North Korean defectors, not deserters or runaways",
			"forbidden:탈북민:deserters forbidden:탈북민:runaways"},
		{"탈북민", "escapees", "missing:탈북민 forbidden:탈북민:escapees"},
		{"강제북송", "deportation", "missing:강제북송 forbidden:강제북송:deportation"},
		{"강제북송", "repatriated, not deportations", "forbidden:강제북송:deportations"},
		// a forbidden word inside an accepted rendering is no offence
		{"탈북청년", "young North Korean defectors", ""},
		{"탈북청년", "a young defector", "missing:탈북청년 forbidden:탈북청년:defector"},
		{"탈북청년", "young North Korean defectors, once defectors", "forbidden:탈북청년:defectors"},
		// protected tags are not words
		{"<g1>탈북민</g1>을", "<g1>North Korean defectors</g1>", ""},
		// private names are the redactor's to check
		{"리명철이", "someone", ""},
	} {
		var got []string
		for _, p := range g.Verify(c.source, c.translation, language.Korean, language.English) {
			s := string(p.Kind) + ":" + p.Entry.Source
			if p.Kind == Forbidden {
				s += ":" + string([]rune(c.translation)[p.Start:p.End])
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("Verify(%q, %q) = %q, want %q", c.source, c.translation, g, c.want)
		}
	}
}

// TestVerifyPositions pins where problems point: the term in the source for
// a missing rendering, the words in the translation for a forbidden one.
func TestVerifyPositions(t *testing.T) {
	g := testGlossary(t)
	got := g.Verify("최근 탈북민을 체포", "recently the deserters were arrested", language.Korean, language.English)
	want := "missing 3-6 탈북민 (at 3) is not rendered as \"North Korean defector\", \"North Korean defectors\"|" +
		"forbidden 13-22 \"deserters\" (at 13) is a forbidden rendering of 탈북민: use \"North Korean defector\""
	var lines []string
	for _, p := range got {
		lines = append(lines, fmt.Sprintf("%s %d-%d %s", p.Kind, p.Start, p.End, p.Message.Error()))
	}
	if g := strings.Join(lines, "|"); g != want {
		t.Errorf("Verify problems\n got %s\nwant %s", g, want)
	}
}

// TestVerifyPublishedEdition checks the English edition that was published
// for the sample letter: approved text, so every problem would be a false
// alarm.
func TestVerifyPublishedEdition(t *testing.T) {
	g := testGlossary(t)
	data, err := os.ReadFile("../testdata/2023-06-3.tm.tsv")
	if err != nil {
		t.Fatal(err)
	}
	pairs, terms := 0, 0
	for _, line := range strings.Split(string(data), "\n") {
		ko, en, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		pairs++
		terms += len(g.Match(ko, language.Korean))
		for _, p := range g.Verify(ko, en, language.Korean, language.English) {
			t.Errorf("%s\n%s\n%s", ko, en, p.Message)
		}
	}
	if pairs < 20 || terms < 30 {
		t.Fatalf("only %d pairs with %d terms: the sample is not what this test expects", pairs, terms)
	}
}
