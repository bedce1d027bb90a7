package segment

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// quotePair is an opening and a closing mark. When both are the same rune (ASCII " and '),
// the mark opens after a space or punctuation and closes, right after a non-space, the
// nearest one left open.
type quotePair struct{ open, close rune }

// span is a stretch of the tag-free text, from just after an opening mark to its closing
// mark, in which no sentence ends.
type span struct{ start, end int }

// maxOpen bounds how many unclosed marks are remembered, which keeps the scan linear.
const maxOpen = 32

// quotedSpans finds the quotations and brackets of view that close within s.quoteSpan bytes
// and returns the outermost ones in order. Korean quotes whole sentences inside a sentence
// ("…했다. …한다"라고 말했다) and the quoted sentences do not end the one around them.
func (s *Segmenter) quotedSpans(view string) []span {
	if len(s.quotes) == 0 {
		return nil
	}
	type open struct {
		pair int
		pos  int // just after the mark
	}
	var stack []open
	var spans []span
	prev, newline := ' ', false
	for i, r := range view {
		if r >= hangulFirst && r <= hangulLast { // no quotation mark is a syllable
			prev, newline = r, false
			continue
		}
		n := utf8.RuneLen(r)
		if n < 0 {
			n = 1
		}
		// Most runes are no mark at all: look through the pairs only for one that is.
		quotes := s.quotes
		if r < utf8.RuneSelf && !s.quoteASCII[r] || r >= utf8.RuneSelf && !slices.Contains(s.quoteOther, r) {
			quotes = nil
		}
		for k, q := range quotes {
			if r != q.open && r != q.close {
				continue
			}
			// A closing mark closes the nearest open mark of its pair. A symmetric one only
			// closes right after the quoted text, not after a space: in "'23년 … '24년" the
			// apostrophes open nothing that the next one could close.
			if r == q.close && (q.open != q.close || !unicode.IsSpace(prev)) {
				j := len(stack) - 1
				for j >= 0 && stack[j].pair != k {
					j--
				}
				if j >= 0 {
					if i-stack[j].pos <= s.quoteSpan {
						spans = append(spans, span{stack[j].pos, i})
					}
					stack = stack[:j]
					break
				}
			}
			if r == q.open && (q.open != q.close || !isWordRune(prev)) {
				if len(stack) == maxOpen {
					stack = slices.Delete(stack, 0, 1)
				}
				stack = append(stack, open{k, i + n})
			}
			break
		}
		if r == '\n' {
			if newline {
				stack = stack[:0] // a quotation does not run across a blank line
			}
			newline = true
		} else if !unicode.IsSpace(r) {
			newline = false
		}
		prev = r
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	var outer []span
	for _, sp := range spans {
		if len(outer) > 0 && sp.start <= outer[len(outer)-1].end {
			outer[len(outer)-1].end = max(outer[len(outer)-1].end, sp.end)
			continue
		}
		outer = append(outer, sp)
	}
	return outer
}
