package segment

import (
	"fmt"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Span is one sentence: text[Start:End], byte offsets, without surrounding white space.
type Span struct{ Start, End int }

// Segmenter splits paragraphs of one language into sentences. It is safe for concurrent use.
type Segmenter struct {
	rules     []rule
	quotes    []quotePair
	quoteSpan int
	// lastIdx and firstIdx map the rune before and the rune after a position to the set of
	// rules that could apply there (a bitmask over rules).
	lastIdx, firstIdx, nextIdx runeIndex
}

// Option changes how [New] builds a [Segmenter].
type Option func(*options)

type options struct {
	noBreak []string
}

// WithNoBreak adds words after which a sentence never ends, such as abbreviations the rule
// files do not know ("Rev.", "St.", "Gal."). A word matches as a whole: "St." is not found in
// "Past." Empty strings are ignored.
func WithNoBreak(exceptions ...string) Option {
	return func(o *options) { o.noBreak = append(o.noBreak, exceptions...) }
}

// New returns a Segmenter for lang. Korean and English have their own rules; any other
// language gets a generic set that ends sentences at . ! ? and their full-width forms
// followed by white space.
func New(lang language.Tag, opts ...Option) (*Segmenter, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	base, _ := lang.Base()
	file := "generic"
	switch base.String() {
	case "ko":
		file = "ko"
	case "en":
		file = "en"
	}
	set, err := loadRules(file)
	if err != nil {
		return nil, err
	}
	var user []rule
	for _, w := range o.noBreak {
		w = strings.TrimSpace(w)
		if w == "" {
			continue
		}
		// A user's word stands alone: it starts the text or follows a space or an opening
		// bracket or quote, so "St." does not match inside "Past.".
		r, err := compileRule(false, `(?:^|[\s\p{Ps}\p{Pi}"'])`+regexp.QuoteMeta(w), ``)
		if err != nil {
			return nil, fmt.Errorf("no-break word %q: %w", w, err)
		}
		r.source = fmt.Sprintf("no-break word %q", w)
		user = append(user, r)
	}
	s := &Segmenter{rules: append(user, set.rules...), quotes: set.quotes, quoteSpan: set.quoteSpan}
	s.lastIdx = newRuneIndex(s.rules, func(r *rule) ([]rune, bool) { return r.last, r.lastAny })
	s.firstIdx = newRuneIndex(s.rules, func(r *rule) ([]rune, bool) { return r.first, r.firstAny })
	s.nextIdx = newRuneIndex(s.rules, func(r *rule) ([]rune, bool) { return r.next, r.nextAny })
	return s, nil
}

// Split returns the sentences of text, one paragraph, in order. Every non-space rune of text
// is in exactly one span. Protected tags (<g1>, </g1>, <x2/>) are transparent to the rules and
// never cut: a closing or empty tag right after a sentence end stays with that sentence, an
// opening tag goes with the sentence it opens. A single newline is not a sentence end; a blank
// line always is.
func (s *Segmenter) Split(text string) []Span {
	view, tags := stripTags(text)
	rev := reverseRunes(view)
	quoted := s.quotedSpans(view)
	var ends []int
	for i := 0; i < len(view); {
		r1, n := utf8.DecodeRuneInString(view[i:])
		p := i + n
		if p >= len(view) {
			break
		}
		if unicode.IsSpace(r1) {
			i = p
			continue
		}
		r2, _ := utf8.DecodeRuneInString(view[p:])
		for len(quoted) > 0 && quoted[0].end < p {
			quoted = quoted[1:]
		}
		inQuote := len(quoted) > 0 && quoted[0].start <= p
		if (unicode.IsSpace(r2) && blankLineAt(view, p)) || (!inQuote && s.breaksAt(view, rev, p, r1, r2)) {
			ends = append(ends, p)
		}
		i = p
	}
	return spans(text, view, tags, ends)
}

// breaksAt applies the rules at position p of view, r1 and r2 being the runes either side:
// the first rule whose before and after both match decides; if none does, no break.
func (s *Segmenter) breaksAt(view, rev string, p int, r1, r2 rune) bool {
	r3, k := r2, p
	for k < len(view) && asciiSpace(rune(view[k])) {
		k++
	}
	if k == len(view) {
		r3 = -1
	} else if k > p {
		r3, _ = utf8.DecodeRuneInString(view[k:])
	}
	lm, fm, nm := s.lastIdx.lookup(r1), s.firstIdx.lookup(r2), s.nextIdx.lookup(r3)
	q := len(view) - p
	for w := range lm {
		m := lm[w] & fm[w] & nm[w]
		for m != 0 {
			b := bits.TrailingZeros64(m)
			m &^= 1 << b
			r := &s.rules[w*64+b]
			if r.applies(view, rev, p, q) {
				return r.brk
			}
		}
	}
	return false
}

// applies reports whether r applies at position p of view (q in rev).
func (r *rule) applies(view, rev string, p, q int) bool {
	if r.words != nil && !r.words[wordBefore(view[:p])] {
		return false
	}
	if r.nextWords != nil && !r.nextWords[wordAfter(view[p:])] {
		return false
	}
	before := func() bool { return r.before.MatchString(rev[q:min(q+r.backWin, len(rev))]) }
	after := func() bool { return r.after.MatchString(view[p:min(p+r.aheadWin, len(view))]) }
	if r.beforeFirst {
		return before() && after()
	}
	return after() && before()
}

// maxWord bounds the words that word lists are checked against.
const maxWord = 64

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordBefore returns the last word of s: letters and digits, skipping a few trailing marks
// ("Dr." gives "Dr", "필요)" gives "필요").
func wordBefore(s string) string {
	end := len(s)
	for end > 0 && len(s)-end < 8 {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if isWordRune(r) {
			break
		}
		end -= n
	}
	start := end
	for start > 0 && end-start <= maxWord {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !isWordRune(r) {
			break
		}
		start -= n
	}
	return s[start:end]
}

// wordAfter returns the first word of s after white space.
func wordAfter(s string) string {
	s = strings.TrimLeftFunc(s[:min(len(s), window)], unicode.IsSpace)
	end := 0
	for end < len(s) && end <= maxWord {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(r) {
			break
		}
		end += n
	}
	return s[:end]
}

// blankLineAt reports whether the white space starting at p holds an empty line.
func blankLineAt(view string, p int) bool {
	newlines := 0
	for _, r := range view[p:] {
		if !unicode.IsSpace(r) {
			return false
		}
		if r == '\n' {
			if newlines++; newlines == 2 {
				return true
			}
		}
	}
	return false
}

// reverseRunes returns s with its runes in reverse order (still valid UTF-8), so that a
// reversed regexp anchored at the start can test what ends at a position.
func reverseRunes(s string) string {
	b := make([]byte, len(s))
	j := len(b)
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		j -= n
		copy(b[j:], s[i:i+n])
		i += n
	}
	return string(b)
}

