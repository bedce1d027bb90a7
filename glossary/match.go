package glossary

import (
	"sort"
	"unicode"

	"golang.org/x/text/language"
)

// Match is one occurrence of an entry in a text. Start and End count Unicode
// code points (runes), as DESIGN.md's JSON does, and cover the term only:
// in 탈북민들에게 the match is 탈북민, not its particles.
type Match struct {
	Entry      *Entry
	Start, End int
}

// Match finds the entries that occur in text, a segment in language src.
// Text may contain protected tags (<g1>…</g1>, <x2/>, <n1/>); a tag is a
// boundary, never part of a word. Where matches overlap the longest entry
// wins and the others are dropped; the result is in text order.
//
// The text is read once through an Aho–Corasick automaton of all entries,
// so the cost does not grow with the size of the glossary.
func (g *Glossary) Match(text string, src language.Tag) []Match {
	if g == nil || g.index == nil || len(g.Entries) == 0 {
		return nil
	}
	mode := modeOther
	switch base, _ := src.Base(); base.String() {
	case "ko":
		mode = modeKorean
	case "en":
		mode = modeEnglish
	}
	runes := []rune(text)
	return g.pick(g.index.scan(runes, mode), len(runes))
}

type matchMode int

const (
	modeOther matchMode = iota
	// modeKorean reads particles and other endings after a term.
	modeKorean
	// modeEnglish accepts a term's plural and verb forms.
	modeEnglish
)

// candidate is a match before overlaps are resolved.
type candidate struct {
	start, end int
	pattern    *pattern
}

// pick resolves overlaps: longest entry first, then the earliest, then the
// entry as written before an inflected form of another. n is the length of
// the text in runes.
func (g *Glossary) pick(cands []candidate, n int) []Match {
	if len(cands) == 0 {
		return nil
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.pattern.length != b.pattern.length {
			return a.pattern.length > b.pattern.length
		}
		if a.start != b.start {
			return a.start < b.start
		}
		if a.pattern.variant != b.pattern.variant {
			return !a.pattern.variant
		}
		return a.pattern.entry < b.pattern.entry
	})
	covered := make([]uint64, (n+63)/64)
	free := func(start, end int) bool {
		for i := start; i < end; i++ {
			if covered[i/64]&(1<<(i%64)) != 0 {
				return false
			}
		}
		return true
	}
	var taken []Match
	for _, c := range cands {
		if !free(c.start, c.end) {
			continue
		}
		for i := c.start; i < c.end; i++ {
			covered[i/64] |= 1 << (i % 64)
		}
		taken = append(taken, Match{Entry: g.Entries[c.pattern.entry], Start: c.start, End: c.end})
	}
	sort.Slice(taken, func(i, j int) bool { return taken[i].Start < taken[j].Start })
	return taken
}

// fold makes the case-insensitive, apostrophe-insensitive form of a rune
// used on both sides of matching. Hangul has no case; it is by far the
// commonest input and takes the first branch.
func fold(r rune) rune {
	switch {
	case r >= 0xAC00 && r <= 0xD7A3:
		return r
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r == '\u2019' || r == '\u2018':
		return '\''
	}
	return unicode.ToLower(r)
}

// matchKey is the form an entry is indexed by: folded, without spaces, so
// that 북한 선교 also matches 북한선교.
func matchKey(s string) []rune {
	key, _ := keyAndBreaks(s)
	return key
}

// keyAndBreaks returns the key of s and the offsets in the key where s had
// a space: the only places a text may have one inside the term.
func keyAndBreaks(s string) (key []rune, breaks []int32) {
	gap := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			gap = len(key) > 0
			continue
		}
		if gap {
			breaks = append(breaks, int32(len(key)))
			gap = false
		}
		key = append(key, fold(r))
	}
	return key, breaks
}

func isHangulSyllable(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }

// isWordRune reports whether r belongs to a word: the runes a term may not
// touch on either side.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// tagEnd returns the index just after a protected tag starting at runes[i]
// (<g1>, </g1>, <x2/>, <n1/>), or -1 when none starts there.
func tagEnd(runes []rune, i int) int {
	j := i + 1
	if j < len(runes) && runes[j] == '/' {
		j++
	}
	letters := j
	for j < len(runes) && 'a' <= runes[j] && runes[j] <= 'z' {
		j++
	}
	if j == letters {
		return -1
	}
	digits := j
	for j < len(runes) && '0' <= runes[j] && runes[j] <= '9' {
		j++
	}
	if j == digits {
		return -1
	}
	for j < len(runes) && runes[j] == ' ' {
		j++
	}
	if j < len(runes) && runes[j] == '/' {
		j++
	}
	if j < len(runes) && runes[j] == '>' {
		return j + 1
	}
	return -1
}

// Term is a match as `epistle segment --json` shows it (DESIGN.md).
type Term struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Kind   Kind   `json:"kind"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Terms returns the matches in text as DESIGN.md's JSON shows them.
func (g *Glossary) Terms(text string, src language.Tag) []Term {
	matches := g.Match(text, src)
	terms := make([]Term, len(matches))
	for i, m := range matches {
		terms[i] = Term{Source: m.Entry.Source, Target: m.Entry.Target(), Kind: m.Entry.Kind, Start: m.Start, End: m.End}
	}
	return terms
}
