package review

import (
	"crypto/sha1"
	"encoding/hex"

	"github.com/epistle-letters/epistle/locales"
)

// Seen is a fingerprint of what a person is shown of the sentence: its
// state, its source and the translation they would approve. A page that
// saves later sends it back, so that a translation changed underneath (a
// new `translate`, another reviewer) is never approved unread.
func (it Item) Seen() string {
	h := sha1.New()
	for _, s := range []string{it.ID, string(it.State), it.Source, it.Translation, it.Previous} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ApproveSeen approves like [Reviewer.Approve], but only while the
// sentence is still what the person saw: seen is the [Item.Seen] of the
// item they were shown. Otherwise it approves nothing and returns a
// [*Refusal] of a [*ChangedError].
func (r *Reviewer) ApproveSeen(a Approval, seen string) (bool, error) {
	if err := r.Known(a.ID); err != nil {
		return false, refuse(err)
	}
	if it, _ := r.Item(a.ID); it.Seen() != seen {
		return false, refuse(&ChangedError{ID: a.ID})
	}
	return r.Approve(a)
}

// ChangedError refuses a save made for a sentence that has changed since
// the person saw it.
type ChangedError struct{ ID string }

func (e *ChangedError) Error() string { return e.Message().Error() }

// Message says which sentence changed and what to do.
func (e *ChangedError) Message() *locales.Message {
	return locales.New("web.changed", "ID", e.ID).WithHint("web.changed.hint")
}

// Unwrap gives the message, so that it is rendered in the reader's
// language.
func (e *ChangedError) Unwrap() error { return e.Message() }
