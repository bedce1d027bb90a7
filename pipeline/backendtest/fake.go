package backendtest

import (
	"hash/fnv"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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

// words are what Hangul becomes: plain English that no glossary forbids.
var words = strings.Fields(`grace peace prayer mission church family today friends blessing letter
	morning house water light road river garden bread hope joy thanks faith city people world heart
	voice hands story journey season village bridge window table school teacher brother sister
	mother father child song word truth path door field harvest seed rain sun evening week month
	year work rest care help gift home land sea mountain news wisdom kindness`)

// english renders a run of Hangul syllables as English words: a word for
// up to three syllables, so the translation has a translation's length;
// chosen by the syllables, so the same Korean gives the same English; never
// the same word twice in a row, which a check for doubled words flags.
func english(run string, prev *string) string {
	h := fnv.New32a()
	h.Write([]byte(run))
	x := h.Sum32()
	n := (utf8.RuneCountInString(run) + 2) / 3
	out := make([]string, 0, n)
	for range n {
		w := words[x%uint32(len(words))]
		if w == *prev {
			w = words[(x+1)%uint32(len(words))]
		}
		out = append(out, w)
		*prev = w
		x = x*16777619 + 2166136261
	}
	return strings.Join(out, " ")
}

// fakeTranslate "translates" text deterministically, so that a translation
// passes every check the pipeline makes: each glossary term found in the
// text becomes its preferred rendering, every other Hangul word becomes
// English words, and everything else — tags, placeholders, numbers, Latin
// words, punctuation, emoji — stays where it was. With ignoreTerms the
// glossary is ignored, with dropTag the first tag is removed.
func fakeTranslate(text string, terms []term, ignoreTerms, dropTag bool) string {
	if !ignoreTerms {
		// Longest first, so that 탈북민 공동체 센터 is not taken for 탈북민.
		sorted := slices.Clone(terms)
		slices.SortStableFunc(sorted, func(a, b term) int { return len(b.Source) - len(a.Source) })
		for _, t := range sorted {
			if t.Source != "" {
				text = strings.ReplaceAll(text, t.Source, t.Target)
			}
		}
	}
	var b strings.Builder
	prev, last := "", 0
	for _, loc := range hangulRun.FindAllStringIndex(text, -1) {
		b.WriteString(text[last:loc[0]])
		// A Korean particle is glued to the number, tag or term before it;
		// an English word is not.
		if before := text[:loc[0]]; gluedAfter(before) {
			b.WriteByte(' ')
		}
		b.WriteString(english(text[loc[0]:loc[1]], &prev))
		last = loc[1]
	}
	b.WriteString(text[last:])
	body := b.String()
	if dropTag {
		if loc := anyTag.FindStringIndex(body); loc != nil {
			body = body[:loc[0]] + body[loc[1]:]
		}
	}
	return body
}

// gluedAfter reports whether a Korean word right after before needs a
// space in English: after a letter, a digit, a closing tag or a placeholder.
func gluedAfter(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.HasSuffix(before, "/>") || closingTag.MatchString(before)
}

var closingTag = regexp.MustCompile(`</[A-Za-z][A-Za-z0-9_]*>$`)

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
