package qa

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/locales"
)

// Deprecated reports whether a glossary entry is a word the ministry no
// longer writes, and which entry it prefers instead.
//
// The glossary has no column for this; the note says it, in one of the
// forms a person writes naturally: "Older word for 탈북민", "deprecated: use
// 탈북민", "deprecated". The preferred word is the first other entry whose
// source the note names; prefer is nil when the note names none.
func Deprecated(g *glossary.Glossary, e *glossary.Entry) (deprecated bool, prefer *glossary.Entry) {
	note := strings.ToLower(strings.TrimSpace(e.Note))
	if !strings.HasPrefix(note, "older word for") && !strings.HasPrefix(note, "deprecated") {
		return false, nil
	}
	best := -1
	for _, o := range g.Entries {
		if o == e || o.Source == "" {
			continue
		}
		if i := strings.Index(e.Note, o.Source); i >= 0 && (best < 0 || i < best ||
			i == best && len(o.Source) > len(prefer.Source)) {
			best, prefer = i, o
		}
	}
	return true, prefer
}

// CheckSource checks a source sentence on its own: the words it uses that
// the glossary marks deprecated (탈북자 where 탈북민 is preferred), as
// warnings in the source language.
func CheckSource(id, source string, src language.Tag, g *glossary.Glossary) []Problem {
	if g == nil {
		return nil
	}
	r := &report{id: id, lang: src.String()}
	for _, m := range g.Match(source, src) {
		dep, prefer := Deprecated(g, m.Entry)
		switch {
		case !dep:
		case prefer != nil:
			r.add("deprecated", Warning, locales.New("qa.deprecated.prefer", "Word", m.Entry.Source, "Prefer", prefer.Source))
		default:
			r.add("deprecated", Warning, locales.New("qa.deprecated", "Word", m.Entry.Source))
		}
	}
	return r.problems
}
