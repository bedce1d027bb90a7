package exchange

import (
	"path/filepath"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/review"
)

// Approve makes what the translator changed approved translations, as
// `approve ID...` does: a change QA refuses is refused unless force, and
// every approval is a decision in r's review log, its origin the edited
// file. A file with problems is refused whole unless force, before anything
// of it is approved, so that the person first sees why.
//
// It returns the changes approved, in the file's order (a change that
// equals the current approval is not among them), and the refusals, each a
// [*review.Refusal]; err is any other error, which stops the approvals.
func (imp *Imported) Approve(r *review.Reviewer, edited string, force bool) (approved []Change, refusals []error, err error) {
	if len(imp.Problems) > 0 && !force {
		return nil, nil, locales.New("exchange.import.refused", "Path", edited, "Count", len(imp.Problems)).
			WithHint("exchange.import.refused.hint")
	}
	approvals := make([]review.Approval, len(imp.Changes))
	for i, c := range imp.Changes {
		approvals[i] = review.Approval{ID: c.ID, Text: c.New, Edited: true, Force: force,
			Origin: "reviewed in " + filepath.Base(edited)}
	}
	ids, refusals, err := r.ApproveEach(approvals)
	if err != nil {
		return nil, refusals, err
	}
	done := make(map[string]bool, len(ids))
	for _, id := range ids {
		done[id] = true
	}
	for _, c := range imp.Changes {
		if done[c.ID] {
			approved = append(approved, c)
		}
	}
	return approved, refusals, nil
}
