// Package review is where a person takes over from the machine: it shows
// each translation that needs a reviewer with what helps to judge it, and
// records what the reviewer approves.
//
// A sentence's translation into one language is missing, machine (in
// translate.<lang>.toml, awaiting review), approved (in active.<lang>.toml
// with the hash of the source it was approved for), stale (approved for a
// source that has changed since) or failed; [store.Letter.States] decides
// which. A stale translation is never dropped: the reviewer sees it as the
// previous translation, with a diff of the old and new source and of the old
// and new translation, and may approve it again for the new source.
//
// Approving writes the translation to active.<lang>.toml with the current
// source hash, removes the machine translation from translate.<lang>.toml
// (see [store.Translations.Settle]), and writes a [Decision] to
// review.<lang>.json: what the machine wrote, what the person approved,
// and the distance between them, per backend and model, which is the
// evidence `status --stats` reports.
// Approval refuses a translation with QA errors (see package qa) unless
// forced. Once a sentence is approved its machine translation is gone, so
// only the person's own edit replaces a current approval.
package review

import (
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/qa"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// Reviewer holds one letter's translations in one language while a person
// reviews them. Approvals change it in memory; Files returns what to write.
type Reviewer struct {
	Letter       *store.Letter
	Lang         language.Tag
	Glossary     *glossary.Glossary
	Translations *store.Translations
	Log          *Log
	// settled is set when an approval removed a machine translation, so
	// that Files writes translate.<lang>.toml too.
	settled bool
}

// Open reads the letter's translations and review log in lang; g may be
// nil. The reviewer holds g as it applies to lang ([glossary.Glossary.In]).
func Open(l *store.Letter, lang language.Tag, g *glossary.Glossary) (*Reviewer, error) {
	if lang == l.Source {
		// active.<src>.toml is the source catalog: approving into it
		// would overwrite the letter's own sentences.
		return nil, locales.New("review.source", "Lang", lang.String(), "Path", filepath.Base(l.Path)).
			WithHint("review.source.hint")
	}
	t, err := l.LoadTranslations(lang)
	if err != nil {
		return nil, err
	}
	log, err := LoadLog(LogPath(l, lang))
	if err != nil {
		return nil, err
	}
	// Approvals written into active.<lang>.toml by hand are picked up
	// here, and leave the machine catalog with the next write.
	return &Reviewer{Letter: l, Lang: lang, Glossary: g.In(lang), Translations: t, Log: log, settled: t.Settle(l)}, nil
}

// Item is one sentence as the reviewer sees it; `review --json` prints it.
type Item struct {
	ID    string      `json:"id"`
	State store.State `json:"state"`
	// Source is the sentence now, with the glossary terms found in it.
	Source string          `json:"source"`
	Terms  []glossary.Term `json:"terms"`
	// Translation is what approving would approve: the machine translation
	// of the current source, or else the previous approved translation.
	Translation string `json:"translation"`
	// From says where Translation came from: the backend and model, or
	// "previous" for an earlier approval.
	From string `json:"from,omitempty"`
	// Previous is the approved translation of an earlier source, with that
	// source and the diffs from the old to the new.
	Previous        string `json:"previous,omitempty"`
	PreviousSource  string `json:"previous_source,omitempty"`
	SourceDiff      []Edit `json:"source_diff,omitempty"`
	TranslationDiff []Edit `json:"translation_diff,omitempty"`
	// Earlier are the translations of the sentences this one merged or
	// split off from, beyond its own previous translation.
	Earlier []Earlier `json:"earlier,omitempty"`
	// Failure says why the machine failed, for State failed, and Rejected
	// is the reply refused for it, if any: a start, never approved as is.
	Failure  string       `json:"failure,omitempty"`
	Rejected string       `json:"rejected,omitempty"`
	Problems []qa.Problem `json:"problems"`
}

// Earlier is the translation of a sentence of an earlier version of the
// letter that the reviewed one merged or split off from.
type Earlier struct {
	ID          string `json:"id"`
	Source      string `json:"source,omitempty"`
	Translation string `json:"translation"`
}

// FromPrevious is the From of an Item whose translation is an earlier
// approval, for a stale sentence not translated again.
const FromPrevious = "previous"

// Items returns the sentences that need a person, in letter order:
// machine translations, stale approvals and failures. Every method works out
// the states it needs from the catalogs as they are now, the whole letter's
// once per call here and in Check, one sentence's in Item and Approve, so a
// command over n sentences does O(n) work.
func (r *Reviewer) Items() []Item {
	var out []Item
	for _, s := range r.Letter.States(r.Translations) {
		if needsPerson(s) {
			out = append(out, r.item(s))
		}
	}
	return out
}

// Item returns the sentence id as the reviewer sees it, whatever its state.
func (r *Reviewer) Item(id string) (Item, bool) {
	s, ok := r.Letter.State(r.Translations, id)
	if !ok {
		return Item{}, false
	}
	return r.item(s), true
}

func (r *Reviewer) item(s store.SegmentState) Item {
	it := Item{ID: s.ID, State: s.State, Source: s.Source, Terms: []glossary.Term{}, Failure: s.Failure, Rejected: s.Reply, Problems: []qa.Problem{}}
	if r.Glossary != nil {
		it.Terms = r.Glossary.Terms(s.Source, r.Letter.Source)
	}
	if s.ApprovedEarlier() {
		it.State = store.Stale
	}
	if prev := previous(s); prev != nil {
		it.Previous = store.OneLine(prev.Other)
		it.PreviousSource = r.Letter.ArchivedSource(prev.Hash)
		if it.PreviousSource != "" {
			it.SourceDiff = Diff(it.PreviousSource, s.Source, r.Letter.Source)
		}
	}
	it.Translation, it.From = candidate(s)
	it.Translation = store.OneLine(it.Translation)
	if near, ok := strings.CutPrefix(it.From, store.NearPrefix); ok && near != "" && it.PreviousSource == "" {
		// A near match from the memory: how its source differs from this
		// sentence is what the reviewer has to put right.
		it.PreviousSource = near
		it.SourceDiff = Diff(near, s.Source, r.Letter.Source)
	}
	if s.State != store.Approved {
		it.Earlier = r.earlier(s)
	}
	if s.State != store.Approved && s.Machine != nil && it.Previous != "" {
		it.TranslationDiff = Diff(it.Previous, it.Translation, r.Lang)
	}
	it.Problems = append(it.Problems, qa.CheckSource(s.ID, s.Source, r.Letter.Source, r.Glossary)...)
	if it.Translation != "" {
		it.Problems = append(it.Problems, r.check(s.ID, s.Source, it.Translation)...)
	}
	return it
}

// earlier returns the translations, approved or else machine, of the
// sentences s merged or split off from, with their words as they were.
func (r *Reviewer) earlier(s store.SegmentState) []Earlier {
	var out []Earlier
	for _, id := range s.Earlier {
		m := r.Translations.Approved.Get(id)
		if m == nil {
			m = r.Translations.Machine.Get(id)
		}
		if m == nil || m.Other == "" {
			continue
		}
		out = append(out, Earlier{ID: id, Source: r.Letter.ArchivedSource(m.Hash), Translation: store.OneLine(m.Other)})
	}
	return out
}

// previous is the earlier translation a reviewer of s starts from: a stale
// approval, or else machine output for the words before the edit, never
// approved (shown so the reviewer can start from it).
func previous(s store.SegmentState) *catalog.Message {
	if s.ApprovedEarlier() && s.Approved.Other != "" {
		return s.Approved
	}
	if s.Outdated != nil {
		return s.Outdated
	}
	if s.ApprovedEarlier() {
		return s.Approved
	}
	return nil
}

// candidate is what approving s would approve, and where it came from (an
// [Item]'s Translation and From), worked out without QA.
func candidate(s store.SegmentState) (translation, from string) {
	switch prev := previous(s); {
	case s.State == store.Approved:
		return s.Approved.Other, approvedFrom(s.Approved)
	case s.Machine != nil:
		return s.Machine.Other, s.Machine.Description
	case prev != nil && prev.Other != "":
		return prev.Other, FromPrevious
	}
	return "", ""
}

// needsPerson reports whether s is one of [Reviewer.Items].
func needsPerson(s store.SegmentState) bool {
	stale := s.ApprovedEarlier()
	return s.State != store.Approved && (s.State != store.Missing || stale || s.Outdated != nil || len(s.Earlier) > 0)
}

// approvedFrom reads the machine provenance back from an approved message's
// description.
func approvedFrom(m *catalog.Message) string {
	_, from, _ := strings.Cut(m.Description, "machine: ")
	return from
}

func (r *Reviewer) check(id, source, translation string) []qa.Problem {
	ps := qa.Check(qa.Input{ID: id, Source: source, Translation: translation,
		Src: r.Letter.Source, Tgt: r.Lang, Glossary: r.Glossary})
	if ps == nil {
		ps = []qa.Problem{}
	}
	return ps
}

// Approval asks to approve one sentence's translation.
type Approval struct {
	ID string
	// Text is the reviewer's own text when Edited; otherwise the item's
	// Translation is approved.
	Text   string
	Edited bool
	// Force approves despite QA errors.
	Force bool
	// Origin says where the text was reviewed when not here ("reviewed in
	// letter.en.xlf"); it goes into the approved catalog's description.
	Origin string
}

// Known returns an error naming id when the letter has no such sentence.
func (r *Reviewer) Known(id string) error {
	if r.Letter.Hash(id) == "" {
		return locales.New("review.unknown", "ID", id, "Path", filepath.Base(r.Letter.Path)).
			WithHint("review.unknown.hint", "Path", r.Letter.Path)
	}
	return nil
}

// Approve approves one translation in memory. It reports whether anything
// changed: approving again what is already approved changes nothing. Its
// errors are [*Refusal]s: an unknown id, nothing to approve, or QA errors
// (see [QAError]).
func (r *Reviewer) Approve(a Approval) (bool, error) { return r.approve(a, true) }

// approve is Approve; settleNow false leaves the settled machine translation
// in r.T.Machine for the caller to settle all at once ([Reviewer.ApproveBulk]):
// taking entries out of a catalog one by one is linear each time.
func (r *Reviewer) approve(a Approval, settleNow bool) (bool, error) {
	if err := r.Known(a.ID); err != nil {
		return false, refuse(err)
	}
	s, _ := r.Letter.State(r.Translations, a.ID)
	hash := s.Hash
	translation, _ := candidate(s)
	old := r.Translations.Approved.Get(a.ID)
	current := old != nil && old.Hash == hash
	machine := r.Translations.Machine.Get(a.ID)
	if machine != nil && (machine.Hash != hash || current) {
		// A current approval has settled the machine translation (see
		// [store.Translations.Settle]), even before Files removes it.
		machine = nil
	}
	// The candidate is the machine translation of the current source; else
	// the approval there is, current or stale.
	candidate := translation
	if machine != nil {
		candidate = machine.Other
	}
	if machine == nil && old == nil && translation == "" && !a.Edited {
		return false, refuse(locales.New("review.nothing", "ID", a.ID, "Lang", r.Lang.String()).
			WithHint("review.nothing.hint", "Path", r.Letter.Path, "Lang", r.Lang.String()))
	}
	text := candidate
	if a.Edited {
		text = a.Text
	}
	// What a person approves is one line, as every sentence is shown: a
	// line break typed or pasted into a translation is not kept.
	text = store.OneLine(text)
	if current && old.Other == text {
		return false, nil
	}
	if !a.Force {
		if errs := qa.Errors(r.check(a.ID, s.Source, text)); len(errs) > 0 {
			return false, refuse(&QAError{ID: a.ID, Problems: errs, Letter: r.Letter.Path, Lang: r.Lang.String()})
		}
	}
	d := Decision{ID: a.ID, Hash: hash, Edited: text != candidate, Text: text, Origin: a.Origin}
	desc := "approved"
	if a.Origin != "" {
		desc += "; " + a.Origin
	}
	if machine != nil {
		d.Backend, d.Distance = machine.Description, Distance(machine.Other, text)
		if d.Distance > 0 {
			d.Machine = machine.Other
		}
		desc += "; machine: " + machine.Description
	}
	if old != nil {
		d.Replaced = old.Other
	}
	r.Translations.Approved.Set(&catalog.Message{ID: a.ID, Description: desc, Hash: hash, Other: text})
	if r.Translations.Machine.Get(a.ID) != nil {
		// Settled: it leaves translate.<lang>.toml.
		r.settled = true
		if settleNow {
			r.Translations.Machine.Delete(a.ID)
		}
	}
	r.Log.Decisions = append(r.Log.Decisions, d)
	return true, nil
}

// QAError is the refusal to approve a translation with QA errors.
type QAError struct {
	ID       string
	Problems []qa.Problem
	// Letter and Lang name the review that can fix it, for the hint.
	Letter, Lang string
}

func (e *QAError) Error() string { return e.Message().Error() }

// Message says which sentence was refused and why (its first problem),
// with a hint to force it.
func (e *QAError) Message() *locales.Message {
	return locales.New("review.refused", "ID", e.ID, "More", len(e.Problems)-1).
		WithHint("review.refused.hint", "ID", e.ID, "Letter", e.Letter, "Lang", e.Lang).Wrap(e.Problems[0].Msg)
}

// Unwrap gives the message, so that the command line renders it in the
// reader's language.
func (e *QAError) Unwrap() error { return e.Message() }

// Files returns the review log, the approved catalog, and the machine
// catalog when approvals removed translations from it, in the order to
// write them (atomically, each file whole). The log goes first: when the
// disk fills up between them, the decisions are kept and the catalog is as
// before, so running the approval again makes the pair agree; the other way
// round the log would lack the decisions for good.
//
// The log keeps every text with its private names as placeholders, <n1/>
// numbered in letter order as in interchange files: it is a record of
// decisions that may be shared (status --stats), not a letter.
func (r *Reviewer) Files() []store.File {
	files := []store.File{
		{Path: LogPath(r.Letter, r.Lang), Data: r.Log.redacted(r.redactor()).Marshal()},
		{Path: r.Letter.CatalogPath("active", r.Lang), Data: r.Translations.Approved.Marshal(
			locales.English.T("review.catalog.comment", "Letter", filepath.Base(r.Letter.Path), "Lang", r.Lang.String()))},
	}
	if r.settled {
		files = append(files, r.Letter.MachineFile(r.Translations))
	}
	return files
}

// redactor hides the glossary's private names, handing out placeholders in
// the order the letter names them; nil without a glossary.
func (r *Reviewer) redactor() *glossary.Redactor {
	if r.Glossary == nil {
		return nil
	}
	red := r.Glossary.NewRedactor()
	for _, m := range r.Letter.SourceCatalog.Messages {
		red.Redact(m.Other)
	}
	return red
}
