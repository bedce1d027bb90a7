package backendtest

import (
	"regexp"
	"strings"
)

// A term is a glossary entry the fake honours: where Source occurs in a
// segment, Target appears in its translation.
type term struct{ Source, Target string }

var (
	hangulRun = regexp.MustCompile(`\p{Hangul}+`)
	anyTag    = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9_]*/?>`)
	// glossaryLine reads the glossary lines the openai backend writes into
	// its system prompt: "- SOURCE => TARGET (never: …) — note". The
	// preferred rendering is the first of the alternatives separated by " / ".
	glossaryLine = regexp.MustCompile(`(?m)^- (.+?) => (.+?)(?: / .*)?(?: \(never: .*\))?(?: — .*)?$`)
)

// fakeTranslate "translates" text deterministically, so that a translation
// passes every check the pipeline makes: each Hangul word becomes "la" and
// everything else — tags, placeholders, numbers, Latin words, punctuation,
// emoji — stays where it was; the preferred rendering of every glossary term
// found in the text goes first. With ignoreTerms the renderings are left
// out, with dropTag the first tag is removed.
func fakeTranslate(text string, terms []term, ignoreTerms, dropTag bool) string {
	var prefix []string
	if !ignoreTerms {
		lower := strings.ToLower(text)
		for _, t := range terms {
			if t.Source != "" && strings.Contains(lower, strings.ToLower(t.Source)) {
				prefix = append(prefix, t.Target)
			}
		}
	}
	body := hangulRun.ReplaceAllString(text, "la")
	if dropTag {
		if loc := anyTag.FindStringIndex(body); loc != nil {
			body = body[:loc[0]] + body[loc[1]:]
		}
	}
	if len(prefix) == 0 {
		return body
	}
	return strings.Join(prefix, ", ") + ": " + body
}

// hasTag reports whether text holds a protected tag or placeholder.
func hasTag(text string) bool { return anyTag.MatchString(text) }

// promptTerms reads the glossary out of a system prompt.
func promptTerms(system string) []term {
	var terms []term
	for _, m := range glossaryLine.FindAllStringSubmatch(system, -1) {
		terms = append(terms, term{Source: m[1], Target: m[2]})
	}
	return terms
}
