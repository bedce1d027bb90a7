package locales

import (
	"fmt"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"
)

// templateFuncs are available in every message template. Korean particles
// depend on the sound that ends the word before them, so a message that puts
// a value before a particle writes {{josa .Path "을/를"}}, which renders the
// value and the right form: 파일을, 글로서리를.
var templateFuncs = template.FuncMap{"josa": Josa}

// swappedPairs are particle pairs written vowel-form first, as a translator
// may well type them; Josa reads them the right way round.
var swappedPairs = map[string]string{
	"를/을": "을/를", "가/이": "이/가", "는/은": "은/는",
	"와/과": "과/와", "로/으로": "으로/로", "라는/이라는": "이라는/라는",
	"야/아": "아/야", "나/이나": "이나/나", "라고/이라고": "이라고/라고",
}

// Josa returns word followed by the form of the particle pair that fits it.
// The pair is written "consonant-form/vowel-form" (을/를, 이/가, 은/는, 과/와,
// 으로/로, 이라는/라는); the reverse order is understood too. 으로 follows a
// vowel or ㄹ as 로 (서울로, 파일로, 1로). For a word that ends in a Latin
// letter or a digit the Korean reading decides, as a reader says it: a
// number by its last digit (3을, 10을, 2를), an acronym or file extension
// letter by letter (letter.md를, URL을), and a word ending in -le or -ng as
// it is pronounced (style을, Google을). When nothing can be judged (an empty
// value, a word in another script) both forms are shown: 을(를).
func Josa(word any, pair string) string {
	w := toString(word)
	if p, ok := swappedPairs[pair]; ok {
		pair = p
	}
	cons, vowel, ok := strings.Cut(pair, "/")
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
	case fmt.Stringer:
		return s.String()
	default:
		return fmt.Sprint(v)
	}
}

// digitFinal is, for each digit 0–9 read in Sino-Korean (영 일 이 삼 사 오 육
// 칠 팔 구), whether its reading ends in a consonant. A trailing 0 also stands
// for 십, 백, 천, 만, which all end in one.
const digitFinal = "1101001110"

// finalSound reports whether w ends in a consonant sound (batchim), whether
// that consonant is ㄹ, and whether the ending could be judged at all.
// Closing quotes, brackets, spaces and emoji do not change how the value is read, so
// they are passed over.
func finalSound(w string) (final, rieul, known bool) {
	for len(w) > 0 {
		r, size := utf8.DecodeLastRuneInString(w)
		switch {
		case r >= 0xAC00 && r <= 0xD7A3:
			jong := (r - 0xAC00) % 28
			return jong != 0, jong == 8, true
		case r >= '0' && r <= '9':
			return digitFinal[r-'0'] == '1', r == '1' || r == '7' || r == '8', true
		case r == '%': // 퍼센트
			return false, false, true
		case isASCIILetter(r):
			return latinFinal(w)
		case r >= 0x80 && !unicode.IsPunct(r) && !unicode.IsSpace(r) && !unicode.IsSymbol(r):
			// Another script, or a Hangul jamo on its own: no safe guess.
			return false, false, false
		}
		w = w[:len(w)-size]
	}
	return false, false, false
}

// latinFinal judges a value ending in Latin letters. A word ending in -le or
// -ng (style, Bible, Google, string) is read as a word: 스타일, 구글, 스트링.
// Anything else is read letter by letter, which is how Koreans read
// extensions, acronyms and most names in these messages (md 엠디, csv 씨에스브이,
// URL 유알엘): only L (엘), R (알), M (엠) and N (엔) end in a consonant.
func latinFinal(w string) (final, rieul, known bool) {
	start := len(w)
	for start > 0 && isASCIILetter(rune(w[start-1])) {
		start--
	}
	run := w[start:]
	lower := strings.ToLower(run)
	if len(run) >= 3 && run != strings.ToUpper(run) {
		switch {
		case strings.HasSuffix(lower, "le"):
			return true, true, true
		case strings.HasSuffix(lower, "ng"):
			return true, false, true
		}
	}
	switch lower[len(lower)-1] {
	case 'l', 'r':
		return true, true, true
	case 'm', 'n':
		return true, false, true
	}
	return false, false, true
}

func isASCIILetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}
