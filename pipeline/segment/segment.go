package segment

import (
	"fmt"
	"math/bits"
	"regexp"
	"sort"
	"strings"
	"sync"
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
	// quoteASCII and quoteOther are the runes of quotes, for a quick test.
	quoteASCII [utf8.RuneSelf]bool
	quoteOther []rune
	// lastIdx, firstIdx and nextIdx map the rune before a position, the rune after it and
	// the first rune after the white space there to the rules that could apply (bitmasks).
	lastIdx, firstIdx, nextIdx runeIndex
}

// Option changes how [New] builds a [Segmenter].
type Option func(*options)

type options struct {
	noBreak []string
}

// WithNoBreak adds words after which a sentence never ends, such as abbreviations the rule
// files do not know ("Bro.", "Sis."). A word matches as a whole: "Bro." is not found in
// "Hobro." Empty strings are ignored. epistle.toml is where a user lists them.
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
	if len(user) == 0 {
		return cachedSegmenter(file)
	}
	shared, err := cachedSegmenter(file)
	if err != nil {
		return nil, err
	}
	return newSegmenter(ruleSet{
		rules:     append(user, shared.rules...),
		quotes:    shared.quotes,
		quoteSpan: shared.quoteSpan,
	}), nil
}

// compiled holds a Segmenter for each rule file, shared by every caller that adds no words of
// its own: compiling the rules takes far longer than segmenting a letter, and a Segmenter is
// never changed after New.
var compiled sync.Map // file name -> func() (*Segmenter, error)

func cachedSegmenter(file string) (*Segmenter, error) {
	build, _ := compiled.LoadOrStore(file, sync.OnceValues(func() (*Segmenter, error) {
		set, err := loadRules(file)
		if err != nil {
			return nil, err
		}
		return newSegmenter(set), nil
	}))
	return build.(func() (*Segmenter, error))()
}

func newSegmenter(set ruleSet) *Segmenter {
	s := &Segmenter{rules: set.rules, quotes: set.quotes, quoteSpan: set.quoteSpan}
	for _, q := range s.quotes {
		for _, r := range []rune{q.open, q.close} {
			if r < utf8.RuneSelf {
				s.quoteASCII[r] = true
			} else {
				s.quoteOther = append(s.quoteOther, r)
			}
		}
	}
	s.lastIdx = newRuneIndex(s.rules, func(r *rule) ([]rune, bool) { return r.last, r.lastAny })
	s.firstIdx = newRuneIndex(s.rules, func(r *rule) ([]rune, bool) { return r.first, r.firstAny })
	s.nextIdx = newRuneIndex(s.rules, func(r *rule) ([]rune, bool) { return r.next, r.nextAny })
	return s
}

// Split returns the sentences of text, one paragraph, in order. Every non-space rune of text
// is in exactly one span. Protected tags (<g1>, </g1>, <x2/>) are transparent to the rules and
// never cut: a closing or empty tag right after a sentence end stays with that sentence, an
// opening tag goes with the sentence it opens. A single newline is not a sentence end; a blank
// line always is.
func (s *Segmenter) Split(text string) []Span {
	view, tags := stripTags(text)
	view = plainSpaces(view)
	rev := reverseRunes(view)
	quoted := s.quotedSpans(view)
	var ends []int
	r2, n2 := utf8.DecodeRuneInString(view)
	for p := 0; p < len(view); {
		r1 := r2
		p += n2
		if p >= len(view) {
			break
		}
		r2, n2 = utf8.DecodeRuneInString(view[p:])
		if unicode.IsSpace(r1) {
			continue
		}
		for len(quoted) > 0 && quoted[0].end < p {
			quoted = quoted[1:]
		}
		inQuote := len(quoted) > 0 && quoted[0].start <= p
		if (unicode.IsSpace(r2) && blankLineAt(view, p, tags)) || (!inQuote && s.breaksAt(view, rev, p, r1, r2)) {
			ends = append(ends, p)
		}
	}
	return spans(text, view, tags, ends)
}

// breaksAt applies the rules at position p of view, r1 and r2 being the runes either side:
// the first rule whose before and after both match decides; if none does, no break.
func (s *Segmenter) breaksAt(view, rev string, p int, r1, r2 rune) bool {
	lm, fm := s.lastIdx.lookup(r1), s.firstIdx.lookup(r2)
	candidates := false
	for w := range lm {
		if lm[w]&fm[w] != 0 {
			candidates = true
			break
		}
	}
	if !candidates {
		return false
	}
	r3, k := r2, p
	for k < len(view) && asciiSpace(rune(view[k])) {
		k++
	}
	if k == len(view) {
		r3 = -1
	} else if k > p {
		r3, _ = utf8.DecodeRuneInString(view[k:])
	}
	nm := s.nextIdx.lookup(r3)
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
	bre, are := r.re.match()
	before := func() bool { return bre.MatchString(rev[q:min(q+r.backWin, len(rev))]) }
	after := func() bool { return are.MatchString(view[p:min(p+r.aheadWin, len(view))]) }
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

// plainSpaces returns s with every no-break space (U+00A0) and ideographic space (U+3000)
// as ASCII spaces of the same length in bytes, so that the rules, which know \s, see the
// space a writer saw, and every offset stays where it was. Word and HWP put a no-break
// space after a sentence; Korean input methods type the ideographic one.
func plainSpaces(s string) string {
	if !strings.Contains(s, "\u00a0") && !strings.Contains(s, "\u3000") {
		return s
	}
	return strings.NewReplacer("\u00a0", "  ", "\u3000", "   ").Replace(s)
}

// blankLineAt reports whether the white space starting at p holds an empty line. A line
// that held only a protected tag (a link on a line of its own: "사진은\n<x1/>\n에 있어요")
// is not empty, though the view shows none of it.
func blankLineAt(view string, p int, tags []tag) bool {
	prev := -1
	for i, r := range view[p:] {
		if !unicode.IsSpace(r) {
			return false
		}
		if r == '\n' {
			at := p + i
			if prev >= 0 && !tagBetween(tags, prev, at) {
				return true
			}
			prev = at
		}
	}
	return false
}

// tagBetween reports whether one of tags, in order of position, stood in the view after
// position from and at or before to.
func tagBetween(tags []tag, from, to int) bool {
	k := sort.Search(len(tags), func(k int) bool { return tags[k].view > from })
	return k < len(tags) && tags[k].view <= to
}

// reverseRunes returns s with its runes in reverse order (still valid UTF-8), so that a
// reversed regexp anchored at the start can test what ends at a position.
func reverseRunes(s string) string {
	b := make([]byte, len(s))
	j := len(b)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			j--
			b[j] = c
			i++
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		j -= n
		copy(b[j:j+n], s[i:i+n])
		i += n
	}
	return string(b)
}
