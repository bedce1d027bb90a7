package exchange

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/epistle-letters/epistle/pipeline"
	"github.com/epistle-letters/epistle/pipeline/document"
)

// xliffNS is the XLIFF 2.0 core namespace.
const xliffNS = "urn:oasis:names:tc:xliff:document:2.0"

// xliffState maps epistle's states to XLIFF's.
func xliffState(s pipeline.State) string {
	switch s {
	case pipeline.Approved:
		return "reviewed"
	case pipeline.Machine:
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
		if u.State == pipeline.Stale {
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
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	var out []xliffSegment
	var cur *xliffSegment
	var text *strings.Builder
	var noteCategory string
	var note strings.Builder
	var open []string // the end tags of the open <pc> and <g>
	inNote := false
	version := ""
	code := 0 // > 0 inside a 1.2 inline code, whose text is not the sentence's
	alt := 0  // > 0 inside a 1.2 <alt-trans>, a suggestion and not the unit's
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			line, _ := dec.InputPos()
			return nil, &syntaxError{Line: line, Err: err.Error()}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "alt-trans" || alt > 0 {
				alt++
				continue
			}
			a := func(name string) string {
				for _, at := range t.Attr {
					if at.Name.Local == name {
						return at.Value
					}
				}
				return ""
			}
			tag := func(s string) {
				if text != nil {
					text.WriteString(s)
				}
			}
			switch t.Name.Local {
			case "xliff":
				switch t.Name.Space {
				case xliffNS:
					version = "2.0"
				case xliff12NS:
					version = "1.2"
				}
			case "unit", "trans-unit":
				out = append(out, xliffSegment{line: line, unit: a("id"), done: a("approved") == "yes"})
				cur = &out[len(out)-1]
			case "note":
				inNote, noteCategory = true, a("category")
				note.Reset()
			case "segment":
				if cur != nil && cur.source == "" && !cur.hasTarget {
					cur.done = a("state") == "reviewed" || a("state") == "final"
				}
			case "source":
				if cur != nil && cur.source == "" {
					text = &strings.Builder{}
				}
			case "target":
				if cur != nil && !cur.hasTarget {
					text = &strings.Builder{}
					cur.hasTarget = true
					if version == "1.2" {
						cur.done = cur.done || a("state") == "final" || a("state") == "signed-off"
					}
				}
			case "pc", "g":
				if text != nil {
					open = append(open, a("id"))
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
				code++
			case "bpt":
				tag("<" + a("id") + ">")
				code++
			case "ept":
				tag("</" + a("id") + ">")
				code++
			case "it":
				if a("pos") == "close" {
					tag("</" + a("id") + ">")
				} else {
					tag("<" + a("id") + ">")
				}
				code++
			case "cp":
				if text != nil {
					var r rune
					_, _ = fmt.Sscanf(a("hex"), "%x", &r)
					text.WriteRune(r)
				}
			}
		case xml.EndElement:
			if alt > 0 {
				alt--
				continue
			}
			switch t.Name.Local {
			case "note":
				if inNote && cur != nil {
					n := strings.TrimSpace(note.String())
					switch {
					case noteCategory == "hash":
						cur.hash = n
					case version == "1.2" && strings.HasPrefix(n, "hash:"):
						cur.hash = strings.TrimSpace(strings.TrimPrefix(n, "hash:"))
					}
				}
				inNote = false
			case "source":
				if text != nil && cur != nil {
					cur.source = text.String()
				}
				text = nil
			case "target":
				if text != nil && cur != nil {
					cur.target = text.String()
				}
				text = nil
			case "pc", "g":
				if text != nil && len(open) > 0 {
					text.WriteString("</" + open[len(open)-1] + ">")
					open = open[:len(open)-1]
				}
			case "ph", "x", "bpt", "ept", "it":
				code--
			}
		case xml.CharData:
			switch {
			case alt > 0:
			case inNote:
				note.Write(t)
			case text != nil && code == 0:
				text.Write(t)
			}
		}
	}
	if version == "" {
		return nil, &syntaxError{Line: 1, Err: "not an XLIFF 2.0 or 1.2 file"}
	}
	return out, nil
}
