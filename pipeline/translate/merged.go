package translate

// Merged sentences: a model that puts the translation of a sentence into
// its neighbour's item, and gives the sentence itself a fragment or
// nothing. Each item alone may look fine; the batch shows it.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// rendering is one sentence of a batch as merge detection sees it: the
// source the model was sent and the translation the reply gave it.
type rendering struct {
	source, translation string
	// given is false when the reply has no item for the sentence.
	given bool
}

// renderings pairs a batch's sentences with the reply's translations, in
// the batch's order.
func renderings(b []*work, translations map[string]string) []rendering {
	out := make([]rendering, len(b))
	for i, w := range b {
		t, ok := translations[w.id]
		out[i] = rendering{source: w.text, translation: t, given: ok}
	}
	return out
}

// mergedSentences reports, for each sentence of a batch in order, whether
// its translation is part of a merge with a neighbour (the sentence before
// or after it): either the translation that holds both sentences, or the
// fragment left for the other one. The evidence is either of:
//
//   - the neighbour's translation, two words or more, appears inside this
//     one, although the neighbour's source is not inside this source;
//   - this translation's share of the pair's text exceeds its source's
//     share of the pair's source by more than 0.15, and it either
//     holds the neighbour's fragment, or has more sentences than its source
//     while the neighbour's translation is missing or under half of what
//     its source warrants.
//
// What a source warrants is its length times the batch's ratio of
// translation to source length, which a merge does not change: the text
// moved, it did not vanish.
func mergedSentences(batch []rendering) []bool {
	out := make([]bool, len(batch))
	var src, tgt int
	for _, r := range batch {
		src += runes(r.source)
		if r.given {
			tgt += runes(r.translation)
		}
	}
	if src == 0 || tgt == 0 {
		return out
	}
	ratio := float64(tgt) / float64(src)
	for i, r := range batch {
		if !r.given || r.translation == "" {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(batch) {
				continue
			}
			n := batch[j]
			inside := n.given && n.translation != "" && runes(r.translation) > runes(n.translation) &&
				strings.Contains(r.translation, n.translation) && !strings.Contains(r.source, n.source)
			holds := inside && len(strings.Fields(n.translation)) >= 2
			short := !n.given || float64(runes(n.translation)) < float64(runes(n.source))*ratio/2
			skewed := share(r.translation, n.translation)-share(r.source, n.source) > 0.15
			more := sentences(r.translation) > sentences(r.source)
			if holds || skewed && (inside || short && more) {
				out[i] = true
				out[j] = out[j] || n.given
			}
		}
	}
	return out
}

// share is a's part of the length of a and b together.
func share(a, b string) float64 {
	if runes(a)+runes(b) == 0 {
		return 0
	}
	return float64(runes(a)) / float64(runes(a)+runes(b))
}

// runes counts the characters of s that are not white space.
func runes(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// sentences counts the sentences of s roughly: end marks followed by white
// space or the end, and a last sentence without one.
func sentences(s string) int {
	s = strings.TrimSpace(s)
	n := 0
	for i, r := range s {
		if !strings.ContainsRune(".!?…。！？", r) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
		if i+utf8.RuneLen(r) == len(s) || unicode.IsSpace(next) {
			n++
		}
	}
	if last, _ := utf8.DecodeLastRuneInString(s); s != "" && !strings.ContainsRune(".!?…。！？", last) {
		n++
	}
	return n
}
