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
	return &nfa{insts: p.Inst, start: uint32(p.Start)}
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
			if hit {
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
