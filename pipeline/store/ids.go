package store

import (
	"cmp"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
)

// An id names a sentence for its whole life. A new sentence's id comes from
// its text; after that, ids travel with the sentences they name: the new
// letter is aligned with the old one (equal sentences, found as a common
// subsequence; see [align]), equal sentences keep their ids, and in each stretch that
// changed, the most alike pairs of a new and an old sentence go first in
// handing ids on. So editing one sentence changes one id's text, inserting a
// paragraph renumbers nothing, identical sentences keep distinct ids, and a
// split undone gives the whole sentence its id back.

// known is a sentence of the previous version of the letter: its Text as
// [OneLine], and its Raw text when an earlier epistle kept it otherwise.
type known struct{ ID, Text, Raw string }

// assignIDs returns an id for each of texts, given the previous version.
// A long letter takes a while: it stops with ctx's error when ctx is done.
func assignIDs(ctx context.Context, old []known, texts []string) ([]string, error) {
	pairs, err := align(ctx, old, texts)
	if err != nil {
		return nil, err
	}
	return assignIDsAligned(ctx, old, texts, pairs)
}

// assignIDsAligned is assignIDs given the alignment, the pairs of indexes
// (into old, into texts) of equal sentences in increasing order; a test
// gives it the plain table alignment to compare the fast one against.
func assignIDsAligned(ctx context.Context, old []known, texts []string, pairs [][2]int) ([]string, error) {
	ids := make([]string, len(texts))
	used := &idSet{used: make(map[string]bool, len(texts)), next: map[string]int{}}
	oi, ni := 0, 0
	for _, p := range append(pairs, [2]int{len(old), len(texts)}) {
		// old[oi:p[0]] was replaced by texts[ni:p[1]].
		if err := matchStretch(ctx, old[oi:p[0]], texts[ni:p[1]], ids[ni:p[1]], used); err != nil {
			return nil, err
		}
		if p[0] < len(old) {
			ids[p[1]] = old[p[0]].ID
			used.used[old[p[0]].ID] = true
		}
		oi, ni = p[0]+1, p[1]+1
	}
	for i, id := range ids {
		if id == "" {
			ids[i] = freshID(texts[i], used)
		}
	}
	return ids, nil
}

// matchChanged gives texts, the sentences of a stretch that changed, the
// ids of the sentences of old they replace: the most alike pair first, then
// the most alike of the rest, and so on, ids keeping their order (a match
// never crosses one made before), where a pair is alike enough.
//
// Most alike first, not each new sentence in turn: a split leaves the id
// with the part most like the whole, and undoing it (the same parts merged
// again) gives the whole the same id back, and with it its approval; in
// turn, the first part kept the id and the merge gave the whole the id of
// the larger part, a new one.
//
// Comparing every new sentence with every old one rebuilt two bigram sets
// per pair: a letter rewritten from top to bottom is one stretch, and 2,000
// sentences took 4 s. The old sentences are indexed by bigram once, so a new
// sentence meets only the old ones it shares a bigram with.
func matchChanged(ctx context.Context, old []known, texts []string, ids []string, used *idSet) error {
	if len(old) == 0 || len(texts) == 0 {
		return nil
	}
	index := newBigramIndex(old)
	// A one-to-one replacement is an edit whatever the similarity; among
	// several, only a sentence at least a third alike is.
	threshold := 0.33
	if len(old) == 1 && len(texts) == 1 {
		threshold = math.SmallestNonzeroFloat64
	}
	var pairs []pair
	for i, t := range texts {
		if err := ctx.Err(); err != nil {
			return err
		}
		alike, total := index.alike(t)
		// Only each sentence's few most alike are kept: sentences that are
		// all alike (a long list of near repeats) would make pairs of every
		// old and every new one.
		var best []pair
		for _, a := range alike {
			if s := 2 * float64(a.common) / float64(index.totals[a.j]+total); s >= threshold && !used.used[old[a.j].ID] {
				best = keepBest(best, pair{i, a.j, s})
			}
		}
		pairs = append(pairs, best...)
	}
	slices.SortFunc(pairs, comparePairs)
	// matched holds the pairs made, by i; their j increase with i.
	var matched []pair
	for _, p := range pairs {
		k, found := slices.BinarySearchFunc(matched, p.i, func(m pair, i int) int { return m.i - i })
		if found || used.used[old[p.j].ID] ||
			k > 0 && matched[k-1].j >= p.j || k < len(matched) && matched[k].j <= p.j {
			continue
		}
		matched = slices.Insert(matched, k, p)
		ids[p.i] = old[p.j].ID
		used.used[old[p.j].ID] = true
	}
	return nil
}

