// Package edition writes what readers get: a letter rebuilt in one language
// (Markdown, plain text, a web page, an email) and the bilingual issue, in
// which every block of the Korean letter stands beside its translation.
//
// An edition is made of the letter's skeleton (its document structure) and
// one text per sentence. [Select] chooses those texts from a letter's
// catalogs: only approved translations, unless the caller accepts machine
// output, and then the source sentence where there is no translation at all.
// Every text remembers where it came from ([Origin]), so that the web page
// and the email can mark what no person has reviewed.
//
// The letter is the pastor's, but what it contains is not trusted: a letter
// pasted from a web page may hold raw HTML or a javascript: link. The web
// and email editions escape all text (a <script> shows as words) and keep
// only links to http, https and mailto addresses; relative links have no
// meaning once the edition leaves the letter's folder, so they are dropped
// and their words kept. Images are shown as their description: a page that
// loads a picture has spoken to the network, and the issue must not.
package edition

import (
	"bytes"
	"regexp"
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/document"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// Format is the kind of file an edition is written as.
type Format string

// The edition formats.
const (
	Markdown Format = "md"
	HTML     Format = "html"
	Text     Format = "txt"
	Email    Format = "email"
)

// Formats lists the formats in the order help shows them.
var Formats = []Format{Markdown, HTML, Text, Email}

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, bool) {
	for _, f := range Formats {
		if strings.EqualFold(s, string(f)) {
			return f, true
		}
	}
	return "", false
}

// Origin says where a sentence's text in an edition came from.
type Origin int

const (
	// Approved: the source itself, or a translation a person approved.
	Approved Origin = iota
	// Machine: a machine translation nobody has reviewed.
	Machine
	// Untranslated: the source sentence standing in for a translation
	// that does not exist.
	Untranslated
)

// Sentence is one sentence's text in an edition.
type Sentence struct {
	Text   string
	Origin Origin
}

// Side is a letter in one language: a text for every sentence id.
type Side struct {
	Lang  language.Tag
	Texts map[string]Sentence
}

// Letter is what an edition is made from.
type Letter struct {
	// Name is the letter's file name, for the page title when the letter
	// has no heading.
	Name string
	Doc  *document.Document
	// Source is the letter as written; Target the translation, for the
	// bilingual issue and for a translated edition.
	Source Side
	Target *Side
}

// SourceSide is the letter's own text, all of it approved, with its line
// breaks where the letter has them (the source catalog holds each sentence
// as one line).
func SourceSide(l *store.Letter) Side {
	s := Side{Lang: l.Source, Texts: map[string]Sentence{}}
	for _, sen := range l.Doc.Sentences() {
		s.Texts[sen.ID] = Sentence{Text: sen.Text}
	}
	return s
}

// MissingError lists the sentences that have no approved translation.
type MissingError struct {
	Letter string
	Lang   language.Tag
	IDs    []string
}

// Error renders the message in English; Message gives it to the command
// line in the reader's language.
func (e *MissingError) Error() string { return e.Message().Error() }

// Message is the error as a user-facing message with its hint.
func (e *MissingError) Message() *locales.Message {
	return locales.New("export.missing", "Path", e.Letter, "Lang", e.Lang.String(), "Count", len(e.IDs),
		"IDs", strings.Join(e.IDs, ", ")).
		WithHint("export.missing.hint", "Path", e.Letter, "Lang", e.Lang.String())
}

// Select chooses the text of every sentence of l in t's language: the
// approved translation of the current source. A translation approved for an
// earlier version of a sentence (stale) is not approved for this one. When
// some sentence has none, Select fails with a *MissingError naming them all,
// unless includeUnreviewed: then the machine translation of the current
// source stands in, and where there is none the source sentence, each marked
// by its Origin.
func Select(l *store.Letter, t *store.Translations, includeUnreviewed bool) (Side, error) {
	side := Side{Lang: t.Lang, Texts: map[string]Sentence{}}
	// A translation is one line whatever line breaks a translator copied
	// from the source: the edition breaks lines where the letter's markup
	// does, not at random inside a sentence.
	var missing []string
	for _, st := range l.States(t) {
		switch {
		case st.State == store.Approved:
			side.Texts[st.ID] = Sentence{Text: store.OneLine(st.Approved.Other)}
		case !includeUnreviewed:
			missing = append(missing, st.ID)
		case st.Machine != nil:
			side.Texts[st.ID] = Sentence{Text: store.OneLine(st.Machine.Other), Origin: Machine}
		case st.Approved != nil:
			// Stale: approved for the words before the pastor's edit. Closer
			// to the letter than the Korean, and marked like machine output:
			// nobody has read it against the new words.
			side.Texts[st.ID] = Sentence{Text: store.OneLine(st.Approved.Other), Origin: Machine}
		case st.Outdated != nil:
			side.Texts[st.ID] = Sentence{Text: store.OneLine(st.Outdated.Other), Origin: Machine}
		default:
			side.Texts[st.ID] = Sentence{Text: st.Source, Origin: Untranslated}
		}
	}
	if len(missing) > 0 {
		return side, &MissingError{Letter: l.Path, Lang: t.Lang, IDs: missing}
	}
	return side, nil
}

