package locales

import (
	"fmt"
	"text/template"
	"unicode"
	"unicode/utf8"
)

// templateFuncs are available in every message template. Korean particles
// depend on the sound that ends the word before them, so a message that puts
// a value before a particle writes {{josa .Path "을/를"}}, which renders the
// value and the right form: 파일을, 글로서리를.
var templateFuncs = template.FuncMap{"josa": Josa}

// Josa returns word followed by the form of the particle pair that fits it:
// pair is written "consonant-form/vowel-form" (을/를, 이/가, 은/는, 과/와,
// 으로/로, 이라는/라는). 으로 follows a vowel or ㄹ as 로. For a word ending
// in a Latin letter or a digit the Korean reading of that letter or digit
// decides, as a Korean reader says it: file.md ends in 디 → 를.
func Josa(word any, pair string) string {
	w := toString(word)
	cons, vowel, ok := splitPair(pair)
	if !ok {
		return w + pair
	}
	final, rieul, known := finalSound(w)
	switch {
	case !known:
		return w + cons + "(" + vowel + ")"
	case final && !(rieul && cons == "으로"):
		return w + cons
	default:
		return w + vowel
	}
}

func toString(v any) string {
	switch s := v.(type) {
	case string:
		return s
	case interface{ String() string }:
		return s.String()
	default:
		return fmt.Sprint(v)
	}
}

func splitPair(pair string) (cons, vowel string, ok bool) {
	for i := 0; i < len(pair); i++ {
		if pair[i] == '/' {
			return pair[:i], pair[i+1:], true
		}
	}
	return "", "", false
}

// finalSound reports whether w ends in a consonant sound (batchim), whether
// that consonant is ㄹ, and whether the ending could be judged at all.
func finalSound(w string) (final, rieul, known bool) {
	for len(w) > 0 {
		r, size := utf8.DecodeLastRuneInString(w)
		w = w[:len(w)-size]
		switch {
		case r >= 0xAC00 && r <= 0xD7A3:
			jong := (r - 0xAC00) % 28
			return jong != 0, jong == 8, true
		case r >= '0' && r <= '9':
			// 영 일 이 삼 사 오 육 칠 팔 구
			f := "1101001110"[r-'0'] == '1'
			return f, r == '1' || r == '7' || r == '8', true
		case unicode.IsLetter(r) && r < 0x80:
			switch unicode.ToLower(r) {
			case 'l', 'r': // 엘, 알
				return true, true, true
			case 'm', 'n': // 엠, 엔
				return true, false, true
			default:
				return false, false, true
			}
		}
		// Spaces, quotes and brackets do not change the reading: look further.
	}
	return false, false, false
}
