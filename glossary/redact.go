package glossary

import (
	"errors"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/epistle-letters/epistle/locales"
)

// Redactor hides a letter's private names. Before any text leaves the
// process (a backend request, a log line, debug output, an interchange
// file), Redact replaces each private entry's source and its renderings
// with a placeholder <n1/>, <n2/>…; the same name gets the same placeholder
// throughout the letter, so a translator can still see that two sentences
// speak of the same person. Restore puts the entry's preferred rendering
// back into a translation.
//
// Placeholders are written as empty XML elements because DeepL's tag
// handling and LLMs both keep such tags in place.
//
// A private name is found even inside a longer Hangul word (리명철이,
// 리명철형제): a name that slips through can cost someone their freedom,
// while a word hidden by mistake costs a reviewer a correction. In Latin
// script a rendering must not touch other Latin letters or digits, or a
// short name would swallow parts of others (Ri in during); Hangul written
// against it (Myeongcheol Ri님) does not protect it.
//
// Use one Redactor per letter; it is safe for concurrent use.
type Redactor struct {
	index *automaton
	// owner maps each pattern of the index to its private entry.
	owner []*Entry

	mu      sync.Mutex
	numbers map[*Entry]int
	byNum   []*Entry
}

// NewRedactor returns a redactor for one letter.
func (g *Glossary) NewRedactor() *Redactor {
	r := &Redactor{numbers: map[*Entry]int{}}
	var patterns []*Entry
	for _, e := range g.Entries {
		if e.Kind != KindPrivate {
			continue
		}
		forms := append([]string{e.Source}, e.Targets...)
		for _, l := range slices.Sorted(maps.Keys(e.Other)) {
			forms = append(forms, e.Other[l].Targets...)
		}
		for _, f := range forms {
			patterns = append(patterns, &Entry{Source: f, Kind: KindPrivate})
			r.owner = append(r.owner, e)
		}
	}
	r.index = newAutomaton(patterns)
	return r
}

// Redact returns text with every private name replaced by its placeholder.
func (r *Redactor) Redact(text string) string {
	if len(r.owner) == 0 {
		return text
	}
	cands := r.index.scan(text, modeOther)
	// Longest first, so that a full name wins over a part of it that is
	// listed too.
	spans := resolveOverlaps(cands)
	var b strings.Builder
	last := int32(0)
	for _, s := range spans {
		b.WriteString(text[last:s.bstart])
		b.WriteString(placeholder(r.number(r.owner[s.pattern.entry])))
		last = s.bend
	}
	b.WriteString(text[last:])
	return b.String()
}

func (r *Redactor) number(e *Entry) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n, ok := r.numbers[e]
	if !ok {
		r.byNum = append(r.byNum, e)
		n = len(r.byNum)
		r.numbers[e] = n
	}
	return n
}

func placeholder(n int) string { return "<n" + strconv.Itoa(n) + "/>" }

// placeholderRE finds placeholders as a backend may return them: <n1/> or
// <n1 />.
var placeholderRE = regexp.MustCompile(`<n([0-9]+)\s*/>`)

// Restore replaces the placeholders in a translation by their entries'
// preferred renderings. A placeholder this redactor never handed out is an
// error: the backend invented it, and guessing would put a wrong name in
// the letter.
func (r *Redactor) Restore(translation string) (string, error) {
	var invented []string
	out := placeholderRE.ReplaceAllStringFunc(translation, func(p string) string {
		e := r.entry(p)
		if e == nil {
			invented = append(invented, p)
			return p
		}
		return e.Target()
	})
	if len(invented) > 0 {
		return "", locales.New("glossary.placeholder.invented", "Placeholders", strings.Join(invented, ", "))
	}
	return out, nil
}

func (r *Redactor) entry(p string) *Entry {
	m := placeholderRE.FindStringSubmatch(p)
	n, err := strconv.Atoi(m[1])
	if err != nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if n < 1 || n > len(r.byNum) {
		return nil
	}
	return r.byNum[n-1]
}

// CheckPlaceholders compares the placeholders of a redacted source segment
// with those of its translation. Each must come back exactly as often as it
// was sent: a dropped placeholder loses a name, a duplicated one repeats a
// name the writer wrote once, an invented one names nobody. The error
// names every placeholder at fault.
func (r *Redactor) CheckPlaceholders(redactedSource, translation string) error {
	count := func(s string) map[string]int {
		c := map[string]int{}
		for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
			c[placeholder(atoi(m[1]))]++
		}
		return c
	}
	src, tr := count(redactedSource), count(translation)
	var dropped, duplicated, invented []string
	for p, n := range src {
		switch {
		case tr[p] < n:
			dropped = append(dropped, p)
		case tr[p] > n:
			duplicated = append(duplicated, p)
		}
	}
	for p := range tr {
		if _, ok := src[p]; !ok {
			invented = append(invented, p)
		}
	}
	var errs []error
	for _, c := range []struct {
		id   string
		list []string
	}{{"glossary.placeholder.dropped", dropped}, {"glossary.placeholder.duplicated", duplicated}, {"glossary.placeholder.invented", invented}} {
		if len(c.list) > 0 {
			sort.Strings(c.list)
			errs = append(errs, locales.New(c.id, "Placeholders", strings.Join(c.list, ", ")))
		}
	}
	return errors.Join(errs...)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
