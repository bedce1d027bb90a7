// Package qa checks machine and human translations of a letter's sentences
// before a person approves them, and the Korean source before it is
// translated.
//
// A check looks at one sentence pair at a time, as stored in the catalogs:
// protected tags (<g1>…</g1>, <x2/>) and private-name placeholders (<n1/>)
// still in the text, private names restored. Each check has a name that
// `epistle check --json` reports:
//
//   - glossary: a required rendering is missing or a forbidden one is used
//   - numbers: a number of the source is missing from the translation
//   - scripture: a Bible reference's chapter:verse is missing
//   - tags: a tag or placeholder is lost, repeated, invented or badly nested
//   - markup: raw HTML or Markdown (a <script>, a link) the source does not have
//   - untranslated: the translation is the source, or still Korean
//   - language: the translation is not written in the target language's
//     script (Japanese in kana or kanji, Chinese in Han, English in Latin)
//   - empty: there is no translation
//   - length: the translation is much shorter or longer than usual
//   - doubled: a word is written twice ("the the")
//   - whitespace: the translation starts or ends with white space
//   - punctuation: one side ends a sentence with . ? ! (or 。？！) and the
//     other not
//   - deprecated: the source uses a word the glossary marks as older
//
// An error means the translation is wrong and must not be approved without
// --force; a warning asks a person to look. Checks are tolerant where a
// translator is free: numbers may change form (1.5억 is 150 million, 2024. 5.
// 12. is May 12, 2024), tags may move, Korean particles may follow a
// rendering.
package qa

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/document"
)

// Severity says whether a problem blocks approval.
type Severity string

// The severities.
const (
	// Error: the translation is wrong; approving it needs --force.
	Error Severity = "error"
	// Warning: a person should look, nothing is blocked.
	Warning Severity = "warning"
)

// Problem is one thing a check found, as `check --json` prints it.
//
// Message is rendered in English, so that a Problem is complete on its
// own (the translate step logs it, tests compare it). Msg keeps the
// unrendered message for a command line that speaks the reader's language:
// it renders Msg with its own printer and replaces Message.
type Problem struct {
	ID       string           `json:"id"`
	Lang     string           `json:"lang"`
	Check    string           `json:"check"`
	Severity Severity         `json:"severity"`
	Message  string           `json:"message"`
	Msg      *locales.Message `json:"-"`
}

// Input is one sentence pair to check.
type Input struct {
	// ID is the sentence id; Source and Translation are as stored, with
	// protected tags and placeholders.
	ID, Source, Translation string
	Src, Tgt                language.Tag
	// Glossary may be nil: no glossary checks then.
	Glossary *glossary.Glossary
}

// Check runs every check on a translation and returns its problems, errors
// and warnings, in the order of the checks.
func Check(in Input) []Problem {
	r := &report{id: in.ID, lang: in.Tgt.String()}
	if strings.TrimSpace(stripTags(in.Translation)) == "" && strings.TrimSpace(stripTags(in.Source)) != "" ||
		strings.TrimSpace(in.Translation) == "" {
		r.add("empty", Error, locales.New("qa.empty"))
		return r.problems
	}
	checkGlossary(r, in)
	checkNumbers(r, in)
	checkScripture(r, in)
	checkTags(r, in)
	checkMarkup(r, in)
	checkUntranslated(r, in)
	checkLanguage(r, in)
	checkLength(r, in)
	checkDoubled(r, in)
	checkWhitespace(r, in)
	checkPunctuation(r, in)
	return r.problems
}

// Errors returns the problems of severity Error.
func Errors(ps []Problem) []Problem {
	var out []Problem
	for _, p := range ps {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}

// report collects the problems of one sentence.
type report struct {
	id, lang string
	problems []Problem
}

func (r *report) add(check string, sev Severity, m *locales.Message) {
	r.problems = append(r.problems, Problem{
		ID: r.id, Lang: r.lang, Check: check, Severity: sev, Message: m.Error(), Msg: m,
	})
}

// stripTags removes protected tags, which are neither words nor numbers.
func stripTags(s string) string {
	return document.TagPattern.ReplaceAllString(s, " ")
}

func isKorean(t language.Tag) bool {
	b, _ := t.Base()
	return b.String() == "ko"
}

func checkGlossary(r *report, in Input) {
	if in.Glossary == nil {
		return
	}
	for _, p := range in.Glossary.Verify(in.Source, in.Translation, in.Src, in.Tgt) {
		r.add("glossary", Error, p.Message)
	}
}
