package exchange

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/epistle-letters/epistle/pipeline"
	"github.com/epistle-letters/epistle/pipeline/document"
)

// tmx writes the approved pairs as a TMX 1.4b translation memory: what a
// translator's tool reuses in the next letter.
func (b *Bundle) tmx() []byte {
	var w strings.Builder
	w.WriteString(xml.Header)
	w.WriteString("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n")
	fmt.Fprintf(&w, " <header creationtool=\"epistle\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"epistle\" adminlang=\"en\" srclang=\"%s\" datatype=\"plaintext\">\n", b.Source)
	fmt.Fprintf(&w, "  <note>%s</note>\n </header>\n <body>\n", esc("Approved translations of "+b.Letter+" into "+b.Target.String()))
	for _, u := range b.Units {
		if u.State != pipeline.Approved {
			continue
		}
		fmt.Fprintf(&w, "  <tu tuid=\"%s\">\n", attr(u.ID))
		if u.Block != "" {
			fmt.Fprintf(&w, "   <prop type=\"x-block\">%s</prop>\n", esc(u.Block))
		}
		fmt.Fprintf(&w, "   <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", b.Source, tmxInline(u.Source, u.Tags))
		fmt.Fprintf(&w, "   <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", b.Target, tmxInline(u.Target, u.Tags))
		w.WriteString("  </tu>\n")
	}
	w.WriteString(" </body>\n</tmx>\n")
	return []byte(w.String())
}

// tmxInline writes a tagged text with TMX's inline codes: a pair as
// <bpt>/<ept> holding the markup, a standalone tag as <ph>, a private name
// as a <ph> holding its placeholder; a pair that does not nest is written
// as two isolated codes.
func tmxInline(text string, tags []document.Tag) string {
	markup := map[string]document.Tag{}
	for _, t := range tags {
		markup[t.Name] = t
	}
	nested := pairsNest(text)
	var w strings.Builder
	last := 0
	for _, loc := range document.TagPattern.FindAllStringIndex(text, -1) {
		w.WriteString(esc(text[last:loc[0]]))
		last = loc[1]
		tok := text[loc[0]:loc[1]]
		name := strings.Trim(tok, "</>")
		closing := strings.HasPrefix(tok, "</")
		num := name[1:]
		t := markup[name]
		switch {
		case name[0] == 'n':
			fmt.Fprintf(&w, `<ph type="x-private">%s</ph>`, esc(tok))
		case name[0] == 'x':
			fmt.Fprintf(&w, `<ph x="%s">%s</ph>`, num, esc(t.Open))
		case nested && closing:
			fmt.Fprintf(&w, `<ept i="%s">%s</ept>`, num, esc(t.Close))
		case nested:
			fmt.Fprintf(&w, `<bpt i="%s" x="%s">%s</bpt>`, num, num, esc(t.Open))
		case closing:
			fmt.Fprintf(&w, `<it pos="end" x="%s">%s</it>`, num, esc(t.Close))
		default:
			fmt.Fprintf(&w, `<it pos="begin" x="%s">%s</it>`, num, esc(t.Open))
		}
	}
	w.WriteString(esc(text[last:]))
	return w.String()
}
