package qa

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/document"
)

// CheckLeftOut finds Korean that no sentence holds: text the letter's
// skeleton keeps as it is (an HTML block, code, front matter), which the
// edition in tgt would print untranslated. Every line holding such text is
// one problem of check "untranslated", with no id; Korean the glossary keeps
// (dnt) is allowed, and so is the markup of protected tags (a web address),
// which is part of a sentence, not of the skeleton. Nothing is left out
// silently: `check` fails and `status` says so.
func CheckLeftOut(doc *document.Document, tgt language.Tag, g *glossary.Glossary) []Problem {
	if isKorean(tgt) {
		return nil
	}
	r := &report{lang: tgt.String()}
	line, reported := 1, 0
	for _, p := range doc.Parts {
		if p.Sentence != nil {
			line += strings.Count(p.Sentence.Markup(p.Sentence.Text), "\n")
			continue
		}
		for i, text := range strings.Split(p.Literal, "\n") {
			if i > 0 {
				line++
			}
			if line != reported && strings.IndexFunc(withoutKept(text, g), isHangul) >= 0 {
				r.add("untranslated", Error, locales.New("qa.leftout", "Line", line, "Text", excerpt(strings.TrimSpace(text))))
				reported = line
			}
		}
	}
	return r.problems
}

// excerpt shortens a line for a message.
func excerpt(s string) string {
	const most = 30
	if r := []rune(s); len(r) > most {
		return string(r[:most]) + "…"
	}
	return s
}
