package glossary

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

// ProblemKind names what is wrong with a translation's terms.
type ProblemKind string

// The problems Verify finds.
const (
	// Missing: the source has the term, the translation none of its
	// accepted renderings.
	Missing ProblemKind = "missing"
	// Forbidden: the translation has a rendering the glossary forbids.
	Forbidden ProblemKind = "forbidden"
)

// Problem is one glossary rule a translation breaks.
type Problem struct {
	Entry *Entry
	Kind  ProblemKind
	// Start and End count runes: where the term is in the source for a
	// missing rendering, where the forbidden words are in the translation.
	Start, End int
	// Message says what is wrong and what the glossary wants, for the
	// reviewer and for the translator's next attempt.
	Message *locales.Message
}

// Verify checks a translation against the glossary: for each entry found in
// source (in language src), translation (in tgt) must contain an accepted
// rendering and no forbidden one.
//
// A term's rendering is found in any case and, in English, with its plural,
// possessive and verb endings (defector, Defectors, defector's, defectors');
// a name's exactly as written, possessive allowed (Cheonan's); a dnt entry
// must appear unchanged. Private entries are not checked here: the
// translation never saw them, and [Redactor.CheckPlaceholders] checks that
// their placeholders came back.
func (g *Glossary) Verify(source, translation string, src, tgt language.Tag) []Problem {
	base, _ := tgt.Base()
	english, korean := base.String() == "en", base.String() == "ko"
	// Japanese and Chinese write no spaces between words: a rendering is
	// found wherever it stands.
	unspaced := base.String() == "ja" || base.String() == "zh"
	text := []rune(translation)
	var problems []Problem
	reported := map[forbiddenAt]bool{}
	seen := map[*Entry]bool{}
	for _, m := range g.Match(source, src) {
		e := m.Entry
		// An entry without a rendering in this language went to the
		// translator as context only.
		if seen[e] || e.Kind == KindPrivate || !e.Rendered() {
			continue
		}
		seen[e] = true
		rule := rendering{caseless: e.Kind == KindTerm, inflect: english && e.Kind == KindTerm, korean: korean, unspaced: unspaced}
		// accepted holds where accepted renderings are: a forbidden word
		// inside one (defector in "North Korean defector") is no offence.
		var accepted [][2]int
		for _, t := range e.Targets {
			accepted = append(accepted, rule.find(text, t)...)
		}
		if len(accepted) == 0 {
			problems = append(problems, Problem{
				Entry: e, Kind: Missing, Start: m.Start, End: m.End,
				Message: locales.New("glossary.verify.missing", "Source", e.Source, "Kind", string(e.Kind),
					"Targets", quoteList(e.Targets), "Start", m.Start),
			})
		}
		forbidden := rendering{caseless: true, inflect: english, korean: korean, unspaced: unspaced}
		for _, f := range e.Forbidden {
			for _, span := range forbidden.find(text, f) {
				// Two forbidden forms (defector, defectors) or two
				// occurrences of the term in the source find the same
				// words: report them once.
				key := forbiddenAt{e, span}
				if within(span, accepted) || reported[key] {
					continue
				}
				reported[key] = true
				problems = append(problems, Problem{
					Entry: e, Kind: Forbidden, Start: span[0], End: span[1],
					Message: locales.New("glossary.verify.forbidden", "Found", string(text[span[0]:span[1]]),
						"Source", e.Source, "Target", e.Target(), "Start", span[0]),
				})
			}
		}
	}
	return problems
}

// forbiddenAt is a forbidden rendering of an entry found at a span.
type forbiddenAt struct {
	entry *Entry
	span  [2]int
}

func within(span [2]int, spans [][2]int) bool {
	for _, s := range spans {
		if s[0] <= span[0] && span[1] <= s[1] {
			return true
		}
	}
	return false
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// rendering says how a target rendering is looked for in a translation.
type rendering struct {
	// caseless ignores case.
	caseless bool
	// inflect accepts the regular English endings of the last word (-s,
	// -es, -ies, -ed, -ing).
	inflect bool
	// korean accepts Korean particles and endings after the rendering.
	korean bool
	// unspaced finds the rendering inside a run of letters, as Japanese
	// and Chinese are written.
	unspaced bool
}

// find returns the spans (in runes) where rendering occurs in text as whole
// words. A space in the rendering matches any run of white space, and
// straight and curly apostrophes match each other. A possessive ('s, s')
// needs no rule: the apostrophe already ends the word.
func (rule rendering) find(text []rune, rendering string) [][2]int {
	norm := func(r rune) rune {
		if rule.caseless {
			return fold(r)
		}
		if r == '\u2019' || r == '\u2018' {
			return '\''
		}
		return r
	}
	var pat []rune
	for _, r := range strings.TrimSpace(rendering) {
		if unicode.IsSpace(r) {
			if len(pat) > 0 && pat[len(pat)-1] != ' ' {
				pat = append(pat, ' ')
			}
			continue
		}
		pat = append(pat, norm(r))
	}
	if len(pat) == 0 {
		return nil
	}
	forms := [][]rune{pat}
	if rule.inflect {
		lower := make([]rune, len(pat))
		for i, r := range pat {
			lower[i] = fold(r)
		}
		for _, f := range englishForms(lower) {
			// Keep the rendering's own case on the stem for a
			// case-sensitive search.
			forms = append(forms, append(append([]rune{}, pat[:len(pat)-1]...), f[len(pat)-1:]...))
		}
	}
	var spans [][2]int
	for i := 0; i < len(text); i++ {
		if i > 0 && isWordRune(text[i-1]) && !rule.unspaced {
			continue
		}
		best := -1
		for _, f := range forms {
			if end := rule.matchAt(text, i, f, norm); end > best {
				best = end
			}
		}
		if best > 0 {
			spans = append(spans, [2]int{i, best})
			i = best - 1
		}
	}
	return spans
}

// matchAt returns the end of pat matched at text[i:] as whole words, or -1.
func (rule rendering) matchAt(text []rune, i int, pat []rune, norm func(rune) rune) int {
	j := i
	for _, p := range pat {
		if p == ' ' {
			if j >= len(text) || !unicode.IsSpace(text[j]) {
				return -1
			}
			for j < len(text) && unicode.IsSpace(text[j]) {
				j++
			}
			continue
		}
		if j >= len(text) || norm(text[j]) != p {
			return -1
		}
		j++
	}
	if j == len(text) || !isWordRune(text[j]) || rule.unspaced {
		return j
	}
	if rule.korean && isHangulSyllable(text[j]) {
		k := j
		for k < len(text) && isHangulSyllable(text[k]) {
			k++
		}
		if endings.accepts(text[j:k]) {
			return j
		}
	}
	return -1
}
