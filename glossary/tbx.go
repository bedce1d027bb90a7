package glossary

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

// TBX (TermBase eXchange, ISO 30042) is how terminology tools exchange
// glossaries. Two generations are read, by element name and whatever their
// namespace:
//
//   - TBX v2 / TBX-Basic: martif > text > body > termEntry > langSet >
//     tig|ntig > term, properties as <termNote type="…">
//   - TBX v3 (TBX-Core, TBX-Basic): tbx > text > body > conceptEntry >
//     langSec > termSec > term, properties as <termNote type="…"> (DCA
//     style) or as elements such as <basic:administrativeStatus> (DCT)
//
// An entry's terms in the newsletter's source language become entries; its
// terms in each other language become that language's renderings
// (preferred first; the first target language's are the entry's Targets,
// the others' its Other), and those whose
// administrativeStatus is deprecated or superseded become forbidden
// renderings. The file's own xml:lang is only the language of its prose: a
// terminology tool writes en there as readily as ko, and reading by it
// would turn the glossary around. A file with no term in the source
// language is refused, naming the language.
//
// epistle's kinds travel as <admin type="projectSubset">epistle-name</admin>
// (epistle-dnt, epistle-private) on the entry, which TBX-Basic allows; a
// proper noun (partOfSpeech properNoun, TBX 2) is a name too, and files of
// epistle before TBX-Basic carried the kind as <termNote
// type="x-epistle-kind">.

// tbxTerm is one term section as read.
type tbxTerm struct {
	lang, text, status, pos, kind string
}

// kindPrefix starts the projectSubset that carries an entry's kind.
const kindPrefix = "epistle-"

// tbxLang is the language of a language section: its code (see
// [baseLang]) and the tag as the file writes it.
func tbxLang(attrs []xml.Attr) (code, tag string) {
	for _, a := range attrs {
		if a.Name.Local == "lang" && (a.Name.Space == "xml" || strings.Contains(a.Name.Space, "XML/1998/namespace")) {
			return baseLang(a.Value), writtenTag(a.Value)
		}
	}
	return "", ""
}

// baseLang is the key a language's renderings are kept under: its base
// code (en for en-GB, zh for zh-Hans), with the script where the tag is
// written in another than the language usually is (zh-Hant for zh-TW and
// zh-Hant, sr-Latn), so that Traditional Chinese has renderings of its own
// and the key goes into a column name and an xml:lang and back unchanged.
func baseLang(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		tag = strings.ToLower(tag)
		if i := strings.IndexAny(tag, "-_"); i > 0 {
			tag = tag[:i]
		}
		return tag
	}
	base, _ := t.Base()
	script, _ := t.Script()
	if usual, _ := language.Make(base.String()).Script(); script != usual {
		return base.String() + "-" + script.String()
	}
	return base.String()
}

func attr(attrs []xml.Attr, name string) string {
	for _, a := range attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// tbxConcept is one entry (termEntry, conceptEntry) as read.
type tbxConcept struct {
	line int
	kind Kind // from its projectSubset
	note string
	// notes are the notes inside a language section, by language.
	notes map[string]string
	terms []tbxTerm
}

// tbxReader follows a TBX file's elements and collects its concepts. prop
// is the property whose text is being read (term, a termNote type, note),
// propDepth the element depth it started at.
type tbxReader struct {
	concepts  []*tbxConcept
	cur       *tbxConcept // the open entry
	term      *tbxTerm    // the open term section
	lang      string      // the open language section's
	langs     langs       // where the languages' written tags go
	depth     int
	prop      string
	propDepth int
	buf       strings.Builder
}

// parseTBX reads a TBX file in three steps: the XML into concepts, the
// concepts into entries by the newsletter's languages, and a check that
// the file has the source language at all.
func parseTBX(name, text string, l langs) ([]*Entry, []*locales.Message) {
	concepts, bad := readConcepts(name, text, l)
	if bad != nil {
		return nil, []*locales.Message{bad}
	}
	var entries []*Entry
	hasSource := false
	for _, c := range concepts {
		entries = append(entries, c.entries(l)...)
		for _, t := range c.terms {
			hasSource = hasSource || t.lang == l.source
		}
	}
	switch {
	case len(entries) == 0:
		return nil, []*locales.Message{problem(name, 1, "glossary.tbx.entries")}
	case !hasSource:
		// One error, not one per entry: the whole file is in other
		// languages.
		return nil, []*locales.Message{locales.New("glossary.tbx.nosource", "File", name, "Lang", l.source).
			WithHint("glossary.tbx.nosource.hint", "Lang", l.source)}
	}
	return entries, nil
}

// readConcepts reads the XML: a syntax error or a root that is not TBX is
// the one problem it returns.
func readConcepts(name, text string, l langs) ([]*tbxConcept, *locales.Message) {
	d := xml.NewDecoder(strings.NewReader(text))
	r := &tbxReader{langs: l}
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			return r.concepts, nil
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
			}
			return nil, problem(name, line, "glossary.tbx.syntax", "Err", err.Error())
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if r.depth == 0 && t.Name.Local != "martif" && t.Name.Local != "tbx" {
				return nil, problem(name, line, "glossary.tbx.root", "Root", t.Name.Local)
			}
			r.start(t, line)
		case xml.CharData:
			if r.prop != "" {
				r.buf.Write(t)
			}
		case xml.EndElement:
			r.end(t.Name.Local)
		}
	}
}

