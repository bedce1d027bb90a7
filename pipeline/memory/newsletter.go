package memory

import (
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// ForNewsletter builds the translation memory of a newsletter folder for
// one language pair: the approved translations of its letters and the TM
// files its epistle.toml lists (tm = [...]). A TMX file gives the pairs of
// that language pair; a TSV file applies to every target unless its name
// says its language (archive.en.tsv).
func ForNewsletter(cfg *pipeline.Config, src, tgt language.Tag, opts ...Option) (*Translator, error) {
	pairs := ApprovedPairs(cfg.Dir, src, tgt)
	for _, f := range cfg.TM {
		path := cfg.Resolve(f)
		var more []translate.Example
		var err error
		switch strings.ToLower(filepath.Ext(path)) {
		case ".tmx":
			more, err = LoadTMX(path, src, tgt)
		default:
			if _, lang, ok := pipeline.SplitName(path); ok && lang != tgt {
				continue
			}
			more, err = LoadTSV(path)
		}
		if err != nil {
			return nil, err
		}
		pairs = append(pairs, more...)
	}
	return New(pairs, opts...), nil
}
