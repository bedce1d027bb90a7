package docx

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/epistle-letters/epistle/pipeline/document"
)

// render writes blocks as a Markdown letter: a blank line between blocks,
// none between the items of a list.
func render(blocks []block) string {
	var b strings.Builder
	var widths []int           // the marker widths of the open list levels
	counts := map[string]int{} // the last number given, by list and level
	prevList, listID := false, ""
	for _, bl := range blocks {
		text := ""
		switch {
		case bl.rows != nil:
			text = table(bl.rows)
		case bl.list != nil:
			if bl.ilvl == 0 && bl.listID != listID {
				// Another list: a blank line keeps a bulleted list
				// after a numbered one apart from it.
				prevList, listID = false, bl.listID
			}
			if !prevList {
				widths = widths[:0]
			}
			widths = widths[:min(bl.ilvl, len(widths))]
			indent := 0
			for _, w := range widths {
				indent += w
			}
			marker := "-"
			key := bl.listID + "/" + strconv.Itoa(bl.ilvl)
			if bl.list.ordered[bl.ilvl] {
				n, ok := counts[key]
				if !ok {
					n = bl.list.start[bl.ilvl] - 1
				}
				counts[key] = n + 1
				marker = strconv.Itoa(n+1) + "."
			}
			// A new item at this level restarts the numbering below it.
			for l := bl.ilvl + 1; l < len(bl.list.ordered); l++ {
				delete(counts, bl.listID+"/"+strconv.Itoa(l))
			}
			widths = append(widths, len(marker)+1)
			pad := strings.Repeat(" ", indent)
			body := lines(bl.inlines, "\\\n"+pad+strings.Repeat(" ", len(marker)+1), true)
			if body == "" {
				continue
			}
			if prevList {
				b.WriteString("\n")
			} else if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(pad + marker + " " + body)
			prevList = true
			continue
		case bl.heading > 0:
			text = heading(bl.heading, bl.inlines)
		case bl.quote:
			if body := lines(bl.inlines, "\\\n> ", true); body != "" {
				text = "> " + body
			}
		default:
			text = lines(bl.inlines, "\\\n", true)
		}
		if text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(text)
		prevList = false
	}
	if b.Len() == 0 {
		return ""
	}
	b.WriteString("\n")
	return b.String()
}

// heading writes a heading on one line: Markdown's headings have no breaks.
func heading(level int, ins []inline) string {
	var flat []inline
	for _, in := range ins {
		if in.br {
			in = inline{text: " "}
		}
		flat = append(flat, in)
	}
	text := lines(flat, "", false)
	if text == "" {
		return ""
	}
	if strings.HasSuffix(text, "#") {
		// A closing run of # would be read as the heading's end.
		text = text[:len(text)-1] + `\#`
	}
	return strings.Repeat("#", level) + " " + text
}

// table writes a pipe table, its first row the header; a break in a cell
// becomes <br>, as GitHub's tables write it.
func table(rows [][][]inline) string {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return ""
	}
	var b strings.Builder
	empty := true
	for i, r := range rows {
		b.WriteString("|")
		for c := range cols {
			cell := ""
			if c < len(r) {
				cell = strings.ReplaceAll(lines(r[c], "<br>", false), "|", `\|`)
			}
			if cell != "" {
				empty = false
			}
			b.WriteString(" " + cell + " |")
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", cols) + "\n")
		}
	}
	if empty {
		return ""
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// lines writes a paragraph's inlines, each line break as br; leading and
// trailing space of every line is dropped, since Markdown would drop it or
// read it as code. blocks says whether a line could open a block (a list
// item, a quote): a heading's text or a table cell's, all on one line
// after its marker or pipe, cannot, and needs no escape at its start.
func lines(ins []inline, br string, blocks bool) string {
	var out []string
	start := 0
	for i := 0; i <= len(ins); i++ {
		if i < len(ins) && !ins[i].br {
			continue
		}
		line := line(ins[start:i])
		if blocks {
			line = escapeLineStart(line)
		}
		if line != "" {
			out = append(out, line)
		}
		start = i + 1
	}
	return strings.Join(out, br)
}

// line writes inlines without breaks: links around their text, emphasis
// around runs of the same formatting.
func line(ins []inline) string {
	ins = trimSpace(merge(ins))
	var b strings.Builder
	for i := 0; i < len(ins); {
		j := i + 1
		for j < len(ins) && ins[j].link == ins[i].link && !ins[j].image && !ins[i].image {
			j++
		}
		next := ""
		if j < len(ins) {
			next = ins[j].text
		}
		if ins[i].image {
			b.WriteString(imageNote(ins[i].text))
		} else if link := ins[i].link; link != "" && safeLink(link) {
			b.WriteString("[" + emphasis(ins[i:j], lastRune(b.String()), firstRune("]")) + "](" + destination(link) + ")")
		} else {
			b.WriteString(emphasis(ins[i:j], lastRune(b.String()), firstRune(next)))
		}
		i = j
	}
	return b.String()
}

// imageNote stands in for an image: Markdown's image syntax would point to
// a file the letter does not have.
func imageNote(alt string) string {
	if alt == "" {
		return "[image]"
	}
	return "[image: " + escape(alt) + "]"
}

// safeLink keeps the schemes an edition keeps; another target (a file on
// the writer's disk, javascript:) is dropped and the text stays.
func safeLink(link string) bool {
	l := strings.ToLower(link)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "mailto:")
}

// destination writes a link target, in angle brackets when it has spaces or
// parentheses.
func destination(link string) string {
	if strings.ContainsAny(link, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(link) + ">"
	}
	return link
}

