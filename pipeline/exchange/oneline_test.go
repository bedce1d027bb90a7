package exchange

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/lettertest"
)

// A translator's tool sees every sentence as one line: the source as the
// catalog keeps it, and a translation someone wrote with line breaks.
func TestExportedTextsAreOneLine(t *testing.T) {
	l := lettertest.Open(t, map[string]string{"letter.ko.md": "사랑하는 동역자 여러분께\n문안 드립니다.\n"})
	tr, err := l.LoadTranslations(language.English)
	if err != nil {
		t.Fatal(err)
	}
	id := l.SourceCatalog.Messages[0].ID
	tr.Approved.Set(&catalog.Message{ID: id, Hash: l.Hash(id), Other: "Greetings to\nyou,\u00a0 dear friends."})
	b := Build(l, tr, nil)
	for _, f := range []Format{XLIFF, XLIFF12, PO, TMX} {
		out := string(b.Export(f))
		for _, want := range []string{"사랑하는 동역자 여러분께 문안 드립니다.", "Greetings to you, dear friends."} {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q:\n%s", f, want, out)
			}
		}
	}
}
