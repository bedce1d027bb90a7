package document

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// A letter's lines carry meaning a README's do not. Pastors paste letters
// from HWP, Word, e-mail and KakaoTalk, where a line that starts with a
// bullet is an item, a line of emoji closes a thought, and a title, a date
// or a signature is a line of its own with no period. cutLines ends a
// region's sentences at those line ends, while a hard-wrapped sentence
// still joins across lines, however narrow the wrap.
//
// Which line end without punctuation is the writer's and which a wrapper's
// is told the way text tools that reflow a paragraph tell it: a wrapper
// (an e-mail program, an editor's "fill") moves a word to the next line
// only when it does not fit on this one. So a line ends early, by the
// writer's choice, when the next line's first words would have fitted on
// it within the paragraph's own width, the longest of its lines that a
// wrapper could have broken (one with a space in it). Two words, not one:
// a person who wraps by eye, pressing Enter near the margin, leaves a line
// a word short of it now and then; a title or a greeting leaves room for
// more. A fixed length cannot tell them apart: a title is as short as the
// lines of a letter re-wrapped narrowly.

// itemMarker matches the marker that opens an item line, with the white
// space after it: symbol bullets, an emoji or a dingbat and a space (✅ 🔸
// 👉, as KakaoTalk letters mark their items; emoji glued to a word are
// decoration of the sentence: "🙏🏻❤️북한을 위해"), circled and parenthesised numbers,
// 1. 1) (1) and Korean 가. 가) (가), and 1\. as Word-to-Markdown converters
// write a number the writer typed. A number followed by another number and
// a period is a date (3. 15.), not an item.
var itemMarker = regexp.MustCompile(`^[ \t]*(?:` +
	`[•·※▶▷►○●◎◆◇■□☞★☆✔✓ㆍ❖➤→◈▪▫◦‣⁃]|[-*+][ \t]` +
	`|[\x{2600}-\x{27BF}\x{2B00}-\x{2BFF}\x{1F000}-\x{1FAFF}][\x{FE0E}\x{FE0F}\x{200D}\x{1F3FB}-\x{1F3FF}\x{2600}-\x{27BF}\x{1F000}-\x{1FAFF}]*[ \t]` +
	`|[\x{2460}-\x{249B}\x{24EA}-\x{24FF}\x{2776}-\x{2793}\x{3251}-\x{325F}\x{32B1}-\x{32BF}]` +
	`|(?:[0-9]{1,2}\\?|[가나다라마바사아자차카타파하])[.)](?:[ \t]|$)` +
	`|\((?:[0-9]{1,2}|[가나다라마바사아자차카타파하])\)` +
	`)[ \t]*`)

// dateLine matches a line that is only a date: 2024. 5. 20., 2024.05.20 (월),
// 2024년 5월 20일 — its spaces perhaps no-break or ideographic ones, as HWP
// and Word paste them.
var dateLine = regexp.MustCompile(`^[\s\p{Zs}]*(?:[0-9]{2,4}\.[\s\p{Zs}]*[0-9]{1,2}\.[\s\p{Zs}]*[0-9]{1,2}\.?|[0-9]{4}년[\s\p{Zs}]*[0-9]{1,2}월[\s\p{Zs}]*[0-9]{1,2}일)[\s\p{Zs}]*(?:\([^\s\p{Zs}]{1,3}\))?[\s\p{Zs}]*$`)

// signature matches a line that closes a letter's signature with the
// writer's bow: 드림, 올림 (both "offered by") or 배상 ("bowing"), perhaps
// followed by a remark in brackets and by punctuation or emoji ("드림 -",
// "드림 🙏", "올림(010-…)").
var signature = regexp.MustCompile(`(?:^|\s)(?:드림|올림|배상)(?:\s*\([^()]*\))?[\s\pP\pS]*$`)

// fieldLine matches a line that opens with a label and a colon, as the
// lines of a signature or a notice do: 전화: …, 이메일: …, 후원 계좌: …,
// E-mail: …, Tel. …. A label is one or two Korean words, or one capitalised
// word: "the truth: …" at the start of a wrapped line is prose.
var fieldLine = regexp.MustCompile(`^[ \t]*(?:\p{Hangul}+(?: \p{Hangul}+)?|\p{Lu}[\pL-]*)[ \t]?[:：]`)

