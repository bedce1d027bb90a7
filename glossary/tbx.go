package glossary

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

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
// terms in the target language (or, where it has none, the first other
// language) become renderings, preferred first, and those whose
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

func tbxLang(attrs []xml.Attr) string {
	for _, a := range attrs {
		if a.Name.Local == "lang" && (a.Name.Space == "xml" || strings.Contains(a.Name.Space, "XML/1998/namespace")) {
			return baseLang(a.Value)
		}
	}
	return ""
}

func baseLang(tag string) string {
	tag = strings.ToLower(tag)
	if i := strings.IndexAny(tag, "-_"); i > 0 {
		tag = tag[:i]
	}
	return tag
}

func attr(attrs []xml.Attr, name string) string {
	for _, a := range attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func parseTBX(name, text string, l langs) ([]*Entry, []*locales.Message) {
	d := xml.NewDecoder(strings.NewReader(text))
	var (
		entries   []*Entry
		problems  []*locales.Message
		hasSource bool // some entry has a term in the source language
		kind      Kind // the entry's kind, from its projectSubset
		depth     int
		entryLine int
		inEntry   bool
		lang      string
		terms     []tbxTerm
		cur       *tbxTerm
		note      string
		// prop is the property whose text is being read: term, a termNote
		// type, note; propDepth the element depth it started at.
		prop      string
		propDepth int
		buf       strings.Builder
	)
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
			}
			return nil, append(problems, problem(name, line, "glossary.tbx.syntax", "Err", err.Error()))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			local := t.Name.Local
			switch {
			case depth == 1:
				if local != "martif" && local != "tbx" {
					return nil, []*locales.Message{problem(name, line, "glossary.tbx.root", "Root", local)}
				}
			case local == "termEntry" || local == "conceptEntry":
				inEntry, entryLine, terms, note, kind = true, line, nil, "", ""
			case !inEntry:
			case local == "langSet" || local == "langSec":
				lang = tbxLang(t.Attr)
			case local == "tig" || local == "ntig" || local == "termSec":
				cur = &tbxTerm{lang: lang}
			case prop != "":
				// Markup inside a property (<hi> in a term) is part of its text.
			case local == "term" && cur != nil:
				prop = "term"
			case local == "termNote" || local == "descrip" || local == "admin":
				prop = attr(t.Attr, "type")
			case local == "administrativeStatus" || local == "partOfSpeech" || local == "x-epistle-kind":
				prop = local
			case local == "note":
				prop = "note"
			}
			if prop != "" && propDepth == 0 {
				propDepth = depth
				buf.Reset()
			}
		case xml.CharData:
			if prop != "" {
				buf.Write(t)
			}
		case xml.EndElement:
			local := t.Name.Local
			if prop != "" && depth == propDepth {
				value := strings.TrimSpace(buf.String())
				switch {
				case prop == "term" && cur != nil:
					cur.text = value
				case prop == "administrativeStatus" && cur != nil:
					cur.status = value
				case prop == "partOfSpeech" && cur != nil:
					cur.pos = value
				case prop == "x-epistle-kind" && cur != nil:
					cur.kind = value
				case prop == "projectSubset" && strings.HasPrefix(value, kindPrefix):
					kind = Kind(strings.TrimPrefix(value, kindPrefix))
				case (prop == "note" || prop == "definition") && note == "":
					note = value
				}
				prop, propDepth = "", 0
			}
			switch local {
			case "tig", "ntig", "termSec":
				if cur != nil && cur.text != "" {
					terms = append(terms, *cur)
					hasSource = hasSource || cur.lang == l.source
				}
				cur = nil
			case "termEntry", "conceptEntry":
				if inEntry {
					entries = append(entries, tbxEntries(l, terms, kind, note, entryLine)...)
				}
				inEntry = false
			}
			depth--
		}
	}
	switch {
	case len(entries) == 0:
		problems = append(problems, problem(name, 1, "glossary.tbx.entries"))
	case !hasSource:
		// One error, not one per entry: the whole file is in other
		// languages.
		return nil, []*locales.Message{locales.New("glossary.tbx.nosource", "File", name, "Lang", l.source).
			WithHint("glossary.tbx.nosource.hint", "Lang", l.source)}
	}
	return entries, problems
}

