package qa

import (
	"golang.org/x/text/width"

	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/epistle-letters/epistle/locales"
)

// A number is one quantity a text states, whatever its form: digits
// (2,000, 1.5), digits with Korean units (1.5억, 2만 5천, 3천만), digits with
// English scale words (1.5 million), English number words (twenty-five,
// third), month names (May), Korean ordinals (셋째, 두 번째).
type number struct {
	value float64
	// digits are the digits as written, without grouping commas; "" for a
	// number written in words.
	digits string
	// text is the number as written, for messages.
	text string
	// ordinal marks a Korean ordinal (셋째), the one kind of number in words
	// a source is held to.
	ordinal bool
}

// checkNumbers holds the translation to the source's numbers. A number
// written in digits in the source must come back with the same value in
// some form; when it does not, but its digits are still in the translation
// (a date or an amount rewritten oddly), a person should look; when the
// digits are nowhere, a number was lost or changed: an error (except for
// one, which English often writes as "a"). A Korean ordinal (셋째) that
// does not come back is only a warning, because a translator may rightly
// drop "third" for "finally".
func checkNumbers(r *report, in Input) {
	src := extractNumbers(stripTags(in.Source))
	if len(src) == 0 {
		return
	}
	tgt := extractNumbers(stripTags(in.Translation))
	seen := map[string]bool{}
	for _, n := range src {
		if n.digits == "" && !n.ordinal || seen[n.text] || hasValue(tgt, n.value) {
			continue
		}
		seen[n.text] = true
		switch {
		case n.digits == "":
			r.add("numbers", Warning, locales.New("qa.numbers.ordinal", "Number", n.text))
		// One is often an article in English (1명의 탈북민, a defector), and
		// digits that survive in another form need a look, not a refusal.
		case n.value == 1 || hasDigits(tgt, n.digits):
			r.add("numbers", Warning, locales.New("qa.numbers.form", "Number", n.text))
		default:
			r.add("numbers", Error, locales.New("qa.numbers.missing", "Number", n.text))
		}
	}
}

func hasValue(ns []number, v float64) bool {
	for _, n := range ns {
		if math.Abs(n.value-v) <= 1e-9*math.Max(1, math.Abs(v)) {
			return true
		}
	}
	return false
}

func hasDigits(ns []number, digits string) bool {
	plain := strings.ReplaceAll(digits, ".", "")
	for _, n := range ns {
		if n.digits != "" && strings.Contains(strings.ReplaceAll(n.digits, ".", ""), plain) {
			return true
		}
	}
	return false
}

