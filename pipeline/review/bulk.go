package review

import (
	"errors"

	"github.com/epistle-letters/epistle/locales"
)

// Bulk asks to approve many sentences at once: the ids a person named, or
// All that bulk approval may take.
type Bulk struct {
	IDs []string
	All bool
	// Force approves despite QA errors and over current approvals, and
	// lets All take stale sentences' previous translations.
	Force bool
}

// BulkResult is what a bulk approval did.
type BulkResult struct {
	// Approved counts the sentences whose approval changed.
	Approved int
	// Refused holds one reason per sentence refused, in the order tried:
	// a [*locales.Message] or a [*QAError].
	Refused []error
}

// ApproveBulk approves in memory what b asks for and reports what it did;
// a refusal does not stop the others. With All it takes every sentence
// with a translation to approve, even one QA will refuse, but not a stale
// sentence's previous translation: that was approved for other words, and
// approving it in bulk would mean nobody read it against the new ones, so
// only Force or naming its id does that. Named ids are all checked before
// any is approved: an unknown one is the error, and nothing changes.
func (r *Reviewer) ApproveBulk(b Bulk) (BulkResult, error) {
	ids := b.IDs
	if b.All {
		ids = nil
		for _, s := range r.Letter.States(r.T) {
			if _, from := candidate(s); needsPerson(s) && from != "" && (from != FromPrevious || b.Force) {
				ids = append(ids, s.ID)
			}
		}
	}
	for _, id := range ids {
		if err := r.Known(id); err != nil {
			return BulkResult{}, err
		}
	}
	var res BulkResult
	// The machine translations approvals settle leave translate.<lang>.toml
	// in one pass at the end.
	defer r.T.Settle(r.Letter)
	for _, id := range ids {
		changed, err := r.approve(Approval{ID: id, Force: b.Force}, false)
		var m *locales.Message
		switch {
		case errors.As(err, &m):
			res.Refused = append(res.Refused, err)
		case err != nil:
			return res, err
		case changed:
			res.Approved++
		}
	}
	return res, nil
}
