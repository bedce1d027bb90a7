package store

import (
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/catalog"
)

// TestSettle: a machine translation leaves the machine catalog once its
// sentence is approved for the current source, and only then.
func TestSettle(t *testing.T) {
	l := openIn(t, t.TempDir(), "letter.ko.md", []byte("감사합니다. 기도해 주세요. 은혜입니다. 평안하세요.\n"), "")
	ids := l.SourceCatalog.SortedIDs()
	if len(ids) != 4 {
		t.Fatalf("ids %v", ids)
	}
	current, approved, stale, alone := ids[0], ids[1], ids[2], ids[3]
	tr := &Translations{Lang: language.English, Machine: &catalog.Catalog{}, Approved: &catalog.Catalog{}}
	for _, id := range ids {
		tr.Machine.Set(&catalog.Message{ID: id, Hash: l.Hash(id), Other: "machine"})
	}
	tr.Approved.Set(&catalog.Message{ID: current, Hash: l.Hash(current), Other: "reviewed"})
	tr.Approved.Set(&catalog.Message{ID: stale, Hash: "sha1-old", Other: "reviewed before"})
	tr.Approved.Set(&catalog.Message{ID: "gone", Hash: "sha1-gone", Other: "a sentence no longer there"})
	if !tr.Settle(l) {
		t.Fatal("Settle = false, want true")
	}
	var left []string
	for _, m := range tr.Machine.Messages {
		left = append(left, m.ID)
	}
	slices.Sort(left)
	want := []string{approved, stale, alone}
	slices.Sort(want)
	if !slices.Equal(left, want) {
		t.Errorf("machine catalog keeps %v, want %v", left, want)
	}
	if tr.Settle(l) {
		t.Error("Settle again = true, want false: nothing left to settle")
	}
}
