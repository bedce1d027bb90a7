package document

import (
	"fmt"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Splitter finds the sentences of a paragraph: each span is a byte range
// of text, trimmed of white space, in order. The segment package provides
// the real one; tags are transparent to it. Parse calls it from several
// goroutines at once.
type Splitter func(text string) []Span

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Parse splits text — decoded, NFC, LF line endings — into a Document.
// format is "md" for Markdown (CommonMark) or "txt" for plain text, whose
// paragraphs are separated by blank lines.
func Parse(src string, format string, split Splitter) *Document {
	d := &Document{Format: format}
	var regions []region
	if format == "md" {
		regions = markdownRegions(src)
	} else {
		regions = textRegions(src)
	}
	var cut []region
	for _, r := range regions {
		cut = append(cut, cutLines(src, r, split)...)
	}
	regions = cut
	// Tagging and splitting a region depends on that region alone: it is
	// done on every core, and the document assembled in order after.
	splits := make([]regionSplit, len(regions))
	workers := min(runtime.GOMAXPROCS(0), (len(regions)+15)/16)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(regions); i += workers {
				splits[i] = splitRegion(src, regions[i], split)
			}
		})
	}
	wg.Wait()
	pos := 0
	for i, r := range regions {
		d.addRegion(src, &pos, r, splits[i])
	}
	d.literal(src[pos:])
	return d
}

// region is a leaf block whose content holds prose: src[start:end] is its
// content and pieces cover it.
type region struct {
	kind   string
	start  int
	end    int
	pieces []piece
}

// piece is part of a region's content: prose (text), markup (a tag) or a
// soft line break.
type piece struct {
	kind  pieceKind
	start int // in src
	end   int
	// For tags: the tag's number within the region, whether it opens or
	// closes a pair (pair is the number of its partner piece, -1 if none),
	// and what markup it is.
	pair    int
	opening bool
	tagKind string
}

type pieceKind int

const (
	textPiece pieceKind = iota
	tagPiece
	breakPiece
)

func (d *Document) literal(s string) {
	if s == "" {
		return
	}
	if n := len(d.Parts); n > 0 && d.Parts[n-1].Sentence == nil {
		d.Parts[n-1].Literal += s
		return
	}
	d.Parts = append(d.Parts, Part{Literal: s})
}

// regionSplit is a region's text with its markup as tags, and its
// sentences.
type regionSplit struct {
	// sentences are the region's sentences, made on the core that split
	// it, each with where it starts and ends in src; spans with no words
	// make none.
	sentences []splitSentence
}

type splitSentence struct {
	s          *Sentence
	start, end int
}

// splitRegion writes region r's text with its markup as tags, and splits it.
func splitRegion(src string, r region, split Splitter) regionSplit {
	// The tagged text of the whole region, and for every piece where its
	// tagged text starts, so that sentence spans map back to the source.
	var t strings.Builder
	tstart := make([]int, len(r.pieces)+1)
	names := make([]string, len(r.pieces))
	for i, p := range r.pieces {
		tstart[i] = t.Len()
		switch p.kind {
		case textPiece:
			t.WriteString(src[p.start:p.end])
		case breakPiece:
			t.WriteByte('\n')
		case tagPiece:
			switch {
			case p.pair >= 0 && p.opening:
				names[i] = fmt.Sprintf("g%d", i)
				fmt.Fprintf(&t, "<g%d>", i)
			case p.pair >= 0:
				names[i] = fmt.Sprintf("g%d", p.pair)
				fmt.Fprintf(&t, "</g%d>", p.pair)
			default:
				names[i] = fmt.Sprintf("x%d", i)
				fmt.Fprintf(&t, "<x%d/>", i)
			}
		}
	}
	tagged := t.String()
	tstart[len(r.pieces)] = len(tagged)
	// srcAt maps an offset in tagged to an offset in src. Every piece
	// writes at least one byte of tagged text and spans never start or end
	// inside a tag, so an offset is inside a text piece or at a piece's start.
	srcAt := func(off int) int {
		i := sort.SearchInts(tstart, off+1) - 1
		if i >= len(r.pieces) {
			return r.end
		}
		p := r.pieces[i]
		if p.kind == textPiece {
			return p.start + off - tstart[i]
		}
		return p.start
	}
	var rs regionSplit
	for _, sp := range split(tagged) {
		if !hasWords(tagged[sp.Start:sp.End]) {
			continue
		}
		rs.sentences = append(rs.sentences, splitSentence{
			s:     newSentence(src, r, names, tstart, sp, tagged),
			start: srcAt(sp.Start), end: srcAt(sp.End),
		})
	}
	return rs
}

// addRegion appends the literal text before region r and r's sentences.
func (d *Document) addRegion(src string, pos *int, r region, rs regionSplit) {
	block := -1
	for _, ss := range rs.sentences {
		s0 := max(ss.start, *pos)
		d.literal(src[*pos:s0])
		*pos = ss.end
		if block < 0 {
			d.Blocks = append(d.Blocks, Block{Kind: r.kind, First: len(d.Parts)})
			block = len(d.Blocks) - 1
		}
		ss.s.Block = block
		d.Parts = append(d.Parts, Part{Sentence: ss.s})
		d.Blocks[block].Last = len(d.Parts)
	}
}

