package exchange

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/epistle-letters/epistle/pipeline/document"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// xliffNS is the XLIFF 2.0 core namespace.
const xliffNS = "urn:oasis:names:tc:xliff:document:2.0"

// xliffState maps epistle's states to XLIFF's.
func xliffState(s store.State) string {
	switch s {
	case store.Approved:
		return "reviewed"
	case store.Machine:
		return "translated"
	}
	return "initial"
}

func (b *Bundle) xliff() []byte {
	var w strings.Builder
	w.WriteString(xml.Header)
	fmt.Fprintf(&w, "<xliff xmlns=\"%s\" version=\"2.0\" srcLang=\"%s\" trgLang=\"%s\">\n", xliffNS, b.Source, b.Target)
	fmt.Fprintf(&w, " <file id=\"f1\" original=\"%s\">\n", attr(b.Letter))
	for _, u := range b.Units {
		fmt.Fprintf(&w, "  <unit id=\"%s\" name=\"%s\">\n", attr(u.ID), attr(u.ID))
		w.WriteString("   <notes>\n")
		for _, n := range u.notes() {
			fmt.Fprintf(&w, "    <note category=\"%s\">%s</note>\n", n.Category, esc(n.Text))
		}
		w.WriteString("   </notes>\n")
		if data := u.originalData(); len(data) > 0 {
			w.WriteString("   <originalData>\n")
			for _, d := range data {
				fmt.Fprintf(&w, "    <data id=\"%s\">%s</data>\n", d.ID, esc(d.Text))
			}
			w.WriteString("   </originalData>\n")
		}
		state := xliffState(u.State)
		sub := ""
		if u.State == store.Stale {
			sub = ` subState="epistle:stale"`
		}
		fmt.Fprintf(&w, "   <segment id=\"s1\" state=\"%s\"%s>\n", state, sub)
		fmt.Fprintf(&w, "    <source xml:space=\"preserve\">%s</source>\n", xliffInline(u.Source, u.Tags))
		if u.Target != "" {
			fmt.Fprintf(&w, "    <target xml:space=\"preserve\">%s</target>\n", xliffInline(u.Target, u.Tags))
		}
		w.WriteString("   </segment>\n  </unit>\n")
	}
	w.WriteString(" </file>\n</xliff>\n")
	return []byte(w.String())
}

// xliffInline writes a tagged text as XLIFF inline content: a pair of tags
// becomes <pc>, a standalone tag <ph>, a private name a <ph> that may not be
// deleted. Where a text's pairs do not nest (a translation moved a tag), the
// pair is written as <sc>/<ec>, which XLIFF allows to overlap.
func xliffInline(text string, tags []document.Tag) string {
	known := map[string]bool{}
	for _, t := range tags {
		known[t.Name] = true
	}
	nested := pairsNest(text)
	var w strings.Builder
	eachInline(text, func(s string) { w.WriteString(esc(s)) }, func(t inlineToken) {
		name := t.Name
		switch {
		case t.Private:
			fmt.Fprintf(&w, `<ph id="%s" canCopy="no" canDelete="no" type="other" subType="epistle:private" disp="%s"/>`, name, name)
		case !t.Pair:
			if known[name] {
				fmt.Fprintf(&w, `<ph id="%s" dataRef="%s"/>`, name, name)
			} else {
				fmt.Fprintf(&w, `<ph id="%s"/>`, name)
			}
		case nested && t.Closing:
			w.WriteString("</pc>")
		case nested:
			if known[name] {
				fmt.Fprintf(&w, `<pc id="%s" dataRefStart="%s-open" dataRefEnd="%s-close">`, name, name, name)
			} else {
				fmt.Fprintf(&w, `<pc id="%s">`, name)
			}
		case t.Closing:
			fmt.Fprintf(&w, `<ec startRef="%s"/>`, name)
		default:
			fmt.Fprintf(&w, `<sc id="%s"/>`, name)
		}
	})
	return w.String()
}

// pairsNest reports whether the pair tags of text open and close in order.
func pairsNest(text string) bool {
	var stack []string
	for _, tok := range document.TagPattern.FindAllString(text, -1) {
		switch {
		case strings.HasPrefix(tok, "</"):
			name := strings.Trim(tok, "</>")
			if len(stack) == 0 || stack[len(stack)-1] != name {
				return false
			}
			stack = stack[:len(stack)-1]
		case strings.HasPrefix(tok, "<g"):
			stack = append(stack, strings.Trim(tok, "<>"))
		}
	}
	return len(stack) == 0
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func attr(s string) string { return esc(s) }

// xliffSegment is one segment read back from an XLIFF file.
type xliffSegment struct {
	line           int // where its unit starts
	unit, hash     string
	done           bool // the translator marked it reviewed
	source, target string
	hasTarget      bool
}

// readXLIFF reads the units of an XLIFF 2.0 or 1.2 file: per unit its id,
// the hash note, whether it is marked done, and its (first) segment's
// source and target as tagged text. Inline codes become our tags by their
// ids, whatever text a 1.2 code holds; <g> and <x>, which other tools
// write in 1.2, are read too.
func readXLIFF(data []byte) ([]xliffSegment, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var r xliffReader
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, &syntaxError{Line: line, Err: err.Error()}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			r.start(t, line)
		case xml.EndElement:
			r.end(t)
		case xml.CharData:
			r.chars(t)
		}
	}
	if r.version == "" {
		return nil, &syntaxError{Line: 1, Err: "not an XLIFF 2.0 or 1.2 file"}
	}
	return r.units, nil
}

