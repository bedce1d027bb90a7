package glossary

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// testGlossary is the sample glossary plus entries that exist to spring
// the traps of Korean matching: a short term that begins a longer word.
func testGlossary(t *testing.T, extra ...*Entry) *Glossary {
	t.Helper()
	g, err := Load("../testdata/glossary.csv")
	if err != nil {
		t.Fatal(err)
	}
	entries := append(append([]*Entry{}, g.Entries...), extra...)
	g, err = New("test", entries)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

var koreanTraps = []*Entry{
	{Source: "이사", Targets: []string{"move"}},                 // not in 이사야 (Isaiah)
	{Source: "예배", Targets: []string{"worship"}},              // not in 예배당 (chapel)
	{Source: "요한", Targets: []string{"John"}, Kind: KindName}, // not in 요한복음 (the Gospel of John)
	{Source: "북한 선교", Targets: []string{"North Korea mission"}},
	{Source: "서울", Targets: []string{"Seoul"}, Kind: KindName},
	{Source: "한국", Targets: []string{"Korea"}, Kind: KindName}, // not in 한국인의 (a Korean's)
	{Source: "리명철", Targets: []string{"Myeongcheol Ri"}, Kind: KindPrivate},
}

// mark renders text with each match in brackets.
func mark(text string, matches []Match) string {
	runes := []rune(text)
	var b strings.Builder
	last := 0
	for _, m := range matches {
		b.WriteString(string(runes[last:m.Start]))
		b.WriteString("[" + string(runes[m.Start:m.End]) + "]")
		last = m.End
	}
	b.WriteString(string(runes[last:]))
	return b.String()
}

// TestMatchKorean lists what matches in Korean text: brackets in want mark
// each match; the input is want without them.
func TestMatchKorean(t *testing.T) {
	g := testGlossary(t, koreanTraps...)
	for _, want := range []string{
		// particles and chains of them
		"[탈북민]을 위해",
		"[탈북민]이 많다",
		"[탈북민]의 안전",
		"[탈북민]과 그들을",
		"[탈북민]도",
		"[탈북민]만",
		"[탈북민]까지",
		"[탈북민]부터",
		"[탈북민]처럼",
		"[탈북민]보다",
		"[탈북민]에게",
		"[탈북민]으로서",
		"[탈북민]들의 안전을",
		"[탈북민]들에게서는",
		"[탈북민]들에게까지도",
		"[천안]에 있는",
		"[천안]으로",
		"[천안]에서부터",
		"[공안]에게",
		"중국 [공안]이",
		"[하나님]께서",
		"[선교]에 더욱",
		"[사역자]들과",
		"[탈북자]들을",
		// plural 들 and honorific 님
		"[선교사]님들과",
		"[선교사]님께서",
		"[선교사]님",
		"[김승은 목사]님",
		"[선교사]분들께",
		// copula
		"[탈북민]이라는",
		"[탈북민]입니다",
		"[탈북민]이며",
		"[탈북민]인 그들은",
		"[탈북민]들이었다",
		"[선교사]입니다",
		"[선교사]였다",
		"[선교사]라는",
		"[선교사]라 더",
		"[선교사]면 누구나",
		"[탈북민]이면",
		"[탈북민]이잖아",
		"[탈북민]끼리",
		"[한국]에서는",
		// 하다/되다 after a verbal noun
		"많은 [탈북민]을 [강제북송]하고 있습니다",
		"[강제북송]되는",
		"[강제북송]된",
		"[강제북송]했다",
		"[선교]하는",
		"[예배]드립니다",
		"[이사]했다",
		"[강제북송]당했습니다",
		// spacing: a multi-word term with, without and with other spaces
		"[북한 선교]에 대한",
		"[북한선교]를",
		"[북한  선교]는",
		"[북한\n선교]",
		"[탈북민 공동체 센터]에 와 있습니다",
		"[탈북민공동체센터]에서",
		"[하나님나라]",
		"[하나님 나라]를 확장하는",
		"[하나님 아버지], 교회가",
		// a space where the entry has none is another text
		"성경 공부",
		// longest entry first; a shorter one inside is not reported
		"북한 [선교사]를",
		"[갈렙선교회]의",
		"[동남아 센터]에서 [복음]이",
		"[교도소 사역]을 시작하는",
		"[예수 그리스도]를 만나는",
		"[성경공부]를 마치고",
		// the traps: a term that begins another word
		"천안문 광장",
		"천안아산역",
		"이사야 선지자",
		"예배당에서",
		"요한복음 3장",
		"요한일서",
		"요한이서",
		"복음서",
		"선교지에서",
		"서울선교회",
		"북한선교사",
		"공안국",
		"공안과장",
		"이사분기",
		"한국인의 정",
		"한국인들과",
		"[요한]이 말했다",
		"[요한]의 편지",
		"[이사]를 했다",
		"[예배]를 드립니다",
		// boundaries: punctuation, quotes, emoji, tags
		"'[탈북민]'을",
		"([탈북민])",
		"<g1>[탈북민]</g1>을",
		"<x1/>[탈북민]들",
		"[탈북민]<x2/>",
		"💌[갈렙선교회]",
		"🙏🏻❤️[북한 선교]를 위해 ❤️🙏🏻",
		"❤️[탈북민]",
		"[할렐루야]! [아멘].",
		"6월 셋째 주 💌 [갈렙선교회] [김승은 목사] [선교] 소식",
		// Latin terms in Korean text take particles too
		"[Zoom]으로 모였습니다",
		"[zoom]에서",
		"Zoomer",
		// private names are found even inside a word
		"[리명철]이",
		"형제[리명철]",
	} {
		text := strings.NewReplacer("[", "", "]", "").Replace(want)
		if got := mark(text, g.Match(text, language.Korean)); got != want {
			t.Errorf("Match(%q)\n got %s\nwant %s", text, got, want)
		}
	}
}

func TestMatchEnglish(t *testing.T) {
	g, err := New("en", []*Entry{
		{Source: "defector", Targets: []string{"탈북민"}},
		{Source: "ministry", Targets: []string{"사역"}},
		{Source: "prison ministry", Targets: []string{"교도소 사역"}},
		{Source: "church", Targets: []string{"교회"}},
		{Source: "repatriate", Targets: []string{"강제북송하다"}},
		{Source: "Zoom", Kind: KindDNT},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"[defector]",
		"[Defectors] and a [defector]'s family",
		"the [defectors]' safety",
		"[ministries]",
		"a [prison ministry]",
		"[Prison Ministries]",
		"[churches]",
		"[repatriated], [repatriating], [repatriates]",
		"on [Zoom]",
		"defectorship",
		"undefector",
		"administry",
	} {
		text := strings.NewReplacer("[", "", "]", "").Replace(want)
		if got := mark(text, g.Match(text, language.English)); got != want {
			t.Errorf("Match(%q)\n got %s\nwant %s", text, got, want)
		}
	}
}

// TestMatchPositions pins that Start and End count code points and cover
// the term without its particles.
func TestMatchPositions(t *testing.T) {
	g := testGlossary(t)
	got := g.Terms("탈북민들의 안전을 위해 기도해 주십시오.", language.Korean)
	want := []Term{{Source: "탈북민", Target: "North Korean defector", Kind: KindTerm, Start: 0, End: 3}}
	if len(got) != 1 || got[0] != want[0] {
		t.Errorf("Terms = %+v, want %+v", got, want)
	}
	got = g.Terms("💌 😀 탈북민", language.Korean)
	if len(got) != 1 || got[0].Start != 4 || got[0].End != 7 {
		t.Errorf("after emoji: Terms = %+v, want start 4 end 7", got)
	}
}
