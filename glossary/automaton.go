package glossary

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"
)

// pattern is one key the automaton looks for: an entry as written, or an
// English inflected form of it.
type pattern struct {
	entry  int32
	length int32
	// breaks are the key offsets where the entry has a space.
	breaks []int32
	// variant marks an inflected form (missions for mission), accepted in
	// English text only.
	variant bool
	// anywhere marks a private name: matched even inside a longer word.
	anywhere bool
}

// automaton is an Aho–Corasick machine over folded runes. Its alphabet is
// large and sparse (thousands of Hangul syllables, few children per state),
// so transitions live in one open-addressing hash table keyed by state and
// rune, and the root, where the machine spends most of its time, has
// tables for Hangul syllables and ASCII.
type automaton struct {
	trans      transitions
	rootHangul []int32
	rootASCII  [0x80]int32
	fail       []int32
	out        [][]*pattern
	dictLink   []int32
	// longest is the longest key, in runes: how far back a match reaches.
	longest int
}

// trie is the automaton under construction.
type trie struct {
	next map[uint64]int32
	out  [][]*pattern
}

func edge(state int32, r rune) uint64 { return uint64(state)<<32 | uint64(uint32(r)) }

func newAutomaton(entries []*Entry) *automaton {
	t := &trie{next: map[uint64]int32{}, out: [][]*pattern{nil}}
	longest := 0
	for i, e := range entries {
		key, breaks := keyAndBreaks(e.Source)
		if len(key) == 0 {
			continue
		}
		p := &pattern{entry: int32(i), length: int32(len(key)), breaks: breaks, anywhere: e.Kind == KindPrivate}
		t.add(key, p)
		longest = max(longest, len(key))
		if p.anywhere {
			continue
		}
		for _, v := range englishForms(key) {
			t.add(v, &pattern{entry: p.entry, length: int32(len(v)), breaks: breaks, variant: true})
			longest = max(longest, len(v))
		}
	}
	a := t.compile()
	a.longest = longest
	return a
}

func (t *trie) add(key []rune, p *pattern) {
	s := int32(0)
	for _, r := range key {
		n, ok := t.next[edge(s, r)]
		if !ok {
			n = int32(len(t.out))
			t.next[edge(s, r)] = n
			t.out = append(t.out, nil)
		}
		s = n
	}
	t.out[s] = append(t.out[s], p)
}

// compile lays the trie out as a transition table and root tables, then
// computes failure links breadth first, and for each state the nearest
// state on its failure chain that ends a pattern.
func (t *trie) compile() *automaton {
	states := len(t.out)
	a := &automaton{
		trans:      newTransitions(len(t.next)),
		rootHangul: make([]int32, 0xD7A3-0xAC00+1),
		fail:       make([]int32, states),
		out:        t.out,
		dictLink:   make([]int32, states),
	}
	type edgeOf struct {
		r  rune
		to int32
	}
	children := make([][]edgeOf, states)
	for k, n := range t.next {
		from, r := int32(k>>32), rune(uint32(k))
		a.trans.put(from, r, n)
		children[from] = append(children[from], edgeOf{r, n})
		if from == 0 {
			switch {
			case r < 0x80:
				a.rootASCII[r] = n
			case isHangulSyllable(r):
				a.rootHangul[r-0xAC00] = n
			}
		}
	}
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		// Map order must not decide anything: visit children by rune.
		slices.SortFunc(children[s], func(x, y edgeOf) int { return cmp.Compare(x.r, y.r) })
		for _, e := range children[s] {
			if s != 0 {
				a.fail[e.to] = a.step(a.fail[s], e.r)
			}
			f := a.fail[e.to]
			if len(a.out[f]) > 0 {
				a.dictLink[e.to] = f
			} else {
				a.dictLink[e.to] = a.dictLink[f]
			}
			queue = append(queue, e.to)
		}
	}
	return a
}

// transitions is an open-addressing hash table from (state, rune) to the
// next state: one multiplication and usually one probe, where a Go map
// costs several times that on the hot path of matching.
type transitions struct {
	keys  []uint64 // state<<21 | rune, plus one; 0 marks an empty slot
	vals  []int32
	shift uint
}

func newTransitions(n int) transitions {
	size, bits := 16, uint(4)
	for size < 2*n {
		size *= 2
		bits++
	}
	return transitions{keys: make([]uint64, size), vals: make([]int32, size), shift: 64 - bits}
}

func (t *transitions) slot(key uint64) int {
	return int((key * 0x9E3779B97F4A7C15) >> t.shift)
}

func (t *transitions) put(s int32, r rune, to int32) {
	key := uint64(s)<<21 | uint64(r) + 1
	mask := len(t.keys) - 1
	for i := t.slot(key); ; i = (i + 1) & mask {
		if t.keys[i] == 0 || t.keys[i] == key {
			t.keys[i], t.vals[i] = key, to
			return
		}
	}
}

// get returns the state s goes to on r, or -1.
func (t *transitions) get(s int32, r rune) int32 {
	key := uint64(s)<<21 | uint64(r) + 1
	mask := len(t.keys) - 1
	for i := t.slot(key); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case key:
			return t.vals[i]
		case 0:
			return -1
		}
	}
}

func (a *automaton) step(s int32, r rune) int32 {
	for s != 0 {
		if n := a.trans.get(s, r); n >= 0 {
			return n
		}
		s = a.fail[s]
	}
	switch {
	case r < 0x80:
		return a.rootASCII[r]
	case r >= 0xAC00 && r <= 0xD7A3:
		return a.rootHangul[r-0xAC00]
	}
	return max(a.trans.get(0, r), 0)
}

