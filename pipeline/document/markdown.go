package document

import (
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
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
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, extast.KindTableCell:
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
	switch n := n.(type) {
	case *ast.Heading:
		return "h" + string(rune('0'+n.Level))
	case *extast.TableCell:
		return "td"
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

// markupRun is the markup between two prose texts of a block: syntax that
// becomes a tag, a line break, or white space.
type markupRun struct {
	span
	// kind is what inline node (em, strong, link) opens or closes with the
	// run, if any.
	kind string
	// closers are the runs that close what this run opens; openers the
	// runs that open what it closes.
	closers, openers []int
	// partner is the run this one pairs with as a tag pair, or -1.
	partner int
	// piece is the run's index among the region's pieces.
	piece int
}

// proseRegion splits block n into pieces: its prose texts, the markup
// runs between them, and pairs of runs that open and close the same
// emphasis or link.
func proseRegion(src string, n ast.Node) (region, bool) {
	r, ok := blockRange(src, n)
	if !ok {
		return region{}, false
	}
	// goldmark ends a text node at every character that may open or close
	// emphasis, an underscore too: texts that touch are one, so that a web
	// or e-mail address with an underscore in it stays one address.
	var texts []span
	proseTexts(n, r, func(a, b int) {
		if k := len(texts) - 1; k >= 0 && texts[k].end == a {
			texts[k].end = b
			return
		}
		texts = append(texts, span{a, b})
	})
	runs := markupRuns(src, texts, r)
	findOpenersAndClosers(n, r, runs)
	pairRuns(runs)
	r.pieces = interleave(src, texts, runs)
	linkPairs(r.pieces, runs)
	return r, true
}

// blockRange returns the region of block n, its lines without the white
// space that ends the last; false when it holds nothing.
func blockRange(src string, n ast.Node) (region, bool) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return region{}, false
	}
	r := region{kind: blockKind(n), start: lines.At(0).Start, end: lines.At(lines.Len() - 1).Stop}
	for r.end > r.start && strings.ContainsRune(" \t\r\n", rune(src[r.end-1])) {
		r.end--
	}
	return r, r.end > r.start
}

// leadingBreak and trailingBreak match a line break at the start or the
// end of a run of markup: "\n**" before bold at a line's start, "](url)\n"
// after a link at a line's end, "**  \n" before a hard break.
var (
	leadingBreak  = regexp.MustCompile(`\A[ \t]*\n[ \t>]*`)
	trailingBreak = regexp.MustCompile(`(?:[ \t]*|\\)\n[ \t>]*\z`)
)

// markupRuns returns the runs of r that no prose text covers. A line break
// at either end of a run is a run of its own: the line ends there as much
// as after a word (a wrapper puts a link or bold words at a line's start or
// end as it likes), and the sentence keeps its space there.
func markupRuns(src string, texts []span, r region) []markupRun {
	var runs []markupRun
	run := func(a, b int) {
		if a < b {
			runs = append(runs, markupRun{span: span{a, b}, partner: -1})
		}
	}
	add := func(a, b int) {
		if m := src[a:b]; strings.TrimSpace(m) == "" || softBreak.MatchString(m) {
			run(a, b)
			return
		}
		if loc := leadingBreak.FindStringIndex(src[a:b]); loc != nil {
			run(a, a+loc[1])
			a += loc[1]
		}
		end := b
		if loc := trailingBreak.FindStringIndex(src[a:b]); loc != nil {
			end = a + loc[0]
		}
		run(a, end)
		run(end, b)
	}
	pos := r.start
	for _, t := range texts {
		if t.start > pos {
			add(pos, t.start)
		}
		pos = max(pos, t.end)
	}
	if pos < r.end {
		add(pos, r.end)
	}
	return runs
}

