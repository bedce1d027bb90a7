package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// A reader that tidies the folder writes what the letter is once it holds
// the lock, not what it read before: a writer that came in between (the
// pastor saved an edit and segment ran) must not be undone.
func TestOpenTidyReadsAgainUnderTheLock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "letter.ko.md")
	write := func(text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	open := func() *Letter {
		t.Helper()
		l, err := Open(path, OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	write("할렐루야! 감사합니다.\n")
	if err := Save(open().Pending()); err != nil {
		t.Fatal(err)
	}
	// The reader sees this edit, not yet segmented...
	write("할렐루야! 감사합니다. 기도해 주세요.\n")
	// ...and before it takes the lock, the pastor edits again and a writer
	// segments that.
	final := "할렐루야! 평안하세요. 감사합니다. 기도해 주세요.\n"
	testHookBeforeTidyLock = func() {
		write(final)
		if err := Save(open().Pending()); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { testHookBeforeTidyLock = nil })

	l, err := OpenTidy(context.Background(), path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := l.SourceCatalog.Len(); got != 4 {
		t.Errorf("OpenTidy returned %d sentences, want the 4 of the letter as it is now", got)
	}
	testHookBeforeTidyLock = nil
	if pending := open().Pending(); len(pending) != 0 {
		t.Errorf("the folder no longer matches the letter: reading it again would write %d files", len(pending))
	}
}
