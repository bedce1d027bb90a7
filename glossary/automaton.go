package glossary

import "unicode"

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

// automaton is an Aho–Corasick machine over folded runes. Transitions of
// every state live in one map keyed by state and rune, which keeps the
// machine small for a glossary of thousands of Hangul terms whose alphabet
// is large and sparse.
type automaton struct {
	next     map[uint64]int32
	fail     []int32
	out      [][]*pattern
	dictLink []int32
}

func edge(state int32, r rune) uint64 { return uint64(state)<<32 | uint64(uint32(r)) }

func newAutomaton(entries []*Entry) *automaton {
	a := &automaton{next: map[uint64]int32{}, fail: []int32{0}, out: [][]*pattern{nil}}
	for i, e := range entries {
		key, breaks := keyAndBreaks(e.Source)
		if len(key) == 0 {
			continue
		}
		p := &pattern{entry: int32(i), length: int32(len(key)), breaks: breaks, anywhere: e.Kind == KindPrivate}
		a.add(key, p)
		if p.anywhere {
			continue
		}
		for _, v := range englishForms(key) {
			a.add(v, &pattern{entry: p.entry, length: int32(len(v)), breaks: breaks, variant: true})
		}
	}
	a.link()
	return a
}

func (a *automaton) add(key []rune, p *pattern) {
	s := int32(0)
	for _, r := range key {
		n, ok := a.next[edge(s, r)]
		if !ok {
			n = int32(len(a.fail))
			a.next[edge(s, r)] = n
			a.fail = append(a.fail, 0)
			a.out = append(a.out, nil)
		}
		s = n
	}
	a.out[s] = append(a.out[s], p)
}

// link computes failure links breadth first, and for each state the
// nearest state on its failure chain that ends a pattern.
func (a *automaton) link() {
	children := make([][]struct {
		r rune
		s int32
	}, len(a.fail))
	for k, n := range a.next {
		from := int32(k >> 32)
		children[from] = append(children[from], struct {
			r rune
			s int32
		}{rune(uint32(k)), n})
	}
	a.dictLink = make([]int32, len(a.fail))
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, c := range children[s] {
			if s != 0 {
				a.fail[c.s] = a.step(a.fail[s], c.r)
			}
			f := a.fail[c.s]
			if len(a.out[f]) > 0 {
				a.dictLink[c.s] = f
			} else {
				a.dictLink[c.s] = a.dictLink[f]
			}
			queue = append(queue, c.s)
		}
	}
}

func (a *automaton) step(s int32, r rune) int32 {
	for {
		if n, ok := a.next[edge(s, r)]; ok {
			return n
		}
		if s == 0 {
			return 0
		}
		s = a.fail[s]
	}
}

// scan runs the text through the automaton and returns every occurrence of
// a pattern that stands as a word (or, for a private name, anywhere).
// Spaces are skipped so that a multi-word entry matches with or without
// them; pos maps each rune the automaton saw back to its index in runes.
func (a *automaton) scan(runes []rune, mode matchMode) []candidate {
	var cands []candidate
	pos := make([]int32, 0, len(runes))
	s := int32(0)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || (r > 0x7f && r < 0xAC00 && unicode.IsSpace(r)):
			continue
		case r == '<':
			if end := tagEnd(runes, i); end > 0 {
				// A tag ends any term in progress.
				s = 0
				i = end - 1
				continue
			}
		}
		pos = append(pos, int32(i))
		s = a.step(s, fold(r))
		for t := s; t != 0; t = a.dictLink[t] {
			for _, p := range a.out[t] {
				if c, ok := a.accept(runes, pos, p, mode); ok {
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
func (a *automaton) accept(runes []rune, pos []int32, p *pattern, mode matchMode) (candidate, bool) {
	last := len(pos) - 1
	first := last - int(p.length) + 1
	start, end := int(pos[first]), int(pos[last])+1
	c := candidate{start: start, end: end, pattern: p}
	if p.anywhere {
		// Inside Hangul a private name matches anywhere; a Latin-script
		// rendering must still stand as a word.
		if start > 0 && !isHangulSyllable(runes[start]) && isWordRune(runes[start-1]) {
			return c, false
		}
		if end < len(runes) && !isHangulSyllable(runes[end-1]) && isWordRune(runes[end]) {
			return c, false
		}
		return c, true
	}
	if p.variant && mode != modeEnglish {
		return c, false
	}
	if end-start != int(p.length) {
		b := 0
		for k := first; k < last; k++ {
			if pos[k+1] == pos[k]+1 {
				continue
			}
			off := int32(k + 1 - first)
			for b < len(p.breaks) && p.breaks[b] < off {
				b++
			}
			if b == len(p.breaks) || p.breaks[b] != off {
				return c, false
			}
		}
	}
	if start > 0 && isWordRune(runes[start-1]) {
		return c, false
	}
	if end == len(runes) {
		return c, true
	}
	next := runes[end]
	if isHangulSyllable(next) {
		if mode != modeKorean {
			return c, false
		}
		j := end
		for j < len(runes) && isHangulSyllable(runes[j]) {
			j++
		}
		return c, endings.accepts(runes[end:j])
	}
	return c, !isWordRune(next)
}