// Unreviewed counts the sentences of a side that are machine output and
// those that are the untranslated source.
func (s Side) Unreviewed() (machine, untranslated int) {
	for _, t := range s.Texts {
		switch t.Origin {
		case Machine:
			machine++
		case Untranslated:
			untranslated++
		}
	}
	return machine, untranslated
}

// Write renders the edition of l in format f: the target side when l has
// one, else the source; bilingual puts both side by side (it needs a
// target).
func Write(l *Letter, f Format, bilingual bool) []byte {
	if f == Markdown && l.Target != nil && l.Doc.Format == "md" {
		c := *l
		c.Target = escaped(l.Target)
		l = &c
	}
	side := l.Source
	if l.Target != nil {
		side = *l.Target
	}
	if bilingual && l.Target != nil {
		switch f {
		case Markdown:
			return []byte(bilingualMarkdown(l))
		case Text:
			return []byte(bilingualText(l))
		case Email:
			return []byte(bilingualEmail(l))
		default:
			return []byte(bilingualHTML(l))
		}
	}
	switch f {
	case Markdown:
		return []byte(markdownEdition(l.Doc, side, false))
	case Text:
		return []byte(textEdition(l.Doc, side))
	case Email:
		return []byte(emailPage(l, side))
	default:
		return []byte(htmlPage(l, side))
	}
}

// markdownEdition is the letter rebuilt with side's texts, the space
// between sentences as side's language writes it ([sentenceGap]). With mark,
// the texts no person approved are wrapped in sentinels that the HTML
// renderer turns into marks.
func markdownEdition(doc *document.Document, side Side, mark bool) string {
	var b strings.Builder
	before := ""
	for i, p := range doc.Parts {
		if p.Sentence == nil {
			lit := p.Literal
			if i+1 < len(doc.Parts) && doc.Parts[i+1].Sentence != nil {
				lit = sentenceGap(lit, before, side.Lang)
			}
			b.WriteString(lit)
			before = ""
			continue
		}
		text := p.Sentence.Text
		if t, ok := side.Texts[p.Sentence.ID]; ok {
			text = sentenceText(t, mark)
		}
		before = text
		b.WriteString(p.Sentence.Markup(text))
	}
	return b.String()
}

// markdownEditionLines is markdownEdition, marked, for a web page: a line
// end the letter's lines make a sentence end (a title over its list, the
// items of a list in a paragraph, a date over a signature: the document
// gives the text after it a block of its own) is a <br>. Markdown reads it
// as a space, and "기도 제목 ① … ② …" would run on one line. A line end
// where only the segmenter ends a sentence ("…주세요!" / "센터는 …", one
// sentence a line as some write Markdown) stays a space.
func markdownEditionLines(doc *document.Document, side Side) string {
	var b strings.Builder
	for i, p := range doc.Parts {
		if p.Sentence == nil {
			if i > 0 && i+1 < len(doc.Parts) && lineBetween(doc, doc.Parts[i-1], doc.Parts[i+1], p.Literal) {
				b.WriteString("<br>")
			}
			b.WriteString(p.Literal)
			continue
		}
		text := p.Sentence.Text
		if t, ok := side.Texts[p.Sentence.ID]; ok {
			text = sentenceText(t, true)
		}
		b.WriteString(p.Sentence.Markup(text))
	}
	return b.String()
}

// markdownBlockStart matches the start of a line that opens a Markdown list
// item or heading: no line of the paragraph before.
var markdownBlockStart = regexp.MustCompile(`^[ \t>]*(?:[-*+]|[0-9]{1,9}[.)]|#{1,6})(?:[ \t]|$)`)

