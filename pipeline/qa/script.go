package qa

import (
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

// scripts are the letters each writing system (ISO 15924, as
// language.Tag.Script names it) is written in. A language whose script is
// not here is not checked.
var scripts = map[string][]*unicode.RangeTable{
	"Jpan": {unicode.Han, unicode.Hiragana, unicode.Katakana},
	"Hans": {unicode.Han},
	"Hant": {unicode.Han},
	"Kore": {unicode.Hangul, unicode.Han},
	"Latn": {unicode.Latin},
	"Cyrl": {unicode.Cyrillic},
	"Grek": {unicode.Greek},
	"Arab": {unicode.Arabic},
	"Hebr": {unicode.Hebrew},
	"Thai": {unicode.Thai},
	"Deva": {unicode.Devanagari},
}

// checkLanguage finds a translation that is not in the target language at
// all: an English reply saved as Japanese, a Japanese one as English. It
// counts the letters of the translation, leaving out what the glossary
// keeps (names, renderings, words not to translate) and Hangul (the
// untranslated check's): none in the target's script and some in another
// is an error. A sentence of names and numbers has nothing left to count;
// a source with no Korean letters (a URL, a name) is not held to it.
func checkLanguage(r *report, in Input) {
	script, conf := in.Tgt.Script()
	want, ok := scripts[script.String()]
	if !ok || conf == language.No {
		return
	}
	if isKorean(in.Src) && strings.IndexFunc(stripTags(in.Source), isHangul) < 0 {
		return
	}
	// Hangul is left out unless it is the target's own script.
	skipHangul := script.String() != "Kore"
	inScript, other := 0, 0
	for _, c := range stripTags(withoutRenderings(in, in.Translation)) {
		switch {
		case !unicode.IsLetter(c) || skipHangul && isHangul(c):
		case unicode.In(c, want...):
			inScript++
		default:
			other++
		}
	}
	if inScript == 0 && other > 0 {
		r.add("language", Error, locales.New("qa.language", "Lang", in.Tgt.String()))
	}
}

// withoutRenderings removes from text the source and every rendering, in
// any language, of the glossary entries the source sentence has: names a
// translation may rightly write in another script (Zoom, Myeongcheol Ri in
// Japanese), and terms, which say nothing of the language around them.
func withoutRenderings(in Input, text string) string {
	if in.Glossary == nil {
		return text
	}
	var pairs []string
	add := func(texts ...string) {
		for _, t := range texts {
			if t != "" {
				pairs = append(pairs, t, " ")
			}
		}
	}
	for _, m := range in.Glossary.Match(in.Source, in.Src) {
		add(m.Entry.Source)
		add(m.Entry.Targets...)
		for _, o := range m.Entry.Other {
			add(o.Targets...)
		}
	}
	if len(pairs) == 0 {
		return text
	}
	return strings.NewReplacer(pairs...).Replace(text)
}
