package docx

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// block is a paragraph or a table of the body.
type block struct {
	heading int // 1–6, or 0
	quote   bool
	list    *list // nil: not a list item
	listID  string
	ilvl    int
	inlines []inline
	rows    [][][]inline // a table: rows of cells; a cell's paragraphs joined by breaks
}

// inline is a piece of a paragraph: text with its formatting, a line
// break, or an image's alt text.
type inline struct {
	text         string
	bold, italic bool
	link         string // the target of the hyperlink the text is in
	br           bool
	image        bool // text is the alt text of an image
}

// converter reads the body with what the other parts said.
type converter struct {
	rels   relations
	styles map[string]*style
	lists  map[string]*list
	images int
}

// parseBody reads document.xml into blocks.
func (c *converter) parseBody(data []byte) ([]block, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var blocks []block
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return blocks, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		// Containers (body, sdt, sdtContent, customXml, ins) are entered by
		// going on reading tokens; what a block holds is read below.
		switch se.Name.Local {
		case "p":
			b, err := c.paragraph(d)
			if err != nil {
				return nil, err
			}
			blocks = append(blocks, b)
		case "tbl":
			b, err := c.table(d)
			if err != nil {
				return nil, err
			}
			blocks = append(blocks, b)
		case "sectPr", "del", "moveFrom", "Fallback":
			if err := d.Skip(); err != nil {
				return nil, err
			}
		}
	}
}

// table reads a w:tbl after its start element.
func (c *converter) table(d *xml.Decoder) (block, error) {
	var b block
	var row [][]inline
	var cell []inline
	err := children(d, func(t xml.StartElement) (bool, error) {
		switch t.Name.Local {
		case "tr":
			row = nil
		case "tc":
			cell = nil
		case "p":
			p, err := c.paragraph(d)
			if err != nil {
				return true, err
			}
			if len(cell) > 0 && len(p.inlines) > 0 {
				cell = append(cell, inline{br: true})
			}
			cell = append(cell, p.inlines...)
			return true, nil
		case "tbl":
			// A table in a cell: Markdown has none, so its cells'
			// text goes into this cell, row by row.
			inner, err := c.table(d)
			if err != nil {
				return true, err
			}
			for _, r := range inner.rows {
				for _, ic := range r {
					if len(cell) > 0 && len(ic) > 0 {
						cell = append(cell, inline{br: true})
					}
					cell = append(cell, ic...)
				}
			}
			return true, nil
		case "tblPr", "trPr", "tcPr", "tblGrid", "del", "Fallback":
			return true, d.Skip()
		}
		return false, nil
	}, func(t xml.EndElement) {
		switch t.Name.Local {
		case "tc":
			row = append(row, cell)
		case "tr":
			b.rows = append(b.rows, row)
		}
	})
	return b, err
}

// paragraph reads a w:p after its start element.
func (c *converter) paragraph(d *xml.Decoder) (block, error) {
	var b block
	var styleID, numID string
	ilvl, outline := -1, 0
	p := &runs{c: c}
	err := children(d, func(t xml.StartElement) (bool, error) {
		var err error
		switch t.Name.Local {
		case "pPr":
			styleID, numID, ilvl, outline, err = paragraphProperties(d)
			return true, err
		case "hyperlink":
			link := ""
			if id := attr(t, "id"); id != "" {
				if r, ok := c.rels[id]; ok && strings.HasSuffix(r.Type, relHyperlink) {
					link = r.Target
				}
			}
			p.links = append(p.links, link)
		case "r":
			return true, p.run(d)
		case "fldSimple":
			p.links = append(p.links, fieldLink(attr(t, "instr")))
		case "del", "moveFrom", "Fallback", "bookmarkStart", "bookmarkEnd", "proofErr", "commentRangeStart", "commentRangeEnd":
			return true, d.Skip()
		}
		return false, nil
	}, func(t xml.EndElement) {
		switch t.Name.Local {
		case "hyperlink", "fldSimple":
			p.links = p.links[:len(p.links)-1]
		}
	})
	if err != nil {
		return b, err
	}
	b.inlines = p.out
	c.classify(&b, styleID, numID, ilvl, outline)
	return b, nil
}

