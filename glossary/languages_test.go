package glossary

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

// twoLanguages is a glossary for a newsletter into English and Japanese:
// one entry without a Japanese rendering, a private name with one, a note
// for the Japanese translator.
const twoLanguages = "source,target,kind,forbidden,note,target:ja,forbidden:ja,note:ja\n" +
	"탈북민,North Korean defector|North Korean defectors,term,deserter,never \"deserter\",脱北者,脱走兵,「脱走兵」と訳さない\n" +
	"천안,Cheonan,name,,,天安,,\n" +
	"공안,public security,term,,,,,\n" +
	"Zoom,,dnt,,,,,\n" +
	"리명철,Myeongcheol Ri,private,,a defector,リ・ミョンチョル,,\n"

// languageLines shows every language of every entry.
func languageLines(g *Glossary) string {
	var b strings.Builder
	for _, e := range g.Entries {
		b.WriteString(e.Source + "|" + string(e.Kind) + "|" + strings.Join(e.Targets, ";") + "|" + strings.Join(e.Forbidden, ";") + "|" + e.Note)
		for _, l := range slices.Sorted(maps.Keys(e.Other)) {
			r := e.Other[l]
			b.WriteString(" " + l + ":" + strings.Join(r.Targets, ";") + "|" + strings.Join(r.Forbidden, ";") + "|" + r.Note)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestLanguagesRoundTrip: every format keeps every language, and CSV →
// TBX → CSV gives the same file.
func TestLanguagesRoundTrip(t *testing.T) {
	g, err := Parse("g.csv", []byte(twoLanguages))
	if err != nil {
		t.Fatal(err)
	}
	const want = "탈북민|term|North Korean defector;North Korean defectors|deserter|never \"deserter\" ja:脱北者|脱走兵|「脱走兵」と訳さない\n" +
		"천안|name|Cheonan|| ja:天安||\n" +
		"공안|term|public security||\n" +
		"Zoom|dnt|Zoom||\n" +
		"리명철|private|Myeongcheol Ri||a defector ja:リ・ミョンチョル||\n"
	if got := languageLines(g); got != want {
		t.Fatalf("read as:\n%s\nwant:\n%s", got, want)
	}
	if got := strings.Join(g.Languages(), " "); got != "en ja" {
		t.Errorf("Languages() = %q", got)
	}
	first, _ := g.Marshal(CSV)
	for _, f := range []Format{CSV, TSV, TBX, TBX2} {
		data, err := g.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse("out."+string(f)[:3], data)
		if err != nil {
			t.Fatalf("%s: %v\n%s", f, err, data)
		}
		if got := languageLines(back); got != want {
			t.Errorf("%s round trip:\n%s\nwant:\n%s\n%s", f, got, want, data)
		}
		csv, _ := back.Marshal(CSV)
		if string(csv) != string(first) {
			t.Errorf("CSV → %s → CSV:\n%s\nwant:\n%s", f, csv, first)
		}
	}
	// The TBX-Basic written is TBX-Basic, language notes included.
	data, _ := g.Marshal(TBX)
	if p := readDialect(t).check(data); len(p) > 0 {
		t.Errorf("not TBX-Basic:\n%s\n%s", strings.Join(p, "\n"), data)
	}
	// A glossary of one language writes the five columns only.
	one, _ := Parse("g.csv", []byte("source,target\n천안,Cheonan\n"))
	if data, _ := one.Marshal(CSV); string(data) != "source,target,kind,forbidden,note\n천안,Cheonan,term,,\n" {
		t.Errorf("one language:\n%s", data)
	}
}

// TestIn: the glossary as it applies to one target language.
func TestIn(t *testing.T) {
	g, err := Parse("g.csv", []byte(twoLanguages))
	if err != nil {
		t.Fatal(err)
	}
	if g.In(language.English) != g || g.In(language.AmericanEnglish) != g {
		t.Error("In(en) is not the glossary itself")
	}
	ja := g.In(language.Japanese)
	const want = "탈북민|term|脱北者|脱走兵|「脱走兵」と訳さない\n" +
		"천안|name|天安||\n" +
		"공안|term|||\n" +
		"Zoom|dnt|Zoom||\n" +
		"리명철|private|リ・ミョンチョル||a defector\n"
	var b strings.Builder
	for _, e := range ja.Entries {
		b.WriteString(e.Source + "|" + string(e.Kind) + "|" + strings.Join(e.Targets, ";") + "|" + strings.Join(e.Forbidden, ";") + "|" + e.Note + "\n")
	}
	if b.String() != want {
		t.Errorf("In(ja):\n%s\nwant:\n%s", b.String(), want)
	}
	if u := ja.Unrendered(); len(u) != 1 || u[0].Source != "공안" {
		t.Errorf("Unrendered() = %v", u)
	}
	// Matching is the same; verification follows the language, and an
	// entry without a rendering there is not checked.
	src := "탈북민과 공안이 천안에서 만났습니다."
	if p := ja.Verify(src, "脱北者と公安が天安で会いました。", language.Korean, language.Japanese); len(p) != 0 {
		t.Errorf("a correct Japanese translation: %v", p)
	}
	p := ja.Verify(src, "脱走兵と公安が天安で会いました。", language.Korean, language.Japanese)
	if len(p) != 2 || p[0].Kind != Missing || p[1].Kind != Forbidden {
		t.Errorf("a forbidden Japanese rendering: %+v", p)
	}
	if p := g.Verify(src, "North Korean defectors met the police in Cheonan.", language.Korean, language.English); len(p) != 1 {
		t.Errorf("English is still checked for 공안: %v", p)
	}
	// A private name comes back in the language's own rendering, and is
	// hidden in any language it is written in.
	red := ja.NewRedactor()
	if got := red.Redact("리명철, Myeongcheol Ri, リ・ミョンチョル"); got != "<n1/>, <n1/>, <n1/>" {
		t.Errorf("Redact = %q", got)
	}
	if got, _ := red.Restore("<n1/>さん"); got != "リ・ミョンチョルさん" {
		t.Errorf("Restore = %q", got)
	}
	if (*Glossary)(nil).In(language.Japanese) != nil {
		t.Error("In of nil is not nil")
	}
}

func TestLanguageColumns(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		// target:en is the first target language's target column.
		{"source,target:en\n천안,Cheonan\n", "천안|Cheonan|term||@02\n"},
		// an entry may have a rendering in another language only
		{"source,target,target:ja\n천안,,天安\n", "천안||term||@02\n"},
		{"source,target,target:xx-\n천안,Cheonan,x\n", "g.csv:1: the header"},
		{"source,target,target:en\n천안,Cheonan,Cheonan\n", "g.csv:1: the header"},
		{"source,target,target:ko\n천안,Cheonan,천안\n", "g.csv:1: the header"},
		{"source,target,kind:ja\n천안,Cheonan,name\n", "g.csv:1: the header"},
		{"source,target,target:ja,forbidden:ja\n탈북민,defector,脱北者,脱北者\n", "g.csv:2: \"脱北者\" is both"},
		{"source,target,kind,target:ja\n리명철,,private,リ\n", "g.csv:2: 리명철 has no target"},
	} {
		g, err := Parse("g.csv", []byte(c.text))
		got := ""
		var m *locales.Message
		switch {
		case errors.As(err, &m):
			got = m.Error()
		case err != nil:
			got = err.Error()
		default:
			got = entryLines(g)
		}
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("Parse(%q) = %q, want %q…", c.text, got, c.want)
		}
	}
}

// TestTraditionalChinese: Simplified and Traditional Chinese are two
// columns of one glossary, each language's translations are held to its
// own, and the columns come back from TBX as they were; a region is no
// language of its own (en-GB is en).
func TestTraditionalChinese(t *testing.T) {
	const csv = "source,target,kind,forbidden,note,target:zh-Hans,forbidden:zh-Hans,target:zh-Hant,forbidden:zh-Hant\n" +
		"탈북민,North Korean defector,term,,,脱北者,,脫北者,\n"
	g, err := Parse("g.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	for tag, want := range map[string]string{"zh-Hans": "脱北者", "zh": "脱北者", "zh-CN": "脱北者",
		"zh-Hant": "脫北者", "zh-TW": "脫北者", "zh-HK": "脫北者", "en-GB": "North Korean defector"} {
		if got := g.In(language.MustParse(tag)).Entries[0].Target(); got != want {
			t.Errorf("In(%s): %s, want %s", tag, got, want)
		}
	}
	tbx, err := g.Marshal(TBX)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(tbx), `xml:lang="zh-Hant"`) {
		t.Errorf("the TBX has no zh-Hant langSec:\n%s", tbx)
	}
	back, err := Parse("g.tbx", tbx)
	if err != nil {
		t.Fatal(err)
	}
	out, err := back.Marshal(CSV)
	if err != nil {
		t.Fatal(err)
	}
	// The tags come back as the header wrote them, script and all.
	if string(out) != csv {
		t.Errorf("CSV → TBX → CSV:\n%s\nwant:\n%s", out, csv)
	}
}