// tbxEntries turns one concept's terms into glossary entries: one per
// source-language term, each with the renderings in the target language,
// or where the entry has none, in the first other language.
func tbxEntries(l langs, terms []tbxTerm, kind Kind, note string, line int) []*Entry {
	tgtLang := ""
	for _, t := range terms {
		if t.lang == l.target || tgtLang == "" && t.lang != l.source {
			tgtLang = t.lang
		}
	}
	var sources []tbxTerm
	var targets, forbidden []string
	for _, t := range terms {
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
		if t.lang != tgtLang {
			continue
		}
		switch {
		case deprecated(t.status):
			forbidden = append(forbidden, t.text)
		case strings.HasPrefix(t.status, "preferred"):
			targets = append([]string{t.text}, targets...)
		default:
			targets = append(targets, t.text)
		}
	}
	if len(sources) == 0 {
		// Reported by validation as an entry without a source.
		return []*Entry{{Targets: targets, Kind: kind, Forbidden: forbidden, Note: note, Line: line}}
	}
	out := make([]*Entry, 0, len(sources))
	for _, s := range sources {
		out = append(out, &Entry{Source: s.text, Targets: targets, Kind: kind, Forbidden: forbidden, Note: note, Line: line})
	}
	return out
}

func deprecated(status string) bool {
	return strings.HasPrefix(status, "deprecated") || strings.HasPrefix(status, "superseded") ||
		status == "notRecommended" || status == "forbidden"
}

// marshalTBX writes TBX-Basic (TBX v3, DCA style), the form terminology
// tools read today, valid against LTAC's core schema and TBX-Basic's
// dialect rules: the kind is a projectSubset, since TBX-Basic has no
// data category for a name or a term to keep as is.
func (g *Glossary) marshalTBX() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<tbx style="dca" type="TBX-Basic" xml:lang="` + g.langs.source + `" xmlns="urn:iso:std:iso:30042:ed-2">` + "\n")
	b.WriteString("  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>epistle glossary</p>\n      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n")
	b.WriteString("  <text>\n    <body>\n")
	for i, e := range g.Entries {
		b.WriteString(`      <conceptEntry id="c` + strconv.Itoa(i+1) + `">` + "\n")
		g.writeEntry(&b, e, "langSec", "termSec", "        ")
		b.WriteString("      </conceptEntry>\n")
	}
	b.WriteString("    </body>\n  </text>\n</tbx>\n")
	return b.Bytes(), nil
}

// marshalTBX2 writes TBX 2 (martif, TBX-Basic's first version), what
// OmegaT and translate-toolkit's tbx2po read.
func (g *Glossary) marshalTBX2() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<martif type="TBX-Basic-V1" xml:lang="` + g.langs.source + `">` + "\n")
	b.WriteString("  <martifHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>epistle glossary</p>\n      </sourceDesc>\n    </fileDesc>\n  </martifHeader>\n")
	b.WriteString("  <text>\n    <body>\n")
	for i, e := range g.Entries {
		b.WriteString(`      <termEntry id="c` + strconv.Itoa(i+1) + `">` + "\n")
		g.writeEntry(&b, e, "langSet", "tig", "        ")
		b.WriteString("      </termEntry>\n")
	}
	b.WriteString("    </body>\n  </text>\n</martif>\n")
	return b.Bytes(), nil
}

// writeEntry writes the inside of one entry, in both generations' element
// names: the kind and note, the source term, then the renderings,
// preferred first, and the forbidden ones as deprecated.
func (g *Glossary) writeEntry(b *bytes.Buffer, e *Entry, langSec, termSec, in string) {
	esc := func(s string) string {
		var e bytes.Buffer
		_ = xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	if e.Kind != "" && e.Kind != KindTerm {
		b.WriteString(in + `<admin type="projectSubset">` + kindPrefix + string(e.Kind) + "</admin>\n")
	}
	if e.Note != "" {
		b.WriteString(in + "<note>" + esc(e.Note) + "</note>\n")
	}
	term := func(text, status string) {
		b.WriteString(in + "  <" + termSec + ">\n" + in + "    <term>" + esc(text) + "</term>\n")
		if status != "" {
			b.WriteString(in + `    <termNote type="administrativeStatus">` + status + "</termNote>\n")
		}
		b.WriteString(in + "  </" + termSec + ">\n")
	}
	b.WriteString(in + "<" + langSec + ` xml:lang="` + g.langs.source + `">` + "\n")
	term(e.Source, "")
	b.WriteString(in + "</" + langSec + ">\n")
	b.WriteString(in + "<" + langSec + ` xml:lang="` + g.langs.target + `">` + "\n")
	for j, t := range e.Targets {
		status := "admittedTerm-admn-sts"
		if j == 0 {
			status = "preferredTerm-admn-sts"
		}
		term(t, status)
	}
	for _, f := range e.Forbidden {
		term(f, "deprecatedTerm-admn-sts")
	}
	b.WriteString(in + "</" + langSec + ">\n")
}
