package cmd

import (
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline"
)

// openLetter reads a letter and writes what changed in its source catalog
// and skeleton: every command that reads a letter sees the letter as it is
// now, with ids kept.
func openLetter(path, encoding string) (*pipeline.Letter, error) {
	l, err := readLetter(path, encoding)
	if err != nil {
		return nil, err
	}
	return l, writePending(l)
}

// readLetter reads a letter without writing anything, for a command that
// has more of its input to check first: bad input changes nothing on disk.
func readLetter(path, encoding string) (*pipeline.Letter, error) {
	return pipeline.Open(path, pipeline.OpenOptions{Encoding: encoding})
}

// writePending writes the source catalog and skeleton that reading the
// letter changed.
func writePending(l *pipeline.Letter) error {
	for _, f := range l.Pending() {
		if err := pipeline.WriteFile(f.Path, f.Data); err != nil {
			return locales.New("write.failed", "Path", f.Path).Wrap(err)
		}
	}
	return nil
}