// extractNumbers finds the numbers of a text, tags already removed.
// Full-width digits and signs (２０２４，５) read as their ASCII forms.
func extractNumbers(s string) []number {
	rs := []rune(width.Narrow.String(s))
	var out []number
	for i := 0; i < len(rs); {
		switch {
		case isDigit(rs[i]):
			n, end := readDigitNumber(rs, i)
			out = append(out, n)
			i = end
		case hanDigits[rs[i]] > 0 || rs[i] == '〇' || rs[i] == '零' || koSmall[rs[i]] > 0 && rs[i] > 0x3000:
			n, end := readHanNumber(rs, i)
			out = append(out, n)
			i = end
		case unicode.IsLetter(rs[i]) && (i == 0 || !unicode.IsLetter(rs[i-1])):
			j := i
			for j == i || j < len(rs) && unicode.IsLetter(rs[j]) && !isHanNumeral(rs[j]) {
				j++
			}
			if n, end, ok := readWordNumber(rs, i); ok {
				out = append(out, n)
				i = end
				continue
			}
			i = j
		default:
			i++
		}
	}
	return out
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// hanDigits are the Han numerals Japanese and Chinese write small numbers,
// ordinals and dates in (三个家庭, 第三週, 二十七人, 二〇二四年); 〇 and 零
// are zero.
var hanDigits = map[rune]float64{'一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5,
	'六': 6, '七': 7, '八': 8, '九': 9}

func isHanNumeral(r rune) bool {
	return hanDigits[r] > 0 || r == '〇' || r == '零' || koSmall[r] > 0 && r > 0x3000 || koLarge[r] > 0 && r > 0x3000
}

// readHanNumber reads a number written in Han numerals: with units
// (二十七, 三千五百, 一万二千) or digit by digit (二〇二四). Only a
// translation's numbers are read this way; a number in words in the source
// holds the translation to nothing.
func readHanNumber(rs []rune, i int) (number, int) {
	j := i
	for j < len(rs) && isHanNumeral(rs[j]) {
		j++
	}
	total, section, digit, positional, units := 0.0, 0.0, 0.0, 0.0, false
	for _, r := range rs[i:j] {
		switch {
		case hanDigits[r] > 0 || r == '〇' || r == '零':
			digit = hanDigits[r]
			positional = positional*10 + digit
		case koSmall[r] > 0:
			if digit == 0 {
				digit = 1
			}
			section += digit * koSmall[r]
			digit, units = 0, true
		default:
			total += (section + digit) * koLarge[r]
			section, digit, units = 0, 0, true
		}
	}
	v := total + section + digit
	if !units {
		v = positional
	}
	return number{value: v, text: string(rs[i:j])}, j
}

// readDigits reads 1,234.5 at rs[i]: grouping commas only before three
// digits, a decimal point only before a digit (2024. 5. is a date).
func readDigits(rs []rune, i int) (digits string, value float64, end int) {
	var b strings.Builder
	j := i
	for j < len(rs) {
		switch {
		case isDigit(rs[j]):
			b.WriteRune(rs[j])
			j++
			continue
		case rs[j] == ',' && threeDigits(rs, j+1):
			j++
			continue
		case rs[j] == '.' && j+1 < len(rs) && isDigit(rs[j+1]) && !strings.Contains(b.String(), "."):
			b.WriteRune('.')
			j++
			continue
		}
		break
	}
	digits = b.String()
	value, _ = strconv.ParseFloat(digits, 64)
	return digits, value, j
}

// threeDigits reports whether rs[i:] starts with exactly three digits.
func threeDigits(rs []rune, i int) bool {
	if i+3 > len(rs) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !isDigit(rs[k]) {
			return false
		}
	}
	return i+3 == len(rs) || !isDigit(rs[i+3])
}

var (
	// Korean units, and the Han ones Japanese and Chinese write (1億5千万).
	koSmall = map[rune]float64{'십': 10, '백': 100, '천': 1000, '十': 10, '百': 100, '千': 1000}
	koLarge = map[rune]float64{'만': 1e4, '억': 1e8, '조': 1e12, '万': 1e4, '萬': 1e4, '億': 1e8, '亿': 1e8, '兆': 1e12}
	enScale = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
)

// readDigitNumber reads a number that starts with a digit, with the units
// that follow it: Korean 천/만/억 groups (1억 2천만), or English scale words
// (1.5 million).
func readDigitNumber(rs []rune, i int) (number, int) {
	digits, v, j := readDigits(rs, i)
	total, lastLarge := 0.0, math.Inf(1)
	for {
		term := v
		if j < len(rs) && koSmall[rs[j]] > 0 {
			term *= koSmall[rs[j]]
			j++
		}
		large := 0.0
		if j < len(rs) && koLarge[rs[j]] > 0 && koLarge[rs[j]] < lastLarge {
			large = koLarge[rs[j]]
			j++
		}
		if large == 0 {
			total += term
			break
		}
		total += term * large
		lastLarge = large
		// 2만 5천: another group of a smaller unit may follow.
		k := j
		if k < len(rs) && rs[k] == ' ' {
			k++
		}
		if k >= len(rs) || !isDigit(rs[k]) {
			break
		}
		_, v2, k2 := readDigits(rs, k)
		if k2 >= len(rs) || (koSmall[rs[k2]] == 0 && koLarge[rs[k2]] == 0) {
			break
		}
		v, j = v2, k2
	}
	// 1.5 million, 3 hundred thousand.
	for {
		k := j
		for k < len(rs) && rs[k] == ' ' {
			k++
		}
		w, end := wordAt(rs, k)
		if enScale[w] == 0 {
			break
		}
		total *= enScale[w]
		j = end
	}
	return number{value: total, digits: digits, text: strings.TrimSpace(string(rs[i:j]))}, j
}

