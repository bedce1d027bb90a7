package pipeline

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"strconv"
)

// An id names a sentence for its whole life. A new sentence's id comes from
// its text; after that, ids travel with the sentences they name: the new
// letter is aligned with the old one (equal sentences, found as a common
// subsequence; see [align]), equal sentences keep their ids, and in each stretch that
// changed, a new sentence takes the id of the most similar old one it
// replaces. So editing one sentence changes one id's text, inserting a
// paragraph renumbers nothing, and identical sentences keep distinct ids.

// known is a sentence of the previous version of the letter.
type known struct{ ID, Text string }

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
		if err := matchChanged(ctx, old[oi:p[0]], texts[ni:p[1]], ids[ni:p[1]], used); err != nil {
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

// matchChanged gives each new sentence in a changed stretch the id of the
// most similar old sentence not yet taken, keeping their order, when they are
// similar enough to be an edit of it.
func matchChanged(ctx context.Context, old []known, texts []string, ids []string, used *idSet) error {
	next := 0
	for i, t := range texts {
		if err := ctx.Err(); err != nil {
			return err
		}
		best, bestScore := -1, 0.0
		for j := next; j < len(old); j++ {
			if used.used[old[j].ID] {
				continue
			}
			if s := similarity(old[j].Text, t); s > bestScore {
				best, bestScore = j, s
			}
		}
		// A one-to-one replacement is an edit whatever the similarity; among
		// several, only a sentence at least a third alike is.
		if best >= 0 && (bestScore >= 0.33 || len(old) == 1 && len(texts) == 1) {
			ids[i] = old[best].ID
			used.used[old[best].ID] = true
			next = best + 1
		}
	}
	return nil
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

// similarity is the Dice coefficient of the two texts' character bigrams:
// 1 for equal texts, 0 for texts that share no pair of letters.
func similarity(a, b string) float64 {
	ga, gb := bigrams(a), bigrams(b)
	if len(ga)+len(gb) == 0 {
		return 0
	}
	common := 0
	for g, n := range ga {
		common += min(n, gb[g])
	}
	total := 0
	for _, n := range ga {
		total += n
	}
	for _, n := range gb {
		total += n
	}
	return 2 * float64(common) / float64(total)
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
