package store

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/catalog"
)

// State is where a sentence's translation into one language stands.
type State string

const (
	// Missing: no translation at all.
	Missing State = "missing"
	// Machine: a machine translation of the current source awaits review.
	Machine State = "machine"
	// Approved: a person approved a translation of the current source.
	Approved State = "approved"
	// Stale: a person approved a translation of an earlier version of the
	// source; it is kept and shown as the previous translation.
	Stale State = "stale"
	// Failed: the last attempt to translate the current source failed.
	Failed State = "failed"
)

// SegmentState is one sentence's standing in one language.
type SegmentState struct {
	ID     string
	Source string
	Hash   string
	State  State
	// Machine is the machine translation of the current source, if any.
	Machine *catalog.Message
	// Approved is the approved translation, current or stale, if any.
	Approved *catalog.Message
	// Outdated is a machine translation of an earlier version of the
	// source, never approved: not a translation of this text, but the best
	// start a reviewer has when no backend can make a new one.
	Outdated *catalog.Message
	// Failure says why the last attempt failed, for State Failed, and
	// Reply is what the backend answered then, when it answered: the
	// reviewer's best start.
	Failure, Reply string
	// Earlier are the ids of the sentences this one merged or split off
	// from ([Letter.Earlier]): their translations help its reviewer.
	Earlier []string
}

// ApprovedEarlier reports whether s's approval was made for an earlier
// version of its source: a reviewer must look at it again, whatever became
// of the new source since.
func (s SegmentState) ApprovedEarlier() bool {
	return s.Approved != nil && s.Approved.Hash != s.Hash
}

// Translations are a letter's catalogs in one language.
type Translations struct {
	Lang     language.Tag
	Machine  *catalog.Catalog // translate.<lang>.toml
	Approved *catalog.Catalog // active.<lang>.toml
	Failures Failures         // failed.<lang>.json
}

// Failures records, by sentence id, the attempts that failed: the hash of
// the source that was tried and why it failed.
type Failures map[string]Failure

// Failure is one failed attempt.
type Failure struct {
	Hash   string `json:"hash"`
	Reason string `json:"reason"`
	// Reply is the backend's translation that was rejected for Reason.
	Reply string `json:"reply,omitempty"`
}

// LoadTranslations reads the letter's catalogs in lang.
func (l *Letter) LoadTranslations(lang language.Tag) (*Translations, error) {
	t := &Translations{Lang: lang, Failures: Failures{}}
	var err error
	if t.Machine, err = l.LoadCatalog("translate", lang); err != nil {
		return nil, err
	}
	if t.Approved, err = l.LoadCatalog("active", lang); err != nil {
		return nil, err
	}
	path := l.FailuresPath(lang)
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, bad(locales.New("letter.read", "Path", path).Wrap(err))
	default:
		if t.Failures, err = parseFailures(path, data); err != nil {
			return nil, bad(err)
		}
	}
	l.migrate(t)
	return t, nil
}

// migrate gives the translations made for a source text as an earlier
// epistle kept it (line breaks, double spaces and all) the hash of the text
// as one line: white space is not an edit, so they stay what they were,
// approved or machine. The next write of each catalog keeps the new hash.
func (l *Letter) migrate(t *Translations) {
	if len(l.rehash) == 0 {
		return
	}
	for _, c := range []*catalog.Catalog{t.Approved, t.Machine} {
		for _, m := range c.Messages {
			m.Hash = l.rehash.Of(m.Hash)
		}
	}
	for id, f := range t.Failures {
		f.Hash = l.rehash.Of(f.Hash)
		t.Failures[id] = f
	}
}

// parseFailures reads failed.<lang>.json. A file that is JSON but not a
// record of failures (null, an entry without the hash it was tried for) is
// as broken as one that is not JSON: taking it as "nothing failed" would
// hide the damage. Its hint differs from a catalog's: the file holds no
// translations, and deleting it only means trying those sentences again.
func parseFailures(path string, data []byte) (Failures, error) {
	var f Failures
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, locales.New("failures.syntax", "Path", path).Wrap(err).WithHint("failures.hint")
	}
	if f == nil {
		return nil, locales.New("failures.shape", "Path", path).WithHint("failures.hint")
	}
	ids := make([]string, 0, len(f))
	for id := range f {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if f[id].Hash == "" {
			return nil, locales.New("failures.entry", "Path", path, "ID", id).WithHint("failures.hint")
		}
	}
	return f, nil
}

