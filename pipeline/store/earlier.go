package store

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
)

// When the pastor merges two sentences into one, the merged sentence takes
// the id of one of them; when one sentence is split, one part keeps its
// id. Either way an approved translation sits under an id the reviewer of
// the new sentence would not see. earlier.json keeps, by sentence id, the
// ids of the other sentences of the earlier version whose words it took
// over, so that review shows their translations beside it.

// earlierName is the file in NAME.epistle that records merges and splits.
const earlierName = "earlier.json"

// relate returns, by new sentence id, the old sentences of each changed
// stretch that the new one merged or split off from: those a good part of
// whose words (or of its own) the two share, other than the one whose id
// it took. pairs is the alignment of old and texts, and ids the ids given.
// Old sentences are indexed by bigram once per stretch, as in
// [matchChanged], so a long rewritten letter stays linear in practice.
func relate(old []known, texts, ids []string, pairs [][2]int) map[string][]string {
	out := map[string][]string{}
	oi, ni := 0, 0
	for _, p := range append(pairs, [2]int{len(old), len(texts)}) {
		olds, news := old[oi:p[0]], texts[ni:p[1]]
		if n := len(olds) + len(news); len(olds) > 0 && len(news) > 0 && n > 2 && n <= maxRelated {
			relateStretch(olds, news, ids[ni:p[1]], out)
		}
		oi, ni = p[0]+1, p[1]+1
	}
	return out
}

// maxRelated is the longest changed stretch (old and new sentences
// together) searched for merges and splits. A merge or a split is a local
// edit; a longer stretch is a rewrite, where the earlier translations of
// its many sentences would be noise to the reviewer, and comparing them
// all would cost a rewritten long letter seconds.
const maxRelated = 24

// A shared part is at least minShared bigrams and at least shareOf of
// the shorter sentence: "감사합니다" in a long new sentence is no merge.
const (
	minShared = 4
	shareOf   = 0.6
)

func relateStretch(old []known, texts, ids []string, out map[string][]string) {
	index := newBigramIndex(old)
	for i, t := range texts {
		alike, total := index.alike(t)
		slices.SortFunc(alike, func(a, b shared) int { return a.j - b.j })
		for _, a := range alike {
			if old[a.j].ID != ids[i] && a.common >= minShared && float64(a.common) >= shareOf*float64(min(index.totals[a.j], total)) {
				out[ids[i]] = append(out[ids[i]], old[a.j].ID)
			}
		}
	}
}

// Earlier returns the ids of the sentences of an earlier version of the
// letter that sentence id merged or split off from, other than its own.
func (l *Letter) Earlier(id string) []string { return l.earlier[id] }

// keepEarlier records the merges and splits found now with those recorded
// before for sentences the letter still has, and writes earlier.json when
// that changed.
func (l *Letter) keepEarlier(found map[string][]string) {
	path := filepath.Join(l.Dir, earlierName)
	before := map[string][]string{}
	data, err := os.ReadFile(path)
	if err == nil && json.Unmarshal(data, &before) != nil {
		before = map[string][]string{} // an unreadable record is rebuilt
	}
	l.earlier = map[string][]string{}
	for id, olds := range before {
		if l.SourceCatalog.Get(id) != nil {
			l.earlier[id] = olds
		}
	}
	for id, olds := range found {
		for _, o := range olds {
			if !slices.Contains(l.earlier[id], o) {
				l.earlier[id] = append(l.earlier[id], o)
			}
		}
	}
	if maps.EqualFunc(before, l.earlier, slices.Equal) && (err == nil || len(l.earlier) == 0) {
		return
	}
	out, _ := json.MarshalIndent(l.earlier, "", "  ")
	l.pending = append(l.pending, File{Path: path, Data: append(out, '\n')})
}
