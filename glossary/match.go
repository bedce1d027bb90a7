package glossary

import (
	"cmp"
	"slices"
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
	return g.pick(g.index.scan(text, mode))
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
	// start and end count runes, bstart and bend bytes.
	start, end   int32
	bstart, bend int32
	pattern      *pattern
}

// pick turns candidates into matches.
func (g *Glossary) pick(cands []candidate) []Match {
	chosen := resolveOverlaps(cands)
	matches := make([]Match, len(chosen))
	for i, c := range chosen {
		matches[i] = Match{Entry: g.Entries[c.pattern.entry], Start: int(c.start), End: int(c.end)}
	}
	return matches
}

// resolveOverlaps keeps, where candidates overlap, the longest entry, then
// the earliest, then the entry as written before an inflected form of
// another; the result is in text order. Candidates arrive in the order
// their ends were found; they are grouped into clusters of overlapping
// spans, and only a cluster of more than one needs sorting, so a megabyte
// with tens of thousands of matches is resolved in linear time.
func resolveOverlaps(cands []candidate) []candidate {
	type cluster struct {
		from int
		end  int32
	}
	stack := make([]cluster, 0, len(cands))
	for i, c := range cands {
		cl := cluster{from: i, end: c.end}
		for len(stack) > 0 && stack[len(stack)-1].end > c.start {
			top := stack[len(stack)-1]
			cl.from = top.from
			cl.end = max(cl.end, top.end)
			stack = stack[:len(stack)-1]
		}
		stack = append(stack, cl)
	}
	// The chosen candidates are written over cands in place: a cluster
	// keeps at most as many as it has, so writing never overtakes reading.
	w := 0
	for k, cl := range stack {
		to := len(cands)
		if k+1 < len(stack) {
			to = stack[k+1].from
		}
		if to-cl.from == 1 {
			cands[w] = cands[cl.from]
			w++
			continue
		}
		w += copy(cands[w:], resolveCluster(cands[cl.from:to]))
	}
	return cands[:w]
}

func resolveCluster(group []candidate) []candidate {
	slices.SortFunc(group, func(a, b candidate) int {
		if a.pattern.length != b.pattern.length {
			return cmp.Compare(b.pattern.length, a.pattern.length)
		}
		if a.start != b.start {
			return cmp.Compare(a.start, b.start)
		}
		if a.pattern.variant != b.pattern.variant {
			if a.pattern.variant {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.pattern.entry, b.pattern.entry)
	})
	// Keep the winners at the front of group, in place.
	n := 0
	for _, c := range group {
		free := true
		for _, t := range group[:n] {
			if c.start < t.end && t.start < c.end {
				free = false
				break
			}
		}
		if free {
			group[n] = c
			n++
		}
	}
	taken := group[:n]
	slices.SortFunc(taken, func(a, b candidate) int { return cmp.Compare(a.start, b.start) })
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
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if isHangulSyllable(r) {
		return true
	}
	// A variation selector is a mark, but it belongs to the emoji before
	// it (❤️), not to a word.
	if 0xFE00 <= r && r <= 0xFE0F || 0xE0100 <= r && r <= 0xE01EF {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// tagEnd returns the byte index just after a protected tag starting at
// text[i] (<g1>, </g1>, <x2/>, <n1/>), or -1 when none starts there.
func tagEnd(text string, i int) int {
	j := i + 1
	if j < len(text) && text[j] == '/' {
		j++
	}
	letters := j
	for j < len(text) && 'a' <= text[j] && text[j] <= 'z' {
		j++
	}
	if j == letters {
		return -1
	}
	digits := j
	for j < len(text) && '0' <= text[j] && text[j] <= '9' {
		j++
	}
	if j == digits {
		return -1
	}
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if j < len(text) && text[j] == '/' {
		j++
	}
	if j < len(text) && text[j] == '>' {
		return j + 1
	}
	return -1
}

// Term is a match as `epistle segment --json` shows it (DESIGN.md). A
// term without a rendering in the glossary's language has no target: it
// is context for the translator, and nothing is required of the
// translation.
type Term struct {
	Source string `json:"source"`
	Target string `json:"target,omitempty"`
	Kind   Kind   `json:"kind"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Terms returns the matches in text as DESIGN.md's JSON shows them. A
// term without a rendering in the glossary's language has an empty
// Target, which the JSON leaves out.
func (g *Glossary) Terms(text string, src language.Tag) []Term {
	matches := g.Match(text, src)
	terms := make([]Term, len(matches))
	for i, m := range matches {
		terms[i] = Term{Source: m.Entry.Source, Kind: m.Entry.Kind, Start: m.Start, End: m.End}
		if m.Entry.Rendered() {
			terms[i].Target = m.Entry.Target()
		}
	}
	return terms
}

// A Piece is a stretch of a text shown with its terms marked: a term that
// matched, or the text between two terms.
type Piece struct {
	Text string
	// Term is the term the stretch is; nil between terms.
	Term *Term
}

// Pieces cuts text at its terms (rune offsets in text, in order, as
// [Glossary.Terms] gives them), for a command or the review page to mark
// them. A term that overlaps the one before it, or runs past the text, is
// left unmarked. No piece is empty.
func Pieces(text string, terms []Term) []Piece {
	runes := []rune(text)
	var out []Piece
	pos := 0
	for i, t := range terms {
		if t.Start < pos || t.End > len(runes) {
			continue
		}
		if t.Start > pos {
			out = append(out, Piece{Text: string(runes[pos:t.Start])})
		}
		out = append(out, Piece{Text: string(runes[t.Start:t.End]), Term: &terms[i]})
		pos = t.End
	}
	if pos < len(runes) {
		out = append(out, Piece{Text: string(runes[pos:])})
	}
	return out
}
