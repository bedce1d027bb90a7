package glossary

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"

	"github.com/epistle-letters/epistle/locales"
)

// entryLines renders entries one per line as source|targets|kind|forbidden|note@line.
func entryLines(g *Glossary) string {
	var b strings.Builder
	for _, e := range g.Entries {
		b.WriteString(e.Source + "|" + strings.Join(e.Targets, ";") + "|" + string(e.Kind) + "|" +
			strings.Join(e.Forbidden, ";") + "|" + e.Note + "@" + fmt.Sprintf("%02d", e.Line) + "\n")
	}
	return b.String()
}

func TestParseDelimited(t *testing.T) {
	const want = "탈북민|North Korean defector;North Korean defectors|term|deserter;escapee|never \"deserter\"@02\n" +
		"천안|Cheonan|name||city (not 천안문)@03\n" +
		"Zoom|Zoom|dnt||@04\n" +
		"리명철|Myeongcheol Ri|private||@06\n"
	for _, c := range []struct{ name, text string }{
		{"g.csv", "source,target,kind,forbidden,note\n" +
			"탈북민,North Korean defector|North Korean defectors,term,deserter|escapee,never \"deserter\"\n" +
			"천안,Cheonan,name,,city (not 천안문)\n" +
			"Zoom,,dnt,,\n" +
			"# a comment\n" +
			"리명철,Myeongcheol Ri,private,,\n"},
		// quoted fields, CRLF, columns in another order, a blank line
		{"g.csv", "kind,source,target,forbidden,note\r\n" +
			"term,탈북민,\"North Korean defector|North Korean defectors\",deserter | escapee,\"never \"\"deserter\"\"\"\r\n" +
			"name,천안,Cheonan,,\"city (not 천안문)\"\r\n" +
			"dnt,Zoom,,,\r\n" +
			"\r\n" +
			"private,리명철,Myeongcheol Ri,,\r\n"},
		{"g.tsv", "source\ttarget\tkind\tforbidden\tnote\n" +
			"탈북민\tNorth Korean defector|North Korean defectors\tterm\tdeserter|escapee\tnever \"deserter\"\n" +
			"천안\tCheonan\tname\t\tcity (not 천안문)\n" +
			"Zoom\t\tdnt\t\t\n" +
			"\n" +
			"리명철\tMyeongcheol Ri\tprivate\t\t\n"},
	} {
		g, err := Parse(c.name, []byte(c.text))
		if err != nil {
			t.Fatalf("Parse(%s): %v", c.name, err)
		}
		if got := entryLines(g); got != want {
			t.Errorf("Parse(%s):\n%s\nwant:\n%s", c.name, got, want)
		}
	}
}

// TestParseEncodings reads the same glossary saved as a Korean Windows or
// Mac spreadsheet may save it.
func TestParseEncodings(t *testing.T) {
	const text = "source,target\n탈북민,North Korean defector\n"
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	euckr, _ := korean.EUCKR.NewEncoder().Bytes([]byte(text))
	// 똠 is in CP949 but not in the 2,350 syllables of EUC-KR proper.
	cp949, _ := korean.EUCKR.NewEncoder().Bytes([]byte("source,target\n똠방각하,Ttomi\n"))
	// 탈 written as conjoining jamo, as macOS file names and some editors do.
	nfd := []byte("source,target\n\u1110\u1161\u11af북민,North Korean defector\n")
	for name, data := range map[string][]byte{
		"utf8":     []byte(text),
		"utf8-bom": append([]byte{0xEF, 0xBB, 0xBF}, text...),
		"utf16le":  utf16le,
		"utf16be":  utf16be,
		"euc-kr":   euckr,
		"nfd":      nfd,
	} {
		g, err := Parse(name+".csv", data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := g.Entries[0].Source; got != "탈북민" {
			t.Errorf("%s: source %q, want 탈북민", name, got)
		}
	}
	g, err := Parse("cp949.csv", cp949)
	if err != nil || g.Entries[0].Source != "똠방각하" {
		t.Errorf("cp949: %v", err)
	}
}

func TestParseBadInput(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"g.csv", nil, "g.csv: the file is empty"},
		{"g.csv", []byte(" \n\n"), "g.csv: the file is empty"},
		{"g.csv", []byte("source\x00target"), "g.csv: this is not a text file"},
		{"g.csv", []byte("source,target\n\x80\xff,x\n"), "g.csv:2:1: the text is neither UTF-8 nor EUC-KR/CP949"},
		{"g.xlsx", []byte("source,target\n"), "g.xlsx: unknown glossary format"},
		{"g.csv", []byte("한국어,영어\n탈북민,defector\n"), "g.csv:1: the header must name the columns source,target,kind,forbidden,note (source and target are required), and target:LANG, forbidden:LANG, note:LANG for another target language"},
		{"g.csv", []byte("source,kind\n탈북민,term\n"), "g.csv:1: the header must name the columns source,target,kind,forbidden,note (source and target are required), and target:LANG, forbidden:LANG, note:LANG for another target language"},
		{"g.csv", []byte("source,target\n천안,Cheonan\n\"탈북민,defector\n공안,police\n"), "g.csv:3: a quote opened on this line is never closed"},
		{"g.tbx", []byte("<tbx><text><body><conceptEntry>"), "g.tbx:1: not valid XML: XML syntax error on line 1: unexpected EOF"},
		{"g.tbx", []byte("<html><body/></html>"), "g.tbx:1: not a TBX file (the root element is <html>, not <tbx> or <martif>)"},
		{"g.tbx", []byte("<tbx><text><body/></text></tbx>"), "g.tbx:1: no termEntry or conceptEntry found"},
	} {
		_, err := Parse(c.name, c.data)
		var m *locales.Message
		if !errors.As(err, &m) {
			t.Errorf("Parse(%s, %q) = %v, want a message", c.name, c.data, err)
			continue
		}
		if got := m.Error(); got != c.want {
			t.Errorf("Parse(%s, %q)\n got %s\nwant %s", c.name, c.data, got, c.want)
		}
	}
}

