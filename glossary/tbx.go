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
// An entry's terms in the source language become entries; its terms in the
// target language become renderings, preferred first, and those whose
// administrativeStatus is deprecated or superseded become forbidden
// renderings. A proper noun (partOfSpeech properNoun) is a name; epistle's
// own kinds travel in <termNote type="x-epistle-kind">. The source language
// is the document's xml:lang, Korean when it has none.

// tbxTerm is one term section as read.
type tbxTerm struct {
	lang, text, status, pos, kind string
}

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

func parseTBX(name, text string) ([]*Entry, []*locales.Message) {
	d := xml.NewDecoder(strings.NewReader(text))
	var (
		entries   []*Entry
		problems  []*locales.Message
		srcLang   string
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
				srcLang = tbxLang(t.Attr)
			case local == "termEntry" || local == "conceptEntry":
				inEntry, entryLine, terms, note = true, line, nil, ""
			case !inEntry:
			case local == "langSet" || local == "langSec":
				lang = tbxLang(t.Attr)
			case local == "tig" || local == "ntig" || local == "termSec":
				cur = &tbxTerm{lang: lang}
			case prop != "":
				// Markup inside a property (<hi> in a term) is part of its text.
			case local == "term" && cur != nil:
				prop = "term"
			case local == "termNote" || local == "descrip":
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
				case (prop == "note" || prop == "definition") && note == "":
					note = value
				}
				prop, propDepth = "", 0
			}
			switch local {
			case "tig", "ntig", "termSec":
				if cur != nil && cur.text != "" {
					terms = append(terms, *cur)
				}
				cur = nil
			case "termEntry", "conceptEntry":
				if inEntry {
					entries = append(entries, tbxEntries(srcLang, terms, note, entryLine)...)
				}
				inEntry = false
			}
			depth--
		}
	}
	if len(entries) == 0 {
		problems = append(problems, problem(name, 1, "glossary.tbx.entries"))
	}
	return entries, problems
}

// tbxEntries turns one concept's terms into glossary entries: one per
// source-language term, each with all target-language renderings.
func tbxEntries(srcLang string, terms []tbxTerm, note string, line int) []*Entry {
	if srcLang == "" {
		srcLang = "ko"
	}
	hasSrc := false
	for _, t := range terms {
		hasSrc = hasSrc || t.lang == srcLang
	}
	if !hasSrc && len(terms) > 0 {
		srcLang = terms[0].lang
	}
	tgtLang := ""
	var sources []tbxTerm
	var targets, forbidden []string
	kind := Kind("")
	for _, t := range terms {
		if t.kind != "" {
			kind = Kind(strings.ToLower(t.kind))
		} else if kind == "" && strings.EqualFold(t.pos, "properNoun") {
			kind = KindName
		}
		if t.lang == srcLang {
			if !deprecated(t.status) {
				sources = append(sources, t)
			}
			continue
		}
		if tgtLang == "" {
			tgtLang = t.lang
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

// marshalTBX writes TBX-Basic v3 in DCA style, the form terminology tools
// read today; the source language is Korean, the target English.
func (g *Glossary) marshalTBX() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<tbx style="dca" type="TBX-Basic" xml:lang="ko" xmlns="urn:iso:std:iso:30042:ed-2">` + "\n")
	b.WriteString("  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>epistle glossary</p>\n      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n")
	b.WriteString("  <text>\n    <body>\n")
	esc := func(s string) string {
		var e bytes.Buffer
		_ = xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	for i, e := range g.Entries {
		b.WriteString(`      <conceptEntry id="c` + strconv.Itoa(i+1) + `">` + "\n")
		if e.Note != "" {
			b.WriteString("        <note>" + esc(e.Note) + "</note>\n")
		}
		b.WriteString(`        <langSec xml:lang="ko">` + "\n          <termSec>\n")
		b.WriteString("            <term>" + esc(e.Source) + "</term>\n")
		switch e.Kind {
		case KindName:
			b.WriteString(`            <termNote type="partOfSpeech">properNoun</termNote>` + "\n")
		case KindDNT, KindPrivate:
			b.WriteString(`            <termNote type="x-epistle-kind">` + string(e.Kind) + "</termNote>\n")
		}
		b.WriteString("          </termSec>\n        </langSec>\n")
		b.WriteString(`        <langSec xml:lang="en">` + "\n")
		for j, t := range e.Targets {
			status := "admittedTerm-admn-sts"
			if j == 0 {
				status = "preferredTerm-admn-sts"
			}
			b.WriteString("          <termSec>\n            <term>" + esc(t) + "</term>\n")
			b.WriteString(`            <termNote type="administrativeStatus">` + status + "</termNote>\n          </termSec>\n")
		}
		for _, f := range e.Forbidden {
			b.WriteString("          <termSec>\n            <term>" + esc(f) + "</term>\n")
			b.WriteString(`            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>` + "\n          </termSec>\n")
		}
		b.WriteString("        </langSec>\n      </conceptEntry>\n")
	}
	b.WriteString("    </body>\n  </text>\n</tbx>\n")
	return b.Bytes(), nil
}