// start opens an element: an entry, a language or term section, or a
// property whose text is read until the element closes.
func (r *tbxReader) start(t xml.StartElement, line int) {
	r.depth++
	local := t.Name.Local
	switch {
	case local == "termEntry" || local == "conceptEntry":
		r.cur = &tbxConcept{line: line, notes: map[string]string{}}
		r.concepts = append(r.concepts, r.cur)
	case r.cur == nil:
	case local == "langSet" || local == "langSec":
		var tag string
		r.lang, tag = tbxLang(t.Attr)
		if r.lang != "" {
			r.langs.written(r.lang, tag)
		}
	case local == "tig" || local == "ntig" || local == "termSec":
		r.term = &tbxTerm{lang: r.lang}
	case r.prop != "":
		// Markup inside a property (<hi> in a term) is part of its text.
	case local == "term" && r.term != nil:
		r.prop = "term"
	case local == "termNote" || local == "descrip" || local == "admin":
		r.prop = attr(t.Attr, "type")
	case local == "administrativeStatus" || local == "partOfSpeech" || local == "x-epistle-kind":
		r.prop = local
	case local == "note":
		r.prop = "note"
	}
	if r.prop != "" && r.propDepth == 0 {
		r.propDepth = r.depth
		r.buf.Reset()
	}
}

// end closes an element: a property takes its text, a term section joins
// its entry.
func (r *tbxReader) end(local string) {
	if r.prop != "" && r.depth == r.propDepth {
		r.property(strings.TrimSpace(r.buf.String()))
		r.prop, r.propDepth = "", 0
	}
	switch local {
	case "tig", "ntig", "termSec":
		if r.term != nil && r.term.text != "" && r.cur != nil {
			r.cur.terms = append(r.cur.terms, *r.term)
		}
		r.term = nil
	case "langSet", "langSec":
		r.lang = ""
	case "termEntry", "conceptEntry":
		r.cur = nil
	}
	r.depth--
}

// property stores the text of the property just read where it belongs.
func (r *tbxReader) property(value string) {
	c, t := r.cur, r.term
	switch {
	case c == nil:
	case r.prop == "term" && t != nil:
		t.text = value
	case r.prop == "administrativeStatus" && t != nil:
		t.status = value
	case r.prop == "partOfSpeech" && t != nil:
		t.pos = value
	case r.prop == "x-epistle-kind" && t != nil:
		t.kind = value
	case r.prop == "projectSubset" && strings.HasPrefix(value, kindPrefix):
		c.kind = Kind(strings.TrimPrefix(value, kindPrefix))
	case r.prop != "note" && r.prop != "definition":
	case r.lang != "":
		if c.notes[r.lang] == "" {
			c.notes[r.lang] = value
		}
	case c.note == "":
		c.note = value
	}
}

// entries turns one concept's terms into glossary entries: one per
// source-language term, with the renderings in the first target language
// as its Targets and those in every other language as its Other.
func (c *tbxConcept) entries(l langs) []*Entry {
	kind := c.kind
	var sources []tbxTerm
	byLang := map[string]*Rendering{}
	for _, t := range c.terms {
		switch {
		case kind != "":
		case t.kind != "":
			kind = Kind(strings.ToLower(t.kind))
		case strings.EqualFold(t.pos, "properNoun"):
			kind = KindName
		}
		if t.lang == l.source {
			if !deprecated(t.status) {
				sources = append(sources, t)
			}
			continue
		}
		r := byLang[t.lang]
		if r == nil {
			r = &Rendering{}
			byLang[t.lang] = r
		}
		switch {
		case deprecated(t.status):
			r.Forbidden = append(r.Forbidden, t.text)
		case strings.HasPrefix(t.status, "preferred"):
			r.Targets = append([]string{t.text}, r.Targets...)
		default:
			r.Targets = append(r.Targets, t.text)
		}
	}
	note := c.note
	for _, lang := range []string{l.target, l.source} {
		if note == "" {
			note = c.notes[lang]
		}
	}
	first := byLang[l.target]
	if first == nil {
		first = &Rendering{}
	}
	delete(byLang, l.target)
	var other map[string]*Rendering
	for lang, r := range byLang {
		if lang == "" {
			continue
		}
		r.Note = c.notes[lang]
		if other == nil {
			other = map[string]*Rendering{}
		}
		other[lang] = r
	}
	if len(sources) == 0 {
		// Reported by validation as an entry without a source.
		sources = []tbxTerm{{}}
	}
	out := make([]*Entry, 0, len(sources))
	for _, s := range sources {
		out = append(out, &Entry{Source: s.text, Targets: first.Targets, Kind: kind, Forbidden: first.Forbidden, Note: note, Line: c.line, Other: other})
	}
	return out
}