// largeStretch is the most pairs of an old and a new sentence that
// matchChanged compares in one changed stretch.
//
// Finding each new sentence's most alike old ones meets every old sentence
// that shares a bigram with it, and in Korean nearly all do ("니다",
// "습니"): a stretch of n sentences costs n². A letter gone over from top
// to bottom with nothing left as it was ('니다.' -> '니다!' everywhere, and
// no heading to anchor on) is one stretch: at 10,000 sentences it took 7.5 s
// to re-segment, 10,000 near repeats 11 s.
const largeStretch = 256 * 256

// matchStretch is matchChanged for a stretch of any length. A longer one
// than largeStretch is first cut where it cannot be wrong to cut: at
// anchors, pairs of an old and a new sentence that share a word no other
// sentence of the stretch has and are at least half alike ([wordAnchors]).
// An anchor keeps its id, and each piece between anchors is matched the
// same way, until it is short enough for matchChanged. A stretch with no
// anchor at all (near repeats with no word of their own) is cut in half.
// It stops with ctx's error when ctx is done.
func matchStretch(ctx context.Context, old []known, texts []string, ids []string, used *idSet) error {
	if len(old)*len(texts) <= largeStretch {
		return matchChanged(ctx, old, texts, ids, used)
	}
	anchors, err := wordAnchors(ctx, old, texts)
	if err != nil {
		return err
	}
	if len(anchors) == 0 {
		mo, mn := len(old)/2, len(texts)/2
		if err := matchStretch(ctx, old[:mo], texts[:mn], ids[:mn], used); err != nil {
			return err
		}
		return matchStretch(ctx, old[mo:], texts[mn:], ids[mn:], used)
	}
	j, i := 0, 0
	for _, a := range anchors {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := matchStretch(ctx, old[j:a[0]], texts[i:a[1]], ids[i:a[1]], used); err != nil {
			return err
		}
		if id := old[a[0]].ID; !used.used[id] {
			ids[a[1]] = id
			used.used[id] = true
		}
		j, i = a[0]+1, a[1]+1
	}
	return matchStretch(ctx, old[j:], texts[i:], ids[i:], used)
}

// anchorAlike is how alike the two sentences of an anchor must be.
const anchorAlike = 0.5

// wordAnchors returns pairs (j, i) of an old sentence and a new one that
// share a word (as strings.Fields splits them) found once among the old
// sentences and once among the new, and are at least anchorAlike alike:
// the longest chain of them increasing on both sides, as [uniqueAnchors]
// for whole sentences.
func wordAnchors(ctx context.Context, old []known, texts []string) ([][2]int, error) {
	cands := foundOnceEach(len(old), len(texts),
		func(j int) iter.Seq[string] { return strings.FieldsSeq(old[j].Text) },
		func(i int) iter.Seq[string] { return strings.FieldsSeq(texts[i]) })
	// By old sentence, and of one old sentence's the later new one first,
	// so that a chain increasing in the new takes one of them at most.
	slices.SortFunc(cands, func(x, y [2]int) int { return cmp.Or(x[0]-y[0], y[1]-x[1]) })
	cands = slices.Compact(cands)
	chain := increasingChain(cands)
	out := chain[:0]
	for _, c := range chain {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if dice(old[c[0]].Text, texts[c[1]]) >= anchorAlike {
			out = append(out, c)
		}
	}
	return out, nil
}

