package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/epistle-letters/epistle/locales"
)

// Save writes in order, stops at the first file it cannot write and names
// that file to a person.
func TestSaveNamesTheFileItCannotWrite(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "blocker")
	if err := os.WriteFile(blocker, []byte("a file, not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	first := filepath.Join(dir, "first.toml")
	bad := filepath.Join(blocker, "second.toml")
	last := filepath.Join(dir, "last.toml")
	err := Save([]File{{first, []byte("1")}, {bad, []byte("2")}, {last, []byte("3")}})
	if err == nil {
		t.Fatal("Save wrote under a regular file")
	}
	if got, want := locales.English.ErrorText(err), "cannot write "+bad+": "; !strings.HasPrefix(got, want) {
		t.Errorf("error = %q, want it to start %q", got, want)
	}
	if data, err := os.ReadFile(first); err != nil || string(data) != "1" {
		t.Errorf("first file = %q, %v; want it written", data, err)
	}
	if _, err := os.Stat(last); !os.IsNotExist(err) {
		t.Errorf("the file after the failure was written (%v)", err)
	}
}
