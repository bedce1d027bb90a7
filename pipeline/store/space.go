package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/epistle-letters/epistle/pipeline/catalog"
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

// Rehash maps the hash of each source text an earlier epistle kept with its
// white space as written (line breaks, double spaces) to the hash of its
// [OneLine]: a translation approved for the one is approved for the other.
type Rehash map[string]string

// Add records text, as an earlier epistle may have kept it.
func (r Rehash) Add(text string) {
	if one := OneLine(text); one != text {
		r[catalog.Hash("", text)] = catalog.Hash("", one)
	}
}

// Of returns the hash that hash stands for now.
func (r Rehash) Of(hash string) string {
	if h, ok := r[hash]; ok {
		return h
	}
	return hash
}
