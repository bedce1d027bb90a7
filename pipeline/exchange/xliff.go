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
	unit, hash     string
	state          string
	source, target string
	hasTarget      bool
}

// readXLIFF reads the units of an XLIFF 2.0 file: per unit its id, the hash
// note, and its (first) segment's state, source and target as tagged text.
func readXLIFF(data []byte) ([]xliffSegment, error) {
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	var out []xliffSegment
	var cur *xliffSegment
	var text *strings.Builder
	var noteCategory string
	var note strings.Builder
	var open []string
	inNote := false
	sawXLIFF := false
	for {
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
			a := func(name string) string {
				for _, at := range t.Attr {
					if at.Name.Local == name {
						return at.Value
					}
				}
				return ""
			}
			switch t.Name.Local {
			case "xliff":
				sawXLIFF = t.Name.Space == xliffNS
			case "unit":
				out = append(out, xliffSegment{unit: a("id")})
				cur = &out[len(out)-1]
			case "note":
				inNote, noteCategory = true, a("category")
				note.Reset()
			case "segment":
				if cur != nil && cur.state == "" {
					cur.state = a("state")
					if cur.state == "" {
						cur.state = "initial"
					}
				}
			case "source":
				if cur != nil && cur.source == "" {
					text = &strings.Builder{}
				}
			case "target":
				if cur != nil && !cur.hasTarget {
					text = &strings.Builder{}
					cur.hasTarget = true
				}
			case "pc":
				if text != nil {
					open = append(open, a("id"))
					text.WriteString("<" + a("id") + ">")
				}
			case "sc":
				if text != nil {
					text.WriteString("<" + a("id") + ">")
				}
			case "ec":
				if text != nil {
					ref := a("startRef")
					if ref == "" {
						ref = a("id")
					}
					text.WriteString("</" + ref + ">")
				}
			case "ph":
				if text != nil {
					text.WriteString("<" + a("id") + "/>")
				}
			case "cp":
				if text != nil {
					var r rune
					_, _ = fmt.Sscanf(a("hex"), "%x", &r)
					text.WriteRune(r)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "note":
				if inNote && cur != nil && noteCategory == "hash" {
					cur.hash = strings.TrimSpace(note.String())
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
			case "pc":
				if text != nil && len(open) > 0 {
					text.WriteString("</" + open[len(open)-1] + ">")
					open = open[:len(open)-1]
				}
			}
		case xml.CharData:
			switch {
			case inNote:
				note.Write(t)
			case text != nil:
				text.Write(t)
			}
		}
	}
	if !sawXLIFF {
		return nil, &syntaxError{Line: 1, Err: "not an XLIFF 2.0 file"}
	}
	return out, nil
}
