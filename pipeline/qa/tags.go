package qa

import (
	"sort"
	"strings"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/document"
)

// checkTags holds the translation to the source's markup: each tag and
// placeholder exactly once, none invented, every pair opened before it is
// closed and nested inside the pairs around it. Tags may move: a translator
// reorders the words they wrap.
func checkTags(r *report, in Input) {
	src := tagCounts(in.Source)
	tgt := tagCounts(in.Translation)
	for _, t := range sortedKeys(src) {
		lo, hi := tgt[t].min(), tgt[t].max()
		switch {
		case lo == 0:
			r.add("tags", Error, locales.New("qa.tags.missing", "Tag", t))
		case hi > src[t].max():
			r.add("tags", Error, locales.New("qa.tags.repeated", "Tag", t, "Count", hi))
		}
	}
	for _, t := range sortedKeys(tgt) {
		if _, ok := src[t]; !ok {
			r.add("tags", Error, locales.New("qa.tags.invented", "Tag", t))
		}
	}
	if bad := badNesting(in.Translation); bad != "" && badNesting(in.Source) == "" {
		r.add("tags", Error, locales.New("qa.tags.nesting", "Tag", bad))
	}
}

// tagCount counts a tag's occurrences: a pair's openings and closings
// apart, a standalone tag's in open.
type tagCount struct {
	pair        bool
	open, close int
}

func (c tagCount) min() int {
	if c.pair {
		return min(c.open, c.close)
	}
	return c.open
}

func (c tagCount) max() int { return max(c.open, c.close) }

// tagCounts counts the tags of s by the name a message shows: <x2/>, or
// <g1>…</g1> for both halves of a pair.
func tagCounts(s string) map[string]tagCount {
	m := map[string]tagCount{}
	for _, t := range document.TagPattern.FindAllString(s, -1) {
		switch {
		case strings.HasPrefix(t, "</"):
			k := "<" + t[2:] + "…" + t
			c := m[k]
			c.pair = true
			c.close++
			m[k] = c
		case strings.HasSuffix(t, "/>"):
			c := m[t]
			c.open++
			m[t] = c
		default:
			k := t + "…</" + t[1:]
			c := m[k]
			c.pair = true
			c.open++
			m[k] = c
		}
	}
	return m
}

func sortedKeys(m map[string]tagCount) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// badNesting returns the first closing tag that does not close the
// innermost open pair, or the first pair left open; "" when all is well.
func badNesting(s string) string {
	var open []string
	for _, t := range document.TagPattern.FindAllString(s, -1) {
		switch {
		case strings.HasPrefix(t, "</"):
			name := t[2 : len(t)-1]
			if len(open) == 0 || open[len(open)-1] != name {
				return t
			}
			open = open[:len(open)-1]
		case strings.HasSuffix(t, "/>"):
		default:
			open = append(open, t[1:len(t)-1])
		}
	}
	if len(open) > 0 {
		return "<" + open[len(open)-1] + ">"
	}
	return ""
}
