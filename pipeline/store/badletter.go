package store

// BadLetter is one letter that cannot be read as it is: its file (missing,
// a folder, not text, a Word file), its name, its folder's catalogs,
// failures or review log, or a folder that cannot take what reading it
// changed. A command over many letters names it and goes on with the
// others ([review.StatusOf]); any other error stops the run. Err says what
// is wrong for a person and is rendered where the person reads it.
type BadLetter struct{ Err error }

func (e *BadLetter) Error() string { return e.Err.Error() }

// Unwrap gives the reason, so that it is rendered in the reader's language.
func (e *BadLetter) Unwrap() error { return e.Err }

// bad returns err as a [*BadLetter], nil when err is nil.
func bad(err error) error {
	if err == nil {
		return nil
	}
	return &BadLetter{Err: err}
}
