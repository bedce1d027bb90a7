package exchange

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/epistle-letters/epistle/pipeline/store"
)

// xliff12NS is the XLIFF 1.2 namespace.
const xliff12NS = "urn:oasis:names:tc:xliff:document:1.2"

// xliff12 writes the bundle as XLIFF 1.2, the version OmegaT and
// translate-toolkit read. It says what the 2.0 file says, in 1.2's terms:
//
//   - a unit is a <trans-unit> with the sentence id as id and resname;
//   - its notes are <note from="developer">category: text</note>, which
//     xliff2po turns into the same "#. hash: …" comments our PO has;
//   - the markup behind its tags is a context group (original-data-ID,
//     one context per datum, typed x-g1-open and so on);
//   - a tag is an inline code whose content is the tag as our PO writes it
//     (<bpt id="g1">&lt;g1&gt;</bpt>, <ph id="x2">&lt;x2/&gt;</ph>), so
//     that a tool that flattens codes to text gives back our own tags;
//   - a private name is such a code inside <mrk mtype="protected">;
//   - approved is approved="yes" with state final, a machine translation
//     needs-review-translation qualified mt-suggestion, a stale one
//     needs-review-translation qualified x-epistle-stale.
func (b *Bundle) xliff12() []byte {
	var w strings.Builder
	w.WriteString(xml.Header)
	fmt.Fprintf(&w, "<xliff xmlns=\"%s\" version=\"1.2\">\n", xliff12NS)
	fmt.Fprintf(&w, " <file original=\"%s\" source-language=\"%s\" target-language=\"%s\" datatype=\"plaintext\">\n", attr(b.Letter), b.Source, b.Target)
	w.WriteString("  <body>\n")
	for _, u := range b.Units {
		approved := "no"
		if u.State == store.Approved {
			approved = "yes"
		}
		fmt.Fprintf(&w, "   <trans-unit id=\"%s\" resname=\"%s\" approved=\"%s\" xml:space=\"preserve\">\n", attr(u.ID), attr(u.ID), approved)
		fmt.Fprintf(&w, "    <source>%s</source>\n", xliff12Inline(u.Source))
		if u.Target != "" {
			state := ` state="final"`
			switch u.State {
			case store.Machine:
				state = ` state="needs-review-translation" state-qualifier="mt-suggestion"`
			case store.Stale:
				state = ` state="needs-review-translation" state-qualifier="x-epistle-stale"`
			}
			fmt.Fprintf(&w, "    <target%s>%s</target>\n", state, xliff12Inline(u.Target))
		}
		if data := u.originalData(); len(data) > 0 {
			fmt.Fprintf(&w, "    <context-group name=\"original-data-%s\" purpose=\"information\">\n", attr(u.ID))
			for _, d := range data {
				fmt.Fprintf(&w, "     <context context-type=\"x-%s\">%s</context>\n", d.ID, esc(d.Text))
			}
			w.WriteString("    </context-group>\n")
		}
		for _, n := range u.notes() {
			fmt.Fprintf(&w, "    <note from=\"developer\">%s</note>\n", esc(n.Category+": "+n.Text))
		}
		w.WriteString("   </trans-unit>\n")
	}
	w.WriteString("  </body>\n </file>\n</xliff>\n")
	return []byte(w.String())
}

// xliff12Inline writes a tagged text with XLIFF 1.2's inline codes. A pair
// is <bpt>/<ept>, which need not nest; every code holds the tag itself.
func xliff12Inline(text string) string {
	var w strings.Builder
	eachInline(text, func(s string) { w.WriteString(esc(s)) }, func(t inlineToken) {
		switch {
		case t.Private:
			fmt.Fprintf(&w, `<mrk mtype="protected"><ph id="%s" ctype="x-epistle-private">%s</ph></mrk>`, t.Name, esc(t.Tok))
		case !t.Pair:
			fmt.Fprintf(&w, `<ph id="%s">%s</ph>`, t.Name, esc(t.Tok))
		case t.Closing:
			fmt.Fprintf(&w, `<ept id="%s">%s</ept>`, t.Name, esc(t.Tok))
		default:
			fmt.Fprintf(&w, `<bpt id="%s">%s</bpt>`, t.Name, esc(t.Tok))
		}
	})
	return w.String()
}
