package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// style is what a paragraph or character style means for Markdown.
type style struct {
	name    string // lower case: "heading 1", "title", "quote"
	basedOn string
	outline int // 1 + w:outlineLvl, 0 when none
	bold    *bool
	italic  *bool
	numID   string // a list style's numbering
	ilvl    int
}

// parseStyles reads word/styles.xml by style id. Word stores the built-in
// names in English ("heading 1") whatever the language of the program; the
// ids are translated ("1" in a Korean Word, "Heading1" in an English one).
func parseStyles(data []byte) (map[string]*style, error) {
	var doc struct {
		Styles []struct {
			ID      string `xml:"styleId,attr"`
			Name    val    `xml:"name"`
			BasedOn val    `xml:"basedOn"`
			PPr     struct {
				Outline *val `xml:"outlineLvl"`
				NumPr   struct {
					Ilvl  *val `xml:"ilvl"`
					NumID *val `xml:"numId"`
				} `xml:"numPr"`
			} `xml:"pPr"`
			RPr struct {
				B *val `xml:"b"`
				I *val `xml:"i"`
			} `xml:"rPr"`
		} `xml:"style"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	styles := make(map[string]*style, len(doc.Styles))
	for _, s := range doc.Styles {
		st := &style{name: strings.ToLower(s.Name.Val), basedOn: s.BasedOn.Val}
		if s.PPr.Outline != nil {
			if n, err := strconv.Atoi(s.PPr.Outline.Val); err == nil && n >= 0 && n < 9 {
				st.outline = n + 1
			}
		}
		if s.PPr.NumPr.NumID != nil {
			st.numID = s.PPr.NumPr.NumID.Val
		}
		if s.PPr.NumPr.Ilvl != nil {
			st.ilvl, _ = strconv.Atoi(s.PPr.NumPr.Ilvl.Val)
		}
		st.bold, st.italic = s.RPr.B.on(), s.RPr.I.on()
		styles[s.ID] = st
	}
	return styles, nil
}

// val is an element whose meaning is its w:val attribute.
type val struct {
	Val string `xml:"val,attr"`
}

// on reads a toggle property (<w:b/>, <w:b w:val="false"/>); nil when the
// element is absent.
func (v *val) on() *bool {
	if v == nil {
		return nil
	}
	b := toggle(v.Val)
	return &b
}

func toggle(s string) bool {
	switch s {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// chain returns the style id and the styles it is based on, nearest first,
// ending at a loop or a missing style.
func chain(styles map[string]*style, id string) []*style {
	var out []*style
	for i := 0; i < 16 && id != ""; i++ {
		s := styles[id]
		if s == nil {
			break
		}
		out = append(out, s)
		id = s.basedOn
	}
	return out
}

// headingLevel returns the heading level (1–6) a paragraph style gives, or 0.
func headingLevel(styles map[string]*style, id string) int {
	for _, s := range chain(styles, id) {
		if s.name == "title" {
			return 1
		}
		if n, ok := strings.CutPrefix(s.name, "heading "); ok {
			if lvl, err := strconv.Atoi(n); err == nil && lvl >= 1 {
				return min(lvl, 6)
			}
		}
		if s.outline > 0 {
			return min(s.outline, 6)
		}
	}
	return 0
}

// isQuote reports a quotation style: Word's, or LibreOffice's "Quotations".
func isQuote(styles map[string]*style, id string) bool {
	for _, s := range chain(styles, id) {
		switch s.name {
		case "quote", "intense quote", "block text", "quotations":
			return true
		}
	}
	return false
}

// runStyle returns the bold and italic a character style sets (nil: not set).
func runStyle(styles map[string]*style, id string) (bold, italic *bool) {
	for _, s := range chain(styles, id) {
		if bold == nil {
			bold = s.bold
		}
		if italic == nil {
			italic = s.italic
		}
	}
	return bold, italic
}

// listStyle returns the numbering a paragraph style carries.
func listStyle(styles map[string]*style, id string) (numID string, ilvl int) {
	for _, s := range chain(styles, id) {
		if s.numID != "" {
			return s.numID, s.ilvl
		}
	}
	return "", 0
}

// list is one w:num of word/numbering.xml: per level, whether it is
// numbered and where it starts.
type list struct {
	ordered [9]bool
	start   [9]int
}

// parseNumbering reads word/numbering.xml by w:numId.
func parseNumbering(data []byte) (map[string]*list, error) {
	type level struct {
		Ilvl   int  `xml:"ilvl,attr"`
		Start  *val `xml:"start"`
		NumFmt val  `xml:"numFmt"`
	}
	var doc struct {
		Abstract []struct {
			ID     string  `xml:"abstractNumId,attr"`
			Levels []level `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID       string `xml:"numId,attr"`
			Abstract val    `xml:"abstractNumId"`
			Override []struct {
				Ilvl  int    `xml:"ilvl,attr"`
				Start *val   `xml:"startOverride"`
				Level *level `xml:"lvl"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	// set reads one level's format and start into l.
	set := func(l *list, ilvl int, lv level) {
		if ilvl < 0 || ilvl >= len(l.ordered) {
			return
		}
		f := lv.NumFmt.Val
		l.ordered[ilvl] = f != "bullet" && f != "none" && f != ""
		if lv.Start != nil {
			if n, err := strconv.Atoi(lv.Start.Val); err == nil && n >= 0 {
				l.start[ilvl] = n
			}
		}
	}
	abstract := map[string]*list{}
	for _, a := range doc.Abstract {
		l := &list{}
		for i := range l.start {
			l.start[i] = 1
		}
		for _, lv := range a.Levels {
			set(l, lv.Ilvl, lv)
		}
		abstract[a.ID] = l
	}
	lists := map[string]*list{}
	for _, n := range doc.Nums {
		a := abstract[n.Abstract.Val]
		if a == nil {
			continue
		}
		l := *a
		// A level override replaces the abstract level whole (LibreOffice
		// writes every list this way: a bulleted abstract list whose
		// w:num overrides a level as numbered); its startOverride, if
		// any, wins over the level's start.
		for _, o := range n.Override {
			if o.Level != nil {
				set(&l, o.Ilvl, *o.Level)
			}
			if o.Start != nil && o.Ilvl >= 0 && o.Ilvl < len(l.start) {
				if v, err := strconv.Atoi(o.Start.Val); err == nil && v >= 0 {
					l.start[o.Ilvl] = v
				}
			}
		}
		lists[n.ID] = &l
	}
	return lists, nil
}
