package review

import (
	"strings"

	"github.com/epistle-letters/epistle/pipeline/store"
)

// ReuseOrigin is how an approval made by `reuse = "approve"` is told from
// a person's, in the approved catalog's description and the review log.
const ReuseOrigin = "reuse = approve, at translate"

// ApproveReused approves, in memory, every machine translation of the
// letter that is a person's approval of the same sentence in another
// letter of the newsletter ([store.ReusedPrefix]), as `reuse =
// "approve"` in epistle.toml asks. It goes through [Reviewer.Approve]: the
// same QA, and a decision in the review log whose backend names the letter
// it came from and whose origin is [ReuseOrigin]: no person approved it
// here. A translation QA refuses stays a machine translation for a person.
// It returns how many it approved.
func (r *Reviewer) ApproveReused() (int, error) {
	var approvals []Approval
	for _, s := range r.Letter.States(r.Translations) {
		if s.State == store.Machine && strings.HasPrefix(s.Machine.Description, store.ReusedPrefix) {
			approvals = append(approvals, Approval{ID: s.ID, Origin: ReuseOrigin})
		}
	}
	approved, _, err := r.ApproveEach(approvals)
	return len(approved), err
}
