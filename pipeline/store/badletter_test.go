package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

// Every way a letter cannot be read is a *BadLetter, said for a person;
// a broken catalog epistle rebuilds says that it may be deleted, one of
// approved translations that it must not.
func TestBadLetter(t *testing.T) {
	const letter = "할렐루야! 감사합니다.\n"
	for _, tc := range []struct {
		name string
		// open makes the letter bad in dir and reads it.
		open func(t *testing.T, dir string) error
		hint string
	}{
		{name: "missing", open: func(t *testing.T, dir string) error {
			_, err := Open(filepath.Join(dir, "x.ko.md"), OpenOptions{})
			return err
		}, hint: "letter.missing.hint"},
		{name: "a folder", open: func(t *testing.T, dir string) error {
			write(t, filepath.Join(dir, "x.ko.md", "y.ko.md"), "")
			_, err := Open(filepath.Join(dir, "x.ko.md"), OpenOptions{})
			return err
		}, hint: "letter.dir.hint"},
		{name: "a Word file", open: func(t *testing.T, dir string) error {
			write(t, filepath.Join(dir, "x.ko.docx"), "PK")
			_, err := Open(filepath.Join(dir, "x.ko.docx"), OpenOptions{})
			return err
		}, hint: "letter.word.hint"},
		{name: "broken source catalog", open: func(t *testing.T, dir string) error {
			l := openIn(t, dir, "x.ko.md", []byte(letter), "")
			write(t, l.CatalogPath("active", l.Source), "[broken")
			_, err := OpenTidy(context.Background(), l.Path, OpenOptions{})
			return err
		}, hint: "catalog.syntax.rebuild.hint"},
		{name: "broken approved catalog", open: func(t *testing.T, dir string) error {
			l := openIn(t, dir, "x.ko.md", []byte(letter), "")
			write(t, l.CatalogPath("active", language.English), "[broken")
			_, err := l.LoadTranslations(language.English)
			return err
		}, hint: "catalog.syntax.hint"},
		{name: "broken machine catalog", open: func(t *testing.T, dir string) error {
			l := openIn(t, dir, "x.ko.md", []byte(letter), "")
			write(t, l.CatalogPath("translate", language.English), "[broken")
			_, err := l.LoadTranslations(language.English)
			return err
		}, hint: "catalog.syntax.rebuild.hint"},
		{name: "broken failures", open: func(t *testing.T, dir string) error {
			l := openIn(t, dir, "x.ko.md", []byte(letter), "")
			write(t, l.FailuresPath(language.English), "{")
			_, err := l.LoadTranslations(language.English)
			return err
		}, hint: "failures.hint"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.open(t, t.TempDir())
			var bad *BadLetter
			if !errors.As(err, &bad) {
				t.Fatalf("err = %#v, want a *BadLetter", err)
			}
			var m *locales.Message
			if !errors.As(err, &m) || m.Hint == nil || m.Hint.ID != tc.hint {
				t.Errorf("err = %v, want a message with the hint %s", err, tc.hint)
			}
		})
	}
}

// Ctrl-C is no bad letter: it stops whatever reads letters.
func TestInterruptedIsNoBadLetter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.ko.md")
	write(t, path, "할렐루야!\n")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := OpenContext(ctx, path, OpenOptions{})
	var bad *BadLetter
	if !errors.Is(err, context.Canceled) || errors.As(err, &bad) {
		t.Errorf("err = %#v, want context.Canceled alone", err)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
