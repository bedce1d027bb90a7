package review

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/lettertest"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// openSample writes a two-sentence letter with machine translations of
// both and opens it for review in English.
func openSample(t *testing.T) *Reviewer {
	t.Helper()
	l := lettertest.Open(t, map[string]string{
		"epistle.toml": "source = \"ko\"\ntargets = [\"en\"]\n",
		"letter.ko.md": "할렐루야! 감사합니다.\n",
	})
	machine := &catalog.Catalog{}
	for _, m := range l.SourceCatalog.Messages {
		text := map[string]string{"할렐루야!": "Hallelujah!", "감사합니다.": "Thank you."}[m.Other]
		machine.Set(&catalog.Message{ID: m.ID, Hash: l.Hash(m.ID), Description: "openai gpt-4o-mini", Other: text})
	}
	if err := store.WriteFile(l.CatalogPath("translate", language.English), machine.Marshal("")); err != nil {
		t.Fatal(err)
	}
	r, err := Open(l, language.English, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func newSession(r *Reviewer, in io.Reader) (*Session, *[]string) {
	var shown []string
	return &Session{
		Reviewer: r,
		In:       bufio.NewReader(in),
		Show:     func(it Item, pos, total int) { shown = append(shown, it.ID) },
		Ask:      func(*locales.Message) {},
		Say:      func(*locales.Message) {},
		Save:     store.WriteFiles,
	}, &shown
}

// Ctrl-C while the session waits for an answer ends it at once, with the
// decisions so far and the place saved.
func TestSessionInterrupted(t *testing.T) {
	r := openSample(t)
	pr, pw := io.Pipe()
	defer pw.Close()
	s, _ := newSession(r, pr)
	second := r.Letter.SourceCatalog.Messages[1].ID
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.Show = func(it Item, pos, total int) {
		if it.ID == second {
			// The second sentence is on screen; the person presses Ctrl-C.
			cancel()
		}
	}
	go io.WriteString(pw, "a\n")
	sum, err := s.Run(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}
	if sum.Approved != 1 || sum.Left != 1 {
		t.Errorf("summary %+v, want 1 approved, 1 left", sum)
	}
	log, err := LoadLog(LogPath(r.Letter, language.English))
	if err != nil {
		t.Fatal(err)
	}
	if log.Next != second || len(log.Decisions) != 1 {
		t.Errorf("saved log: next %q, %d decisions; want next %q, 1 decision", log.Next, len(log.Decisions), second)
	}
	data, _ := os.ReadFile(r.Letter.CatalogPath("active", language.English))
	if !strings.Contains(string(data), `other = "Hallelujah!"`) {
		t.Errorf("approved catalog:\n%s", data)
	}
}

// An empty edit keeps the sentence on screen; an answer ending without a
// newline still counts.
func TestSessionEmptyEditAndLastLine(t *testing.T) {
	r := openSample(t)
	s, shown := newSession(r, strings.NewReader("e\n\na\na"))
	sum, err := s.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Done || sum.Approved != 2 {
		t.Errorf("summary %+v, want done with 2 approved", sum)
	}
	if len(*shown) != 3 {
		t.Errorf("shown %v, want the first sentence twice, then the second", *shown)
	}
}
