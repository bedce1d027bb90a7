package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// doneAfter is a context that is cancelled once its Err has been asked n
// times: Ctrl-C arriving in the middle of a loop, without a clock. Like any
// context it may be asked from several goroutines (paragraphs are split on
// every core).
type doneAfter struct {
	context.Context
	mu sync.Mutex
	n  int
}

func (c *doneAfter) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n <= 0 {
		return context.Canceled
	}
	c.n--
	return nil
}

func (c *doneAfter) Deadline() (time.Time, bool) { return time.Time{}, false }

// Ctrl-C while a long letter is split into sentences stops the reading
// with the context's error.
func TestReadInterrupted(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range 200 {
		fmt.Fprintf(&b, "%d번째 문단입니다. 기도해 주세요.\n\n", i)
	}
	path := filepath.Join(dir, "letter.ko.md")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := read(&doneAfter{Context: context.Background(), n: 3}, path, OpenOptions{Config: &Config{}}); !errors.Is(err, context.Canceled) {
		t.Fatalf("read interrupted in the third paragraph: %v, want context.Canceled", err)
	}
}

// Ctrl-C while a long letter is aligned with its previous version stops
// the alignment with the context's error.
func TestAssignIDsInterrupted(t *testing.T) {
	var old []known
	var texts []string
	for i := range 300 {
		old = append(old, known{ID: fmt.Sprint(i), Text: fmt.Sprintf("옛 문장 %d입니다.", i)})
		texts = append(texts, fmt.Sprintf("새 문장 %d입니다.", i))
	}
	for _, n := range []int{0, 5, 305} {
		if _, err := assignIDs(&doneAfter{Context: context.Background(), n: n}, old, texts); !errors.Is(err, context.Canceled) {
			t.Errorf("assignIDs interrupted after %d checks: %v, want context.Canceled", n, err)
		}
	}
}

// Many identical sentences (a refrain, a pasted list) get distinct ids,
// numbered in order.
func TestFreshIDsOfIdenticalSentences(t *testing.T) {
	texts := make([]string, 1000)
	for i := range texts {
		texts[i] = "아멘."
	}
	ids, err := assignIDs(context.Background(), nil, texts)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Fatalf("id %s given twice", id)
		}
		seen[id] = true
	}
	if want := ids[0] + "-1000"; ids[999] != want {
		t.Errorf("the 1000th id is %s, want %s", ids[999], want)
	}
}
