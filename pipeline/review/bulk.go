package review

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
	// Approved are the ids whose approval changed, in the order tried.
	Approved []string
	// Refused holds one [*Refusal] per sentence refused, in the order
	// tried.
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
		for _, s := range r.Letter.States(r.Translations) {
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
	approvals := make([]Approval, len(ids))
	for i, id := range ids {
		approvals[i] = Approval{ID: id, Force: b.Force}
	}
	approved, refused, err := r.ApproveEach(approvals)
	return BulkResult{Approved: approved, Refused: refused}, err
}
