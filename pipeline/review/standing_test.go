package review

import (
	"reflect"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/lettertest"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// An approval of an earlier source is stale to a reviewer whatever
// happened to the new source since: translated again, failed, or nothing.
func TestStanding(t *testing.T) {
	l := lettertest.Open(t, map[string]string{"letter.ko.md": "할렐루야! 감사합니다. 기도해 주세요. 평안하세요.\n"})
	ids := lettertest.IDs(l)
	retranslated, failedAgain, untouched, fresh := ids["할렐루야!"], ids["감사합니다."], ids["기도해 주세요."], ids["평안하세요."]
	tr := &store.Translations{Lang: language.English, Approved: &catalog.Catalog{}, Machine: &catalog.Catalog{},
		Failures: store.Failures{failedAgain: {Hash: l.Hash(failedAgain), Reason: "timeout"}}}
	for _, id := range []string{retranslated, failedAgain, untouched} {
		tr.Approved.Set(&catalog.Message{ID: id, Hash: "sha1-earlier", Other: "an earlier text"})
	}
	tr.Machine.Set(&catalog.Message{ID: retranslated, Hash: l.Hash(retranslated), Other: "Hallelujah!"})
	tr.Machine.Set(&catalog.Message{ID: fresh, Hash: l.Hash(fresh), Other: "Peace."})

	want := map[string]store.State{retranslated: store.Stale, failedAgain: store.Stale,
		untouched: store.Stale, fresh: store.Machine}
	got := map[string]store.State{}
	for _, s := range Standing(l, tr) {
		got[s.ID] = s.State
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Standing = %v, want %v", got, want)
	}
	if c, want := store.Count(Standing(l, tr)), (store.Counts{Stale: 3, Machine: 1}); c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
}
