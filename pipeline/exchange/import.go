package exchange

import (
	"fmt"
	"slices"
	"strings"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/document"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// syntaxError is a file that cannot be read as its format.
type syntaxError struct {
	Line int
	Err  string
}

func (e *syntaxError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Err) }

// Change is one translation an import approved.
type Change struct {
	ID string
	// Old is the approved translation it replaced ("" if there was none);
	// New the imported one. Both are the real texts, names restored.
	Old, New string
}

// Problem is a segment an import refused.
type Problem struct {
	// Line is where the segment starts in the file, ID its sentence id
	// ("" when the file has none and nothing matched), Source its source
	// text as the file has it.
	Line   int
	ID     string
	Source string
	// Kind is "unknown-id", "unmatched", "source-changed", "tags" or
	// "names".
	Kind   string
	Detail string
}

// Imported is what reading an edited file back gives: the translations
// to approve (review.Reviewer approves them, with its checks and its log)
// and what was refused.
type Imported struct {
	Changes  []Change
	Problems []Problem
}

// segment is one translation read back from an edited file.
type segment struct {
	line                     int
	id, hash, source, target string
	done, has, fuzzy         bool
	// located: the id is also the entry's location (see
	// [poEntry.locationContext]); when it is no sentence's id, the
	// segment is matched as if it had none.
	located bool
}

// oneLine makes s what the letter's sentences are, one line ([store.OneLine]):
// a file exported before white space stopped being an edit holds its
// sentences as the letter had them, line breaks and double spaces, with
// the hashes of those texts. They are the same sentences. A line break in
// a translation is not kept, as an approval keeps none.
func (s *segment) oneLine() {
	if one := store.OneLine(s.source); one != s.source {
		if s.hash == catalog.Hash("", s.source) {
			s.hash = catalog.Hash("", one)
		}
		s.source = one
	}
	s.target = store.OneLine(s.target)
	s.has = s.has && s.target != ""
}

// Import reads an edited XLIFF (2.0 or 1.2) or PO file (data, named path)
// against the bundle it was exported from, as built again from the letter
// now, and the letter's approved catalog in the bundle's language.
//
// A segment is taken when its translation differs from what was exported,
// or when the translator marked it done (XLIFF state reviewed or final, a
// PO entry no longer fuzzy) although it was not approved: the translator
// has reviewed it, so it becomes an approved translation of the current
// source. A PO entry still marked fuzzy is work in progress and is left
// alone. A PO entry without msgctxt (a PO that went through po2xliff and
// xliff2po loses it) is matched by its "#. hash:" comment, then by its
// exact source among the letter's sentences. It is refused when its id is
// not a sentence of the letter or nothing matches it, its source or hash
// is not the letter's current one (the letter changed since the export),
// its tags are not the source's, or its name placeholders are not the
// source's. Untouched segments change nothing.
func (b *Bundle) Import(path string, data []byte, f Format, approved *catalog.Catalog) (*Imported, error) {
	var segs []segment
	lang := ""
	switch f {
	case XLIFF, XLIFF12:
		xs, err := readXLIFF(data)
		if err != nil {
			return nil, badFile(path, err)
		}
		lang = xliffLanguage(data)
		for _, x := range xs {
			segs = append(segs, segment{line: x.line, id: x.unit, hash: x.hash, source: x.source, target: x.target,
				done: x.done, has: x.hasTarget && x.target != ""})
		}
	case PO:
		ps, err := readPO(data)
		if err != nil {
			return nil, badFile(path, err)
		}
		lang = poLanguage(data)
		for _, p := range ps {
			segs = append(segs, segment{line: p.line, id: p.ctxt, hash: p.hash, source: p.id, target: p.str, done: !p.fuzzy, fuzzy: p.fuzzy, has: p.str != "",
				located: p.locationContext()})
		}
	default:
		return nil, locales.New("exchange.import.format", "Path", path).WithHint("exchange.import.format.hint")
	}
	// A file in another language is refused as a whole: sentence by
	// sentence, the language check would refuse every translation in it.
	if name, ok := sameLanguage(lang, b.Target); lang != "" && !ok {
		return nil, locales.New("exchange.import.lang", "Path", path, "File", name, "Lang", b.Target.String()).
			WithHint("exchange.import.lang.hint", "File", name, "Lang", b.Target.String())
	}

	for i := range segs {
		segs[i].oneLine()
	}
	units := map[string]*Unit{}
	// The same sentence twice in a letter has one hash, one source and
	// one translation: a match by either takes every copy.
	byHash := map[string][]*Unit{}
	bySource := map[string][]*Unit{}
	for i := range b.Units {
		u := &b.Units[i]
		units[u.ID] = u
		byHash[u.Hash] = append(byHash[u.Hash], u)
		bySource[u.Source] = append(bySource[u.Source], u)
	}
	out := &Imported{}
	for _, s := range segs {
		if !s.has || s.fuzzy {
			continue
		}
		var matched []*Unit
		switch {
		case s.id != "" && (units[s.id] != nil || !s.located):
			matched = []*Unit{units[s.id]}
			if matched[0] == nil {
				out.Problems = append(out.Problems, Problem{Line: s.line, ID: s.id, Source: s.source, Kind: "unknown-id"})
				continue
			}
		case len(byHash[s.hash]) > 0:
			matched = byHash[s.hash]
		case len(bySource[s.source]) > 0:
			matched = bySource[s.source]
		default:
			out.Problems = append(out.Problems, Problem{Line: s.line, Source: s.source, Kind: "unmatched"})
			continue
		}
		for _, u := range matched {
			if p := b.take(s, u, approved, out); p != nil {
				out.Problems = append(out.Problems, *p)
			}
		}
	}
	return out, nil
}

