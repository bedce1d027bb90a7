package segment

import "slices"

// runeIndex maps a rune to the bitmask of rules whose edge set holds it. The rune line is
// cut into intervals at every range boundary of every rule, so each interval has one mask.
type runeIndex struct {
	starts []rune     // interval i is [starts[i], starts[i+1])
	masks  []uint64   // words masks per interval
	words  int        // uint64 words per mask
	none   []uint64   // the mask for no rune at all (end of text): rules that take any rune
	ascii  [128]int32 // interval of each ASCII rune
	hangul []uint16   // interval of each Hangul syllable, when there are few enough intervals
}

func newRuneIndex(rules []rule, edge func(*rule) ([]rune, bool)) runeIndex {
	x := runeIndex{words: (len(rules) + 63) / 64, starts: []rune{0}}
	for i := range rules {
		set, _ := edge(&rules[i])
		for k := 0; k+1 < len(set); k += 2 {
			x.starts = append(x.starts, set[k], set[k+1]+1)
		}
	}
	slices.Sort(x.starts)
	x.starts = slices.Compact(x.starts)
	x.masks = make([]uint64, len(x.starts)*x.words)
	x.none = make([]uint64, x.words)
	for i := range rules {
		set, anyRune := edge(&rules[i])
		w, bit := i/64, uint64(1)<<(i%64)
		if anyRune {
			x.none[w] |= bit
			for k := range x.starts {
				x.masks[k*x.words+w] |= bit
			}
			continue
		}
		for k := 0; k+1 < len(set); k += 2 {
			for iv := x.interval(set[k]); iv < len(x.starts) && x.starts[iv] <= set[k+1]; iv++ {
				x.masks[iv*x.words+w] |= bit
			}
		}
	}
	x.tables()
	return x
}

// tables fills the direct lookup tables of ASCII and Hangul from the intervals.
func (x *runeIndex) tables() {
	for r := range x.ascii {
		x.ascii[r] = int32(x.interval(rune(r)))
	}
	// Korean text is mostly syllables: look them up directly rather than by binary search.
	// The table is filled walking the intervals alongside, not searching for each syllable.
	if len(x.starts) <= 1<<16 {
		x.hangul = make([]uint16, hangulLast-hangulFirst+1)
		iv := x.interval(hangulFirst)
		for i := range x.hangul {
			for iv+1 < len(x.starts) && x.starts[iv+1] <= rune(hangulFirst+i) {
				iv++
			}
			x.hangul[i] = uint16(iv)
		}
	}
}

func (x *runeIndex) interval(r rune) int {
	i, found := slices.BinarySearch(x.starts, r)
	if !found {
		i--
	}
	return i
}

func (x *runeIndex) lookup(r rune) []uint64 {
	var iv int
	if r < 0 {
		return x.none
	}
	if r < 128 {
		iv = int(x.ascii[r])
	} else if r >= hangulFirst && r <= hangulLast && x.hangul != nil {
		iv = int(x.hangul[r-hangulFirst])
	} else {
		iv = x.interval(r)
	}
	return x.masks[iv*x.words : (iv+1)*x.words]
}
