// Package memory translates from a translation memory: sentence pairs that
// were translated before, such as last year's letters and their published
// English. It needs no network and no key, so it is the backend of the
// README's demonstration and of offline work.
//
// A segment whose text is in the memory — after Unicode NFC normalisation
// and with runs of white space counted as one space — gets the stored
// translation. Otherwise the most similar stored sentence is looked for: the
// similarity of two sentences is 1 − (edit distance ÷ length of the longer),
// counted in characters (a Hangul syllable is one), and a match of at least
// 75% gives its translation (a fuzzy match). A memory sentence is used only
// if it has the same protected tags and placeholders as the segment,
// because a translation cannot gain tags it never had; a segment with no
// match is left out of the response, never invented.
//
// [Translator.Fuzzy] offers the same search for another use: the pipeline
// shows an LLM the nearest approved translations as examples.
package memory

import (
	"context"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// DefaultMinScore is the least similarity of a fuzzy match.
const DefaultMinScore = 0.75

// Option configures a [Translator].
type Option func(*Translator)

// MinScore sets the least similarity, between 0 and 1, of a fuzzy match;
// 1 allows exact matches only.
func MinScore(score float64) Option {
	return func(t *Translator) { t.minScore = score }
}

// Hide leaves out every pair whose translation is one of targets (compared
// as sources are, after normalisation, and with the protected tags and
// private-name placeholders set aside): `epistle eval` scores a letter
// against its approved translations, and the memory must neither reuse nor
// show them, wherever they come from (the letter's own catalog, another
// letter's, a TM file). A TMX epistle exported keeps a private name as a
// placeholder numbered in that letter's order (<n1/>), so a target given
// here with its names redacted hides that pair too, whatever the numbers.
func Hide(targets ...string) Option {
	return func(t *Translator) {
		if t.hidden == nil {
			t.hidden = map[string]bool{}
		}
		for _, s := range targets {
			t.hidden[hideKey(s)] = true
		}
	}
}

// hideKey is a translation as Hide compares it: normalised, without tags
// or placeholders.
func hideKey(text string) string { return stripTags(normalize(text)) }

// Translator is a [translate.Translator] that looks segments up in a
// translation memory. It is safe for concurrent use.
type Translator struct {
	minScore float64
	// hidden are the normalised translations Hide leaves out.
	hidden map[string]bool
	// exact maps a normalised source to its entry.
	exact map[string]*entry
	// entries are sorted by the length of their text without tags, so that
	// only sentences of a possible length are compared.
	entries []entry
}

// An entry is a memory sentence prepared for search.
type entry struct {
	translate.Example
	key  string // normalised source
	text []rune // normalised, tags removed
	bag  []rune // text's runes sorted, for a cheap lower bound of the distance
	tags string // the tags, sorted, as one string
}

// New returns a translator over the sentence pairs. Where the same source
// sentence occurs more than once the first pair wins.
func New(pairs []translate.Example, opts ...Option) *Translator {
	t := &Translator{minScore: DefaultMinScore, exact: make(map[string]*entry, len(pairs))}
	for _, o := range opts {
		o(t)
	}
	seen := make(map[string]bool, len(pairs))
	for _, p := range pairs {
		key := normalize(p.Source)
		if seen[key] || key == "" || t.hidden[hideKey(p.Target)] {
			continue
		}
		seen[key] = true
		t.entries = append(t.entries, newEntry(p, key))
	}
	sort.SliceStable(t.entries, func(i, j int) bool { return len(t.entries[i].text) < len(t.entries[j].text) })
	for i := range t.entries {
		t.exact[t.entries[i].key] = &t.entries[i]
	}
	return t
}

func newEntry(p translate.Example, key string) entry {
	text := []rune(stripTags(key))
	bag := slices.Clone(text)
	slices.Sort(bag)
	return entry{Example: p, key: key, text: text, bag: bag, tags: tagSignature(key)}
}

// Translate looks every unit up; units without a match are absent from the
// response. It makes no requests.
func (t *Translator) Translate(ctx context.Context, req *translate.Request) (*translate.Response, error) {
	resp := &translate.Response{Translations: map[string]string{}}
	for _, u := range req.Units {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		key := normalize(u.Text)
		if e, ok := t.exact[key]; ok {
			resp.Translations[u.ID] = e.Target
			continue
		}
		sig := tagSignature(key)
		if e, _, ok := t.best(key, &sig); ok {
			resp.Translations[u.ID] = e.Target
		}
	}
	return resp, nil
}

// Fuzzy returns the memory's pair whose source is most like text, ignoring
// tags, and its similarity from 0 to 1, if that is at least the translator's
// least score.
func (t *Translator) Fuzzy(text string) (translate.Example, float64, bool) {
	key := normalize(text)
	if e, ok := t.exact[key]; ok {
		return e.Example, 1, true
	}
	e, score, ok := t.best(key, nil)
	if !ok {
		return translate.Example{}, 0, false
	}
	return e.Example, score, true
}

// best finds the entry most similar to the normalised text key, among those
// with the tag signature *sig when sig is not nil.
func (t *Translator) best(key string, sig *string) (entry, float64, bool) {
	query := []rune(stripTags(key))
	n := len(query)
	if n == 0 || t.minScore >= 1 {
		return entry{}, 0, false
	}
	bag := slices.Clone(query)
	slices.Sort(bag)
	// similarity >= m needs |n - len| <= (1-m)·max(n, len), that is
	// m·n <= len <= n/m.
	lo := sort.Search(len(t.entries), func(i int) bool { return float64(len(t.entries[i].text)) >= t.minScore*float64(n) })
	var (
		bestEntry *entry
		bestScore = t.minScore
		found     bool
	)
	for i := lo; i < len(t.entries); i++ {
		e := &t.entries[i]
		m := len(e.text)
		if float64(m)*t.minScore > float64(n) {
			break
		}
		if sig != nil && e.tags != *sig {
			continue
		}
		longer := max(n, m)
		// The most edits that still reach the least score or, once a match
		// is found, strictly beat it. The epsilons absorb the rounding of
		// scores like 0.8, whose complement is not exact in binary.
		allowed := (1 - bestScore) * float64(longer)
		limit := int(allowed + 1e-9)
		if found {
			limit = int(math.Ceil(allowed-1e-9)) - 1
		}
		if limit < 0 || bagDistance(bag, e.bag, limit) > limit {
			continue
		}
		d := levenshtein(query, e.text, limit)
		if d > limit {
			continue
		}
		bestEntry, bestScore, found = e, 1-float64(d)/float64(longer), true
	}
	if !found {
		return entry{}, 0, false
	}
	return *bestEntry, bestScore, true
}

var tagPattern = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9_]*/?>`)

// normalize puts text in the form the memory is keyed by: NFC, white space
// runs as one space, trimmed.
func normalize(text string) string {
	return store.OneLine(norm.NFC.String(text))
}

// stripTags removes the protected tags from a normalised text.
func stripTags(key string) string {
	if !strings.Contains(key, "<") {
		return key
	}
	return normalize(tagPattern.ReplaceAllString(key, " "))
}

// tagSignature is the multiset of tags in text.
func tagSignature(text string) string {
	tags := tagPattern.FindAllString(text, -1)
	slices.Sort(tags)
	return strings.Join(tags, "")
}

// bagDistance is a lower bound of the edit distance of two strings given
// as sorted runes: each edit fixes at most one rune the other lacks. It
// stops counting, with a result above limit, once the runes left cannot
// bring it within limit.
func bagDistance(a, b []rune, limit int) int {
	i, j, common := 0, 0, 0
	need := max(len(a), len(b)) - limit
	for i < len(a) && j < len(b) {
		if common+min(len(a)-i, len(b)-j) < need {
			return limit + 1
		}
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return max(len(a), len(b)) - common
}

// levenshtein is the edit distance of a and b, or limit+1 as soon as it is
// sure to exceed limit. Only the diagonal band of width limit can hold a
// distance within the limit, so that is all it computes.
func levenshtein(a, b []rune, limit int) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	la, lb := len(a), len(b)
	if la-lb > limit {
		return limit + 1
	}
	if lb == 0 {
		return la
	}
	over := limit + 1
	prev, cur := make([]int, lb+1), make([]int, lb+1)
	for j := range prev {
		prev[j] = min(j, over)
	}
	for i := 1; i <= la; i++ {
		lo, hi := max(1, i-limit), min(lb, i+limit)
		rowMin := over
		if lo == 1 {
			cur[0] = min(i, over)
			rowMin = cur[0]
		} else {
			cur[lo-1] = over
		}
		for j := lo; j <= hi; j++ {
			v := prev[j-1]
			if a[i-1] != b[j-1] {
				v++
			}
			v = min(v, prev[j]+1, cur[j-1]+1, over)
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if hi < lb {
			cur[hi+1] = over
		}
		if rowMin > limit {
			return over
		}
		prev, cur = cur, prev
	}
	return prev[lb]
}