// findOpenersAndClosers records, for every emphasis and link under n, the
// run right before its first text (which opens it) and the run right after
// its last (which closes it).
func findOpenersAndClosers(n ast.Node, r region, runs []markupRun) {
	endingAt := make(map[int]int, len(runs))
	startingAt := make(map[int]int, len(runs))
	for i, run := range runs {
		endingAt[run.end] = i
		startingAt[run.start] = i
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		kind := inlineKind(c)
		if kind == "skip" {
			return ast.WalkSkipChildren, nil
		}
		if kind == "" {
			return ast.WalkContinue, nil
		}
		first, last, ok := textExtent(c, r)
		if !ok {
			return ast.WalkContinue, nil
		}
		o, ok1 := endingAt[first]
		cl, ok2 := startingAt[last]
		if !ok1 || !ok2 {
			return ast.WalkContinue, nil
		}
		runs[o].closers = appendNew(runs[o].closers, cl)
		runs[cl].openers = appendNew(runs[cl].openers, o)
		if runs[o].kind == "" {
			runs[o].kind = kind
		}
		return ast.WalkContinue, nil
	})
}

// inlineKind names the tag pair an inline node makes: em, strong, link,
// image (whose words are its alt text, which screen readers read); "" for
// none, and "skip" for code spans, which stay whole.
func inlineKind(n ast.Node) string {
	switch e := n.(type) {
	case *ast.CodeSpan:
		return "skip"
	case *ast.Image:
		return "image"
	case *ast.Emphasis:
		if e.Level == 2 {
			return "strong"
		}
		return "em"
	case *ast.Link:
		return "link"
	}
	return ""
}

func appendNew(xs []int, x int) []int {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}

// pairRuns pairs a run that opens exactly one thing with the run that
// closes it, when that run closes nothing else. A run that would open or
// close two different things stays a standalone tag.
func pairRuns(runs []markupRun) {
	for o := range runs {
		if len(runs[o].closers) != 1 || runs[o].openers != nil {
			continue
		}
		cl := runs[o].closers[0]
		if len(runs[cl].openers) == 1 && runs[cl].closers == nil {
			runs[o].partner, runs[cl].partner = cl, o
		}
	}
}

// interleave returns the pieces of texts and runs in source order, noting
// in each run where its piece is.
func interleave(src string, texts []span, runs []markupRun) []piece {
	var pieces []piece
	ti, ri := 0, 0
	for ti < len(texts) || ri < len(runs) {
		if ri < len(runs) && (ti >= len(texts) || runs[ri].start < texts[ti].start) {
			runs[ri].piece = len(pieces)
			pieces = append(pieces, runPiece(src, runs[ri]))
			ri++
			continue
		}
		pieces = append(pieces, prose(src, texts[ti].start, texts[ti].end)...)
		ti++
	}
	return pieces
}

// runPiece is the piece a run of markup makes: a soft line break, white
// space, or a tag.
func runPiece(src string, run markupRun) piece {
	markup := src[run.start:run.end]
	p := piece{kind: tagPiece, start: run.start, end: run.end, pair: -1}
	switch {
	case softBreak.MatchString(markup):
		p.kind = breakPiece
	case strings.TrimSpace(markup) == "" && !strings.Contains(markup, "\n"):
		p.kind = textPiece
	case run.kind != "":
		p.tagKind = run.kind
	default:
		p.tagKind = markupKind(markup)
	}
	return p
}

// linkPairs lets the two tag pieces of every pair of runs know each other.
func linkPairs(pieces []piece, runs []markupRun) {
	for o, run := range runs {
		if run.partner < o {
			continue
		}
		po, pc := run.piece, runs[run.partner].piece
		if pieces[po].kind != tagPiece || pieces[pc].kind != tagPiece {
			continue
		}
		pieces[po].pair, pieces[po].opening = pc, true
		pieces[pc].pair = po
		pieces[pc].tagKind = pieces[po].tagKind
	}
}

// proseTexts calls fn with the source range of every Text node under n
// that is prose: inside r, and not inside a code span, which stays whole.
func proseTexts(n ast.Node, r region, fn func(start, end int)) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.CodeSpan:
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
