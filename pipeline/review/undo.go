package review

import (
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/catalog"
)

// Mark is how one sentence stood before an approval: what [Reviewer.Undo]
// puts back.
type Mark struct {
	ID                string
	approved, machine *catalog.Message
}

// Mark records how the sentence id stands now, before approving it.
func (r *Reviewer) Mark(id string) Mark {
	return Mark{ID: id, approved: clone(r.Translations.Approved.Get(id)), machine: clone(r.Translations.Machine.Get(id))}
}

// Undo withdraws the approval made after m was recorded: the approved
// catalog and the machine translation get back what they held, and the
// approval's decision leaves the review log, for an approval withdrawn is
// no evidence about a backend. It refuses (a [*Refusal]) when the approval
// in force is no longer the last one the log records for the sentence
// (approved again since, or changed by hand).
func (r *Reviewer) Undo(m Mark) error {
	last := -1
	for i := len(r.Log.Decisions) - 1; i >= 0; i-- {
		if r.Log.Decisions[i].ID == m.ID {
			last = i
			break
		}
	}
	cur := r.Translations.Approved.Get(m.ID)
	if last < 0 || cur == nil || cur.Other != r.Log.Decisions[last].Text || cur.Hash != r.Log.Decisions[last].Hash {
		return refuse(locales.New("web.undo.none", "ID", m.ID))
	}
	if m.approved == nil {
		r.Translations.Approved.Delete(m.ID)
	} else {
		r.Translations.Approved.Set(clone(m.approved))
	}
	if m.machine != nil && r.Translations.Machine.Get(m.ID) == nil {
		// The approval settled it out of translate.<lang>.toml: it goes
		// back there.
		r.Translations.Machine.Set(clone(m.machine))
		r.settled = true
	}
	r.Log.Decisions = append(r.Log.Decisions[:last], r.Log.Decisions[last+1:]...)
	return nil
}

func clone(m *catalog.Message) *catalog.Message {
	if m == nil {
		return nil
	}
	c := *m
	return &c
}
