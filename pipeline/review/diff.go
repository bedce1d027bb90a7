package review

import (
	"unicode"

	"golang.org/x/text/language"
)

// Op says what an edit does to a piece of text.
type Op string

// The ops of a diff.
const (
	Equal  Op = "="
	Delete Op = "-"
	Insert Op = "+"
)

// Edit is one piece of a diff: text kept, deleted from the old side or
// inserted from the new.
type Edit struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// Diff returns the edits that turn old into new. Korean is compared
// character by character, because a pastor's edit often changes one
// syllable or particle inside a word (안전을 → 건강을); other languages word
// by word, which is how a reader sees an English edit. Consecutive edits of
// the same kind are merged.
//
// The texts are sentences, a few hundred characters at most, so a plain
// longest-common-subsequence table is fast enough and needs no library.
func Diff(old, new string, lang language.Tag) []Edit {
	split := words
	if b, _ := lang.Base(); b.String() == "ko" {
		split = chars
	}
	a, b := split(old), split(new)
	// lcs[i][j] is the length of the longest common subsequence of a[i:]
	// and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []Edit
	add := func(op Op, s string) {
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += s
			return
		}
		out = append(out, Edit{Op: op, Text: s})
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			add(Equal, a[i])
			i++
			j++
		// Deletions come before insertions, as a reader expects: the old
		// words, then what replaced them.
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			add(Delete, a[i])
			i++
		default:
			add(Insert, b[j])
			j++
		}
	}
	return out
}

func chars(s string) []string {
	var out []string
	for _, r := range s {
		out = append(out, string(r))
	}
	return out
}

// words splits s into words and the runs of space and punctuation between
// them, so that joining the pieces gives s back.
func words(s string) []string {
	var out []string
	start := 0
	kind := -1
	for i, r := range s {
		k := 0
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' {
			k = 1
		}
		if k != kind || k == 0 {
			if i > start {
				out = append(out, s[start:i])
			}
			start, kind = i, k
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// Distance is the edit distance between a machine translation and the
// text a person approved: the number of characters inserted, deleted or
// replaced (Levenshtein, by Unicode code point). 0 means approved as the
// machine wrote it.
func Distance(a, b string) int {
	if a == b {
		return 0 // most approvals take the machine's text as it is
	}
	ra, rb := []rune(a), []rune(b)
	// A common start and end cost nothing: the table covers what differs.
	for len(ra) > 0 && len(rb) > 0 && ra[0] == rb[0] {
		ra, rb = ra[1:], rb[1:]
	}
	for len(ra) > 0 && len(rb) > 0 && ra[len(ra)-1] == rb[len(rb)-1] {
		ra, rb = ra[:len(ra)-1], rb[:len(rb)-1]
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
