package review

import (
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/pipeline/qa"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// Check runs QA on the translations that would go out in r's language: the
// current approved translation of each sentence, or else its machine
// translation. A stale approval is not checked against a source it was not
// made for; review shows it.
func (r *Reviewer) Check() []qa.Problem {
	var out []qa.Problem
	for _, s := range r.Letter.States(r.Translations) {
		var text string
		switch s.State {
		case store.Approved:
			text = s.Approved.Other
		case store.Machine:
			text = s.Machine.Other
		default:
			continue
		}
		out = append(out, r.check(s.ID, s.Source, text)...)
	}
	return out
}

// CheckSource runs the checks of the source sentences themselves: terms
// the glossary g (which may be nil) marks deprecated.
func CheckSource(l *store.Letter, g *glossary.Glossary) []qa.Problem {
	var out []qa.Problem
	for _, m := range l.SourceCatalog.Messages {
		out = append(out, qa.CheckSource(m.ID, m.Other, l.Source, g)...)
	}
	return out
}

// CheckLetter checks the letter l as `check` does: its source sentences
// once, then the translations in lang and the Korean no sentence holds, or in every language the letter has
// (see [Languages]) when lang is [language.Und]. The source language is not
// a translation and is skipped. g may be nil.
func CheckLetter(l *store.Letter, lang language.Tag, g *glossary.Glossary) ([]qa.Problem, error) {
	langs := []language.Tag{lang}
	if lang == language.Und {
		langs = Languages(l)
	}
	problems := append([]qa.Problem{}, CheckSource(l, g)...)
	for _, lang := range langs {
		if lang == l.Source {
			continue
		}
		r, err := Open(l, lang, g)
		if err != nil {
			return nil, err
		}
		problems = append(problems, r.Check()...)
		problems = append(problems, qa.CheckLeftOut(l.Doc, lang, g)...)
	}
	return problems, nil
}