// dice is how alike two sentences are: the bigrams they share, repeats
// counted up to the fewer of the two, over the bigrams of both halved.
func dice(a, b string) float64 {
	ga, gb := bigrams(a), bigrams(b)
	common, total := 0, 0
	for g, n := range ga {
		common += min(n, gb[g])
		total += n
	}
	for _, n := range gb {
		total += n
	}
	if total == 0 {
		return 0
	}
	return 2 * float64(common) / float64(total)
}

// pair is a new sentence i, an old one j, and how alike they are.
type pair struct {
	i, j  int
	score float64
}

// comparePairs orders pairs the most alike first, then by position.
func comparePairs(a, b pair) int {
	if c := cmp.Compare(b.score, a.score); c != 0 {
		return c
	}
	return cmp.Or(a.i-b.i, a.j-b.j)
}

// keptPairs is how many of its most alike old sentences a new sentence of
// a changed stretch may take the id of.
const keptPairs = 4

// keepBest adds p to best, the keptPairs most alike pairs so far in order.
func keepBest(best []pair, p pair) []pair {
	k, _ := slices.BinarySearchFunc(best, p, comparePairs)
	if k == keptPairs {
		return best
	}
	if len(best) == keptPairs {
		best = best[:keptPairs-1]
	}
	return slices.Insert(best, k, p)
}

// idSet is the ids a letter uses, and for each text's id where to look for
// the next free suffix.
type idSet struct {
	used map[string]bool
	// next is, by base id, the smallest suffix not yet found taken: ids are
	// only ever added, so every suffix below it is still taken, and a text
	// repeated k times costs k probes in all, not k²/2.
	next map[string]int
}

// freshID derives an id from text, with the smallest suffix from -2 up that
// the letter does not use where it already uses the plain id (identical
// sentences).
func freshID(text string, ids *idSet) string {
	sum := sha1.Sum([]byte(text))
	base := hex.EncodeToString(sum[:4])
	id := base
	if ids.used[id] {
		n := max(2, ids.next[base])
		for ids.used[suffixed(base, n)] {
			n++
		}
		id = suffixed(base, n)
		ids.next[base] = n + 1
	}
	ids.used[id] = true
	return id
}

func suffixed(base string, n int) string { return base + "-" + strconv.Itoa(n) }

// bigramIndex finds the old sentences that share bigrams with a new one,
// without comparing every old sentence with every new one.
type bigramIndex struct {
	postings map[[2]rune][]posting
	// totals are the bigrams of each old sentence, counted with repeats.
	totals []int
	// common, touched and out are scratch for alike, reused by every call.
	common, touched []int
	out             []shared
}

type posting struct{ j, n int }

// shared is an old sentence j and the bigrams a new one shares with it.
type shared struct{ j, common int }

func newBigramIndex(old []known) *bigramIndex {
	x := &bigramIndex{
		postings: map[[2]rune][]posting{},
		totals:   make([]int, len(old)),
		common:   make([]int, len(old)),
	}
	for j, o := range old {
		for g, n := range bigrams(o.Text) {
			x.postings[g] = append(x.postings[g], posting{j, n})
			x.totals[j] += n
		}
	}
	return x
}

// alike returns the old sentences that share a bigram with text, each with
// the bigrams they share (repeats counted up to the fewer of the two), and
// the bigrams of text. The slice is reused by the next call.
func (x *bigramIndex) alike(text string) ([]shared, int) {
	total := 0
	for g, n := range bigrams(text) {
		total += n
		for _, p := range x.postings[g] {
			if x.common[p.j] == 0 {
				x.touched = append(x.touched, p.j)
			}
			x.common[p.j] += min(n, p.n)
		}
	}
	x.out = x.out[:0]
	for _, j := range x.touched {
		x.out = append(x.out, shared{j, x.common[j]})
		x.common[j] = 0
	}
	x.touched = x.touched[:0]
	return x.out, total
}

func bigrams(s string) map[[2]rune]int {
	out := map[[2]rune]int{}
	var prev rune = -1
	for _, r := range s {
		if prev >= 0 {
			out[[2]rune{prev, r}]++
		}
		prev = r
	}
	return out
}
