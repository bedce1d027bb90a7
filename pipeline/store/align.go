package store

import (
	"context"
	"iter"
	"slices"
	"sort"
)

// align returns the index pairs (old, new) of a common subsequence of equal
// sentences, in order, in time and memory linear in the letter for the
// edits a letter gets. The common head and tail are matched first; in what
// is left, sentences found exactly once on each side anchor the alignment
// (the longest run of them in the same order, as patience diff does), and
// each stretch between anchors is aligned the same way in turn. A stretch
// with no anchor left (repeated sentences only) gets a longest common
// subsequence by Hirschberg's algorithm, in linear space.
//
// Where the letter's sentences differ from each other this is a longest
// common subsequence, the alignment the ids always had; an edit at both ends
// of a long letter no longer costs a table of every old sentence by every
// new one.
//
// A long letter takes a while: it stops with ctx's error when ctx is done.
func align(ctx context.Context, old []known, texts []string) ([][2]int, error) {
	// Sentences as numbers: comparing them is then one instruction.
	codes := make(map[string]int32, len(texts))
	code := func(s string) int32 {
		c, ok := codes[s]
		if !ok {
			c = int32(len(codes))
			codes[s] = c
		}
		return c
	}
	a := make([]int32, len(old))
	for i, k := range old {
		a[i] = code(k.Text)
	}
	b := make([]int32, len(texts))
	for j, t := range texts {
		b[j] = code(t)
	}
	al := &aligner{ctx: ctx}
	al.span(a, b, 0, 0)
	return al.pairs, al.err
}

// aligner collects the pairs of an alignment, or the error that stopped it.
type aligner struct {
	ctx   context.Context
	pairs [][2]int
	err   error
}

// stopped reports whether the alignment is to stop, asking ctx.
func (al *aligner) stopped() bool {
	if al.err == nil {
		al.err = al.ctx.Err()
	}
	return al.err != nil
}

// span appends the alignment of a and b, which start at ao and bo in the
// whole letters.
func (al *aligner) span(a, b []int32, ao, bo int) {
	if al.stopped() {
		return
	}
	pairs := &al.pairs
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		*pairs = append(*pairs, [2]int{ao, bo})
		a, b, ao, bo = a[1:], b[1:], ao+1, bo+1
	}
	tail := 0
	for tail < len(a) && tail < len(b) && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	a, b = a[:len(a)-tail], b[:len(b)-tail]
	if len(a) > 0 && len(b) > 0 {
		anchors := uniqueAnchors(a, b)
		if len(anchors) == 0 {
			al.repeated(a, b, ao, bo)
		} else {
			i, j := 0, 0
			for _, an := range anchors {
				al.span(a[i:an[0]], b[j:an[1]], ao+i, bo+j)
				*pairs = append(*pairs, [2]int{ao + an[0], bo + an[1]})
				i, j = an[0]+1, an[1]+1
			}
			al.span(a[i:], b[j:], ao+i, bo+j)
		}
	}
	for k := range tail {
		*pairs = append(*pairs, [2]int{ao + len(a) + k, bo + len(b) + k})
	}
}

// uniqueAnchors returns the pairs (i, j) of sentences found once in a and
// once in b with a[i] == b[j], the longest chain of them increasing on both
// sides.
func uniqueAnchors(a, b []int32) [][2]int {
	cands := foundOnceEach(len(a), len(b),
		func(i int) iter.Seq[int32] { return one(a[i]) },
		func(j int) iter.Seq[int32] { return one(b[j]) })
	slices.SortFunc(cands, func(x, y [2]int) int { return x[0] - y[0] })
	return increasingChain(cands)
}

// foundOnceEach returns, for every key that occurs exactly once among the
// keys of a's na items and exactly once among those of b's nb, the pair
// (i, j) of the items it occurs in, in no particular order.
func foundOnceEach[K comparable](na, nb int, keysA, keysB func(int) iter.Seq[K]) [][2]int {
	type seen struct{ na, nb, i, j int }
	count := map[K]*seen{}
	for i := range na {
		for k := range keysA(i) {
			s := count[k]
			if s == nil {
				s = &seen{}
				count[k] = s
			}
			s.na++
			s.i = i
		}
	}
	for j := range nb {
		for k := range keysB(j) {
			if s := count[k]; s != nil {
				s.nb++
				s.j = j
			}
		}
	}
	var pairs [][2]int
	for _, s := range count {
		if s.na == 1 && s.nb == 1 {
			pairs = append(pairs, [2]int{s.i, s.j})
		}
	}
	return pairs
}

func one[K any](k K) iter.Seq[K] { return func(yield func(K) bool) { yield(k) } }

