package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tagKind tells how a protected inline tag attaches to a sentence.
type tagKind int

const (
	tagOpen  tagKind = iota // <g1>: belongs to the sentence it opens
	tagClose                // </g1>: belongs to the sentence it closes
	tagEmpty                // <x2/>, <n1/>: belongs to the sentence it touches
)

// tag is a protected tag removed from the text the rules see.
type tag struct {
	view  int // position in the tag-free text
	start int // byte offsets in the original text
	end   int
	kind  tagKind
}

// tagAt returns the length and kind of a protected tag at the start of s: <name1>, </name1>
// or <name1/>, name being ASCII letters and 1 a number.
func tagAt(s string) (int, tagKind, bool) {
	i := 1
	kind := tagOpen
	if i < len(s) && s[i] == '/' {
		kind = tagClose
		i++
	}
	letters := i
	for i < len(s) && (s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z') {
		i++
	}
	digits := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == letters || i == digits || digits == letters {
		return 0, 0, false
	}
	if kind == tagOpen && i < len(s) && s[i] == '/' {
		kind = tagEmpty
		i++
	}
	if i < len(s) && s[i] == '>' {
		return i + 1, kind, true
	}
	return 0, 0, false
}

// stripTags returns text without its protected tags and where they were.
func stripTags(text string) (string, []tag) {
	var tags []tag
	var b []byte
	last := 0
	for i := 0; i < len(text); i++ {
		k := strings.IndexByte(text[i:], '<')
		if k < 0 {
			break
		}
		i += k
		n, kind, ok := tagAt(text[i:])
		if !ok {
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(text))
		}
		b = append(b, text[last:i]...)
		tags = append(tags, tag{view: len(b), start: i, end: i + n, kind: kind})
		last = i + n
		i += n - 1
	}
	if tags == nil {
		return text, nil
	}
	return string(append(b, text[last:]...)), tags
}

// spans turns break positions in the tag-free view into trimmed spans of text.
func spans(text, view string, tags []tag, ends []int) []Span {
	out := make([]Span, 0, len(ends)+1)
	start, t, removed := 0, 0, 0
	for _, q := range ends {
		for t < len(tags) && tags[t].view < q {
			removed += tags[t].end - tags[t].start
			t++
		}
		brk := q + removed
		if t < len(tags) {
			brk = attachTags(text, brk)
		}
		out = appendSpan(out, text, start, brk)
		start = brk
	}
	return appendSpan(out, text, start, len(text))
}

// attachTags moves a break at p past the closing tags that follow it, and past empty tags
// that touch the sentence end, so they stay with the sentence they close.
func attachTags(text string, p int) int {
	brk, spaced := p, false
	for i := p; i < len(text); {
		if text[i] == '<' {
			n, kind, ok := tagAt(text[i:])
			if !ok || kind == tagOpen || (kind == tagEmpty && spaced) {
				break
			}
			i += n
			brk = i
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		spaced = true
		i += n
	}
	return brk
}

func appendSpan(out []Span, text string, start, end int) []Span {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	if start == end {
		return out
	}
	return append(out, Span{start, end})
}
