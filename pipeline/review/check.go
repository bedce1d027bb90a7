package review

import (
	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/pipeline"
	"github.com/epistle-letters/epistle/pipeline/qa"
)

// Check runs QA on the translations that would go out in r's language: the
// current approved translation of each sentence, or else its machine
// translation. A stale approval is not checked against a source it was not
// made for; review shows it.
func (r *Reviewer) Check() []qa.Problem {
	var out []qa.Problem
	for _, s := range r.Letter.States(r.T) {
		var text string
		switch s.State {
		case pipeline.Approved:
			text = s.Approved.Other
		case pipeline.Machine:
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
func CheckSource(l *pipeline.Letter, g *glossary.Glossary) []qa.Problem {
	var out []qa.Problem
	for _, m := range l.SourceCatalog.Messages {
		out = append(out, qa.CheckSource(m.ID, m.Other, l.Source, g)...)
	}
	return out
}
