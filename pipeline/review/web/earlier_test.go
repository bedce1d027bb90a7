package web

import (
	"net/http"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/lettertest"
	"github.com/epistle-letters/epistle/pipeline/review"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// When the pastor merges two approved sentences into one, the page shows
// the translation of the one whose id the merged sentence did not keep,
// beside its own previous translation; a machine translation taken word
// for word from another letter names that letter.
func TestPageShowsMergedAndReused(t *testing.T) {
	path := newsletter(t)
	rv, err := openReview(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rv.ApproveBulk(review.Bulk{All: true, Force: true}); err != nil {
		t.Fatal(err)
	}
	if err := store.WriteFiles(rv.Files()); err != nil {
		t.Fatal(err)
	}
	letter := "# 기도 편지\n\n탈북민들의 안전을 위해 기도해 주시고, 천안에서 모임이 있었음을 감사해 주십시오.\n\n탈북민 형제들이 함께 예배했습니다. 감사합니다. 새 문장입니다.\n"
	if err := os.WriteFile(path, []byte(letter), 0o644); err != nil {
		t.Fatal(err)
	}
	l := lettertest.Reopen(t, path)
	machine, err := l.LoadCatalog("translate", language.English)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range l.SourceCatalog.Messages {
		if m.Other == "새 문장입니다." {
			machine.Set(&catalog.Message{ID: m.ID, Hash: l.Hash(m.ID), Description: store.ReusedPrefix + "2024-05.ko.md", Other: "A new sentence."})
		}
	}
	if err := store.WriteFile(l.CatalogPath("translate", language.English), machine.Marshal("")); err != nil {
		t.Fatal(err)
	}
	page := request(newServer(t, language.English, path), http.MethodGet, "/", "", true).Body.String()
	for _, want := range []string{
		`data-field="earlier" data-earlier="` + cheonan + `"`,
		`<span lang="en">There was a meeting in Cheonan.</span>`,
		`Please pray for the safety of North Korean defectors.`,
		`data-field="reused"><span class="label">approved word for word in</span> 2024-05.ko.md`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}
