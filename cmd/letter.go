package cmd

import (
	"context"
	"fmt"

	"github.com/epistle-letters/epistle/pipeline"
)

// openLetter reads a letter for a command that only reads its folder
// (status, export, check). It writes what changed in the source catalog
// and skeleton when nobody else is writing the letter, so that the next
// command sees the ids it saw; it never waits for a writer.
func openLetter(ctx context.Context, o *IO, path, encoding string) (*pipeline.Letter, error) {
	l, err := readLetter(ctx, o, path, encoding)
	if err != nil || len(l.Pending()) == 0 {
		return l, err
	}
	release, ok := l.TryLock()
	if !ok {
		return l, nil
	}
	defer release()
	return l, writePending(l)
}

// lockLetter reads a letter for a command that writes its folder: it holds
// the letter's lock (pipeline.Letter.Lock) until release is called, and
// reads the folder only once it holds it. What changed in the source
// catalog and skeleton is for the caller to write (writePending), after it
// has checked the rest of its input: bad input changes nothing on disk.
func lockLetter(ctx context.Context, o *IO, path, encoding string) (l *pipeline.Letter, release func() error, err error) {
	l, release, err = pipeline.OpenLocked(ctx, path, pipeline.OpenOptions{Encoding: encoding})
	if err == nil {
		warnLetter(o, l)
	}
	return l, release, err
}

// readLetter reads a letter without writing anything, for a command that
// has more of its input to check first: bad input changes nothing on disk.
func readLetter(ctx context.Context, o *IO, path, encoding string) (*pipeline.Letter, error) {
	l, err := pipeline.OpenContext(ctx, path, pipeline.OpenOptions{Encoding: encoding})
	if err == nil {
		warnLetter(o, l)
	}
	return l, err
}

// warnLetter says what is doubtful about a letter, a line and a hint each.
func warnLetter(o *IO, l *pipeline.Letter) {
	for _, w := range l.Warnings {
		o.Warn(w)
		if h := o.Printer.HintText(w); h != "" {
			fmt.Fprintf(o.Err, "epistle: %s: %s\n", o.Printer.T("hint.prefix"), h)
		}
	}
}

// startWritePending starts writing what writePending writes and returns a
// function that waits for it: a long letter's files take a while to reach
// the disk, and the command can work out its output meanwhile (printing it
// only once they are written).
func startWritePending(l *pipeline.Letter) (wait func() error) {
	done := make(chan error, 1)
	go func() { done <- writePending(l) }()
	return func() error { return <-done }
}

// writePending writes the source catalog and skeleton that reading the
// letter changed.
func writePending(l *pipeline.Letter) error {
	return pipeline.Save(l.Pending())
}
