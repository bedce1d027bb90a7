package memory

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/catalog"
)

// writeApproved makes NAME.epistle under dir with one approved pair.
func writeApproved(t *testing.T, dir, name, ko, en string) {
	t.Helper()
	d := filepath.Join(dir, name+".epistle")
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	src := &catalog.Catalog{}
	src.Set(&catalog.Message{ID: "a", Other: ko})
	tgt := &catalog.Catalog{}
	tgt.Set(&catalog.Message{ID: "a", Hash: catalog.Hash("", ko), Other: en})
	stale := &catalog.Message{ID: "b", Hash: "sha1-old", Other: "stale"}
	src.Set(&catalog.Message{ID: "b", Other: "바뀐 문장"})
	tgt.Set(stale)
	for file, c := range map[string]*catalog.Catalog{"active.ko.toml": src, "active.en.toml": tgt} {
		if err := os.WriteFile(filepath.Join(d, file), c.Marshal(""), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestApprovedPairs(t *testing.T) {
	dir := t.TempDir()
	writeApproved(t, dir, "2024-05", "감사합니다.", "Thank you.")
	writeApproved(t, filepath.Join(dir, "2023", "12"), "2023-12", "아멘", "Amen")
	writeApproved(t, filepath.Join(dir, "a", "b", "c"), "deep", "너무 깊은 곳", "Too deep")
	got := map[string]string{}
	for _, p := range ApprovedPairs(dir, language.Korean, language.English) {
		got[p.Source] = p.Target
	}
	want := map[string]string{"감사합니다.": "Thank you.", "아멘": "Amen"}
	if len(got) != len(want) || got["감사합니다."] != "Thank you." || got["아멘"] != "Amen" {
		t.Errorf("pairs = %v, want %v (no stale approval, nothing deeper than two folders)", got, want)
	}
}
