package qa

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/locales"
)

// checkUntranslated finds a translation that is still the source: the same
// text, or Korean left in a translation into another language. Korean that
// the glossary keeps as it is (a dnt entry, a name whose rendering is in
// Hangul) is allowed.
func checkUntranslated(r *report, in Input) {
	src, tgt := strings.TrimSpace(in.Source), strings.TrimSpace(in.Translation)
	if src == tgt && hasLetter(stripTags(withoutKept(src, in.Glossary))) {
		r.add("untranslated", Error, locales.New("qa.untranslated.same"))
		return
	}
	if isKorean(in.Tgt) {
		return
	}
	rest := []rune(stripTags(withoutKept(tgt, in.Glossary)))
	for i, c := range rest {
		if isHangul(c) {
			r.add("untranslated", Error, locales.New("qa.untranslated.hangul", "Word", untranslatedPart(rest, i)))
			return
		}
	}
}

// untranslatedPart is the Korean left in a translation from rest[i] on:
// every word up to the last Hangul before a letter of another script, so
// that "see 보실 수 있습니다." names the clause left, not its first word.
func untranslatedPart(rest []rune, i int) string {
	end := i
	for j := i; j < len(rest); j++ {
		c := rest[j]
		if isHangul(c) {
			end = j + 1
			continue
		}
		if unicode.IsLetter(c) {
			break
		}
	}
	// a word ends at a space: "천안에서," names 천안에서 and its comma
	for end < len(rest) && !unicode.IsSpace(rest[end]) && !unicode.IsLetter(rest[end]) {
		end++
	}
	return string(rest[i:end])
}

// withoutKept removes the texts the glossary says stay as they are: dnt
// entries and renderings that are themselves in Hangul.
func withoutKept(s string, g *glossary.Glossary) string {
	if g == nil {
		return s
	}
	for _, e := range g.Entries {
		if e.Kind == glossary.KindDNT {
			s = strings.ReplaceAll(s, e.Source, " ")
		}
		for _, t := range e.Targets {
			if e.Kind == glossary.KindDNT || strings.IndexFunc(t, isHangul) >= 0 {
				s = strings.ReplaceAll(s, t, " ")
			}
		}
	}
	return s
}

func isHangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// The length ratio of an English translation to its Korean source, in
// characters, outside which a person should look. Korean packs a sentence
// into fewer characters: in the published pairs of the sample letter
// (testdata/2023-06-3.tm.tsv, sources of 8 characters or more) English runs
// 1.44 to 3.16 times the Korean. The bounds leave room on both sides; a
// ratio below 1 usually means a clause was dropped, above 4 that something
// was added.
const (
	minRatioKoEn = 1.0
	maxRatioKoEn = 4.0
	// minLengthKo is the shortest source the ratio says anything about: a
	// heading of three syllables may rightly become a dozen letters.
	minLengthKo = 10
)

// checkLength warns when a Korean→English translation is much shorter or
// longer than translations usually are.
func checkLength(r *report, in Input) {
	if !isKorean(in.Src) || !isEnglish(in.Tgt) {
		return
	}
	src := len([]rune(strings.TrimSpace(stripTags(in.Source))))
	tgt := len([]rune(strings.TrimSpace(stripTags(in.Translation))))
	if src < minLengthKo {
		return
	}
	ratio := float64(tgt) / float64(src)
	switch {
	case ratio < minRatioKoEn:
		r.add("length", Warning, locales.New("qa.length.short", "Ratio", formatRatio(ratio), "Min", formatRatio(minRatioKoEn)))
	case ratio > maxRatioKoEn:
		r.add("length", Warning, locales.New("qa.length.long", "Ratio", formatRatio(ratio), "Max", formatRatio(maxRatioKoEn)))
	}
}

func isEnglish(t language.Tag) bool {
	b, _ := t.Base()
	return b.String() == "en"
}

func formatRatio(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

// doubledOK are words English rightly writes twice ("what it had had").
var doubledOK = map[string]bool{"had": true, "that": true}

// checkDoubled warns about a word written twice in a row ("the the"), a
// typo machine translation and hasty edits both make. Only words in Latin
// script: Korean repeats words on purpose (정말 정말).
func checkDoubled(r *report, in Input) {
	var prev string
	word := func(w string) {
		lw := strings.ToLower(w)
		if lw == prev && !doubledOK[lw] && strings.IndexFunc(lw, isLatinLetter) >= 0 {
			r.add("doubled", Warning, locales.New("qa.doubled", "Word", w))
		}
		prev = lw
	}
	text := stripTags(in.Translation)
	start := -1
	for i, c := range text {
		switch {
		case unicode.IsLetter(c) || c == '\'':
			if start < 0 {
				start = i
			}
		case unicode.IsSpace(c):
			if start >= 0 {
				word(text[start:i])
				start = -1
			}
		default:
			if start >= 0 {
				word(text[start:i])
				start = -1
			}
			prev = ""
		}
	}
	if start >= 0 {
		word(text[start:])
	}
}

func isLatinLetter(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }

// checkWhitespace warns about white space at either end of a translation:
// the letter's spacing lives in the skeleton, and a space kept in the
// sentence doubles it in the edition.
func checkWhitespace(r *report, in Input) {
	if strings.TrimSpace(in.Translation) != in.Translation {
		r.add("whitespace", Warning, locales.New("qa.whitespace"))
	}
}

// checkPunctuation warns when one side ends its sentence with a full stop,
// question or exclamation mark and the other does not. What closes a
// sentence after its mark — quotes, brackets, tags, emoji — is looked
// through.
func checkPunctuation(r *report, in Input) {
	src, tgt := finalMark(in.Source), finalMark(in.Translation)
	switch {
	case src != 0 && tgt == 0:
		r.add("punctuation", Warning, locales.New("qa.punctuation.missing", "Mark", string(src)))
	case src == 0 && tgt != 0:
		r.add("punctuation", Warning, locales.New("qa.punctuation.extra", "Mark", string(tgt)))
	}
}

// finalMark returns the sentence's final punctuation mark, 0 when it has
// none.
func finalMark(s string) rune {
	rs := []rune(strings.TrimSpace(stripTags(s)))
	for i := len(rs) - 1; i >= 0; i-- {
		c := rs[i]
		switch {
		case strings.ContainsRune(".?!…。？！", c):
			return c
		case unicode.IsSpace(c) || strings.ContainsRune("\"'”’)]}」』》〉", c) ||
			unicode.Is(unicode.So, c) || unicode.Is(unicode.Sk, c) || unicode.Is(unicode.Mn, c) ||
			unicode.Is(unicode.Cf, c):
			continue
		default:
			return 0
		}
	}
	return 0
}