// newSentence makes the sentence tagged[sp] of region r, numbering its tags
// from 1 and turning a pair whose partner lies in another sentence into a
// standalone tag.
func newSentence(src string, r region, names []string, tstart []int, sp Span, tagged string) *Sentence {
	inside := func(i int) bool { return tstart[i] >= sp.Start && tstart[i] < sp.End }
	s := &Sentence{}
	var b strings.Builder
	n := 0
	renamed := map[int]string{}
	last := sp.Start
	for i, p := range r.pieces {
		if !inside(i) || p.kind == textPiece {
			continue
		}
		if p.kind == breakPiece {
			s.Breaks = append(s.Breaks, src[p.start:p.end])
			continue
		}
		b.WriteString(tagged[last:tstart[i]])
		last = tstart[i+1]
		markup := src[p.start:p.end]
		switch {
		case p.pair >= 0 && p.opening && inside(p.pair):
			n++
			name := fmt.Sprintf("g%d", n)
			renamed[i] = name
			closer := r.pieces[p.pair]
			s.Tags = append(s.Tags, Tag{Name: name, Open: markup, Close: src[closer.start:closer.end], Kind: p.tagKind})
			b.WriteString("<" + name + ">")
		case p.pair >= 0 && !p.opening && inside(p.pair):
			b.WriteString("</" + renamed[p.pair] + ">")
		default:
			n++
			name := fmt.Sprintf("x%d", n)
			s.Tags = append(s.Tags, Tag{Name: name, Open: markup, Kind: p.tagKind})
			b.WriteString("<" + name + "/>")
		}
	}
	b.WriteString(tagged[last:sp.End])
	s.Text = b.String()
	return s
}

// hasWords reports whether a span holds a letter or digit outside its tags:
// a line of emoji or a lone image is not worth a translator's time.
func hasWords(s string) bool {
	if strings.IndexByte(s, '<') >= 0 { // every tag starts with one
		s = TagPattern.ReplaceAllString(s, "")
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// textRegions finds the paragraphs of a plain-text letter: runs of
// non-blank lines.
func textRegions(src string) []region {
	var regions []region
	start, end := -1, -1
	for ls := 0; ls < len(src); {
		le := strings.IndexByte(src[ls:], '\n')
		if le < 0 {
			le = len(src)
		} else {
			le += ls
		}
		if strings.TrimSpace(src[ls:le]) == "" {
			if start >= 0 {
				regions = append(regions, region{kind: "p", start: start, end: end})
				start = -1
			}
		} else {
			if start < 0 {
				start = ls
			}
			end = le
		}
		ls = le + 1
	}
	if start >= 0 {
		regions = append(regions, region{kind: "p", start: start, end: end})
	}
	for i := range regions {
		r := &regions[i]
		for ls := r.start; ls < r.end; {
			le := strings.IndexByte(src[ls:r.end], '\n')
			if le < 0 {
				r.pieces = append(r.pieces, prose(src, ls, r.end)...)
				break
			}
			le += ls
			r.pieces = append(r.pieces, prose(src, ls, le)...)
			r.pieces = append(r.pieces, piece{kind: breakPiece, start: le, end: le + 1, pair: -1})
			ls = le + 1
		}
	}
	return regions
}

// protectedInText matches what is never sent for translation even where
// the writer typed it as plain text: web addresses, e-mail addresses, and
// anything that looks like one of our own tags. An address ends at any
// white space, a no-break or an ideographic space too.
var protectedInText = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s\p{Z}<>"]*[^\s\p{Z}<>".,;:!?'")\]]|[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}|</?g[0-9]+>|<[xn][0-9]+/>`)

// mayProtect reports whether text holds what every match of
// protectedInText needs: "://", "www.", "@" or "<". Most paragraphs hold
// none, and the regexp, tried at every position, was a tenth of segmenting
// a long letter.
func mayProtect(text string) bool {
	if strings.Contains(text, "://") || strings.ContainsAny(text, "@<") {
		return true
	}
	for i := strings.IndexByte(text, '.'); i >= 0; {
		if i >= 3 && strings.EqualFold(text[i-3:i], "www") {
			return true
		}
		next := strings.IndexByte(text[i+1:], '.')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// prose returns the pieces of src[start:end], plain text in which web and
// e-mail addresses become standalone tags.
func prose(src string, start, end int) []piece {
	var out []piece
	base := start
	var found [][]int
	if mayProtect(src[start:end]) {
		found = protectedInText.FindAllStringIndex(src[start:end], -1)
	}
	for _, loc := range found {
		a, b := base+loc[0], base+loc[1]
		if a > start {
			out = append(out, piece{kind: textPiece, start: start, end: a, pair: -1})
		}
		out = append(out, piece{kind: tagPiece, start: a, end: b, pair: -1, tagKind: "url"})
		start = b
	}
	if end > start {
		out = append(out, piece{kind: textPiece, start: start, end: end, pair: -1})
	}
	return out
}