// lineBetween reports whether lit, between parts a and b, is the one line
// break between sentences of two prose blocks (no blank line, no table, no
// hard break of its own, no Markdown list item after it).
func lineBetween(doc *document.Document, a, b document.Part, lit string) bool {
	end := strings.IndexByte(lit, '\n')
	if a.Sentence == nil || b.Sentence == nil || a.Sentence.Block == b.Sentence.Block ||
		end < 0 || strings.Count(lit, "\n") != 1 ||
		strings.TrimLeft(lit[:end], " ") != "" || end > 1 { // "  \n" is a hard break already
		return false
	}
	if markdownBlockStart.MatchString(lit[end+1:]) {
		return false // the next line is a Markdown list item or heading of its own
	}
	prose := func(k string) bool { return k == "p" || k == "li" || k == "blockquote" }
	return prose(doc.Blocks[a.Sentence.Block].Kind) && prose(doc.Blocks[b.Sentence.Block].Kind)
}

// escaped returns the translation side with HTML written as text escaped,
// for a Markdown edition. A sentence's text holds no markup of its own: the
// letter's markup travels as protected tags. HTML in a translation (a
// <script> from an imported file) stays words in the Markdown edition and
// wherever that is rendered; the web page and the plain text show it as
// words already.
func escaped(side *Side) *Side {
	out := &Side{Lang: side.Lang, Texts: make(map[string]Sentence, len(side.Texts))}
	for id, t := range side.Texts {
		if t.Origin != Untranslated {
			t.Text = escapeHTML(t.Text)
		}
		out.Texts[id] = t
	}
	return out
}

// htmlStart finds where raw HTML would start in Markdown text: < before a
// letter, /, ! or ?.
var htmlStart = regexp.MustCompile(`<[A-Za-z/!?]`)

// escapeHTML backslash-escapes each < that would start raw HTML in text,
// leaving the protected tags (<g1>, <x2/>, <n1/>) alone.
func escapeHTML(text string) string {
	var b strings.Builder
	last := 0
	for _, loc := range document.TagPattern.FindAllStringIndex(text, -1) {
		b.WriteString(htmlStart.ReplaceAllStringFunc(text[last:loc[0]], func(m string) string { return `\` + m }))
		b.WriteString(text[loc[0]:loc[1]])
		last = loc[1]
	}
	b.WriteString(htmlStart.ReplaceAllStringFunc(text[last:], func(m string) string { return `\` + m }))
	return b.String()
}

// Sentinels: private-use characters that survive Markdown rendering and mark
// where an unreviewed sentence starts and ends. Letters cannot smuggle them
// in: clean removes them from every text first.
const (
	openMachine      = '\uE000'
	openUntranslated = '\uE001'
	closeMark        = '\uE002'
)

func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= openMachine && r <= closeMark {
			return -1
		}
		return r
	}, s)
}

func sentenceText(t Sentence, mark bool) string {
	text := clean(t.Text)
	if !mark {
		return text
	}
	switch t.Origin {
	case Machine:
		return string(openMachine) + text + string(closeMark)
	case Untranslated:
		return string(openUntranslated) + text + string(closeMark)
	}
	return text
}

// Options say which edition to make.
type Options struct {
	Lang              language.Tag
	Format            Format
	Bilingual         bool
	IncludeUnreviewed bool
}

// Result is an edition and how much of it no person reviewed.
type Result struct {
	Data                  []byte
	Machine, Untranslated int
}

// Export makes the edition of l that o asks for. The Markdown edition in
// the letter's own language is the letter itself, byte for byte.
func Export(l *store.Letter, o Options) (*Result, error) {
	src := SourceSide(l)
	if o.Lang == l.Source {
		if o.Format == Markdown {
			return &Result{Data: []byte(l.SourceEdition())}, nil
		}
		return &Result{Data: Write(&Letter{Name: l.Path, Doc: l.Doc, Source: src}, o.Format, false)}, nil
	}
	t, err := l.LoadTranslations(o.Lang)
	if err != nil {
		return nil, err
	}
	side, err := Select(l, t, o.IncludeUnreviewed)
	if err != nil {
		return nil, err
	}
	r := &Result{Data: Write(&Letter{Name: l.Path, Doc: l.Doc, Source: src, Target: &side}, o.Format, o.Bilingual)}
	if l.CRLF && (o.Format == Markdown || o.Format == Text) {
		// The editions of a letter written with CRLF line ends keep them.
		r.Data = bytes.ReplaceAll(r.Data, []byte("\n"), []byte("\r\n"))
	}
	r.Machine, r.Untranslated = side.Unreviewed()
	return r, nil
}