// wordAt returns the lower-case letters starting at rs[i].
func wordAt(rs []rune, i int) (string, int) {
	j := i
	for j < len(rs) && unicode.IsLetter(rs[j]) {
		j++
	}
	return strings.ToLower(string(rs[i:j])), j
}

var enWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30,
	"firstly": 1, "secondly": 2, "thirdly": 3, "once": 1, "twice": 2, "thrice": 3,
	"single": 1, "both": 2, "couple": 2, "pair": 2, "dozen": 12,
	// 30대 is "in their thirties".
	"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
	"eighties": 80, "nineties": 90,
}

// months are written with a capital in English, which keeps the modal
// "may" out.
var months = map[string]float64{
	"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
	"August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
	"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
	"Oct": 10, "Nov": 11, "Dec": 12,
}

// Korean native numerals as they begin an ordinal: 첫째, 둘째, 셋째, 첫 번째, 두 번째.
var koNative = []struct {
	word  string
	value float64
}{
	{"다섯", 5}, {"여섯", 6}, {"일곱", 7}, {"여덟", 8}, {"아홉", 9},
	{"첫", 1}, {"둘", 2}, {"두", 2}, {"셋", 3}, {"세", 3}, {"넷", 4}, {"네", 4}, {"열", 10},
}

// readWordNumber reads a number written in words at the start of a word:
// English (twenty-five, one hundred, third), a month name, or a Korean
// ordinal.
func readWordNumber(rs []rune, i int) (number, int, bool) {
	w, end := wordAt(rs, i)
	if v, ok := months[string(rs[i:end])]; ok {
		return number{value: v, text: string(rs[i:end])}, end, true
	}
	if v, n, ok := koOrdinal(rs, i); ok {
		return number{value: v, text: string(rs[i : i+n]), ordinal: true}, i + n, true
	}
	if _, ok := enWords[w]; !ok {
		return number{}, 0, false
	}
	total, current, j := 0.0, 0.0, i
	for {
		w, e := wordAt(rs, j)
		switch {
		case enWords[w] > 0 || w == "zero":
			current += enWords[w]
		case w == "hundred" && j > i:
			current *= 100
		case enScale[w] > 0 && j > i:
			total += current * enScale[w]
			current = 0
		default:
			return number{value: total + current, text: strings.TrimSpace(string(rs[i:end]))}, end, true
		}
		end = e
		// twenty-five, one hundred and six
		j = e
		if j < len(rs) && (rs[j] == '-' || rs[j] == ' ') {
			j++
		}
		if j >= len(rs) || !unicode.IsLetter(rs[j]) {
			return number{value: total + current, text: strings.TrimSpace(string(rs[i:end]))}, end, true
		}
	}
}

// koOrdinal reads 셋째 or 세 번째 at rs[i], and returns its length in runes.
func koOrdinal(rs []rune, i int) (float64, int, bool) {
	// The longest ordinal, 여덟 번째, is six runes: looking further would
	// make a long text quadratic.
	rest := string(rs[i:min(i+6, len(rs))])
	for _, n := range koNative {
		if !strings.HasPrefix(rest, n.word) {
			continue
		}
		after := strings.TrimPrefix(rest, n.word)
		for _, suffix := range []string{"째", " 번째", "번째"} {
			if strings.HasPrefix(after, suffix) {
				return n.value, len([]rune(n.word + suffix)), true
			}
		}
	}
	return 0, 0, false
}
