package edition

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/document"
)

// Japanese and Chinese write no space between sentences: a full-width mark
// (。！？) closes one and the next follows at once. The letter's Korean puts a
// space there, and the skeleton keeps it between the translated sentences
// too; an edition in such a language leaves it out.

// unspaced says whether lang writes its sentences without spaces between
// them.
func unspaced(lang language.Tag) bool {
	base, _ := lang.Base()
	switch base.String() {
	case "ja", "zh", "yue":
		return true
	}
	return false
}

// sentenceGap returns the literal text between two sentences as lang writes
// it: for a language without spaces, nothing after a sentence that ends
// with a full-width mark when the text is only spaces on one line;
// otherwise the text as the letter has it.
func sentenceGap(literal, before string, lang language.Tag) string {
	if !unspaced(lang) || strings.Trim(literal, " \t\u3000") != "" || !endsFullWidth(before) {
		return literal
	}
	return ""
}

// endsFullWidth says whether text, a sentence as an edition writes it, ends
// with a full-width mark, looking through what may close it: quotes,
// brackets, tags, the marks of an unreviewed sentence.
func endsFullWidth(text string) bool {
	for text != "" {
		if loc := document.TagPattern.FindAllStringIndex(text, -1); len(loc) > 0 && loc[len(loc)-1][1] == len(text) {
			text = text[:loc[len(loc)-1][0]]
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text)
		switch {
		case strings.ContainsRune("。！？", r):
			return true
		case strings.ContainsRune("」』）〉》】〕”’\"'*_", r) || r == closeMark:
			text = text[:len(text)-size]
		default:
			return false
		}
	}
	return false
}
