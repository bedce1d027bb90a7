// Package lettertest sets up a letter for the tests of the packages that
// work on one (translate, review, exchange): a newsletter folder in a
// temporary directory, the letter read, and the source catalog and skeleton
// written as any command that reads the letter leaves them. What a test
// adds next (machine translations, approvals) is its own.
package lettertest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/epistle-letters/epistle/pipeline/store"
)

// Open writes files (names to contents, epistle.toml and glossary.csv
// among them as the test needs) into a new temporary folder, opens the
// letter.ko.md among them and writes what reading it produced.
func Open(t testing.TB, files map[string]string) *store.Letter {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return Reopen(t, filepath.Join(dir, "letter.ko.md"))
}

// Reopen reads the letter at path again, after the test changed it, and
// writes what reading it produced, as the next command would.
func Reopen(t testing.TB, path string) *store.Letter {
	t.Helper()
	l, err := store.Open(path, store.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := store.WriteFiles(l.Pending()); err != nil {
		t.Fatal(err)
	}
	return l
}

// IDs returns the ids of l's sentences by their source text.
func IDs(l *store.Letter) map[string]string {
	ids := make(map[string]string, len(l.SourceCatalog.Messages))
	for _, m := range l.SourceCatalog.Messages {
		ids[m.Other] = m.ID
	}
	return ids
}