// TestValidate lists every problem of a broken glossary, one file:line each.
func TestValidate(t *testing.T) {
	_, err := Load("../testdata/glossary/broken.csv")
	var inv *Invalid
	if !errors.As(err, &inv) {
		t.Fatalf("Load = %v, want *Invalid", err)
	}
	want := []string{
		"../testdata/glossary/broken.csv:3: 3 fields, the header has 5",
		"../testdata/glossary/broken.csv:4: empty source",
		"../testdata/glossary/broken.csv:5: unknown kind \"polise\" for 공안: use term, name, dnt or private",
		"../testdata/glossary/broken.csv:6: 탈북민 is already on line 2 with a different target or kind",
		"../testdata/glossary/broken.csv:7: 리명철 has no target (private entries need one)",
		"../testdata/glossary/broken.csv:8: \"mission\" is both a target and a forbidden rendering of 선교",
		"../testdata/glossary/broken.csv:10: 복음 is listed twice, first on line 9",
	}
	if got := strings.Split(inv.Error(), "\n"); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The command line shows the first problem and how to see them all.
	var first *locales.Message
	if !errors.As(err, &first) || first.Error() != want[0] || first.Hint == nil ||
		first.Hint.Error() != "the glossary has 7 problems: run 'epistle glossary check ../testdata/glossary/broken.csv' to list them all" {
		t.Errorf("first problem = %v (hint %v)", first, first.Hint)
	}
}

func TestParseTBX(t *testing.T) {
	for file, want := range map[string]string{
		"../testdata/glossary/basic-v2.tbx": "탈북민|North Korean defector;North Korean defectors|term|deserter|People who escaped North Korea@09\n" +
			"천안|Cheonan|name||@33\n",
		"../testdata/glossary/core-v3.tbx": "공안|public security|term|police|@09\n" +
			"Zoom|Zoom|dnt||@24\n",
	} {
		g, err := Load(file)
		if err != nil {
			t.Fatalf("Load(%s): %v", file, err)
		}
		if got := entryLines(g); got != want {
			t.Errorf("Load(%s):\n%s\nwant:\n%s", file, got, want)
		}
	}
}

// TestRoundTrip writes the sample glossary in each format and reads it
// back unchanged.
func TestRoundTrip(t *testing.T) {
	g := testGlossary(t, &Entry{Source: "리명철", Targets: []string{"Myeongcheol Ri"}, Kind: KindPrivate, Note: `a "name", with <markup> & commas`})
	want := entryLines(g)
	for _, f := range []Format{CSV, TSV, TBX} {
		data, err := g.Marshal(f)
		if err != nil {
			t.Fatalf("Marshal(%s): %v", f, err)
		}
		back, err := Parse("out."+string(f), data)
		if err != nil {
			t.Fatalf("Parse(Marshal(%s)): %v\n%s", f, err, data)
		}
		if got, want := stripLines(entryLines(back)), stripLines(want); got != want {
			t.Errorf("%s round trip:\n%s\nwant:\n%s", f, got, want)
		}
	}
	if _, err := (&Glossary{Entries: []*Entry{{Source: "a", Targets: []string{"b"}, Note: "tab\there"}}}).Marshal(TSV); err == nil {
		t.Error("Marshal(TSV) of a note with a tab succeeded, want an error")
	}
}

// stripLines drops the @line suffixes, which differ between formats.
func stripLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if at := strings.LastIndex(l, "@"); at >= 0 {
			lines[i] = l[:at]
		}
	}
	return strings.Join(lines, "\n")
}

func TestPublic(t *testing.T) {
	g := testGlossary(t, &Entry{Source: "리명철", Targets: []string{"Myeongcheol Ri"}, Kind: KindPrivate})
	pub, left := g.Public()
	if left != 1 || len(pub.Entries) != len(g.Entries)-1 {
		t.Fatalf("Public left out %d of %d", left, len(g.Entries))
	}
	for _, f := range []Format{CSV, TSV, TBX} {
		data, _ := pub.Marshal(f)
		if strings.Contains(string(data), "리명철") || strings.Contains(string(data), "Myeongcheol") {
			t.Errorf("%s of the public glossary names the private entry", f)
		}
	}
}