// take checks segment s as a translation of unit u and, when it is a new
// one, adds it to out's changes; it returns why it cannot, or nil.
func (b *Bundle) take(s segment, u *Unit, approved *catalog.Catalog, out *Imported) *Problem {
	refuse := func(kind, detail string) *Problem {
		return &Problem{Line: s.line, ID: u.ID, Source: s.source, Kind: kind, Detail: detail}
	}
	if s.target == u.Target && (!s.done || u.State == store.Approved) {
		return nil
	}
	if s.source != u.Source || (s.hash != "" && s.hash != u.Hash) {
		return refuse("source-changed", "")
	}
	if d := tagDiff(u.Source, s.target); d != "" {
		return refuse("tags", d)
	}
	text := s.target
	if b.redactor != nil {
		if err := b.redactor.CheckPlaceholders(u.Source, s.target); err != nil {
			return refuse("names", err.Error())
		}
		restored, err := b.redactor.Restore(s.target)
		if err != nil {
			return refuse("names", err.Error())
		}
		text = restored
	}
	old := ""
	if m := approved.Get(u.ID); m != nil {
		old = m.Other
		if m.Hash == u.Hash && m.Other == text {
			return nil
		}
	}
	out.Changes = append(out.Changes, Change{ID: u.ID, Old: old, New: text})
	return nil
}

func badFile(path string, err error) error {
	if se, ok := err.(*syntaxError); ok {
		return locales.New("exchange.import.syntax", "Path", path, "Line", se.Line, "Err", se.Err).
			WithHint("exchange.import.syntax.hint")
	}
	return err
}

// tagDiff compares the markup tags of a translation with its source's:
// every pair and standalone tag must come back once. It returns what is
// wrong, or "".
func tagDiff(source, target string) string {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, t := range document.TagPattern.FindAllString(s, -1) {
			if !strings.HasPrefix(strings.Trim(t, "</"), "n") {
				m[t]++
			}
		}
		return m
	}
	want, got := count(source), count(target)
	var missing, extra []string
	for t, n := range want {
		if got[t] < n {
			missing = append(missing, t)
		}
	}
	for t, n := range got {
		if want[t] < n {
			extra = append(extra, t)
		}
	}
	slices.Sort(missing)
	slices.Sort(extra)
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, "missing "+strings.Join(missing, " "))
	}
	if len(extra) > 0 {
		parts = append(parts, "unknown "+strings.Join(extra, " "))
	}
	return strings.Join(parts, ", ")
}
