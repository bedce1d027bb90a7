package glossary

import (
	"errors"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

// TestAdd: a replacement made on the review page becomes one more row of
// the glossary file, every byte before it kept; the row follows the file's
// columns, quoting and line ends, and passes the checks a loaded glossary
// passes.
func TestAdd(t *testing.T) {
	partners := &Entry{Source: "동역자", Targets: []string{"partners"}, Kind: KindTerm, Forbidden: []string{"co-workers"}}
	for _, c := range []struct {
		what, name, file string
		entry            *Entry
		want             string
	}{
		{"a row at the end", "g.csv",
			"source,target,kind,forbidden,note\n천안,Cheonan,name,,city\n", partners,
			"source,target,kind,forbidden,note\n천안,Cheonan,name,,city\n동역자,partners,term,co-workers,\n"},
		{"the file's last line had no line end", "g.csv",
			"source,target,kind,forbidden,note\n천안,Cheonan,name,,city", partners,
			"source,target,kind,forbidden,note\n천안,Cheonan,name,,city\n동역자,partners,term,co-workers,\n"},
		{"columns in another order, another language's column, CRLF", "g.csv",
			"kind,source,target,target:ja,forbidden\r\nname,천안,Cheonan,天安,\r\n", partners,
			"kind,source,target,target:ja,forbidden\r\nname,천안,Cheonan,天安,\r\nterm,동역자,partners,,co-workers\r\n"},
		{"a rendering in another language goes to its column", "g.csv",
			"source,target,target:ja\n", &Entry{Source: "동역자", Kind: KindTerm, Other: map[string]*Rendering{"ja": {Targets: []string{"同労者"}}}},
			"source,target,target:ja\n동역자,,同労者\n"},
		{"a comma is quoted", "g.csv",
			"source,target\n", &Entry{Source: "동역자", Targets: []string{"partners, friends"}, Kind: KindTerm},
			"source,target\n동역자,\"partners, friends\"\n"},
		{"TSV", "g.tsv",
			"source\ttarget\tkind\tforbidden\n천안\tCheonan\tname\t\n", partners,
			"source\ttarget\tkind\tforbidden\n천안\tCheonan\tname\t\n동역자\tpartners\tterm\tco-workers\n"},
	} {
		got, err := Add(c.name, []byte(c.file), c.entry)
		if err != nil || string(got) != c.want {
			t.Errorf("%s: Add = %q, %v\nwant %q", c.what, got, err, c.want)
		}
	}
}

// TestAddRefuses: a pair already in the glossary, or there with another
// rendering, is refused with the line Load says it with; a file Add cannot
// append to safely is refused, never rewritten.
func TestAddRefuses(t *testing.T) {
	p := locales.NewPrinter(language.English)
	const file = "source,target,kind,forbidden,note\n동역자,partners,term,co-workers,\n"
	for _, c := range []struct {
		what, name, file string
		entry            *Entry
		want             string
	}{
		{"the same pair again", "g.csv", file,
			&Entry{Source: "동역자", Targets: []string{"partners"}, Kind: KindTerm, Forbidden: []string{"co-workers"}},
			"g.csv:3: 동역자 is listed twice, first on line 2"},
		{"the term with another rendering", "g.csv", file,
			&Entry{Source: "동역자", Targets: []string{"fellow workers"}, Kind: KindTerm},
			"g.csv:3: 동역자 is already on line 2 with a different target or kind"},
		{"a rendering that is also forbidden", "g.csv", file,
			&Entry{Source: "선교사", Targets: []string{"missionary"}, Kind: KindTerm, Forbidden: []string{"Missionary"}},
			`g.csv:3: "missionary" is both a target and a forbidden rendering of 선교사`},
		{"no Korean word", "g.csv", file,
			&Entry{Targets: []string{"partners"}, Kind: KindTerm},
			"g.csv:3: empty source"},
		{"TBX", "g.tbx", "<tbx/>", &Entry{Source: "동역자", Targets: []string{"partners"}},
			"g.tbx is a TBX file: add the entry in your terminology tool, or keep the glossary as CSV"},
		{"CP949", "g.csv", "source,target\n\xb5\xbf\xbf\xaa\xc0\xda,partners\n", &Entry{Source: "선교사", Targets: []string{"missionary"}},
			"g.csv is not UTF-8 (a spreadsheet saved it as CP949 or UTF-16): save it as CSV UTF-8, then add the entry again"},
		{"no column for the language", "g.csv", file,
			&Entry{Source: "선교사", Kind: KindTerm, Other: map[string]*Rendering{"ja": {Targets: []string{"宣教師"}}}},
			"g.csv has no target:ja column: add it to the first line, then add the entry again"},
		{"a tab in a TSV field", "g.tsv", "source\ttarget\n", &Entry{Source: "동역자", Targets: []string{"part\tners"}},
			"the entry for 동역자 contains a tab or a line break, which TSV cannot hold"},
	} {
		got, err := Add(c.name, []byte(c.file), c.entry)
		var m *locales.Message
		if got != nil || !errors.As(err, &m) || p.Sprint(m) != c.want {
			t.Errorf("%s: Add = %q, %v\nwant the error %q", c.what, got, err, c.want)
		}
	}
}
