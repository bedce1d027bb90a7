package segment

// What a rule's regexps can match, worked out from their syntax trees: reversal for the
// before side, and the runes and lengths that let Split skip a rule or bound its window.

import (
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// reverseRegexp turns re into a regexp that matches the reversed strings: concatenations and
// literals run backwards and the text/line anchors swap ends.
func reverseRegexp(re *syntax.Regexp) {
	switch re.Op {
	case syntax.OpLiteral:
		slices.Reverse(re.Rune)
	case syntax.OpConcat:
		slices.Reverse(re.Sub)
	case syntax.OpBeginText:
		re.Op = syntax.OpEndText
		re.Flags &^= syntax.WasDollar
	case syntax.OpEndText:
		re.Op = syntax.OpBeginText
	case syntax.OpBeginLine:
		re.Op = syntax.OpEndLine
	case syntax.OpEndLine:
		re.Op = syntax.OpBeginLine
	}
	for _, sub := range re.Sub {
		reverseRegexp(sub)
	}
}

// nullable reports whether re can match the empty string.
func nullable(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpStar, syntax.OpQuest:
		return true
	case syntax.OpCapture, syntax.OpPlus:
		return nullable(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min == 0 || nullable(re.Sub[0])
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if !nullable(s) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		return slices.ContainsFunc(re.Sub, nullable)
	}
	return false
}

// edgeRunes returns the ranges (pairs lo, hi) of runes that can come last (or first) in a
// match of re. The bool is false when any rune can.
func edgeRunes(re *syntax.Regexp, last bool) ([]rune, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, true
		}
		r := re.Rune[0]
		if last {
			r = re.Rune[len(re.Rune)-1]
		}
		out := []rune{r, r}
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				out = append(out, f, f)
			}
		}
		return out, true
	case syntax.OpCharClass:
		return slices.Clone(re.Rune), true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return nil, false
	case syntax.OpCapture, syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		return edgeRunes(re.Sub[0], last)
	case syntax.OpAlternate:
		var out []rune
		for _, s := range re.Sub {
			e, ok := edgeRunes(s, last)
			if !ok {
				return nil, false
			}
			out = append(out, e...)
		}
		return out, true
	case syntax.OpConcat:
		var out []rune
		subs := re.Sub
		if last {
			subs = slices.Clone(subs)
			slices.Reverse(subs)
		}
		for _, s := range subs {
			e, ok := edgeRunes(s, last)
			if !ok {
				return nil, false
			}
			out = append(out, e...)
			if !nullable(s) {
				break
			}
		}
		return out, true
	}
	// Empty-width assertions and empty matches contribute no rune.
	return nil, true
}

// asciiSpace is what regexp's \s matches; Split skips exactly these to find the rune that
// a rule's next set is about.
func asciiSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r'
}

// spaceOnly reports whether re matches nothing but white space (\s, \s+, \s*, " ").
func spaceOnly(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return !slices.ContainsFunc(re.Rune, func(r rune) bool { return !asciiSpace(r) })
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if !asciiSpace(r) {
					return false
				}
			}
		}
		return len(re.Rune) > 0
	case syntax.OpCapture, syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		return spaceOnly(re.Sub[0])
	}
	return false
}

// nextRunes is edgeRunes at the start of re with leading white space skipped: the runes that
// can come first after it. empty reports that re can match without reaching such a rune.
func nextRunes(re *syntax.Regexp) (set []rune, ok, empty bool) {
	if spaceOnly(re) {
		return nil, true, true
	}
	switch re.Op {
	case syntax.OpCapture:
		return nextRunes(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			e, ok, em := nextRunes(sub)
			if !ok {
				return nil, false, false
			}
			set = append(set, e...)
			empty = empty || em
		}
		return set, true, empty
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			e, ok, em := nextRunes(sub)
			if !ok {
				return nil, false, false
			}
			set = append(set, e...)
			if !em {
				return set, true, false
			}
		}
		return set, true, true
	}
	set, ok = edgeRunes(re, false)
	return set, ok, nullable(re)
}