// xliffReader is where reading an XLIFF file is, element by element.
type xliffReader struct {
	version string // "2.0" or "1.2", from the <xliff> element
	units   []xliffSegment
	unit    *xliffSegment    // the unit being read
	text    *strings.Builder // the source or target being read, as tagged text
	open    []string         // the end tags of the open <pc> and <g>
	note    *xliffNote       // the <note> being read
	code    int              // > 0 inside a 1.2 inline code, whose text is not the sentence's
	alt     int              // > 0 inside a 1.2 <alt-trans>, a suggestion and not the unit's
}

// xliffNote is a <note> being read: its category and its text so far.
type xliffNote struct {
	category string
	text     strings.Builder
}

// attrOf is the value of element t's attribute name, "" when it has none.
func attrOf(t xml.StartElement, name string) string {
	for _, at := range t.Attr {
		if at.Name.Local == name {
			return at.Value
		}
	}
	return ""
}

// start reads an element's start tag, at line.
func (r *xliffReader) start(t xml.StartElement, line int) {
	if t.Name.Local == "alt-trans" || r.alt > 0 {
		r.alt++
		return
	}
	a := func(name string) string { return attrOf(t, name) }
	switch t.Name.Local {
	case "xliff":
		switch t.Name.Space {
		case xliffNS:
			r.version = "2.0"
		case xliff12NS:
			r.version = "1.2"
		}
	case "unit", "trans-unit":
		r.units = append(r.units, xliffSegment{line: line, unit: a("id"), done: a("approved") == "yes"})
		r.unit = &r.units[len(r.units)-1]
	case "note":
		r.note = &xliffNote{category: a("category")}
	case "segment":
		if r.unit != nil && r.unit.source == "" && !r.unit.hasTarget {
			r.unit.done = a("state") == "reviewed" || a("state") == "final"
		}
	case "source":
		if r.unit != nil && r.unit.source == "" {
			r.text = &strings.Builder{}
		}
	case "target":
		if r.unit != nil && !r.unit.hasTarget {
			r.text = &strings.Builder{}
			r.unit.hasTarget = true
			if r.version == "1.2" {
				r.unit.done = r.unit.done || a("state") == "final" || a("state") == "signed-off"
			}
		}
	default:
		r.inline(t)
	}
}

// inline reads the start of an inline code into the text being read as
// our tag: by its id, whatever text a 1.2 code holds.
func (r *xliffReader) inline(t xml.StartElement) {
	a := func(name string) string { return attrOf(t, name) }
	tag := func(s string) {
		if r.text != nil {
			r.text.WriteString(s)
		}
	}
	switch t.Name.Local {
	case "pc", "g":
		if r.text != nil {
			r.open = append(r.open, a("id"))
			tag("<" + a("id") + ">")
		}
	case "sc", "bx":
		tag("<" + a("id") + ">")
	case "ec", "ex":
		ref := a("startRef")
		if ref == "" {
			ref = a("id")
		}
		tag("</" + ref + ">")
	case "ph", "x":
		tag("<" + a("id") + "/>")
		r.code++
	case "bpt":
		tag("<" + a("id") + ">")
		r.code++
	case "ept":
		tag("</" + a("id") + ">")
		r.code++
	case "it":
		if a("pos") == "close" {
			tag("</" + a("id") + ">")
		} else {
			tag("<" + a("id") + ">")
		}
		r.code++
	case "cp":
		if r.text != nil {
			var c rune
			_, _ = fmt.Sscanf(a("hex"), "%x", &c)
			r.text.WriteRune(c)
		}
	}
}

// end reads an element's end tag.
func (r *xliffReader) end(t xml.EndElement) {
	if r.alt > 0 {
		r.alt--
		return
	}
	switch t.Name.Local {
	case "note":
		if r.note != nil && r.unit != nil {
			r.noteRead(r.note.category, strings.TrimSpace(r.note.text.String()))
		}
		r.note = nil
	case "source":
		if r.text != nil && r.unit != nil {
			r.unit.source = r.text.String()
		}
		r.text = nil
	case "target":
		if r.text != nil && r.unit != nil {
			r.unit.target = r.text.String()
		}
		r.text = nil
	case "pc", "g":
		if r.text != nil && len(r.open) > 0 {
			r.text.WriteString("</" + r.open[len(r.open)-1] + ">")
			r.open = r.open[:len(r.open)-1]
		}
	case "ph", "x", "bpt", "ept", "it":
		r.code--
	}
}

// noteRead takes the hash from a unit's note: XLIFF 2.0's category
// "hash", or 1.2's "hash: …".
func (r *xliffReader) noteRead(category, text string) {
	switch {
	case category == "hash":
		r.unit.hash = text
	case r.version == "1.2" && strings.HasPrefix(text, "hash:"):
		r.unit.hash = strings.TrimSpace(strings.TrimPrefix(text, "hash:"))
	}
}

// chars reads text: a note's, or the sentence's outside inline codes.
func (r *xliffReader) chars(t xml.CharData) {
	switch {
	case r.alt > 0:
	case r.note != nil:
		r.note.text.Write(t)
	case r.text != nil && r.code == 0:
		r.text.Write(t)
	}
}
