package review

import (
	"errors"

	"github.com/epistle-letters/epistle/locales"
)

// ApproveEach approves each approval in turn, as `approve ID...` does, and
// returns the ids of those that changed something and the refusals, in
// order: QA errors
// without Force, an id the letter does not have, a current approval that
// differs. Each refusal is for a person (a *locales.Message underneath);
// an error of another kind stops the run and is returned as err.
func (r *Reviewer) ApproveEach(approvals []Approval) (approved []string, refusals []error, err error) {
	// The machine translations the approvals settle leave
	// translate.<lang>.toml in one pass at the end: one by one, approving
	// every sentence of a letter was quadratic.
	defer r.Translations.Settle(r.Letter)
	for _, a := range approvals {
		changed, err := r.approve(a, false)
		var m *locales.Message
		switch {
		case errors.As(err, &m):
			refusals = append(refusals, err)
		case err != nil:
			return approved, refusals, err
		case changed:
			approved = append(approved, a.ID)
		}
	}
	return approved, refusals, nil
}
