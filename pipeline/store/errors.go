package store

import "errors"

// ErrPartial is returned (wrapped) when a run finished some of its work but
// not all: some segments failed to translate, or check found errors. The
// command exits 3; running it again continues where it stopped.
var ErrPartial = errors.New("partly done")
