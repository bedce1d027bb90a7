package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// OneLine is a sentence as people and tools see it, and as epistle tells
// one version of a sentence from another: every run of white space (line
// breaks, tabs, NBSP, U+3000, double spaces) is one space, and none leads
// or trails. Re-wrapping a letter is not an edit, and a translator never
// sees where an editor happened to break a line. Only the letter itself
// (and so the skeleton that rebuilds it) keeps the original bytes.
func OneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isOneLine reports whether s is already OneLine's result: the common case,
// checked without allocating.
func isOneLine(s string) bool {
	prevSpace := true // no space may lead
	for _, r := range s {
		if r >= utf8.RuneSelf {
			if unicode.IsSpace(r) {
				return false
			}
			prevSpace = false
			continue
		}
		switch r {
		case ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case '\t', '\n', '\v', '\f', '\r':
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}