// emphasis writes inlines with the same link: runs of the same bold and
// italic inside one pair of markers. prev and next are the characters
// around, which decide whether a marker can open or close.
func emphasis(ins []inline, prev, next rune) string {
	var b strings.Builder
	for i := 0; i < len(ins); {
		j := i + 1
		for j < len(ins) && ins[j].bold == ins[i].bold && ins[j].italic == ins[i].italic {
			j++
		}
		var text strings.Builder
		for _, in := range ins[i:j] {
			text.WriteString(in.text)
		}
		after := next
		if j < len(ins) {
			after = firstRune(ins[j].text)
		}
		before := prev
		if b.Len() > 0 {
			before = lastRune(b.String())
		}
		b.WriteString(mark(text.String(), ins[i].bold, ins[i].italic, before, after))
		i = j
	}
	return b.String()
}

// mark wraps text in * markers. CommonMark lets a marker open only before
// text that does not start with punctuation unless a space or punctuation
// is before it, and close likewise; punctuation at the edges of the text
// that would stop it moves outside (**“말씀”**이 → “**말씀**”이).
func mark(text string, bold, italic bool, before, after rune) string {
	m := ""
	switch {
	case bold && italic:
		m = "***"
	case bold:
		m = "**"
	case italic:
		m = "*"
	}
	core := strings.TrimLeftFunc(text, unicode.IsSpace)
	lead := text[:len(text)-len(core)]
	core = strings.TrimRightFunc(core, unicode.IsSpace)
	trail := text[len(lead)+len(core):]
	if m == "" || core == "" {
		return escape(text)
	}
	if lead == "" && word(before) {
		i := strings.IndexFunc(core, func(r rune) bool { return !unicode.IsPunct(r) && !unicode.IsSymbol(r) })
		if i < 0 {
			return escape(text)
		}
		lead, core = core[:i], core[i:]
	}
	if trail == "" && word(after) {
		i := strings.LastIndexFunc(core, func(r rune) bool { return !unicode.IsPunct(r) && !unicode.IsSymbol(r) })
		_, size := utf8.DecodeRuneInString(core[i:])
		core, trail = core[:i+size], core[i+size:]
	}
	return escape(lead) + m + escape(core) + m + escape(trail)
}

func word(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// merge joins neighbouring text inlines of the same formatting and link.
func merge(ins []inline) []inline {
	var out []inline
	for _, in := range ins {
		if n := len(out); n > 0 && !in.image && !out[n-1].image &&
			out[n-1].bold == in.bold && out[n-1].italic == in.italic && out[n-1].link == in.link {
			out[n-1].text += in.text
			continue
		}
		out = append(out, in)
	}
	return out
}

// trimSpace drops the space at both ends of a line.
func trimSpace(ins []inline) []inline {
	for len(ins) > 0 && !ins[0].image && strings.TrimSpace(ins[0].text) == "" {
		ins = ins[1:]
	}
	for len(ins) > 0 && !ins[len(ins)-1].image && strings.TrimSpace(ins[len(ins)-1].text) == "" {
		ins = ins[:len(ins)-1]
	}
	if len(ins) == 0 {
		return nil
	}
	ins = append([]inline(nil), ins...)
	if !ins[0].image {
		ins[0].text = strings.TrimLeftFunc(ins[0].text, unicode.IsSpace)
	}
	if last := len(ins) - 1; !ins[last].image {
		ins[last].text = strings.TrimRightFunc(ins[last].text, unicode.IsSpace)
	}
	return ins
}

// specials are the characters that are Markdown inside a line.
var specials = strings.NewReplacer(`\`, `\\`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`)

// entity matches what Markdown would read as a character reference.
var entity = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)

// escape makes text mean itself in Markdown.
func escape(s string) string {
	s = escapeDelimiters(specials.Replace(s))
	if strings.Contains(s, "&") {
		s = entity.ReplaceAllString(s, `\$0`)
	}
	return s
}

// orderedStart and blockStart match the start of a line Markdown would
// read as a block marker: a numbered item; a quote, heading, bulleted item,
// thematic break or setext underline.
var (
	orderedStart = regexp.MustCompile(`^[0-9]{1,9}[.)](\s|$)`)
	blockStart   = regexp.MustCompile(`^(>|(#{1,6}|[+-])(\s|$)|=+\s*$|-+\s*$)`)
)

// escapeLineStart escapes a block marker at the start of a line. A Korean
// date (2024. 5. 12. 주일에는) opens no list in a letter
// (document.DateAtLineStart) and stays as written: escaped, its period
// would end a sentence of its own.
func escapeLineStart(s string) string {
	switch {
	case orderedStart.MatchString(s) && !document.DateAtLineStart(s):
		i := strings.IndexAny(s, ".)")
		return s[:i] + `\` + s[i:]
	case blockStart.MatchString(s):
		return `\` + s
	}
	return s
}

// escapeDelimiters escapes * and _, except where CommonMark cannot read one
// as emphasis: an _ between letters or digits (kim_lee@example.org,
// my_page), or either between two spaces (1 * 2). The text a translator
// sees then keeps the writer's address and words, not a backslash in them.
// A character at either end of s, whose neighbour is not known here, is
// escaped.
func escapeDelimiters(s string) string {
	if !strings.ContainsAny(s, "*_") {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if c == '*' || c == '_' {
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[i+1:])
			inert := i > 0 && i+1 < len(s) &&
				(c == '_' && word(before) && word(after) ||
					unicode.IsSpace(before) && unicode.IsSpace(after))
			if !inert {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(c)
	}
	return b.String()
}
