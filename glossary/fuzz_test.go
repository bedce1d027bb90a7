package glossary

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// FuzzMatch holds what every caller relies on, for any text: matches lie
// inside the text, in order, without overlap, and each covers its entry's
// source (folded, spaces aside, inflected); and no private name survives
// Redact, except a Latin rendering glued inside a longer Latin word.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{
		"탈북민들에게서는 천안문 이사야 <g1>선교사</g1>님들과",
		"북한 선교\n하나님나라 Zoom으로 ❤️리명철이",
		"<n1/> <x2/> </g3> < g1> <", "Defectors' ministries", "",
		"리 명철형제 Myeongcheol Ri's", "\uFEFF탈북민\u00a0공동체\u3000센터",
	} {
		f.Add(s)
	}
	g, err := New("fuzz", append(append([]*Entry{}, koreanTraps...),
		&Entry{Source: "탈북민", Targets: []string{"North Korean defector"}},
		&Entry{Source: "탈북민 공동체 센터", Targets: []string{"North Korean Defectors' Community Center"}, Kind: KindName},
		&Entry{Source: "선교사", Targets: []string{"missionary"}},
		&Entry{Source: "하나님 나라", Targets: []string{"kingdom of God"}},
		&Entry{Source: "defector", Targets: []string{"탈북민"}},
		&Entry{Source: "ministry", Targets: []string{"사역"}},
		&Entry{Source: "Zoom", Kind: KindDNT},
	))
	if err != nil {
		f.Fatal(err)
	}
	r := g.NewRedactor()
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		runes := []rune(text)
		for _, lang := range []language.Tag{language.Korean, language.English} {
			last := 0
			for _, m := range g.Match(text, lang) {
				if m.Start < last || m.End <= m.Start || m.End > len(runes) {
					t.Fatalf("Match(%q): bad span %d-%d after %d", text, m.Start, m.End, last)
				}
				last = m.End
				got := string(matchKey(string(runes[m.Start:m.End])))
				// An inflected English form may drop the last letter
				// (ministry, ministries).
				want := []rune(string(matchKey(m.Entry.Source)))
				if !strings.HasPrefix(got, string(want[:len(want)-1])) {
					t.Fatalf("Match(%q): %q at %d-%d is not %q", text, string(runes[m.Start:m.End]), m.Start, m.End, m.Entry.Source)
				}
			}
		}
		out := r.Redact(text)
		if strings.Contains(out, "리명철") {
			t.Fatalf("Redact(%q) = %q still names 리명철", text, out)
		}
		// A Latin rendering may survive only glued to other Latin letters
		// (AMyeongcheol Ri is another word, as Ri is in during).
		for i := 0; ; {
			k := strings.Index(out[i:], "Myeongcheol Ri")
			if k < 0 {
				break
			}
			k += i
			end := k + len("Myeongcheol Ri")
			before, _ := utf8.DecodeLastRuneInString(out[:k])
			after, _ := utf8.DecodeRuneInString(out[end:])
			if !(k > 0 && sameAlphabetWord('M', before)) && !(end < len(out) && sameAlphabetWord('i', after)) {
				t.Fatalf("Redact(%q) = %q still names Myeongcheol Ri", text, out)
			}
			i = end
		}
	})
}
