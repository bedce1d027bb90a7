// Package tomlstring reads a TOML basic string ("…") on its own, for the
// fast reader of the catalogs epistle writes (pipeline/catalog). It reads
// the few shapes its files take by hand and gives anything else to the TOML
// decoder, so what is read here must be exactly what the decoder reads, or
// refused. The README's "Standard decoders" benchmark is why it exists.
package tomlstring

import (
	"strconv"
	"unicode/utf8"
)

// Unquote reads v, a basic string with its quotes and nothing after them,
// and returns its text. It reads the escapes \" \\ \n \r \t and \uXXXX; ok
// is false at any other escape, a quote inside, a control character TOML
// does not allow in a basic string, a \u that is not a character, or
// invalid UTF-8.
func Unquote[T ~string | ~[]byte](v T) (text string, ok bool) {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' || !validUTF8(v) {
		return "", false
	}
	v = v[1 : len(v)-1]
	esc := -1
scan:
	for i := 0; i < len(v); i++ {
		switch b := v[i]; {
		case b == '\\':
			esc = i
			break scan
		case !allowed(b):
			return "", false
		}
	}
	if esc < 0 {
		return string(v), true // most texts have no escape and are copied whole
	}
	out := append(make([]byte, 0, len(v)), v[:esc]...)
	for i := esc; i < len(v); i++ {
		b := v[i]
		switch {
		case !allowed(b) && b != '\\':
			return "", false
		case b != '\\':
			out = append(out, b)
			continue
		}
		if i++; i == len(v) {
			return "", false
		}
		switch v[i] {
		case '"', '\\':
			out = append(out, v[i])
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			if i+4 >= len(v) {
				return "", false
			}
			n, err := strconv.ParseUint(string(v[i+1:i+5]), 16, 32)
			if err != nil || !utf8.ValidRune(rune(n)) {
				return "", false
			}
			out = utf8.AppendRune(out, rune(n))
			i += 4
		default:
			return "", false
		}
	}
	return string(out), true
}

// validUTF8 reports whether v is valid UTF-8, which TOML requires of the
// whole file: the decoder refuses a string holding an invalid byte.
func validUTF8[T ~string | ~[]byte](v T) bool {
	switch v := any(v).(type) {
	case string:
		return utf8.ValidString(v)
	case []byte:
		return utf8.Valid(v)
	}
	return utf8.ValidString(string(v))
}

// allowed reports whether b may stand unescaped in a basic string: not the
// closing quote, and no control character but tab.
func allowed(b byte) bool {
	return b != '"' && (b >= 0x20 || b == '\t') && b != 0x7f
}
