package pipeline

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
)

// An id names a sentence for its whole life. A new sentence's id comes from
// its text; after that, ids travel with the sentences they name: the new
// letter is aligned with the old one (a longest common subsequence of equal
// sentences), equal sentences keep their ids, and in each stretch that
// changed, a new sentence takes the id of the most similar old one it
// replaces. So editing one sentence changes one id's text, inserting a
// paragraph renumbers nothing, and identical sentences keep distinct ids.

// known is a sentence of the previous version of the letter.
type known struct{ ID, Text string }

// assignIDs returns an id for each of texts, given the previous version.
// A long letter takes a while: it stops with ctx's error when ctx is done.
func assignIDs(ctx context.Context, old []known, texts []string) ([]string, error) {
	ids := make([]string, len(texts))
	used := map[string]bool{}
	pairs, err := lcs(ctx, old, texts)
	if err != nil {
		return nil, err
	}
	oi, ni := 0, 0
	for _, p := range append(pairs, [2]int{len(old), len(texts)}) {
		// old[oi:p[0]] was replaced by texts[ni:p[1]].
		if err := matchChanged(ctx, old[oi:p[0]], texts[ni:p[1]], ids[ni:p[1]], used); err != nil {
			return nil, err
		}
		if p[0] < len(old) {
			ids[p[1]] = old[p[0]].ID
			used[old[p[0]].ID] = true
		}
		oi, ni = p[0]+1, p[1]+1
	}
	suffix := map[string]int{}
	for i, id := range ids {
		if id == "" {
			ids[i] = freshID(texts[i], used, suffix)
		}
	}
	return ids, nil
}

// matchChanged gives each new sentence in a changed stretch the id of the
// most similar old sentence not yet taken, keeping their order, when they are
// similar enough to be an edit of it.
func matchChanged(ctx context.Context, old []known, texts []string, ids []string, used map[string]bool) error {
	next := 0
	for i, t := range texts {
		if err := ctx.Err(); err != nil {
			return err
		}
		best, bestScore := -1, 0.0
		for j := next; j < len(old); j++ {
			if used[old[j].ID] {
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
			used[old[best].ID] = true
			next = best + 1
		}
	}
	return nil
}

// freshID derives an id from text, with a suffix where the letter already
// uses it (identical sentences). suffix remembers the last suffix tried for
// each base, so that a letter with many identical sentences (a repeated
// refrain, a pasted list) does not try every suffix again for each one.
func freshID(text string, used map[string]bool, suffix map[string]int) string {
	sum := sha1.Sum([]byte(text))
	base := hex.EncodeToString(sum[:4])
	id := base
	n := max(suffix[base], 2)
	for used[id] {
		id = fmt.Sprintf("%s-%d", base, n)
		n++
	}
	suffix[base] = n
	used[id] = true
	return id
}

// lcs returns the index pairs (old, new) of a longest common subsequence of
// equal sentences.
func lcs(ctx context.Context, old []known, texts []string) ([][2]int, error) {
	n, m := len(old), len(texts)
	// Skip the common head and tail: most edits touch a few sentences.
	head := 0
	for head < n && head < m && old[head].Text == texts[head] {
		head++
	}
	tail := 0
	for tail < n-head && tail < m-head && old[n-1-tail].Text == texts[m-1-tail] {
		tail++
	}
	var pairs [][2]int
	for i := 0; i < head; i++ {
		pairs = append(pairs, [2]int{i, i})
	}
	a, b := old[head:n-tail], texts[head:m-tail]
	// table[i][j] is the LCS length of a[i:] and b[j:].
	table := make([][]int32, len(a)+1)
	for i := range table {
		table[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for j := len(b) - 1; j >= 0; j-- {
			if a[i].Text == b[j] {
				table[i][j] = table[i+1][j+1] + 1
			} else {
				table[i][j] = max(table[i+1][j], table[i][j+1])
			}
		}
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].Text == b[j]:
			pairs = append(pairs, [2]int{head + i, head + j})
			i, j = i+1, j+1
		case table[i+1][j] >= table[i][j+1]:
			i++
		default:
			j++
		}
	}
	for i := 0; i < tail; i++ {
		pairs = append(pairs, [2]int{n - tail + i, m - tail + i})
	}
	return pairs, nil
}

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