// isField reports whether a line is a field of a signature or a notice:
// fieldLine with a label of at most ten letters.
func isField(text string) bool {
	m := fieldLine.FindString(text)
	return m != "" && utf8.RuneCountInString(strings.TrimSpace(m)) <= 11
}

// markerLen returns how many bytes at the start of a line's pieces are an
// item marker and the white space after it, or 0.
func markerLen(src string, pieces []piece) int {
	if len(pieces) == 0 || pieces[0].kind != textPiece {
		return 0
	}
	text := src[pieces[0].start:pieces[0].end]
	if dateAtLineStart.MatchString(text) {
		return 0
	}
	return len(itemMarker.FindString(text))
}

// skeletonMarker returns how many bytes of an item marker (with the white
// space after it) stay in the skeleton. A Korean marker (가. 나)) is left
// in the sentence, for the translator to render (a. b)): in the skeleton it
// would print Korean in every edition.
func skeletonMarker(marker string) int {
	if strings.IndexFunc(marker, isHangul) >= 0 {
		return 0
	}
	return len(marker)
}

func isHangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }

// line is the pieces of one line of a region: r.pieces[first:last].
type line struct {
	first, last int
	text        string // the line's prose, without its markup
	seen        string // the line as the segmenter sees it, markup as tags
	tags        bool   // the line holds markup
	hardBreak   bool   // the line ends in a Markdown hard line break
	item        bool   // the line begins with an item marker
	marker      int    // the bytes of that marker the skeleton keeps
	// size is how wide the line's last row is in the source, as a wrapper
	// saw it; lead is how wide its first two words are.
	size, lead extent
	// spaced reports whether the line's prose has a space a wrapper may
	// break at: a wrapper kept such a line within the paragraph's width.
	spaced bool
}