// maxLen returns the most bytes re can match, or window when that is unbounded or longer.
func maxLen(re *syntax.Regexp) int {
	n := 0
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			n += utf8.RuneLen(r)
			if re.Flags&syntax.FoldCase != 0 {
				n += utf8.UTFMax // a case variant may be longer
			}
		}
	case syntax.OpCharClass:
		if len(re.Rune) > 0 {
			n = max(utf8.RuneLen(re.Rune[len(re.Rune)-1]), 1)
		}
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		n = utf8.UTFMax
	case syntax.OpCapture:
		n = maxLen(re.Sub[0])
	case syntax.OpQuest:
		n = maxLen(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return window
	case syntax.OpRepeat:
		if re.Max < 0 {
			return window
		}
		n = re.Max * maxLen(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			n += maxLen(sub)
		}
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			n = max(n, maxLen(sub))
		}
	}
	return min(n, window)
}

// progSize is the number of instructions re compiles to, a measure of its cost per byte.
func progSize(re *syntax.Regexp) int {
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return 0
	}
	return len(prog.Inst)
}

// regexpSource writes re back as regexp syntax. It stands in for [syntax.Regexp.String],
// which works out the shortest flags for every character class by case-folding each of
// its runes: on the rules' Hangul classes that took most of the time of compiling a rule
// set, which every command that reads a letter pays at start-up. Every node is wrapped
// in a non-capturing group, so no precedence needs working out; captures become plain
// groups, since Split never asks for a submatch.
func regexpSource(re *syntax.Regexp) string {
	var b strings.Builder
	writeSource(&b, re)
	return b.String()
}

func writeSource(b *strings.Builder, re *syntax.Regexp) {
	switch re.Op {
	case syntax.OpNoMatch:
		b.WriteString(`[^\x00-\x{10FFFF}]`)
	case syntax.OpEmptyMatch:
		b.WriteString(`(?:)`)
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			b.WriteString(`(?i:`)
		} else {
			b.WriteString(`(?:`)
		}
		for _, r := range re.Rune {
			writeRune(b, r)
		}
		b.WriteByte(')')
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			b.WriteString(`[^\x00-\x{10FFFF}]`)
			return
		}
		b.WriteByte('[')
		for i := 0; i+1 < len(re.Rune); i += 2 {
			writeRune(b, re.Rune[i])
			if re.Rune[i+1] != re.Rune[i] {
				b.WriteByte('-')
				writeRune(b, re.Rune[i+1])
			}
		}
		b.WriteByte(']')
	case syntax.OpAnyCharNotNL:
		b.WriteString(`(?-s:.)`)
	case syntax.OpAnyChar:
		b.WriteString(`(?s:.)`)
	case syntax.OpBeginLine:
		b.WriteString(`(?m:^)`)
	case syntax.OpEndLine:
		b.WriteString(`(?m:$)`)
	case syntax.OpBeginText:
		b.WriteString(`\A`)
	case syntax.OpEndText:
		b.WriteString(`\z`)
	case syntax.OpWordBoundary:
		b.WriteString(`\b`)
	case syntax.OpNoWordBoundary:
		b.WriteString(`\B`)
	case syntax.OpCapture:
		b.WriteString(`(?:`)
		writeSource(b, re.Sub[0])
		b.WriteByte(')')
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		b.WriteString(`(?:`)
		writeSource(b, re.Sub[0])
		b.WriteByte(')')
		switch re.Op {
		case syntax.OpStar:
			b.WriteByte('*')
		case syntax.OpPlus:
			b.WriteByte('+')
		case syntax.OpQuest:
			b.WriteByte('?')
		default:
			b.WriteString("{" + strconv.Itoa(re.Min) + ",")
			if re.Max >= 0 {
				b.WriteString(strconv.Itoa(re.Max))
			}
			b.WriteByte('}')
		}
		if re.Flags&syntax.NonGreedy != 0 {
			b.WriteByte('?')
		}
	case syntax.OpConcat, syntax.OpAlternate:
		b.WriteString(`(?:`)
		for i, sub := range re.Sub {
			if i > 0 && re.Op == syntax.OpAlternate {
				b.WriteByte('|')
			}
			writeSource(b, sub)
		}
		b.WriteByte(')')
	}
}

// writeRune writes r so that it stands for itself anywhere, in a class too:
// every character with a meaning in regexp syntax is ASCII.
func writeRune(b *strings.Builder, r rune) {
	if r >= utf8.RuneSelf && r != utf8.RuneError || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
		b.WriteRune(r)
		return
	}
	b.WriteString(`\x{` + strconv.FormatInt(int64(r), 16) + `}`)
}
