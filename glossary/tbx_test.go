package glossary

import (
	"encoding/xml"
	"errors"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/epistle-letters/epistle/locales"
)

const fullGlossary = "source,target,kind,forbidden,note\n" +
	"탈북민,North Korean defector|North Korean defectors,term,deserter,never \"deserter\"\n" +
	"천안,Cheonan,name,,\n" +
	"Zoom,,dnt,,\n" +
	"리명철,Myeongcheol Ri,private,,a defector\n"

// dialect is what TBX-Basic's schematron (testdata/schemas, DCA style)
// allows, read from the schematron itself: the data categories each
// element may carry, the values of the picklist ones, and the levels an
// element of a category may appear at. xmllint checks the core schema but
// cannot run this XSLT 2 schematron.
type dialect struct {
	types  map[string][]string // element → allowed type attributes
	values map[string][]string // termNote type → allowed values
	levels map[string][]string // element/type → allowed parents
}

func readDialect(t *testing.T) dialect {
	data, err := os.ReadFile("../testdata/schemas/TBX-Basic_DCA.sch")
	if err != nil {
		t.Fatal(err)
	}
	d := dialect{types: map[string][]string{}, values: map[string][]string{}, levels: map[string][]string{}}
	quoted := regexp.MustCompile(`'([^']+)'`)
	parents := regexp.MustCompile(`parent::tbx:(\w+)`)
	rules := regexp.MustCompile(`(?s)<rule context="([^"]+)">\s*<assert test="([^"]+)"`)
	typeRule := regexp.MustCompile(`^tbx:(\w+)/@type$`)
	catRule := regexp.MustCompile(`^tbx:(\w+)\[@type='(\w+)'\]$`)
	for _, m := range rules.FindAllStringSubmatch(string(data), -1) {
		context, test := m[1], m[2]
		var list []string
		for _, q := range quoted.FindAllStringSubmatch(test, -1) {
			list = append(list, q[1])
		}
		if tm := typeRule.FindStringSubmatch(context); tm != nil {
			d.types[tm[1]] = list
			continue
		}
		cm := catRule.FindStringSubmatch(context)
		switch {
		case cm == nil:
		case strings.HasPrefix(test, ".="):
			d.values[cm[2]] = list
		case strings.HasPrefix(test, "parent::"):
			for _, p := range parents.FindAllStringSubmatch(test, -1) {
				d.levels[cm[1]+"/"+cm[2]] = append(d.levels[cm[1]+"/"+cm[2]], p[1])
			}
		}
	}
	if len(d.types["termNote"]) == 0 || len(d.values["administrativeStatus"]) == 0 || len(d.levels["admin/projectSubset"]) == 0 {
		t.Fatalf("the schematron did not read as expected: %+v", d)
	}
	return d
}

// check lists every way data breaks the dialect.
func (d dialect) check(data []byte) []string {
	var problems []string
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	var stack []string // the open elements
	var note string    // the type of the open termNote
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return append(problems, err.Error())
		}
		switch tt := tok.(type) {
		case xml.StartElement:
			el, typ := tt.Name.Local, attr(tt.Attr, "type")
			if tt.Name.Space != "urn:iso:std:iso:30042:ed-2" {
				problems = append(problems, "<"+el+"> outside the TBX namespace")
			}
			switch {
			case len(stack) == 0:
				if typ != "TBX-Basic" || attr(tt.Attr, "style") != "dca" {
					problems = append(problems, "the root is not TBX-Basic in DCA style")
				}
			case typ != "":
				parent := stack[len(stack)-1]
				if allowed, ok := d.types[el]; ok && !slices.Contains(allowed, typ) {
					problems = append(problems, "<"+el+` type="`+typ+`"> is not a TBX-Basic data category`)
				}
				if at, ok := d.levels[el+"/"+typ]; ok && !slices.Contains(at, parent) {
					problems = append(problems, "<"+el+` type="`+typ+`"> in <`+parent+">")
				}
				if el == "termNote" && parent != "termSec" {
					problems = append(problems, "a termNote outside a termSec")
				}
			}
			if el == "termNote" {
				note = typ
			}
			stack = append(stack, el)
			text.Reset()
		case xml.CharData:
			text.Write(tt)
		case xml.EndElement:
			if tt.Name.Local == "termNote" {
				v := strings.TrimSpace(text.String())
				if allowed, ok := d.values[note]; ok && !slices.Contains(allowed, v) {
					problems = append(problems, note+" "+v+" is not one of TBX-Basic's values")
				}
			}
			stack = stack[:len(stack)-1]
		}
	}
	return problems
}

