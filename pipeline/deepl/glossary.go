package deepl

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/translate"
)

// glossaries creates DeepL glossaries on demand and remembers them: batches
// of one letter share most of their terms, and a glossary is created once
// per distinct set of entries and language pair.
type glossaries struct {
	mu          sync.Mutex
	byKey       map[string]*glossary
	unsupported map[string]bool // language pairs DeepL refused a glossary for
}

// A glossary is being created until ready is closed; then id is DeepL's
// glossary id, or "" when the pair has no glossary support.
type glossary struct {
	ready chan struct{}
	id    string
	err   error
}

// id returns the id of a glossary with terms from src to tgt, creating it
// if needed, and the number of requests that took. It returns "" when
// there are no entries or DeepL has no glossaries for the pair.
func (g *glossaries) id(ctx context.Context, t *Translator, src, tgt language.Tag, terms []translate.TermHint) (string, int, error) {
	entries := glossaryEntries(terms)
	if entries == "" {
		return "", 0, nil
	}
	srcLang, tgtLang := glossaryLang(src), glossaryLang(tgt)
	pair := srcLang + ">" + tgtLang
	sum := sha256.Sum256([]byte(pair + "\n" + entries))
	key := hex.EncodeToString(sum[:])

	g.mu.Lock()
	if g.byKey == nil {
		g.byKey, g.unsupported = map[string]*glossary{}, map[string]bool{}
	}
	if g.unsupported[pair] {
		g.mu.Unlock()
		return "", 0, nil
	}
	if gl, ok := g.byKey[key]; ok {
		g.mu.Unlock()
		select {
		case <-gl.ready:
			return gl.id, 0, gl.err
		case <-ctx.Done():
			return "", 0, ctx.Err()
		}
	}
	gl := &glossary{ready: make(chan struct{})}
	g.byKey[key] = gl
	g.mu.Unlock()

	var answer struct {
		ID string `json:"glossary_id"`
	}
	err := t.call(ctx, "/v2/glossaries", map[string]string{
		"name": "epistle " + key[:12], "source_lang": srcLang, "target_lang": tgtLang,
		"entries": entries, "entries_format": "tsv",
	}, &answer)
	g.mu.Lock()
	var be *translate.BackendError
	switch {
	case errors.As(err, &be) && be.Status == 400:
		// The pair has no glossary support (or DeepL dislikes an entry):
		// translate without, and do not ask again.
		g.unsupported[pair] = true
		err = nil
	case err != nil:
		// Forget the failure so that the next batch tries again.
		delete(g.byKey, key)
		gl.err = err
	case answer.ID == "":
		delete(g.byKey, key)
		err = t.service.Malformed("the new glossary has no id")
		gl.err = err
	default:
		gl.id = answer.ID
	}
	g.mu.Unlock()
	close(gl.ready)
	return gl.id, 1, err
}

// glossaryEntries is the TSV of the terms DeepL should render as the
// glossary says: one "source<TAB>target" line per source, with the
// preferred rendering, in a stable order so the same terms give the same
// glossary. Do-not-translate entries and placeholders are left out: they
// are not translations, and tags cannot be glossary entries.
func glossaryEntries(terms []translate.TermHint) string {
	seen := map[string]bool{}
	var lines []string
	for _, t := range terms {
		target, _, _ := strings.Cut(t.Target, "|")
		src, target := strings.TrimSpace(t.Source), strings.TrimSpace(target)
		if t.Keep || src == "" || target == "" || seen[src] ||
			strings.ContainsAny(src+target, "\t\n\r<>") {
			continue
		}
		seen[src] = true
		lines = append(lines, src+"\t"+target)
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// glossaryLang is a glossary's language: the base language, in lower case,
// as glossaries know no variants.
func glossaryLang(tag language.Tag) string {
	base, _ := tag.Base()
	return base.String()
}