func deprecated(status string) bool {
	return strings.HasPrefix(status, "deprecated") || strings.HasPrefix(status, "superseded") ||
		status == "notRecommended" || status == "forbidden"
}

// tbxDialect names the elements of one TBX generation.
type tbxDialect struct {
	root, header, entry, langSec, termSec string
}

var (
	// tbxBasic is TBX-Basic (TBX v3, DCA style), the form terminology
	// tools read today, valid against LTAC's core schema and TBX-Basic's
	// dialect rules: the kind is a projectSubset, since TBX-Basic has no
	// data category for a name or a term to keep as is.
	tbxBasic = tbxDialect{
		root:   `tbx style="dca" type="TBX-Basic" xml:lang="%s" xmlns="urn:iso:std:iso:30042:ed-2"`,
		header: "tbxHeader", entry: "conceptEntry", langSec: "langSec", termSec: "termSec",
	}
	// tbx2 is TBX 2 (martif, TBX-Basic's first version), what OmegaT and
	// translate-toolkit's tbx2po read.
	tbx2 = tbxDialect{
		root:   `martif type="TBX-Basic-V1" xml:lang="%s"`,
		header: "martifHeader", entry: "termEntry", langSec: "langSet", termSec: "tig",
	}
)

// marshalTBX writes the glossary in dialect d: per entry its kind and
// note, one language section for the source and one for each target
// language the entry has renderings in.
func (g *Glossary) marshalTBX(d tbxDialect) []byte {
	var b bytes.Buffer
	root, _, _ := strings.Cut(d.root, " ")
	b.WriteString(xml.Header)
	b.WriteString("<" + fmt.Sprintf(d.root, g.langs.source) + ">\n")
	b.WriteString("  <" + d.header + ">\n    <fileDesc>\n      <sourceDesc>\n        <p>epistle glossary</p>\n      </sourceDesc>\n    </fileDesc>\n  </" + d.header + ">\n")
	b.WriteString("  <text>\n    <body>\n")
	for i, e := range g.Entries {
		b.WriteString(`      <` + d.entry + ` id="c` + strconv.Itoa(i+1) + `">` + "\n")
		g.writeEntry(&b, e, d, "        ")
		b.WriteString("      </" + d.entry + ">\n")
	}
	b.WriteString("    </body>\n  </text>\n</" + root + ">\n")
	return b.Bytes()
}

// writeEntry writes the inside of one entry: the kind and note, the source
// term, then per language the renderings, preferred first, and the
// forbidden ones as deprecated.
func (g *Glossary) writeEntry(b *bytes.Buffer, e *Entry, d tbxDialect, in string) {
	if e.Kind != "" && e.Kind != KindTerm {
		b.WriteString(in + `<admin type="projectSubset">` + kindPrefix + string(e.Kind) + "</admin>\n")
	}
	if e.Note != "" {
		b.WriteString(in + "<note>" + xmlText(e.Note) + "</note>\n")
	}
	g.writeLanguage(b, d, in, g.langs.source, &Rendering{Targets: []string{e.Source}}, false)
	g.writeLanguage(b, d, in, g.langs.name(g.langs.target), &Rendering{Targets: e.Targets, Forbidden: e.Forbidden}, true)
	for _, lang := range slices.Sorted(maps.Keys(e.Other)) {
		g.writeLanguage(b, d, in, g.langs.name(lang), e.Other[lang], true)
	}
}

// writeLanguage writes one language section, none when it has no term.
func (g *Glossary) writeLanguage(b *bytes.Buffer, d tbxDialect, in, lang string, r *Rendering, status bool) {
	if len(r.Targets)+len(r.Forbidden) == 0 {
		return
	}
	b.WriteString(in + "<" + d.langSec + ` xml:lang="` + lang + `">` + "\n")
	if r.Note != "" {
		b.WriteString(in + "  <note>" + xmlText(r.Note) + "</note>\n")
	}
	term := func(text, st string) {
		b.WriteString(in + "  <" + d.termSec + ">\n" + in + "    <term>" + xmlText(text) + "</term>\n")
		if st != "" {
			b.WriteString(in + `    <termNote type="administrativeStatus">` + st + "</termNote>\n")
		}
		b.WriteString(in + "  </" + d.termSec + ">\n")
	}
	for j, t := range r.Targets {
		switch {
		case !status:
			term(t, "")
		case j == 0:
			term(t, "preferredTerm-admn-sts")
		default:
			term(t, "admittedTerm-admn-sts")
		}
	}
	for _, f := range r.Forbidden {
		term(f, "deprecatedTerm-admn-sts")
	}
	b.WriteString(in + "</" + d.langSec + ">\n")
}

func xmlText(s string) string {
	var e bytes.Buffer
	_ = xml.EscapeText(&e, []byte(s))
	return e.String()
}