// FailuresPath is where failed attempts in lang are recorded.
func (l *Letter) FailuresPath(lang language.Tag) string {
	return filepath.Join(l.Dir, "failed."+lang.String()+".json")
}

// MarshalFailures returns the failures file's content.
func MarshalFailures(f Failures) []byte {
	data, _ := json.MarshalIndent(f, "", "  ")
	return append(data, '\n')
}

// States returns every sentence's standing in t's language, in letter order.
func (l *Letter) States(t *Translations) []SegmentState {
	out := make([]SegmentState, 0, len(l.SourceCatalog.Messages))
	for _, m := range l.SourceCatalog.Messages {
		s := stateOf(m, t)
		s.Earlier = l.earlier[m.ID]
		out = append(out, s)
	}
	return out
}

// State returns one sentence's standing in t's language, in constant time,
// so that a command acting on many sentences one by one stays linear; ok is
// false when the letter has no sentence id.
func (l *Letter) State(t *Translations, id string) (s SegmentState, ok bool) {
	m := l.SourceCatalog.Get(id)
	if m == nil {
		return SegmentState{}, false
	}
	s = stateOf(m, t)
	s.Earlier = l.earlier[m.ID]
	return s, true
}

// stateOf decides the standing of the source sentence m.
func stateOf(m *catalog.Message, t *Translations) SegmentState {
	s := SegmentState{ID: m.ID, Source: m.Other, Hash: catalog.Hash(m.Description, m.Other), State: Missing}
	if a := t.Approved.Get(m.ID); a != nil {
		s.Approved = a
		s.State = Stale
		if a.Hash == s.Hash {
			s.State = Approved
		}
	}
	if mt := t.Machine.Get(m.ID); mt != nil && s.State != Approved {
		if mt.Hash == s.Hash {
			s.Machine = mt
			s.State = Machine
		} else {
			s.Outdated = mt
		}
	}
	if f, ok := t.Failures[m.ID]; ok && f.Hash == s.Hash && s.State != Approved && s.State != Machine {
		s.State, s.Failure, s.Reply = Failed, f.Reason, f.Reply
	}
	return s
}

// Counts tallies states, as `status` reports them.
type Counts struct {
	Approved int `json:"approved"`
	Machine  int `json:"machine"`
	Stale    int `json:"stale"`
	Missing  int `json:"missing"`
	Failed   int `json:"failed"`
}

// Count tallies a list of states.
func Count(states []SegmentState) Counts {
	var c Counts
	for _, s := range states {
		switch s.State {
		case Approved:
			c.Approved++
		case Machine:
			c.Machine++
		case Stale:
			c.Stale++
		case Missing:
			c.Missing++
		case Failed:
			c.Failed++
		}
	}
	return c
}

// Settle removes from the machine catalog every translation of a sentence a
// person has approved for its current source, and reports whether it
// removed any. In go-i18n's convention translate.<lang>.toml holds only
// what awaits translation: a machine text left there beside the approval
// is brought back over the reviewed one by `goi18n merge active.*.toml
// translate.*.toml`. Every approval settles its sentence; so does any
// command that writes the machine catalog after a person wrote an
// approval into active.<lang>.toml by hand.
func (t *Translations) Settle(l *Letter) bool {
	// One pass over the machine catalog: deleting entries one by one made
	// settling after every approval of approve --all quadratic.
	return t.Machine.DeleteFunc(func(m *catalog.Message) bool {
		a := t.Approved.Get(m.ID)
		return a != nil && a.Hash != "" && a.Hash == l.Hash(m.ID)
	})
}

// MachineFile returns translate.<lang>.toml as t holds it, to write.
func (l *Letter) MachineFile(t *Translations) File {
	return File{
		Path: l.CatalogPath("translate", t.Lang),
		Data: t.Machine.Marshal(locales.English.T("catalog.comment.machine", "Letter", l.Name, "Lang", t.Lang.String())),
	}
}
