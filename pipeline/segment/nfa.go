package segment

import (
	"regexp"
	"regexp/syntax"
	"sync"
	"unicode/utf8"
)

// matcher is what applies asks of a rule's regexp: whether it matches at the start of s.
type matcher interface{ MatchString(s string) bool }

// maxProg bounds the programs run by [nfa]: its state sets live on the stack.
const maxProg = 512

// nfa runs a compiled regexp program over a window of text, keeping the set of live
// instructions rune by rune, and answers as soon as one reaches a match or none is left.
// The rules' regexps are anchored and decided within a few runes, where the regexp package
// spends most of its time setting up a match; a profile of `segment` on a long letter put
// the rules' regexps at half of Split. It decides exactly what regexp.MatchString does
// (TestNFAMatchesRegexp), for the programs the regexp package compiles from the same source.
type nfa struct {
	insts []syntax.Inst
	start uint32
	// follow[pc], for a rune instruction whose way on to the next runes passes no
	// empty-width assertion, is where that way leads: the rune instructions, or a match
	// (followMatch). Stepping then copies a list instead of walking the program.
	follow      [][]uint32
	followMatch []bool
	followOK    []bool
}

// compileMatcher compiles expr (Perl syntax, as regexp.Compile) to an [nfa], or to a
// *regexp.Regexp when its program is too large for one.
func compileMatcher(expr string) matcher {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err) // the sources were parsed when the rule was loaded
	}
	p, err := syntax.Compile(re.Simplify())
	if err != nil || len(p.Inst) > maxProg {
		return regexp.MustCompile(expr)
	}
	m := &nfa{insts: p.Inst, start: uint32(p.Start)}
	m.follow = make([][]uint32, len(p.Inst))
	m.followMatch = make([]bool, len(p.Inst))
	m.followOK = make([]bool, len(p.Inst))
	for pc := range p.Inst {
		switch p.Inst[pc].Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			m.follow[pc], m.followMatch[pc], m.followOK[pc] = m.reach(p.Inst[pc].Out)
		}
	}
	return m
}

// reach walks from pc to the rune instructions and matches reachable without reading a
// rune; ok is false when an empty-width assertion stands on the way.
func (m *nfa) reach(pc uint32) (runes []uint32, match, ok bool) {
	seen := make([]bool, len(m.insts))
	stack := []uint32{pc}
	seen[pc] = true
	push := func(pc uint32) {
		if !seen[pc] {
			seen[pc] = true
			stack = append(stack, pc)
		}
	}
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		in := &m.insts[pc]
		switch in.Op {
		case syntax.InstMatch:
			match = true
		case syntax.InstAlt, syntax.InstAltMatch:
			push(in.Out)
			push(in.Arg)
		case syntax.InstCapture, syntax.InstNop:
			push(in.Out)
		case syntax.InstEmptyWidth:
			return nil, false, false
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			runes = append(runes, pc)
		}
	}
	return runes, match, true
}

// scratch is the state sets of one run of an [nfa], kept in a pool: a run sets up nothing.
type scratch struct {
	lists [2][maxProg]uint32
	stack [maxProg]uint32
	seen  [maxProg / 64]uint64
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// MatchString reports whether the program matches a prefix of s (the rules' regexps begin
// with ^, so that is whether they match s at all).
func (m *nfa) MatchString(s string) bool {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	words := (len(m.insts) + 63) / 64
	seen := sc.seen[:words]
	clear(seen)
	cur, next := &sc.lists[0], &sc.lists[1]
	r, w := rune(-1), 0
	if len(s) > 0 {
		r, w = utf8.DecodeRuneInString(s)
	}
	n, ok := m.add(cur, 0, seen, &sc.stack, m.start, syntax.EmptyOpContext(-1, r))
	if ok {
		return true
	}
	for pos := 0; n > 0 && pos < len(s); {
		pos += w
		r2, w2 := rune(-1), 0
		if pos < len(s) {
			r2, w2 = utf8.DecodeRuneInString(s[pos:])
		}
		flag := syntax.EmptyOpContext(r, r2)
		clear(seen)
		k := 0
		for _, pc := range cur[:n] {
			in := &m.insts[pc]
			var hit bool
			switch in.Op {
			case syntax.InstRune1:
				hit = r == in.Rune[0]
			case syntax.InstRune:
				hit = in.MatchRune(r)
			case syntax.InstRuneAny:
				hit = true
			case syntax.InstRuneAnyNotNL:
				hit = r != '\n'
			}
			switch {
			case !hit:
			case m.followOK[pc]:
				if m.followMatch[pc] {
					return true
				}
				for _, q := range m.follow[pc] {
					if seen[q/64]&(1<<(q%64)) == 0 {
						seen[q/64] |= 1 << (q % 64)
						next[k] = q
						k++
					}
				}
			default:
				if k, ok = m.add(next, k, seen, &sc.stack, in.Out, flag); ok {
					return true
				}
			}
		}
		cur, next, n = next, cur, k
		r, w = r2, w2
	}
	return false
}

// add puts into list the rune instructions reachable from pc without reading a rune, flag
// telling which empty-width assertions hold here; ok says a match is reachable.
func (m *nfa) add(list *[maxProg]uint32, n int, seen []uint64, stack *[maxProg]uint32, pc uint32, flag syntax.EmptyOp) (int, bool) {
	top := 0
	push := func(pc uint32) {
		if seen[pc/64]&(1<<(pc%64)) == 0 {
			seen[pc/64] |= 1 << (pc % 64)
			stack[top] = pc
			top++
		}
	}
	push(pc)
	for top > 0 {
		top--
		pc := stack[top]
		in := &m.insts[pc]
		switch in.Op {
		case syntax.InstMatch:
			return n, true
		case syntax.InstAlt, syntax.InstAltMatch:
			push(in.Out)
			push(in.Arg)
		case syntax.InstCapture, syntax.InstNop:
			push(in.Out)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(in.Arg)&^flag == 0 {
				push(in.Out)
			}
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			list[n] = pc
			n++
		}
	}
	return n, false
}
