package translate_test

import (
	"context"
	"errors"
	"testing"

	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// cancellingMemory is a memory whose lookup number after is interrupted:
// it cancels the run then (Ctrl-C during the lookup) and counts the
// lookups.
type cancellingMemory struct {
	cancel  context.CancelFunc
	after   int
	lookups int
}

func (m *cancellingMemory) Fuzzy(string) (translate.Example, float64, bool) {
	m.lookups++
	if m.lookups >= m.after {
		m.cancel()
	}
	return translate.Example{}, 0, false
}

// Ctrl-C while a long letter is looked up in a large memory stops the
// lookups at once, with the context's error, and sends nothing.
func TestInterruptedDuringMemoryLookup(t *testing.T) {
	l, g := openLetter(t, map[string]string{
		"letter.ko.md": requestLetter, "glossary.csv": requestGlossary,
		"epistle.toml": "glossary = \"glossary.csv\"\n",
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	mem := &cancellingMemory{cancel: cancel, after: 1}
	rec := &recorder{}
	_, err := translate.Run(ctx, l, translate.Options{
		Target: l.Config.TargetLangs()[0], Translator: rec, Glossary: g, Memory: mem, Lookup: true,
		Save: store.WriteFiles,
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}
	if mem.lookups != 1 {
		t.Errorf("%d memory lookups after Ctrl-C at the first; want 1", mem.lookups)
	}
	if len(rec.reqs) != 0 {
		t.Errorf("%d requests sent after Ctrl-C", len(rec.reqs))
	}
}

// Ctrl-C while --dry-run builds its requests (each looks its sentences up
// in the memory for examples) stops at the next request.
func TestDryRunInterrupted(t *testing.T) {
	l, g := openLetter(t, map[string]string{
		"letter.ko.md": requestLetter, "glossary.csv": requestGlossary,
		"epistle.toml": "glossary = \"glossary.csv\"\n",
	})
	sentences := len(l.SourceCatalog.Messages)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Planning looks each sentence up once; the first request's lookup is
	// interrupted.
	mem := &cancellingMemory{cancel: cancel, after: sentences + 1}
	_, err := translate.Run(ctx, l, translate.Options{
		Target: l.Config.TargetLangs()[0], Translator: &recorder{}, Glossary: g, Memory: mem, BatchTokens: 1,
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}
	if want := sentences + 1; mem.lookups != want {
		t.Errorf("%d memory lookups, want %d: the requests after Ctrl-C were built", mem.lookups, want)
	}
}
