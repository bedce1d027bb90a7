package document

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// markdownRegions finds the blocks of a Markdown letter that hold prose —
// paragraphs, headings, the text of list items — and splits each into text,
// markup and line breaks. goldmark keeps the source position of every line
// and every run of text; whatever inside a block is not text is markup.
func markdownRegions(src string) []region {
	source := []byte(src)
	// YAML front matter is metadata, not prose, and CommonMark would read it
	// as a rule and a heading: blank it out, keeping every offset.
	if end := frontMatterEnd(src); end > 0 {
		for i := 0; i < end; i++ {
			if source[i] != '\n' {
				source[i] = ' '
			}
		}
	}
	doc := letterParser().Parse(text.NewReader(source))
	var regions []region
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			if r, ok := proseRegion(src, n); ok {
				regions = append(regions, r)
			}
			return ast.WalkSkipChildren, nil
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return regions
}

var frontMatterRe = regexp.MustCompile(`\A---[ \t]*\n(?:.*\n)*?(?:---|\.\.\.)[ \t]*(?:\n|\z)`)

// frontMatterEnd returns the length of the YAML front matter that opens src,
// or 0.
func frontMatterEnd(src string) int {
	if loc := frontMatterRe.FindStringIndex(src); loc != nil {
		return loc[1]
	}
	return 0
}

// softBreak matches markup that is only a line break and the next line's
// indentation or block-quote markers.
var softBreak = regexp.MustCompile(`\A ?\n[ \t>]*\z`)

func blockKind(n ast.Node) string {
	if h, ok := n.(*ast.Heading); ok {
		return "h" + string(rune('0'+h.Level))
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Kind() {
		case ast.KindListItem:
			return "li"
		case ast.KindBlockquote:
			return "blockquote"
		}
	}
	return "p"
}

// span is a byte range of the source.
type span struct{ start, end int }

// proseRegion splits block n into pieces.
func proseRegion(src string, n ast.Node) (region, bool) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return region{}, false
	}
	r := region{kind: blockKind(n), start: lines.At(0).Start, end: lines.At(lines.Len() - 1).Stop}
	for r.end > r.start && strings.ContainsRune(" \t\r\n", rune(src[r.end-1])) {
		r.end--
	}
	if r.end <= r.start {
		return region{}, false
	}

	// Text covered by goldmark's Text nodes is prose, except inside code
	// spans and images, which stay whole.
	var covered []span
	proseTexts(n, r, func(a, b int) { covered = append(covered, span{a, b}) })

	// The markup between texts, as runs.
	var runs []span
	pos := r.start
	for _, c := range covered {
		if c.start > pos {
			runs = append(runs, span{pos, c.start})
		}
		pos = max(pos, c.end)
	}
	if pos < r.end {
		runs = append(runs, span{pos, r.end})
	}
	runEndingAt := map[int]int{}
	runStartingAt := map[int]int{}
	for i, run := range runs {
		runEndingAt[run.end] = i
		runStartingAt[run.start] = i
	}

	// Emphasis and links open with the run right before their first text
	// and close with the run right after their last. A run that would open
	// or close two different things stays a standalone tag.
	opens := map[int]map[int]bool{}  // open run → close runs
	closes := map[int]map[int]bool{} // close run → open runs
	kinds := map[int]string{}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var kind string
		switch e := c.(type) {
		case *ast.CodeSpan, *ast.Image:
			return ast.WalkSkipChildren, nil
		case *ast.Emphasis:
			kind = "em"
			if e.Level == 2 {
				kind = "strong"
			}
		case *ast.Link:
			kind = "link"
		default:
			return ast.WalkContinue, nil
		}
		first, last, ok := textExtent(c, r)
		if !ok {
			return ast.WalkContinue, nil
		}
		o, ok1 := runEndingAt[first]
		cl, ok2 := runStartingAt[last]
		if !ok1 || !ok2 {
			return ast.WalkContinue, nil
		}
		if opens[o] == nil {
			opens[o] = map[int]bool{}
		}
		if closes[cl] == nil {
			closes[cl] = map[int]bool{}
		}
		opens[o][cl] = true
		closes[cl][o] = true
		if _, seen := kinds[o]; !seen {
			kinds[o] = kind
		}
		return ast.WalkContinue, nil
	})
	partner := map[int]int{}
	for o, cs := range opens {
		if len(cs) != 1 || closes[o] != nil {
			continue
		}
		for cl := range cs {
			if len(closes[cl]) == 1 && opens[cl] == nil {
				partner[o], partner[cl] = cl, o
			}
		}
	}

	// Pieces in source order; a pair's pieces learn each other's index.
	runPiece := map[int]int{}
	ci, ri := 0, 0
	for ci < len(covered) || ri < len(runs) {
		if ri < len(runs) && (ci >= len(covered) || runs[ri].start < covered[ci].start) {
			run := runs[ri]
			markup := src[run.start:run.end]
			p := piece{kind: tagPiece, start: run.start, end: run.end, pair: -1}
			switch {
			case softBreak.MatchString(markup):
				p.kind = breakPiece
			case strings.TrimSpace(markup) == "" && !strings.Contains(markup, "\n"):
				p.kind = textPiece
			default:
				p.tagKind = markupKind(markup)
				if k, ok := kinds[ri]; ok {
					p.tagKind = k
				}
			}
			runPiece[ri] = len(r.pieces)
			r.pieces = append(r.pieces, p)
			ri++
			continue
		}
		c := covered[ci]
		r.pieces = append(r.pieces, prose(src, c.start, c.end)...)
		ci++
	}
	for o, cl := range partner {
		po, pc := runPiece[o], runPiece[cl]
		if r.pieces[po].kind != tagPiece || r.pieces[pc].kind != tagPiece || o > cl {
			continue
		}
		r.pieces[po].pair, r.pieces[po].opening = pc, true
		r.pieces[pc].pair = po
		r.pieces[pc].tagKind = r.pieces[po].tagKind
	}
	return r, true
}

// proseTexts calls fn with the source range of every Text node under n
// that is prose: inside r, and not inside a code span or an image, which
// stay whole.
func proseTexts(n ast.Node, r region, fn func(start, end int)) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.CodeSpan, *ast.Image:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if a, b := max(t.Segment.Start, r.start), min(t.Segment.Stop, r.end); a < b {
				fn(a, b)
			}
		}
		return ast.WalkContinue, nil
	})
}

// textExtent returns where the first prose text under n starts and the
// last ends.
func textExtent(n ast.Node, r region) (first, last int, ok bool) {
	first, last = -1, -1
	proseTexts(n, r, func(a, b int) {
		if first < 0 {
			first = a
		}
		last = b
	})
	return first, last, first >= 0
}

// markupKind guesses what standalone markup is, for renderers and for the
// translator's notes.
func markupKind(m string) string {
	t := strings.TrimSpace(m)
	switch {
	case strings.Contains(t, "!["):
		return "image"
	case strings.HasPrefix(t, "`"):
		return "code"
	case strings.HasPrefix(t, "<http") || strings.HasPrefix(t, "<mailto"):
		return "url"
	case strings.HasPrefix(t, "<"):
		return "html"
	case strings.Contains(m, "\n"):
		return "br"
	}
	return ""
}
