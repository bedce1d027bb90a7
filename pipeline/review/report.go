package review

import (
	"context"
	"errors"

	"github.com/epistle-letters/epistle/pipeline/store"
)

// Report is the standing of a set of letters: what `status --json` prints
// (DESIGN.md), with the reviewers' statistics only when asked for.
type Report struct {
	Documents []*Document `json:"documents"`
	Stats     []Stat      `json:"stats,omitempty"`
	// Bad are the letters that could not be read, one error each naming
	// the letter and what to do.
	Bad []error `json:"-"`
}

// StatusOf reports on every letter named by paths or found in the folders
// among them ([FindLetters]), reading each with open. One bad letter in a
// folder hides none of the others: a [*store.BadLetter] goes into
// Report.Bad and the rest are still read. Any other error, and a cancelled
// ctx, ends the report.
func StatusOf(ctx context.Context, paths []string, stats bool, open func(path string) (*store.Letter, error)) (*Report, error) {
	found, err := FindLetters(paths)
	if err != nil {
		return nil, err
	}
	rep := &Report{Documents: []*Document{}}
	var logs []*Log
	for _, p := range found {
		doc, ls, err := letterStatus(p, open)
		var bad *store.BadLetter
		switch {
		case err == nil:
			rep.Documents = append(rep.Documents, doc)
			logs = append(logs, ls...)
		case errors.As(err, &bad) && ctx.Err() == nil:
			rep.Bad = append(rep.Bad, err)
		default:
			return nil, err
		}
	}
	if stats {
		rep.Stats = Stats(logs)
		if rep.Stats == nil {
			rep.Stats = []Stat{}
		}
	}
	return rep, nil
}

func letterStatus(path string, open func(string) (*store.Letter, error)) (*Document, []*Log, error) {
	l, err := open(path)
	if err != nil {
		return nil, nil, err
	}
	return Status(l)
}
