package review

// Refusal is one sentence refused: an id the letter does not have, nothing
// to approve, QA errors without Force ([QAError]), or a sentence changed
// since the person saw it ([ChangedError]). Whoever approves many sentences
// goes on with the others after a refusal; any other error stops the run.
// Err says why for a person and is rendered where the person reads it.
type Refusal struct{ Err error }

func (r *Refusal) Error() string { return r.Err.Error() }

// Unwrap gives the reason, so that it is rendered in the reader's language
// and a caller may still ask for a [*QAError] or a [*ChangedError].
func (r *Refusal) Unwrap() error { return r.Err }

// refuse returns err as a [*Refusal].
func refuse(err error) error { return &Refusal{Err: err} }
