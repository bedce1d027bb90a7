package review

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/qa"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// Document is one letter's standing, as `status --json` prints it.
type Document struct {
	Path      string                  `json:"path"`
	Source    string                  `json:"source"`
	Segments  int                     `json:"segments"`
	Languages map[string]store.Counts `json:"languages"`
	// LeftOut counts the lines of the letter whose Korean no sentence
	// holds, so that no edition translates them ([qa.CheckLeftOut]): a
	// letter with any is not done, whatever its counts say.
	LeftOut int `json:"left_out,omitempty"`
	// Langs are the languages in order, and Failed the failed sentences
	// of each, for the table a person reads.
	Langs  []language.Tag                  `json:"-"`
	Failed map[string][]store.SegmentState `json:"-"`
}

// Status tallies the letter's sentences in each of its languages and
// returns the review logs read on the way, for Stats.
func Status(l *store.Letter) (*Document, []*Log, error) {
	doc := &Document{Path: l.Path, Source: l.Source.String(), Segments: l.SourceCatalog.Len(),
		Languages: map[string]store.Counts{}, Failed: map[string][]store.SegmentState{}}
	var logs []*Log
	for _, lang := range Languages(l) {
		t, err := l.LoadTranslations(lang)
		if err != nil {
			return nil, nil, err
		}
		states := Standing(l, t)
		doc.Langs = append(doc.Langs, lang)
		doc.Languages[lang.String()] = store.Count(states)
		for _, s := range states {
			if s.State == store.Failed {
				doc.Failed[lang.String()] = append(doc.Failed[lang.String()], s)
			}
		}
		if n := len(qa.CheckLeftOut(l.Doc, lang, keptTerms(l))); n > doc.LeftOut {
			doc.LeftOut = n
		}
		log, err := LoadLog(LogPath(l, lang))
		if err != nil {
			return nil, nil, err
		}
		logs = append(logs, log)
	}
	return doc, logs, nil
}

// keptTerms is the glossary of the letter's newsletter for what it keeps as
// it is (dnt), or nil: status reports counts, and a glossary that does not
// load is `check`'s to report.
func keptTerms(l *store.Letter) *glossary.Glossary {
	g, err := l.Config.LoadGlossary("")
	if err != nil {
		return nil
	}
	return g
}

// Standing returns every sentence's standing in t's language, in letter
// order, as a reviewer must see it: an approval of an earlier source is
// what a person must look at, even when the new source has been translated
// again or failed to be, so it is stale. `status` and the review page count
// these.
func Standing(l *store.Letter, t *store.Translations) []store.SegmentState {
	states := l.States(t)
	for i, s := range states {
		if s.ApprovedEarlier() {
			states[i].State = store.Stale
		}
	}
	return states
}

// Languages returns the letter's target languages: those epistle.toml names
// and those it already has catalogs for, in order.
func Languages(l *store.Letter) []language.Tag {
	seen := map[string]language.Tag{}
	for _, t := range l.Config.TargetLangs() {
		seen[t.String()] = t
	}
	entries, _ := os.ReadDir(l.Dir)
	for _, e := range entries {
		name := e.Name()
		for _, prefix := range []string{"translate.", "active.", "failed.", "review."} {
			rest, ok := strings.CutPrefix(name, prefix)
			if !ok {
				continue
			}
			code := strings.TrimSuffix(strings.TrimSuffix(rest, ".toml"), ".json")
			if t, err := store.ParseLang(code); err == nil && code != rest && t != l.Source {
				seen[t.String()] = t
			}
		}
	}
	codes := make([]string, 0, len(seen))
	for c := range seen {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	out := make([]language.Tag, len(codes))
	for i, c := range codes {
		out[i] = seen[c]
	}
	return out
}

// FindLetters expands paths into letters: a file is a letter; a folder
// holds every NAME.LANG.{md,txt} in it, at any depth, whose LANG is the
// newsletter's source language. An edition in another language (the
// 2024-05.en.md beside 2024-05.ko.md) is not a letter: reading it as one
// would rewrite NAME.epistle. Files without a language in their name
// (README.md) and what is inside NAME.epistle folders are never letters.
func FindLetters(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, locales.New("letter.missing", "Path", p).WithHint("letter.missing.hint")
		case err != nil:
			return nil, locales.New("letter.read", "Path", p).Wrap(err)
		case !info.IsDir():
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && (strings.HasSuffix(name, ".epistle") || strings.HasPrefix(name, ".")) {
					return filepath.SkipDir
				}
				return nil
			}
			if isLetter(path) {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, locales.New("letter.read", "Path", p).Wrap(err)
		}
	}
	return out, nil
}

// isLetter reports whether a file in a folder is a letter in the source
// language: NAME.SRC.md or .txt, or NAME.md whose NAME.epistle folder says
// epistle has read it before (a README beside the letters is not one).
func isLetter(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".md" && ext != ".markdown" && ext != ".txt" {
		return false
	}
	name, tag, ok := store.SplitName(path)
	if !ok {
		info, err := os.Stat(filepath.Join(filepath.Dir(path), name+".epistle"))
		return err == nil && info.IsDir()
	}
	cfg, err := store.LoadConfig(filepath.Dir(path))
	return err == nil && tag == cfg.SourceLang()
}
