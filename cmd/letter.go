package cmd

import (
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline"
)

// openLetter reads a letter and writes what changed in its source catalog
// and skeleton: every command that reads a letter sees the letter as it is
// now, with ids kept.
func openLetter(path, encoding string) (*pipeline.Letter, error) {
	l, err := pipeline.Open(path, pipeline.OpenOptions{Encoding: encoding})
	if err != nil {
		return nil, err
	}
	for _, f := range l.Pending() {
		if err := pipeline.WriteFile(f.Path, f.Data); err != nil {
			return nil, locales.New("write.failed", "Path", f.Path).Wrap(err)
		}
	}
	return l, nil
}
