package cmd

import (
	"context"

	"github.com/epistle-letters/epistle/pipeline/store"
)

// openLetter reads a letter for a command that only reads its folder
// (status, export, check): see store.OpenTidy.
func openLetter(ctx context.Context, o *IO, path, encoding string) (*store.Letter, error) {
	l, err := store.OpenTidy(ctx, path, store.OpenOptions{Encoding: encoding})
	if err == nil {
		warnLetter(o, l)
	}
	return l, err
}

// lockLetter reads a letter for a command that writes its folder: it holds
// the letter's lock (store.Letter.Lock) until release is called, and
// reads the folder only once it holds it. What changed in the source
// catalog and skeleton is for the caller to write (writePending), after it
// has checked the rest of its input: bad input changes nothing on disk.
func lockLetter(ctx context.Context, o *IO, path, encoding string) (l *store.Letter, release func() error, err error) {
	l, release, err = store.OpenLocked(ctx, path, store.OpenOptions{Encoding: encoding})
	if err == nil {
		warnLetter(o, l)
	}
	return l, release, err
}

// readLetter reads a letter without writing anything, for a command that
// has more of its input to check first: bad input changes nothing on disk.
func readLetter(ctx context.Context, o *IO, path, encoding string) (*store.Letter, error) {
	l, err := store.OpenContext(ctx, path, store.OpenOptions{Encoding: encoding})
	if err == nil {
		warnLetter(o, l)
	}
	return l, err
}

// warnLetter says what is doubtful about a letter, a line and a hint each.
func warnLetter(o *IO, l *store.Letter) {
	for _, w := range l.Warnings {
		o.Warn(w)
		o.Hint(w)
	}
}

// startWritePending starts writing what writePending writes and returns a
// function that waits for it: a long letter's files take a while to reach
// the disk, and the command can work out its output meanwhile (printing it
// only once they are written).
func startWritePending(l *store.Letter) (wait func() error) {
	done := make(chan error, 1)
	go func() { done <- writePending(l) }()
	return func() error { return <-done }
}

// writePending writes the source catalog and skeleton that reading the
// letter changed.
func writePending(l *store.Letter) error {
	return store.Save(l.Pending())
}
