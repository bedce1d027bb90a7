package review

import "errors"

// ApproveEach approves each approval in turn, as `approve ID...` does, and
// returns the ids of those that changed something and the refusals
// ([*Refusal]), in order: QA errors without Force, an id the letter does
// not have, nothing to approve. An error of another kind stops the run and
// is returned as err.
func (r *Reviewer) ApproveEach(approvals []Approval) (approved []string, refusals []error, err error) {
	// The machine translations the approvals settle leave
	// translate.<lang>.toml in one pass at the end: one by one, approving
	// every sentence of a letter was quadratic.
	defer r.Translations.Settle(r.Letter)
	return approveEach(approvals, func(a Approval) (bool, error) { return r.approve(a, false) })
}

// approveEach is [Reviewer.ApproveEach] with the approval of one sentence
// given: a [*Refusal] is kept and the run goes on, any other error stops it.
func approveEach(approvals []Approval, approve func(Approval) (bool, error)) (approved []string, refusals []error, err error) {
	for _, a := range approvals {
		changed, err := approve(a)
		var refused *Refusal
		switch {
		case errors.As(err, &refused):
			refusals = append(refusals, err)
		case err != nil:
			return approved, refusals, err
		case changed:
			approved = append(approved, a.ID)
		}
	}
	return approved, refusals, nil
}