// at is a rune the automaton saw: its byte offset and its index in runes.
type at struct{ b, r int32 }

// recent remembers where the last runes the automaton saw are: a match
// never reaches back further than the longest key.
type recent struct {
	buf  []at
	mask int
	n    int
}

func newRecent(longest int) *recent {
	size := 1
	for size < longest+1 {
		size *= 2
	}
	return &recent{buf: make([]at, size), mask: size - 1}
}

func (q *recent) push(x at) { q.buf[q.n&q.mask] = x; q.n++ }

// back returns the k-th rune seen, counting back from the last (0).
func (q *recent) back(k int) at { return q.buf[(q.n-1-k)&q.mask] }

// scan runs the text through the automaton and returns every occurrence of
// a pattern that stands as a word (or, for a private name, anywhere).
// Spaces are skipped so that a multi-word entry matches with or without
// them; pos records where each rune the automaton saw is in the text.
func (a *automaton) scan(text string, mode matchMode) []candidate {
	cands := make([]candidate, 0, len(text)/12)
	pos := newRecent(a.longest)
	var scratch []rune
	s := int32(0)
	ri := int32(0)
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || (r > 0x7f && r < 0xAC00 && unicode.IsSpace(r)):
			i += size
			ri++
			continue
		case r == '<':
			if end := tagEnd(text, i); end > 0 {
				// A tag ends any term in progress. Tags are ASCII: bytes
				// and runes count alike.
				s = 0
				ri += int32(end - i)
				i = end
				continue
			}
		}
		pos.push(at{int32(i), ri})
		i += size
		ri++
		s = a.step(s, fold(r))
		for t := s; t != 0; t = a.dictLink[t] {
			for _, p := range a.out[t] {
				var c candidate
				var ok bool
				if c, ok, scratch = a.accept(text, pos, p, mode, scratch); ok {
					cands = append(cands, c)
				}
			}
		}
	}
	return cands
}

// accept decides whether a pattern ending at the last rune of pos is a
// match: spaces only where the entry has them, a word start before it, and
// after it the end of the word or, in Korean, endings that belong to it.
// scratch is reused between calls for the Hangul that follows.
func (a *automaton) accept(text string, pos *recent, p *pattern, mode matchMode, scratch []rune) (candidate, bool, []rune) {
	first, last := pos.back(int(p.length)-1), pos.back(0)
	_, lastSize := utf8.DecodeRuneInString(text[last.b:])
	c := candidate{
		start: first.r, end: last.r + 1,
		bstart: first.b, bend: last.b + int32(lastSize),
		pattern: p,
	}
	var before, next rune = -1, -1
	if c.bstart > 0 {
		before, _ = utf8.DecodeLastRuneInString(text[:c.bstart])
	}
	if int(c.bend) < len(text) {
		next, _ = utf8.DecodeRuneInString(text[c.bend:])
	}
	if p.anywhere {
		// In Hangul or Han a private name matches anywhere; a rendering in
		// an alphabet must not touch other letters of the same alphabet,
		// though Korean may be written right against it (Myeongcheol Ri님).
		firstRune, _ := utf8.DecodeRuneInString(text[c.bstart:])
		lastRune, _ := utf8.DecodeRuneInString(text[last.b:])
		if before >= 0 && sameAlphabetWord(firstRune, before) || next >= 0 && sameAlphabetWord(lastRune, next) {
			return c, false, scratch
		}
		return c, true, scratch
	}
	if p.variant && mode != modeEnglish {
		return c, false, scratch
	}
	if c.end-c.start != p.length {
		b := 0
		for j := int(p.length) - 1; j > 0; j-- {
			if pos.back(j-1).r == pos.back(j).r+1 {
				continue
			}
			// A gap before the rune at this offset of the key.
			off := p.length - int32(j)
			for b < len(p.breaks) && p.breaks[b] < off {
				b++
			}
			if b == len(p.breaks) || p.breaks[b] != off {
				return c, false, scratch
			}
		}
	}
	if before >= 0 && isWordRune(before) {
		return c, false, scratch
	}
	if next < 0 {
		return c, true, scratch
	}
	if isHangulSyllable(next) {
		if mode != modeKorean {
			return c, false, scratch
		}
		scratch = scratch[:0]
		for _, r := range text[c.bend:] {
			if !isHangulSyllable(r) {
				break
			}
			scratch = append(scratch, r)
		}
		return c, endings.accepts(scratch), scratch
	}
	return c, !isWordRune(next), scratch
}

// sameAlphabetWord reports whether a private name ending (or starting) in
// edge is glued to neighbour inside one word of an alphabet: Ri inside
// during. Scripts written without spaces (Hangul, Han, kana) have no such
// words to respect.
func sameAlphabetWord(edge, neighbour rune) bool {
	// Only letters glue: a digit next to a name (Ri2) does not make it
	// another word, and leaving it would leak the name.
	if !unicode.IsLetter(edge) || !unicode.IsLetter(neighbour) {
		return false
	}
	for _, sc := range []*unicode.RangeTable{unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana} {
		if unicode.Is(sc, edge) {
			return false
		}
	}
	return alphabet(edge) == alphabet(neighbour)
}

// alphabet names the script of a letter well enough to tell whether two
// letters can belong to one word.
func alphabet(r rune) *unicode.RangeTable {
	for _, sc := range []*unicode.RangeTable{unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Hangul, unicode.Han} {
		if unicode.Is(sc, r) {
			return sc
		}
	}
	return nil
}
