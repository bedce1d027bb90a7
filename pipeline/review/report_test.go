package review

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// A folder's report keeps going past a letter that is bad input and says
// which it was; anything else stops it.
func TestStatusOf(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.ko.md": "할렐루야! 감사합니다.\n",
		"b.ko.md": "기도해 주세요.\n",
		"c.ko.md": "평안하세요.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	badInput := &store.BadLetter{Err: locales.New("input.empty", "Path", "b.ko.md")}
	// A message not said to be a bad letter is not one: being for a
	// person does not make a problem one letter's.
	message := locales.New("input.empty", "Path", "b.ko.md")
	broken := errors.New("disk on fire")
	opener := func(fail error) func(string) (*store.Letter, error) {
		return func(path string) (*store.Letter, error) {
			if filepath.Base(path) == "b.ko.md" && fail != nil {
				return nil, fail
			}
			return store.Open(path, store.OpenOptions{})
		}
	}
	for _, tc := range []struct {
		name      string
		fail      error
		stats     bool
		documents int
		bad       []error
		err       error
	}{
		{name: "all good", documents: 3},
		{name: "all good, with stats", stats: true, documents: 3},
		{name: "one bad letter hides none", fail: badInput, documents: 2, bad: []error{badInput}},
		{name: "another error ends it", fail: broken, err: broken},
		{name: "a message that is no bad letter ends it", fail: message, err: message},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := StatusOf(context.Background(), []string{dir}, tc.stats, opener(tc.fail))
			if !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if err != nil {
				return
			}
			if len(rep.Documents) != tc.documents {
				t.Errorf("%d documents, want %d", len(rep.Documents), tc.documents)
			}
			if len(rep.Bad) != len(tc.bad) || (len(tc.bad) > 0 && rep.Bad[0] != tc.bad[0]) {
				t.Errorf("bad = %v, want %v", rep.Bad, tc.bad)
			}
			if (rep.Stats != nil) != tc.stats {
				t.Errorf("stats = %v with stats %v", rep.Stats, tc.stats)
			}
		})
	}
}

// A review log that cannot be read is the letter's problem: the others are
// still reported.
func TestBrokenLogIsABadLetter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "review.en.json")
	if err := os.WriteFile(path, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadLog(path)
	var bad *store.BadLetter
	if !errors.As(err, &bad) {
		t.Errorf("LoadLog of a broken log = %#v, want a *store.BadLetter", err)
	}
}
