package eval

import (
	"sort"
	"strings"
	"unicode"
)

// ChrF is the chrF family of scores (Popović 2015, 2017) as sacreBLEU 2.x
// computes them: the F-score of character n-grams of orders 1 to
// CharOrder and word n-grams of orders 1 to WordOrder, recall weighted
// Beta times precision. [ChrFPlusPlus] is the variant `eval` reports.
type ChrF struct {
	CharOrder, WordOrder int
	Beta                 float64
	// Whitespace keeps white space inside character n-grams; sacreBLEU
	// drops it by default.
	Whitespace bool
	// EpsSmoothing averages the F-scores of every order, an order without
	// n-grams counting as almost zero (chrF++.py, NLTK); without it, as in
	// sacreBLEU's default, precision and recall are averaged over the
	// orders that have n-grams on both sides (the effective order).
	EpsSmoothing bool
}

// ChrFPlusPlus is chrF++ with sacreBLEU 2.x's defaults: character order 6,
// word order 2, beta 2, white space dropped, effective-order smoothing.
var ChrFPlusPlus = ChrF{CharOrder: 6, WordOrder: 2, Beta: 2}

// Stats are the n-gram counts of one or more sentence pairs: for each
// order, characters first, the n-grams of the hypothesis, of the reference,
// and those they share. Corpus scores add the counts of all sentences
// before computing one F-score, as sacreBLEU does.
type Stats []OrderStats

// OrderStats are the counts of one n-gram order.
type OrderStats struct{ Hyp, Ref, Match int }

// Stats counts the n-grams of one hypothesis against its reference.
func (c ChrF) Stats(hyp, ref string) Stats {
	out := make(Stats, 0, c.CharOrder+c.WordOrder)
	hc, rc := c.chars(hyp), c.chars(ref)
	hb, rb := runeStarts(hc), runeStarts(rc)
	var hg, rg []string
	for n := 1; n <= c.CharOrder; n++ {
		hg, rg = charNgrams(hg[:0], hc, hb, n), charNgrams(rg[:0], rc, rb, n)
		out = append(out, match(hg, rg))
	}
	if c.WordOrder > 0 {
		hw, rw := words(hyp), words(ref)
		for n := 1; n <= c.WordOrder; n++ {
			hg, rg = wordNgrams(hg[:0], hw, n), wordNgrams(rg[:0], rw, n)
			out = append(out, match(hg, rg))
		}
	}
	return out
}

// Add adds the counts of t to s, which may be nil.
func (s Stats) Add(t Stats) Stats {
	if s == nil {
		s = make(Stats, len(t))
	}
	for i, o := range t {
		s[i].Hyp += o.Hyp
		s[i].Ref += o.Ref
		s[i].Match += o.Match
	}
	return s
}

// Score is the F-score of the counts, between 0 and 100.
func (c ChrF) Score(s Stats) float64 {
	const eps = 1e-16
	factor := c.Beta * c.Beta
	var sum, avgPrec, avgRec float64
	effective := 0
	for _, o := range s {
		prec, rec := eps, eps
		if o.Hyp > 0 {
			prec = float64(o.Match) / float64(o.Hyp)
		}
		if o.Ref > 0 {
			rec = float64(o.Match) / float64(o.Ref)
		}
		if denom := factor*prec + rec; denom > 0 {
			sum += (1 + factor) * prec * rec / denom
		} else {
			sum += eps
		}
		if o.Hyp > 0 && o.Ref > 0 {
			avgPrec += prec
			avgRec += rec
			effective++
		}
	}
	if c.EpsSmoothing {
		return 100 * sum / float64(len(s))
	}
	if effective == 0 {
		return 0
	}
	avgPrec /= float64(effective)
	avgRec /= float64(effective)
	if avgPrec+avgRec == 0 {
		return 0
	}
	return 100 * (1 + factor) * avgPrec * avgRec / (factor*avgPrec + avgRec)
}

// Corpus is the score of sentence pairs taken together: their counts
// added, then one F-score.
func (c ChrF) Corpus(hyps, refs []string) float64 {
	var s Stats
	for i := range hyps {
		s = s.Add(c.Stats(hyps[i], refs[i]))
	}
	return c.Score(s)
}

// match counts hypothesis n-grams, reference n-grams and the hypothesis
// n-grams the reference has (each at most as often as the reference): the
// size of the intersection of the two multisets, found by sorting both. A
// hypothesis n-gram of an order the reference has none of is not counted,
// as in sacreBLEU. Both slices are sorted in place.
func match(hyp, ref []string) OrderStats {
	o := OrderStats{Hyp: len(hyp), Ref: len(ref)}
	if len(ref) == 0 {
		o.Hyp = 0
	}
	sort.Strings(hyp)
	sort.Strings(ref)
	for i, j := 0, 0; i < len(hyp) && j < len(ref); {
		switch {
		case hyp[i] < ref[j]:
			i++
		case hyp[i] > ref[j]:
			j++
		default:
			o.Match++
			i, j = i+1, j+1
		}
	}
	return o
}

// chars is the text as character n-grams see it: without white space
// unless Whitespace.
func (c ChrF) chars(s string) string {
	if c.Whitespace {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, isSpace), "")
}

// runeStarts are the byte offsets where the runes of s start, and len(s).
func runeStarts(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

// charNgrams appends the n-grams of characters of s to dst, as substrings
// of s (starts from runeStarts): no copies.
func charNgrams(dst []string, s string, starts []int, n int) []string {
	for i := 0; i+n < len(starts); i++ {
		dst = append(dst, s[starts[i]:starts[i+n]])
	}
	return dst
}

// wordNgrams appends the n-grams of words to dst, joined by a space.
func wordNgrams(dst, ws []string, n int) []string {
	if n == 1 {
		return append(dst, ws...)
	}
	for i := 0; i+n <= len(ws); i++ {
		dst = append(dst, strings.Join(ws[i:i+n], " "))
	}
	return dst
}

// words splits a sentence into words as chrF++ does: at white space, with
// one ASCII punctuation mark split off the end of a word, or else off its
// start ("(hi)" gives "(hi" and ")", as in sacreBLEU); a word of one
// character stays whole.
func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, isSpace) {
		rs := []rune(w)
		switch {
		case len(rs) == 1:
			out = append(out, w)
		case isPunct(rs[len(rs)-1]):
			out = append(out, string(rs[:len(rs)-1]), string(rs[len(rs)-1]))
		case isPunct(rs[0]):
			out = append(out, string(rs[0]), string(rs[1:]))
		default:
			out = append(out, w)
		}
	}
	return out
}

// isPunct reports whether r is ASCII punctuation (Python's
// string.punctuation, which sacreBLEU splits off words).
func isPunct(r rune) bool {
	return r < 0x80 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r)
}

// isSpace is white space as Python's str.split sees it: Go's, and the
// information separators U+001C–U+001F.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}
