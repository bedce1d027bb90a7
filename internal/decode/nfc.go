package decode

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// nfc returns s in Normalization Form C. A Korean letter is nearly all
// ASCII and precomposed Hangul syllables, which NFC leaves as they are and
// which never combine with the character before them; only the stretches
// around anything else (an emoji, a combining accent, old jamo) go through
// the normalizer, each from the simple character before it up to the next
// simple one. Normalizing the whole text was a twelfth of segmenting a long
// letter.
func nfc(s string) string {
	var out []byte // nil while nothing has changed
	done := 0      // s[:done] is in out (when out is not nil)
	for i := simpleRun(s); i < len(s); i += simpleRun(s[i:]) {
		start := i
		if i > 0 {
			_, n := utf8.DecodeLastRuneInString(s[:i])
			start = i - n
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		end := i + n
		for end < len(s) {
			r, n := utf8.DecodeRuneInString(s[end:])
			if simple(r) {
				break
			}
			end += n
		}
		if seg := s[start:end]; !norm.NFC.IsNormalString(seg) {
			if out == nil {
				out = make([]byte, 0, len(s))
			}
			out = append(out, s[done:start]...)
			out = norm.NFC.AppendString(out, seg)
			done = end
		}
		i = end
	}
	if out == nil {
		return s
	}
	return string(append(out, s[done:]...))
}

// simple reports whether r is ASCII or a precomposed Hangul syllable.
func simple(r rune) bool { return r < utf8.RuneSelf || r >= 0xAC00 && r <= 0xD7A3 }

// simpleRun returns the length of the run of simple runes s starts with.
func simpleRun(s string) int {
	i := 0
	for i < len(s) {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !simple(r) {
			break
		}
		i += n
	}
	return i
}
