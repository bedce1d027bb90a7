package edition

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/lettertest"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// A translation someone wrote with line breaks (copied from a hard-wrapped
// letter) is one line in the edition: the edition breaks lines where the
// letter's markup does. The Korean editions keep the letter's own breaks.
func TestEditionTranslationIsOneLine(t *testing.T) {
	l := lettertest.Open(t, map[string]string{"letter.ko.md": "사랑하는 동역자 여러분께\n문안 드립니다.\n"})
	tr, err := l.LoadTranslations(language.English)
	if err != nil {
		t.Fatal(err)
	}
	id := l.SourceCatalog.Messages[0].ID
	tr.Approved.Set(&catalog.Message{ID: id, Hash: l.Hash(id), Other: "Greetings to\nyou,\u00a0 dear friends."})
	if err := store.WriteFiles([]store.File{{Path: l.CatalogPath("active", language.English), Data: tr.Approved.Marshal("")}}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{Markdown, Text, HTML} {
		r, err := Export(l, Options{Lang: language.English, Format: f})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(r.Data), "Greetings to you, dear friends.") {
			t.Errorf("%s edition:\n%s", f, r.Data)
		}
		r, err = Export(l, Options{Lang: language.Korean, Format: f})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(r.Data), "여러분께\n문안") {
			t.Errorf("Korean %s edition lost the letter's line break:\n%s", f, r.Data)
		}
	}
}
