package exchange

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/epistle-letters/epistle/pipeline"
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
		fmt.Fprintf(&w, "   <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", b.Source, tmxInline(u.Source))
		fmt.Fprintf(&w, "   <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", b.Target, tmxInline(u.Target))
		w.WriteString("  </tu>\n")
	}
	w.WriteString(" </body>\n</tmx>\n")
	return []byte(w.String())
}

// tmxInline writes a tagged text with TMX's inline codes, each holding the
// tag as our PO and XLIFF 1.2 write it: a pair as <bpt>/<ept>, a
// standalone tag and a private name as <ph>, a pair that does not nest as
// two isolated codes. A tool that compares texts with their codes (OmegaT
// using the TMX as memory for our XLIFF or PO, epistle's memory backend)
// then finds a sentence with markup as an exact match.
func tmxInline(text string) string {
	nested := pairsNest(text)
	var w strings.Builder
	eachInline(text, func(s string) { w.WriteString(esc(s)) }, func(t inlineToken) {
		num := t.Name[1:]
		switch {
		case t.Private:
			fmt.Fprintf(&w, `<ph type="x-private">%s</ph>`, esc(t.Tok))
		case !t.Pair:
			fmt.Fprintf(&w, `<ph x="%s">%s</ph>`, num, esc(t.Tok))
		case nested && t.Closing:
			fmt.Fprintf(&w, `<ept i="%s">%s</ept>`, num, esc(t.Tok))
		case nested:
			fmt.Fprintf(&w, `<bpt i="%s" x="%s">%s</bpt>`, num, num, esc(t.Tok))
		case t.Closing:
			fmt.Fprintf(&w, `<it pos="end" x="%s">%s</it>`, num, esc(t.Tok))
		default:
			fmt.Fprintf(&w, `<it pos="begin" x="%s">%s</it>`, num, esc(t.Tok))
		}
	})
	return w.String()
}
