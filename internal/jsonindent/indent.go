// Package jsonindent indents JSON the way encoding/json does, faster.
//
// `--json` output and a letter's skeleton file are read by other programs and
// kept under version control, so their bytes must not change with the way
// they are produced: [Indent] is pinned byte for byte to json.Indent by its
// tests, and only speed may differ.
package jsonindent

import "bytes"

// Indent indents compact JSON (as json.Marshal writes it) by two spaces,
// byte for byte as json.Indent does. It copies each string whole where
// json.Indent runs its scanner over every byte, which was a tenth of
// `segment --json` on a long letter and of writing its skeleton.
func Indent(src []byte) []byte {
	out := make([]byte, 0, 2*len(src)+64) // indentation about doubles nested JSON
	depth := 0
	newline := func() {
		out = append(out, '\n')
		for range depth {
			out = append(out, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			j := i + 1
			for j < len(src) {
				k := bytes.IndexAny(src[j:], `"\`)
				if k < 0 {
					j = len(src)
					break
				}
				j += k
				if src[j] == '"' {
					break
				}
				j += 2 // an escape: the byte after the backslash is never the end
			}
			end := min(j+1, len(src))
			out = append(out, src[i:end]...)
			i = end - 1
		case '{', '[':
			out = append(out, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				out = append(out, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			out = append(out, c)
		case ',':
			out = append(out, c)
			newline()
		case ':':
			out = append(out, ':', ' ')
		default:
			out = append(out, c)
		}
	}
	return out
}