// runeIndex maps a rune to the bitmask of rules whose edge set holds it. The rune line is
// cut into intervals at every range boundary of every rule, so each interval has one mask.
type runeIndex struct {
	starts []rune     // interval i is [starts[i], starts[i+1])
	masks  []uint64   // words masks per interval
	words  int        // uint64 words per mask
	none   []uint64   // rules that need no rune at all: the mask for "no rune" (-1)
	ascii  [128]int32 // interval of each ASCII rune
	hangul []uint16   // interval of each Hangul syllable, when there are few enough intervals
}

func newRuneIndex(rules []rule, edge func(*rule) ([]rune, bool)) runeIndex {
	x := runeIndex{words: (len(rules) + 63) / 64, starts: []rune{0}}
	for i := range rules {
		set, _ := edge(&rules[i])
		for k := 0; k+1 < len(set); k += 2 {
			x.starts = append(x.starts, set[k], set[k+1]+1)
		}
	}
	slices.Sort(x.starts)
	x.starts = slices.Compact(x.starts)
	x.masks = make([]uint64, len(x.starts)*x.words)
	x.none = make([]uint64, x.words)
	for i := range rules {
		set, any := edge(&rules[i])
		w, bit := i/64, uint64(1)<<(i%64)
		if any {
			x.none[w] |= bit
			for k := range x.starts {
				x.masks[k*x.words+w] |= bit
			}
			continue
		}
		for k := 0; k+1 < len(set); k += 2 {
			for iv := x.interval(set[k]); iv < len(x.starts) && x.starts[iv] <= set[k+1]; iv++ {
				x.masks[iv*x.words+w] |= bit
			}
		}
	}
	for r := range x.ascii {
		x.ascii[r] = int32(x.interval(rune(r)))
	}
	// Korean text is mostly syllables: look them up directly rather than by binary search.
	if len(x.starts) <= 1<<16 {
		x.hangul = make([]uint16, hangulLast-hangulFirst+1)
		for i := range x.hangul {
			x.hangul[i] = uint16(x.interval(rune(hangulFirst + i)))
		}
	}
	return x
}

func (x *runeIndex) interval(r rune) int {
	i, found := slices.BinarySearch(x.starts, r)
	if !found {
		i--
	}
	return i
}

func (x *runeIndex) lookup(r rune) []uint64 {
	var iv int
	if r < 0 {
		return x.none
	}
	if r < 128 {
		iv = int(x.ascii[r])
	} else if r >= hangulFirst && r <= hangulLast && x.hangul != nil {
		iv = int(x.hangul[r-hangulFirst])
	} else {
		iv = x.interval(r)
	}
	return x.masks[iv*x.words : (iv+1)*x.words]
}