// classify sets what kind of block a paragraph is, from its own properties
// and then its style's.
func (c *converter) classify(b *block, styleID, numID string, ilvl, outline int) {
	b.heading = headingLevel(c.styles, styleID)
	if outline > 0 {
		b.heading = min(outline, 6)
	}
	if b.heading > 0 {
		return
	}
	b.quote = isQuote(c.styles, styleID)
	if numID == "" {
		var lvl int
		numID, lvl = listStyle(c.styles, styleID)
		if ilvl < 0 {
			ilvl = lvl
		}
	}
	// numId 0 switches off the numbering a style gives.
	if l := c.lists[numID]; l != nil && numID != "0" {
		b.list, b.listID, b.ilvl = l, numID, max(0, min(ilvl, len(l.ordered)-1))
	}
}

// paragraphProperties reads w:pPr after its start element.
func paragraphProperties(d *xml.Decoder) (styleID, numID string, ilvl, outline int, err error) {
	ilvl = -1
	err = children(d, func(t xml.StartElement) (bool, error) {
		switch t.Name.Local {
		case "pStyle":
			styleID = attr(t, "val")
		case "numId":
			numID = attr(t, "val")
		case "ilvl":
			ilvl, _ = strconv.Atoi(attr(t, "val"))
		case "outlineLvl":
			if n, err := strconv.Atoi(attr(t, "val")); err == nil && n >= 0 && n < 9 {
				outline = n + 1
			}
		case "numPr":
			return false, nil
		}
		return true, d.Skip()
	}, nil)
	return styleID, numID, ilvl, outline, err
}

// runs collects a paragraph's inlines, with the hyperlinks open around them.
type runs struct {
	c     *converter
	out   []inline
	links []string
	// A complex field (fldChar begin, instrText, separate, result, end):
	// its instruction, and whether the result is being read.
	fields []field
}

type field struct {
	instr  strings.Builder
	result bool
}

func (p *runs) link() string {
	for i := len(p.fields) - 1; i >= 0; i-- {
		if p.fields[i].result {
			if l := fieldLink(p.fields[i].instr.String()); l != "" {
				return l
			}
		}
	}
	for i := len(p.links) - 1; i >= 0; i-- {
		if p.links[i] != "" {
			return p.links[i]
		}
	}
	return ""
}

// inField reports whether the run is inside a field's instruction, whose
// text is code, not something the reader sees.
func (p *runs) inField() bool {
	return len(p.fields) > 0 && !p.fields[len(p.fields)-1].result
}

// format is a run's own formatting (from w:rPr), completed from its
// character style when its first inline is added.
type format struct {
	style        string
	bold, italic *bool
}

// add appends an inline of the run, unless the run is a field's instruction.
func (p *runs) add(in inline, f *format) {
	if p.inField() {
		return
	}
	sb, si := runStyle(p.c.styles, f.style)
	if f.bold == nil {
		f.bold = sb
	}
	if f.italic == nil {
		f.italic = si
	}
	in.bold, in.italic = f.bold != nil && *f.bold, f.italic != nil && *f.italic
	in.link = p.link()
	p.out = append(p.out, in)
}

// run reads a w:r after its start element.
func (p *runs) run(d *xml.Decoder) error {
	var f format
	return children(d, func(t xml.StartElement) (bool, error) {
		return p.runChild(d, t, &f)
	}, nil)
}

// runChild reads an element of a w:r after its start element: to its end,
// except for the containers whose content is read as the run's own.
func (p *runs) runChild(d *xml.Decoder, t xml.StartElement, f *format) (done bool, err error) {
	switch t.Name.Local {
	case "rPr":
		f.style, f.bold, f.italic, err = runProperties(d)
		return true, err
	case "t":
		text, err := charData(d)
		if err != nil {
			return true, err
		}
		p.add(inline{text: text}, f)
		return true, nil
	case "instrText":
		text, err := charData(d)
		if err != nil {
			return true, err
		}
		if len(p.fields) > 0 {
			p.fields[len(p.fields)-1].instr.WriteString(text)
		}
		return true, nil
	case "drawing", "pict", "object":
		alt, picture, box, err := drawing(d, t.Name.Local)
		if err != nil {
			return true, err
		}
		switch {
		case picture:
			p.c.images++
			p.add(inline{text: alt, image: true}, f)
		case box != "":
			p.add(inline{text: box}, f)
		}
		return true, nil
	case "AlternateContent", "Choice":
		// Choice is what Word shows; Fallback repeats it for older
		// readers and is skipped where it is met.
		return false, nil
	case "fldChar":
		p.fieldChar(attr(t, "fldCharType"))
	case "tab", "ptab":
		p.add(inline{text: " "}, f)
	case "noBreakHyphen":
		p.add(inline{text: "-"}, f)
	case "br", "cr":
		if t.Name.Local == "cr" || attr(t, "type") == "" || attr(t, "type") == "textWrapping" {
			p.add(inline{br: true}, f)
		}
	}
	return true, d.Skip()
}

