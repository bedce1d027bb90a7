package web

import "github.com/epistle-letters/epistle/locales"

// Texts are the page's words in the reviewer's language, from
// locales/web.*.toml; each is named here as a literal id, so that the
// catalog test sees them.
type Texts struct {
	Letters, AllLetters, Nothing                 string
	Filter, Preview, Undo, Keys                  string
	KeyNext, KeyPrev, KeyApprove, KeySkip, KeyEd string
	Approve, Skip, Force, ForceAsk, ForceYes     string
	Cancel, SourceDiff, Previous, Diff           string
	Error, Warning, Translation                  string
	Term, Glossary                               string
	Earlier, Reused                              string
}

func newTexts(p *locales.Printer) Texts {
	return Texts{
		Letters:     p.T("web.letters"),
		AllLetters:  p.T("web.letters.all"),
		Nothing:     p.T("web.nothing"),
		Filter:      p.T("web.filter"),
		Preview:     p.T("web.preview"),
		Undo:        p.T("web.undo"),
		Keys:        p.T("web.keys"),
		KeyNext:     p.T("web.key.next"),
		KeyPrev:     p.T("web.key.prev"),
		KeyApprove:  p.T("web.key.approve"),
		KeySkip:     p.T("web.key.skip"),
		KeyEd:       p.T("web.key.edit"),
		Approve:     p.T("web.approve"),
		Skip:        p.T("web.skip"),
		Force:       p.T("web.force"),
		ForceAsk:    p.T("web.force.ask"),
		ForceYes:    p.T("web.force.yes"),
		Cancel:      p.T("web.cancel"),
		SourceDiff:  p.T("web.label.source-diff"),
		Previous:    p.T("web.label.previous"),
		Diff:        p.T("web.label.diff"),
		Error:       p.T("review.severity.error"),
		Warning:     p.T("review.severity.warning"),
		Translation: p.T("web.label.translation"),
		Term:        p.T("web.term"),
		Glossary:    p.T("web.label.glossary"),
		Earlier:     p.T("web.label.earlier"),
		Reused:      p.T("web.label.reused"),
	}
}