// increasingChain returns the longest chain of cands, which are in
// increasing order of their first, increasing in their second too.
func increasingChain(cands [][2]int) [][2]int {
	if len(cands) == 0 {
		return nil
	}
	// Longest increasing subsequence of j, by patience sorting: tops[k] is
	// the candidate ending the best chain of length k+1 found so far.
	var tops []int
	prev := make([]int, len(cands))
	for c, p := range cands {
		k := sort.Search(len(tops), func(k int) bool { return cands[tops[k]][1] >= p[1] })
		prev[c] = -1
		if k > 0 {
			prev[c] = tops[k-1]
		}
		if k == len(tops) {
			tops = append(tops, c)
		} else {
			tops[k] = c
		}
	}
	chain := make([][2]int, len(tops))
	for k, c := len(tops)-1, tops[len(tops)-1]; k >= 0; k, c = k-1, prev[c] {
		chain[k] = cands[c]
	}
	return chain
}

// repeated appends a longest common subsequence of a and b, which start at
// ao and bo, where no sentence is found once on each side. A sentence found
// on one side only is in no common subsequence, so the table is built over
// the others alone: a letter gone over from top to bottom, with no
// sentence left as it was, is no table at all (10,000 sentences by 10,000
// took 0.4 s).
func (al *aligner) repeated(a, b []int32, ao, bo int) {
	ka, kb := onBothSides(a, b)
	if len(ka) == 0 {
		return
	}
	ca, cb := make([]int32, len(ka)), make([]int32, len(kb))
	for k, i := range ka {
		ca[k] = a[i]
	}
	for k, j := range kb {
		cb[k] = b[j]
	}
	start := len(al.pairs)
	al.hirschberg(ca, cb, 0, 0)
	for k := start; k < len(al.pairs); k++ {
		p := al.pairs[k]
		al.pairs[k] = [2]int{ao + ka[p[0]], bo + kb[p[1]]}
	}
}

// onBothSides returns the indexes of the sentences of a found in b, and of
// those of b found in a.
func onBothSides(a, b []int32) (ka, kb []int) {
	inB := make(map[int32]bool, len(b))
	for _, c := range b {
		inB[c] = true
	}
	inA := make(map[int32]bool, len(a))
	for i, c := range a {
		if inB[c] {
			ka = append(ka, i)
			inA[c] = true
		}
	}
	for j, c := range b {
		if inA[c] {
			kb = append(kb, j)
		}
	}
	return ka, kb
}

// hirschberg appends a longest common subsequence of a and b, which start
// at ao and bo, in O(len(a)·len(b)) time and O(len(b)) memory.
func (al *aligner) hirschberg(a, b []int32, ao, bo int) {
	pairs := &al.pairs
	switch {
	case al.stopped():
		return
	case len(a) == 0 || len(b) == 0:
		return
	case len(a) == 1:
		if j := slices.Index(b, a[0]); j >= 0 {
			*pairs = append(*pairs, [2]int{ao, bo + j})
		}
		return
	}
	mid := len(a) / 2
	// fwd[j] is the LCS length of a[:mid] and b[:j]; bwd[j] of a[mid:] and
	// b[j:]. The split point is where their sum is largest.
	fwd := lcsLengths(a[:mid], b, false)
	bwd := lcsLengths(a[mid:], b, true)
	split, best := 0, int32(-1)
	for j := range fwd {
		if s := fwd[j] + bwd[j]; s > best {
			split, best = j, s
		}
	}
	al.hirschberg(a[:mid], b[:split], ao, bo)
	al.hirschberg(a[mid:], b[split:], ao+mid, bo+split)
}

// lcsLengths returns, for each j from 0 to len(b), the LCS length of a and
// b[:j] (or, reversed, of a and b[j:]), keeping two rows of the table.
func lcsLengths(a, b []int32, reversed bool) []int32 {
	row := make([]int32, len(b)+1)
	prev := make([]int32, len(b)+1)
	for i := range a {
		x := a[i]
		if reversed {
			x = a[len(a)-1-i]
		}
		prev, row = row, prev
		if !reversed {
			row[0] = 0
			for j := 1; j <= len(b); j++ {
				if b[j-1] == x {
					row[j] = prev[j-1] + 1
				} else {
					row[j] = max(prev[j], row[j-1])
				}
			}
			continue
		}
		row[len(b)] = 0
		for j := len(b) - 1; j >= 0; j-- {
			if b[j] == x {
				row[j] = prev[j+1] + 1
			} else {
				row[j] = max(prev[j], row[j+1])
			}
		}
	}
	return row
}
