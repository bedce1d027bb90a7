package review

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/testenv"
)

// TestGoi18nMergeKeepsApproval follows go-i18n's README after a reviewer
// edited and approved a translation: `goi18n merge active.*.toml
// translate.*.toml`, then i18n.Bundle loads the merged catalog. The
// reviewed text must win. goi18n reads its inputs in map order, so a
// machine text left in translate.en.toml wins about every other run: the
// merge runs several times.
func TestGoi18nMergeKeepsApproval(t *testing.T) {
	goBin := testenv.Tool(t, "go")
	r := openSample(t)
	id := r.Letter.SourceCatalog.Messages[0].ID
	const reviewed = "Hallelujah! Praise the Lord!"
	if _, err := r.Approve(Approval{ID: id, Text: reviewed, Edited: true}); err != nil {
		t.Fatal(err)
	}
	if err := store.WriteFiles(r.Files()); err != nil {
		t.Fatal(err)
	}
	machine, err := r.Letter.LoadCatalog("translate", language.English)
	if err != nil {
		t.Fatal(err)
	}
	if m := machine.Get(id); m != nil {
		t.Errorf("translate.en.toml still holds the approved %s: %q", id, m.Other)
	}
	for range 6 {
		out := t.TempDir()
		merge := exec.Command(goBin, "tool", "goi18n", "merge", "-sourceLanguage", "ko", "-outdir", out,
			r.Letter.CatalogPath("active", language.Korean),
			r.Letter.CatalogPath("active", language.English),
			r.Letter.CatalogPath("translate", language.English))
		if msg, err := merge.CombinedOutput(); err != nil {
			t.Fatalf("goi18n merge: %v\n%s", err, msg)
		}
		b := i18n.NewBundle(language.Korean)
		b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
		if _, err := b.LoadMessageFile(filepath.Join(out, "active.en.toml")); err != nil {
			t.Fatal(err)
		}
		got, err := i18n.NewLocalizer(b, "en").Localize(&i18n.LocalizeConfig{MessageID: id})
		if err != nil {
			t.Fatal(err)
		}
		if got != reviewed {
			t.Fatalf("after goi18n merge, %s = %q, want the reviewed %q", id, got, reviewed)
		}
	}
}