// firstWords returns the first n words of s's first line, and the single
// spaces between them.
func firstWords(s string, n int) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	// Only the n words are looked at: a paragraph may be one long line.
	words := make([]string, 0, n)
	for w := range strings.FieldsFuncSeq(s, breakingSpace) {
		if len(words) == n {
			break
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// breakingSpace reports whether r is white space a line may break at: not
// a no-break space, which Word and HWP put where a line must not break.
func breakingSpace(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u2007' && r != '\u202f'
}

// extent is a width of text both ways a wrapper may count it: in
// characters, and in terminal columns (a Korean syllable takes two).
type extent struct{ runes, cells int }

// measure returns how wide s is.
func measure(s string) extent {
	e := extent{}
	for _, r := range s {
		e.runes++
		switch k := width.LookupRune(r).Kind(); {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
		case k == width.EastAsianWide || k == width.EastAsianFullwidth:
			e.cells += 2
		default:
			e.cells++
		}
	}
	return e
}

// widest returns the width of the widest of lines a wrapper could have
// broken, each way of counting on its own: the narrowest the paragraph's
// wrap width can be. A line of one word may be wider than the wrap (a long
// address); it tells nothing.
func widest(lines []line) extent {
	w := extent{}
	for _, l := range lines {
		if l.spaced {
			w.runes, w.cells = max(w.runes, l.size.runes), max(w.cells, l.size.cells)
		}
	}
	return w
}

// fits reports whether a line of size a, a space and words of size b fit
// in width w, whichever way a wrapper counted.
func fits(a, b, w extent) bool {
	return a.runes+1+b.runes <= w.runes && a.cells+1+b.cells <= w.cells
}

// regionLines cuts r's pieces into lines at its soft and hard line breaks.
func regionLines(src string, r region) []line {
	var lines []line
	cur := line{}
	var text, seen strings.Builder
	for i, p := range r.pieces {
		switch {
		case p.kind == breakPiece || p.kind == tagPiece && isHardBreak(src[p.start:p.end]):
			cur.last, cur.text, cur.seen, cur.hardBreak = i, text.String(), seen.String(), p.kind == tagPiece
			lines = append(lines, cur)
			cur = line{first: i + 1}
			text.Reset()
			seen.Reset()
		case p.kind == textPiece:
			text.WriteString(src[p.start:p.end])
			seen.WriteString(src[p.start:p.end])
		default:
			cur.tags = true
			switch {
			case p.pair >= 0 && p.opening:
				fmt.Fprintf(&seen, "<g%d>", i)
			case p.pair >= 0:
				fmt.Fprintf(&seen, "</g%d>", p.pair)
			default:
				fmt.Fprintf(&seen, "<x%d/>", i)
			}
		}
	}
	cur.last, cur.text, cur.seen = len(r.pieces), text.String(), seen.String()
	lines = append(lines, cur)
	for i := range lines {
		l := &lines[i]
		// A table cell holds no list: "- 점" in a cell is what the writer typed.
		if r.kind != "td" {
			if n := markerLen(src, r.pieces[l.first:l.last]); n > 0 {
				start := r.pieces[l.first].start
				l.item, l.marker = true, skeletonMarker(src[start:start+n])
			}
		}
		l.spaced = strings.ContainsFunc(strings.TrimSpace(l.text), breakingSpace)
		if l.first == l.last {
			continue
		}
		// The line's last row: a link's markup may hold a line break.
		start, end := r.pieces[l.first].start, r.pieces[l.last-1].end
		row := strings.LastIndexByte(src[:end], '\n') + 1
		l.size = measure(strings.TrimRightFunc(src[row:end], unicode.IsSpace))
		l.lead = measure(firstWords(src[start:], 2))
	}
	return lines
}

var brTag = regexp.MustCompile(`(?i)^<br\s*/?>$`)

// isHardBreak reports whether markup is a Markdown hard line break: two
// spaces or a backslash before a newline, or a <br> tag.
func isHardBreak(markup string) bool {
	t := strings.TrimSpace(markup)
	return brTag.MatchString(t) || strings.Contains(markup, "\n") && (strings.HasPrefix(markup, "  ") || t == `\`)
}

// endsSentence reports whether a line ends in sentence-final punctuation,
// perhaps followed by closing quotes, brackets or emoji.
func endsSentence(text string) bool {
	text = strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.Pe, r) || unicode.Is(unicode.Pf, r) ||
			r == '"' || r == '\'' || isSymbolRune(r)
	})
	r, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune(".!?。！？…~", r)
}

// isSymbolRune reports whether r is an emoji, a symbol or a joiner: what a
// line of 🙏🏻❤️ is made of.
func isSymbolRune(r rune) bool {
	return unicode.IsSymbol(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) ||
		r == 0x200D || r >= 0xFE00 && r <= 0xFE0F || r >= 0x1F000
}

// symbolLine reports whether a line holds neither words nor markup: a line of
// emoji or decoration.
func symbolLine(l line) bool {
	return !l.tags && strings.TrimSpace(l.text) != "" && !hasWords(l.text)
}

// emojiEnd reports whether a line ends in an emoji or a dingbat (🙏, 🥶🥶,
// 👍🏻, ✨): a chat line closes its thought with one, after a title ("[소식]
// 12월호 🙏") as after a sentence, and the line after it is a new one even
// where the next words would not have fitted (KakaoTalk letters are not
// wrapped, and their widest line is no wrapper's).
func emojiEnd(l line) bool {
	text := strings.TrimRightFunc(l.text, func(r rune) bool {
		return unicode.IsSpace(r) || r == 0x200D || r >= 0xFE00 && r <= 0xFE0F || r >= 0x1F3FB && r <= 0x1F3FF
	})
	r, _ := utf8.DecodeLastRuneInString(text)
	return r >= 0x2600 && r <= 0x27BF || r >= 0x2B00 && r <= 0x2BFF || r >= 0x1F000 && r <= 0x1FAFF
}

// splitEnds reports whether split ends a sentence at the end of line a when
// line b follows: a chat line's ending without a period (잘한대요, 감사합니다
// 🙏) ends one as a period does.
func splitEnds(a, b line, split Splitter) bool {
	end := len(strings.TrimRightFunc(a.seen, unicode.IsSpace))
	if end == 0 || split == nil {
		return false
	}
	for _, s := range split(a.seen[:end] + "\n" + firstWords(b.seen, 3)) {
		if s.End >= end {
			return s.End == end
		}
	}
	return false
}

// cutBetween reports whether the end of line a, followed by line b, ends a
// sentence whatever the words say, in a paragraph of width wrap; wrapped
// reports whether a continues a line that a wrapper broke, ended whether
// a sentence ends at a's end, and itemEnds whether that ends an item (a
// is an item line, or continues one and the segmenter ends a sentence
// there: the next line is no longer the item's).
func cutBetween(a, b line, wrap extent, wrapped, ended, itemEnds bool) bool {
	// A line that continues a wrapped line is the rest of a sentence: short
	// where a wrapper broke a line already ended by hand (e-mail programs do
	// on sending), or a date a narrow wrap left alone ("We met on" /
	// "2024. 5. 12." / "at 3 p.m."). A title, a greeting or a date line
	// does not continue a line.
	if a.hardBreak || b.item || isField(b.text) || symbolLine(a) || symbolLine(b) || emojiEnd(a) || !wrapped && dateLine.MatchString(a.text) {
		return true
	}
	if ended {
		return itemEnds
	}
	return signature.MatchString(a.text) || !wrapped && fits(a.size, b.lead, wrap)
}

// cutLines returns r as one region per run of lines that may hold one
// sentence, cutting where a person sees a line end one: before an item line,
// a line of emoji or a field (전화: …), after a line of emoji or a line that
// ends in one, after a date line,
// after a signature's 드림 or 올림, after a line the writer ended early (a
// title, a greeting: the next words would have fitted on it), after an item
// whose sentence ends at the line's end, and at a hard line break. A line
// that split ends (a chat line's 감사해요 🙏) is ended as one with a period
// is: the line after it is no rest of a wrapped line. An item's marker is
// left out of its region, so that it stays in the skeleton and the sentence
// is the item's text (see [skeletonMarker]).
func cutLines(src string, r region, split Splitter) []region {
	lines := regionLines(src, r)
	if len(lines) == 1 && !lines[0].item {
		return []region{r}
	}
	wrap := widest(lines)
	var out []region
	var cur []piece
	var from []int // the index in r.pieces of each piece of cur
	kind := r.kind
	flush := func() {
		if len(cur) > 0 {
			out = append(out, region{kind: kind, start: cur[0].start, end: cur[len(cur)-1].end, pieces: repair(cur, from)})
		}
		cur, from, kind = nil, nil, r.kind
	}
	add := func(i int, p piece) {
		cur, from = append(cur, p), append(from, i)
	}
	wrapped := false // the line before continues a line a wrapper broke
	for i, l := range lines {
		// Whether a sentence ends at the end of the line before, by its
		// punctuation or by the segmenter, and whether that ends an item.
		ended, itemEnds := false, false
		if i > 0 {
			prev := lines[i-1]
			// An item's period may be a date's, wrapped ("11." / "24.(주일)에
			// …"): the segmenter, which knows Korean dates, says whether the
			// item ends there.
			byPunct := endsSentence(prev.text)
			bySplit := (!byPunct || kind == "li") && splitEnds(prev, l, split)
			ended = byPunct || bySplit
			itemEnds = kind == "li" && bySplit
		}
		switch {
		case i > 0 && cutBetween(lines[i-1], l, wrap, wrapped, ended, itemEnds):
			flush()
			wrapped = false
		case i > 0:
			add(lines[i-1].last, r.pieces[lines[i-1].last])
			wrapped = !ended
		}
		if l.item && r.kind == "p" {
			kind = "li"
		}
		for k := l.first; k < l.last; k++ {
			p := r.pieces[k]
			if k == l.first && l.marker > 0 {
				if p.start += l.marker; p.start >= p.end {
					continue
				}
			}
			add(k, p)
		}
	}
	flush()
	return out
}

// repair renumbers the partners of paired tags for pieces taken from the
// indexes from of a region; a tag whose partner was left behind stands alone.
func repair(pieces []piece, from []int) []piece {
	at := make(map[int]int, len(from))
	for i, k := range from {
		at[k] = i
	}
	for i := range pieces {
		if pieces[i].pair < 0 {
			continue
		}
		if j, ok := at[pieces[i].pair]; ok {
			pieces[i].pair = j
		} else {
			pieces[i].pair, pieces[i].opening = -1, false
		}
	}
	return pieces
}