// fieldChar opens a complex field, starts its result or closes it.
func (p *runs) fieldChar(kind string) {
	switch kind {
	case "begin":
		p.fields = append(p.fields, field{})
	case "separate":
		if len(p.fields) > 0 {
			p.fields[len(p.fields)-1].result = true
		}
	case "end":
		if len(p.fields) > 0 {
			p.fields = p.fields[:len(p.fields)-1]
		}
	}
}

// runProperties reads w:rPr after its start element.
func runProperties(d *xml.Decoder) (rStyle string, bold, italic *bool, err error) {
	err = children(d, func(t xml.StartElement) (bool, error) {
		switch t.Name.Local {
		case "rStyle":
			rStyle = attr(t, "val")
		case "b":
			v := toggle(attr(t, "val"))
			bold = &v
		case "i":
			v := toggle(attr(t, "val"))
			italic = &v
		}
		return true, d.Skip()
	}, nil)
	return rStyle, bold, italic, err
}

// children reads an element after its start element, up to its end.
// start is called with each element inside; it reports whether it has
// read that element to its end (or skipped it). The content of one it has
// not read is read on as this element's, and end, when not nil, is called
// with that element's end.
func children(d *xml.Decoder, start func(xml.StartElement) (done bool, err error), end func(xml.EndElement)) error {
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			done, err := start(t)
			if err != nil {
				return err
			}
			if !done {
				depth++
			}
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
			if end != nil {
				end(t)
			}
		}
	}
}

// drawing reads a w:drawing, w:pict or w:object after its start element:
// a picture's description (or title), or the text of a text box.
func drawing(d *xml.Decoder, end string) (alt string, picture bool, box string, err error) {
	var descr, title string
	var text strings.Builder
	depth, inBox := 0, 0
	for {
		tok, err := d.Token()
		if err != nil {
			return "", false, "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "pic", "blip", "imagedata":
				picture = true
			}
			switch t.Name.Local {
			case "docPr", "imagedata", "shape":
				if descr == "" {
					descr = attr(t, "descr")
					if descr == "" {
						descr = attr(t, "alt")
					}
				}
				if title == "" {
					title = attr(t, "title")
				}
			case "txbxContent":
				inBox++
			case "p":
				if inBox > 0 && text.Len() > 0 {
					text.WriteByte(' ')
				}
			case "t":
				if inBox > 0 {
					s, err := charData(d)
					if err != nil {
						return "", false, "", err
					}
					text.WriteString(s)
					depth--
				}
			}
		case xml.EndElement:
			if depth == 0 && t.Name.Local == end {
				if descr == "" {
					descr = title
				}
				return strings.Join(strings.Fields(descr), " "), picture, strings.Join(strings.Fields(text.String()), " "), nil
			}
			depth--
			if t.Name.Local == "txbxContent" {
				inBox--
			}
		}
	}
}

// charData reads the text of an element up to its end.
func charData(d *xml.Decoder) (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// fieldLink returns the URL of a HYPERLINK field instruction
// (HYPERLINK "https://…" \o "tip"), or "".
func fieldLink(instr string) string {
	// A first argument that is a switch (\l "bookmark") is a link inside
	// the document, which a letter does not keep.
	f := strings.Fields(instr)
	if len(f) < 2 || !strings.EqualFold(f[0], "HYPERLINK") || strings.HasPrefix(f[1], `\`) {
		return ""
	}
	return strings.Trim(f[1], `"`)
}
