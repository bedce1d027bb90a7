package web

import (
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/store"
)

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
	// Issue 22: keys, tags, the done state, live changes, replace.
	KeyPara, KeyUndo, KeyTag, Tags, Rejected        string
	Done, DoneHint, Changed, ShowNew                string
	Replace, ReplaceFrom, ReplaceTo, ReplacePreview string
	ReplaceApply, ReplaceNone, ReplaceGlossary      string
	GlossarySource, GlossaryTarget                  string
	GlossaryForbidden, GlossaryAdd                  string
	// States name each sentence state, said once, not once a row.
	States map[store.State]string
}

func newTexts(p *locales.Printer) Texts {
	states := map[store.State]string{}
	for _, st := range []store.State{store.Missing, store.Machine, store.Approved, store.Stale, store.Failed} {
		//locales:ids review.state.missing review.state.machine review.state.approved review.state.stale review.state.failed
		states[st] = p.T("review.state." + string(st))
	}
	return Texts{
		States:      states,
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

		KeyPara:         p.T("web.key.paragraph"),
		KeyUndo:         p.T("web.key.undo"),
		KeyTag:          p.T("web.key.tag"),
		Tags:            p.T("web.label.tags"),
		Rejected:        p.T("web.label.rejected"),
		Done:            p.T("web.done"),
		DoneHint:        p.T("web.done.hint"),
		Changed:         p.T("web.row.changed"),
		ShowNew:         p.T("web.row.show"),
		Replace:         p.T("web.replace"),
		ReplaceFrom:     p.T("web.replace.from"),
		ReplaceTo:       p.T("web.replace.to"),
		ReplacePreview:  p.T("web.replace.preview"),
		ReplaceApply:    p.T("web.replace.apply"),
		ReplaceNone:     p.T("web.replace.none"),
		ReplaceGlossary: p.T("web.replace.glossary"),

		GlossarySource:    p.T("web.glossary.source"),
		GlossaryTarget:    p.T("web.glossary.target"),
		GlossaryForbidden: p.T("web.glossary.forbidden"),
		GlossaryAdd:       p.T("web.glossary.add"),
	}
}
