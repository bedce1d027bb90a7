package translate_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/memory"
	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// published reads the sentence pairs of the English edition that was
// published for the sample letter.
func published(t *testing.T) map[string]string {
	f, err := os.Open("../../testdata/2023-06-3.tm.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if src, tgt, ok := strings.Cut(sc.Text(), "\t"); ok && !strings.HasPrefix(src, "#") {
			pairs[src] = tgt
		}
	}
	return pairs
}

// TestDemoEqualsPublishedEdition is what `make demo` shows: the sample
// letter translated offline by the memory backend from its published
// sentence pairs gives every sentence exactly its published English, so the
// letter's segmentation agrees with the edition's, sentence for sentence.
func TestDemoEqualsPublishedEdition(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"2023-06-3.ko.md", "2023-06-3.tm.tsv", "glossary.csv", "demo/epistle.toml"} {
		data, err := os.ReadFile(filepath.Join("../../testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l, err := store.Open(filepath.Join(dir, "2023-06-3.ko.md"), store.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := store.WriteFiles(l.Pending()); err != nil {
		t.Fatal(err)
	}
	pairs, err := memory.LoadTSV(filepath.Join(dir, "2023-06-3.tm.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	mem := memory.New(pairs)
	g, err := l.Config.LoadGlossary("")
	if err != nil {
		t.Fatal(err)
	}
	r, err := translate.Run(context.Background(), l, translate.Options{
		Target: language.English, Translator: mem, Memory: mem, Backend: "memory", Glossary: g, Save: store.WriteFiles,
	})
	if err != nil {
		t.Fatalf("translate: %v (%+v)", err, r)
	}
	trans, err := l.LoadTranslations(language.English)
	if err != nil {
		t.Fatal(err)
	}
	want := published(t)
	if n := l.SourceCatalog.Len(); n != len(want) {
		t.Errorf("the letter has %d sentences, the published edition %d", n, len(want))
	}
	// go-i18n loads every catalog epistle wrote, as ordinary message files.
	bundle := i18n.NewBundle(language.Korean)
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	catalogs, _ := filepath.Glob(filepath.Join(l.Dir, "*.toml"))
	if len(catalogs) < 2 {
		t.Fatalf("catalogs written: %v", catalogs)
	}
	for _, c := range catalogs {
		if _, err := bundle.LoadMessageFile(c); err != nil {
			t.Errorf("go-i18n cannot load %s: %v", filepath.Base(c), err)
		}
	}
	for _, m := range l.SourceCatalog.Messages {
		got := trans.Machine.Get(m.ID)
		switch {
		case got == nil:
			t.Errorf("%s %q: no translation", m.ID, m.Other)
		case got.Other != want[m.Other]:
			t.Errorf("%s %q:\n got %q\nwant %q", m.ID, m.Other, got.Other, want[m.Other])
		}
	}
}
