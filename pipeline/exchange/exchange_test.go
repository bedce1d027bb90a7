package exchange

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/document"
	"github.com/epistle-letters/epistle/pipeline/store"
)

var tags = []document.Tag{
	{Name: "g1", Open: "**", Close: "**", Kind: "strong"},
	{Name: "x2", Open: "<b>", Kind: "html"},
	{Name: "g3", Open: "[", Close: "](https://example.org)", Kind: "link"},
}

func TestXLIFFInline(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain & <safe>", "plain &amp; &lt;safe&gt;"},
		{"<g1>bold</g1> text", `<pc id="g1" dataRefStart="g1-open" dataRefEnd="g1-close">bold</pc> text`},
		{"a <x2/> b", `a <ph id="x2" dataRef="x2"/> b`},
		{"<n1/> prays", `<ph id="n1" canCopy="no" canDelete="no" type="other" subType="epistle:private" disp="n1"/> prays`},
		// A translation that crossed its pairs is still well formed.
		{"<g1>a <g3>b</g1> c</g3>", `<sc id="g1"/>a <sc id="g3"/>b<ec startRef="g1"/> c<ec startRef="g3"/>`},
		{"<x9/> invented", `<ph id="x9"/> invented`},
	} {
		if got := xliffInline(c.in, tags); got != c.want {
			t.Errorf("xliffInline(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// TMX and XLIFF 1.2 inline codes hold the tags as the PO has them, so that
// a memory made of our TMX matches our PO and XLIFF exactly.
func TestTMXInline(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<g1>bold</g1>", `<bpt i="1" x="1">&lt;g1&gt;</bpt>bold<ept i="1">&lt;/g1&gt;</ept>`},
		{"see <g3>this</g3><x2/>", `see <bpt i="3" x="3">&lt;g3&gt;</bpt>this<ept i="3">&lt;/g3&gt;</ept><ph x="2">&lt;x2/&gt;</ph>`},
		{"<n2/>", `<ph type="x-private">&lt;n2/&gt;</ph>`},
		{"</g1>x<g1>", `<it pos="end" x="1">&lt;/g1&gt;</it>x<it pos="begin" x="1">&lt;g1&gt;</it>`},
	} {
		if got := tmxInline(c.in); got != c.want {
			t.Errorf("tmxInline(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// What the TMX writer writes, ReadTMX reads back: the approved pairs, tags
// and name placeholders as they were, in the letter's base languages.
func TestTMXRoundTrip(t *testing.T) {
	b := &Bundle{Letter: "letter.ko.md", Source: language.Korean, Target: language.MustParse("en-US"), Units: []Unit{
		{ID: "a", State: store.Approved, Source: "<g1>기도</g1> 편지 & <x2/>", Target: "<g1>Prayer</g1> letter & <x2/>"},
		{ID: "b", State: store.Machine, Source: "기계", Target: "Machine"},
		{ID: "c", State: store.Approved, Block: "li", Source: "<n1/> 형제 </g1>x<g1>", Target: "brother <n1/> </g1>x<g1>"},
	}}
	got, err := ReadTMX(strings.NewReader(string(b.tmx())), language.Korean, language.English)
	if err != nil {
		t.Fatal(err)
	}
	want := []TMXPair{{b.Units[0].Source, b.Units[0].Target}, {b.Units[2].Source, b.Units[2].Target}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back %q\nwant %q\n%s", got, want, b.tmx())
	}
}

func TestXLIFF12Inline(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain & <safe>", "plain &amp; &lt;safe&gt;"},
		{"<g1>bold</g1> text", `<bpt id="g1">&lt;g1&gt;</bpt>bold<ept id="g1">&lt;/g1&gt;</ept> text`},
		{"a <x2/> b", `a <ph id="x2">&lt;x2/&gt;</ph> b`},
		{"<n1/> prays", `<mrk mtype="protected"><ph id="n1" ctype="x-epistle-private">&lt;n1/&gt;</ph></mrk> prays`},
		// Crossed pairs need nothing special: <bpt> and <ept> are flat.
		{"<g1>a <g3>b</g1> c</g3>", `<bpt id="g1">&lt;g1&gt;</bpt>a <bpt id="g3">&lt;g3&gt;</bpt>b<ept id="g1">&lt;/g1&gt;</ept> c<ept id="g3">&lt;/g3&gt;</ept>`},
	} {
		if got := xliff12Inline(c.in); got != c.want {
			t.Errorf("xliff12Inline(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// What xliffInline writes, readXLIFF reads back as the same tagged text.
func TestXLIFFRoundTrip(t *testing.T) {
	for _, text := range []string{
		"plain & <safe> \"quoted\"",
		"<g1>bold</g1> and <g3>a link</g3><x2/>",
		"<n1/> and <n2/> pray",
		"<g1>a <g3>b</g1> c</g3>",
		"line one\nline two",
	} {
		for version, doc := range map[string]string{
			"2.0": `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko"><file id="f"><unit id="u1"><segment state="reviewed"><source>` +
				xliffInline(text, tags) + `</source><target>` + xliffInline(text, tags) + `</target></segment></unit></file></xliff>`,
			"1.2": `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file><body><trans-unit id="u1"><source>` +
				xliff12Inline(text) + `</source><target state="final">` + xliff12Inline(text) + `</target></trans-unit></body></file></xliff>`,
		} {
			segs, err := readXLIFF([]byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			if len(segs) != 1 || segs[0].source != text || segs[0].target != text || !segs[0].done {
				t.Errorf("XLIFF %s round trip of %q gave %+v", version, text, segs)
			}
		}
	}
}

// A 1.2 unit's suggestions (<alt-trans>, which OmegaT and others add) are
// not its translation, and other tools' <g> and <x> are our tags.
func TestReadXLIFF12FromOtherTools(t *testing.T) {
	doc := `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file><body>
<trans-unit id="a"><source>one</source><alt-trans><source>one</source><target>a suggestion</target></alt-trans></trans-unit>
<trans-unit id="b" approved="yes"><source><g id="g1">b</g> <x id="x2"/></source><target><g id="g1">B</g> <x id="x2"/></target>
<alt-trans><target>no</target></alt-trans><note from="developer">hash: sha1-b</note></trans-unit>
</body></file></xliff>`
	segs, err := readXLIFF([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := []xliffSegment{
		{line: 2, unit: "a", source: "one"},
		{line: 3, unit: "b", hash: "sha1-b", done: true, source: "<g1>b</g1> <x2/>", target: "<g1>B</g1> <x2/>", hasTarget: true},
	}
	if !reflect.DeepEqual(segs, want) {
		t.Errorf("read\n%+v\nwant\n%+v", segs, want)
	}
}

func TestReadXLIFFRefusesOtherFiles(t *testing.T) {
	for _, doc := range []string{
		`<xliff version="1.2"><file/></xliff>`, // no namespace
		`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"><unit>`,
		`not xml at all <`,
	} {
		if _, err := readXLIFF([]byte(doc)); err == nil {
			t.Errorf("readXLIFF(%q) read it", doc)
		}
	}
}

func TestPOString(t *testing.T) {
	for _, c := range []struct{ kw, in, want string }{
		{"msgid", `say "hi" \ now`, `msgid "say \"hi\" \\ now"` + "\n"},
		{"msgstr", "", `msgstr ""` + "\n"},
		{"msgid", "one\ntwo", "msgid \"\"\n\"one\\n\"\n\"two\"\n"},
		{"msgid", "tab\there", `msgid "tab\there"` + "\n"},
	} {
		if got := poString(c.kw, c.in); got != c.want {
			t.Errorf("poString(%q, %q) = %q, want %q", c.kw, c.in, got, c.want)
		}
	}
}

func TestReadPO(t *testing.T) {
	po := `msgid ""
msgstr ""
"Language: en\n"

#. hash: sha1-abc
#, fuzzy
#| msgid "old"
msgctxt "id1"
msgid "하나"
msgstr "one"

msgctxt "id2"
msgid ""
"multi\n"
"line"
msgstr ""
"two\n"
"lines"

#: my letter.ko.md
msgctxt "my letter.ko.md"
msgid "셋"
msgstr "three"

#: a.ko.md b.ko.md
msgctxt "a.ko.md b.ko.md"
msgid "넷"
msgstr "four"

#: a.ko.md
msgctxt "a.ko.md-1"
msgid "다섯"
msgstr "five"
`
	got, err := readPO([]byte(po))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		ctxt, id, str, hash string
		fuzzy, located      bool
	}{
		{ctxt: "id1", id: "하나", str: "one", fuzzy: true, hash: "sha1-abc"},
		{ctxt: "id2", id: "multi\nline", str: "two\nlines"},
		// xliff2po names merged copies by their location
		{ctxt: "my letter.ko.md", id: "셋", str: "three", located: true},
		{ctxt: "a.ko.md b.ko.md", id: "넷", str: "four", located: true},
		{ctxt: "a.ko.md-1", id: "다섯", str: "five"},
	}
	if len(got) != len(want) {
		t.Fatalf("read %d entries, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.ctxt != w.ctxt || g.id != w.id || g.str != w.str || g.fuzzy != w.fuzzy || g.hash != w.hash || g.locationContext() != w.located {
			t.Errorf("entry %d = %+v, want %+v", i, g, w)
		}
	}
	for _, bad := range []string{"msgid \"open\n", "msgid_plural \"x\"\n", "\"stray\"\n", "msgfoo \"x\"\n"} {
		if _, err := readPO([]byte(bad)); err == nil {
			t.Errorf("readPO(%q) read it", bad)
		}
	}
}

func TestTagDiff(t *testing.T) {
	for _, c := range []struct{ src, tgt, want string }{
		{"<g1>a</g1> <x2/>", "<x2/> <g1>b</g1>", ""},
		{"<g1>a</g1>", "a", "missing </g1> <g1>"},
		{"a", "<x3/>a", "unknown <x3/>"},
		{"<n1/> a", "a", ""}, // names are the redactor's to check
		{"<x2/><x2/>", "<x2/>", "missing <x2/>"},
	} {
		if got := tagDiff(c.src, c.tgt); got != c.want {
			t.Errorf("tagDiff(%q, %q) = %q, want %q", c.src, c.tgt, got, c.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"xliff": XLIFF, "XLF": XLIFF, "po": PO, "tmx": TMX} {
		if got, ok := ParseFormat(in); !ok || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, ok)
		}
	}
	if _, ok := ParseFormat("docx"); ok {
		t.Error("docx is a format")
	}
	for path, want := range map[string]Format{"dir/letter.en.xliff": XLIFF, "a.xlf": XLIFF, "a.po": PO} {
		if f, ok := FormatOf(path); !ok || f != want {
			t.Errorf("FormatOf(%q) = %q, %v", path, f, ok)
		}
	}
	if f, ok := FormatOf("letter.docx"); ok {
		t.Errorf("FormatOf(letter.docx) = %q", f)
	}
}

// The two XLIFF versions carry the same units: ids, hashes, review state,
// sources and targets with their tags and name placeholders.
func TestXLIFFVersionsAgree(t *testing.T) {
	b := &Bundle{Letter: "l.ko.md", Source: language.Korean, Target: language.English, Units: []Unit{
		{ID: "u1", Hash: "sha1-1", Block: "h1", Source: "<g1>기도</g1> 편지", Target: "<g1>Prayer</g1> letter", State: store.Approved, Tags: tags[:1]},
		{ID: "u2", Hash: "sha1-2", Source: "<n1/> 형제<x2/>", Target: "brother <n1/><x2/>", State: store.Machine, Origin: "memory", Tags: tags[1:2]},
		{ID: "u3", Hash: "sha1-3", Source: "새 문장", Target: "old", State: store.Stale, Previous: "옛 문장"},
		{ID: "u4", Hash: "sha1-4", Source: "없음", State: store.Failed, Failure: "timeout"},
	}}
	v2, err := readXLIFF(b.Export(XLIFF))
	if err != nil {
		t.Fatal(err)
	}
	v12, err := readXLIFF(b.Export(XLIFF12))
	if err != nil {
		t.Fatal(err)
	}
	if len(v2) != len(b.Units) || len(v12) != len(v2) {
		t.Fatalf("units: 2.0 %d, 1.2 %d, want %d", len(v2), len(v12), len(b.Units))
	}
	for i := range v2 {
		v2[i].line, v12[i].line = 0, 0
		if v2[i] != v12[i] {
			t.Errorf("unit %d:\n2.0 %+v\n1.2 %+v", i, v2[i], v12[i])
		}
	}
}
