package glossary

import (
	_ "embed"
	"strings"
	"unicode/utf8"
)

//go:embed endings.txt
var endingsFile string

// endings is the grammar of what may follow a Korean term inside its word;
// endings.txt explains the choice of forms.
var endings = parseEndings(endingsFile)

type endingSet struct {
	// suffix forms attach before any ending, in the file's order.
	suffix []string
	// ending forms chain after the suffixes, up to maxChain of them.
	ending map[formKey]bool
	// final forms end the word: nothing may follow them.
	final map[formKey]bool
	// open forms start a verb: what follows is the verb's business.
	open   map[formKey]bool
	maxLen int
}

// formKey packs a form of up to four Hangul syllables into a number, so
// that looking one up costs no allocation.
type formKey uint64

func keyOf(rs []rune) formKey {
	var k formKey
	for _, r := range rs {
		k = k<<15 | formKey(r-0xAC00+1)
	}
	return k
}

// maxChain bounds a chain of endings. Real chains are short (에게+서+는,
// 이+었+다); a longer run of particle-like syllables is more likely another
// word that happens to spell them.
const maxChain = 4

func parseEndings(file string) *endingSet {
	s := &endingSet{ending: map[formKey]bool{}, final: map[formKey]bool{}, open: map[formKey]bool{}}
	section := ""
	for _, line := range strings.Split(file, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "["):
			section = strings.Trim(line, "[]")
			continue
		}
		rs := []rune(line)
		for _, r := range rs {
			if !isHangulSyllable(r) || len(rs) > 4 {
				panic("glossary: endings.txt: not one to four Hangul syllables: " + line)
			}
		}
		switch section {
		case "suffix":
			s.suffix = append(s.suffix, line)
		case "ending":
			s.ending[keyOf(rs)] = true
		case "final":
			s.final[keyOf(rs)] = true
		case "open":
			s.open[keyOf(rs)] = true
		default:
			panic("glossary: endings.txt: form outside a section: " + line)
		}
		s.maxLen = max(s.maxLen, len(rs))
	}
	return s
}

// accepts reports whether rest, the Hangul syllables that follow a term up
// to the end of its word, read as endings of that term: 들에게서는, 님들과,
// 이라는, 하고. It is false for the rest of another word: 문 (천안문),
// 야 (이사야), 복음 (요한복음).
func (s *endingSet) accepts(rest []rune) bool {
	i := 0
	for _, suf := range s.suffix {
		if hasRunePrefix(rest[i:], suf) {
			i += utf8.RuneCountInString(suf)
		}
	}
	return s.chain(rest[i:], 0)
}

func (s *endingSet) chain(rest []rune, depth int) bool {
	if len(rest) == 0 {
		return true
	}
	if depth == maxChain {
		return false
	}
	for n := 1; n <= s.maxLen && n <= len(rest); n++ {
		form := keyOf(rest[:n])
		if s.open[form] || n == len(rest) && s.final[form] {
			return true
		}
		if s.ending[form] && s.chain(rest[n:], depth+1) {
			return true
		}
	}
	return false
}

func hasRunePrefix(rs []rune, prefix string) bool {
	i := 0
	for _, r := range prefix {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}