// TestTBXIsTBXBasic: the TBX epistle writes keeps to TBX-Basic's data
// categories, their values and levels, kinds included.
func TestTBXIsTBXBasic(t *testing.T) {
	d := readDialect(t)
	g, err := Parse("g.csv", []byte(fullGlossary))
	if err != nil {
		t.Fatal(err)
	}
	data, err := g.Marshal(TBX)
	if err != nil {
		t.Fatal(err)
	}
	if p := d.check(data); len(p) > 0 {
		t.Errorf("not TBX-Basic:\n%s\n%s", strings.Join(p, "\n"), data)
	}
	// The checker sees what epistle wrote before: a custom termNote and
	// partOfSpeech properNoun.
	old := `<tbx style="dca" type="TBX-Basic" xml:lang="ko" xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry><langSec xml:lang="ko"><termSec><term>천안</term>` +
		`<termNote type="partOfSpeech">properNoun</termNote><termNote type="x-epistle-kind">dnt</termNote></termSec></langSec></conceptEntry></body></text></tbx>`
	if p := d.check([]byte(old)); len(p) != 2 {
		t.Errorf("the checker found %q in a file with two faults", p)
	}
}

// TestTBXRoundTrip: both generations epistle writes read back as the same
// glossary, kinds included.
func TestTBXRoundTrip(t *testing.T) {
	g, err := Parse("g.csv", []byte(fullGlossary))
	if err != nil {
		t.Fatal(err)
	}
	want := entryLines(g)
	for _, f := range []Format{TBX, TBX2} {
		data, err := g.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse("g.tbx", data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if got := entryLines(back); stripLines(got) != stripLines(want) {
			t.Errorf("%s round trip:\n%s\nwant:\n%s", f, got, want)
		}
	}
}

// A terminology tool that writes its prose language, English, as the
// file's xml:lang: the glossary is still read from the newsletter's source
// language, Korean (issue 11), and from whatever source epistle.toml names.
func TestTBXSourceIsTheNewsletters(t *testing.T) {
	const tbx = `<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
 <termEntry><langSet xml:lang="en"><tig><term>deserter</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  <tig><term>North Korean defector</term></tig></langSet>
  <langSet xml:lang="ko-KR"><tig><term>탈북민</term></tig></langSet></termEntry>
 <termEntry><langSet xml:lang="en"><tig><term>Cheonan</term><termNote type="partOfSpeech">properNoun</termNote></tig></langSet>
  <langSet xml:lang="ko"><tig><term>천안</term></tig></langSet></termEntry>
</body></text></martif>`
	g, err := Parse("en.tbx", []byte(tbx))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := stripLines(entryLines(g)), "탈북민|North Korean defector|term|deserter|\n천안|Cheonan|name||\n"; got != want {
		t.Errorf("read as:\n%s\nwant:\n%s", got, want)
	}
	// An English newsletter translated into Korean reads it the other way.
	g, err = Parse("en.tbx", []byte(tbx), Languages("en-US", "ko"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := stripLines(entryLines(g)), "North Korean defector|탈북민|term||\nCheonan|천안|name||\n"; got != want {
		t.Errorf("from English:\n%s\nwant:\n%s", got, want)
	}
	// A newsletter in Japanese has no terms here: one error names it.
	_, err = Parse("en.tbx", []byte(tbx), Languages("ja", "en"))
	var m *locales.Message
	if !errors.As(err, &m) || m.Error() != "en.tbx: no entry has a term in ja, the newsletter's source language" {
		t.Errorf("without the source language: %v", err)
	}
}
