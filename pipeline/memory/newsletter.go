package memory

import (
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// ForNewsletter builds the translation memory of a newsletter folder for
// one language pair: the approved translations of its letters and the TM
// files its epistle.toml lists (tm = [...]). A TMX file gives the pairs of
// that language pair; a TSV file holds the language its name says
// (archive.ja.tsv), or where it says none, the newsletter's first target
// language, as the glossary's target column does: an English memory must
// not answer for Japanese, but does for British English (archive.en.tsv
// into en-GB).
func ForNewsletter(cfg *store.Config, src, tgt language.Tag, opts ...Option) (*Translator, error) {
	pairs := ApprovedPairs(cfg.Dir, src, tgt)
	for _, f := range cfg.TM {
		path := cfg.Resolve(f)
		var more []translate.Example
		var err error
		switch strings.ToLower(filepath.Ext(path)) {
		case ".tmx":
			more, err = LoadTMX(path, src, tgt)
		default:
			lang, ok := firstTarget(cfg)
			if _, named, isNamed := store.SplitName(path); isNamed {
				lang, ok = named, true
			}
			if ok && !sameLanguage(lang, tgt) {
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

// firstTarget is the newsletter's first target language, if it names one.
func firstTarget(cfg *store.Config) (language.Tag, bool) {
	if t := cfg.TargetLangs(); len(t) > 0 {
		return t[0], true
	}
	return language.Und, false
}

// sameLanguage says whether a memory in language a answers for b: the same
// language written in the same script, whatever the region (en and en-GB;
// not zh-Hant and zh-Hans).
func sameLanguage(a, b language.Tag) bool {
	ab, _ := a.Base()
	bb, _ := b.Base()
	as, _ := a.Script()
	bs, _ := b.Script()
	return ab == bb && as == bs
}
