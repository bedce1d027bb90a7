package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

// columns are the header fields a delimited glossary may have, in the order
// epistle writes them. source and target are required. target, forbidden
// and note are the newsletter's first target language's; target:LANG,
// forbidden:LANG and note:LANG (target:ja) hold another language's.
var columns = []string{"source", "target", "kind", "forbidden", "note"}

// perLanguage are the columns that may name a language.
var perLanguage = []string{"target", "forbidden", "note"}

// record is one row of a delimited file and the line it starts on.
type record struct {
	line   int
	fields []string
}

// column is where a header puts one field: its name (target) and, for
// another target language, that language (ja).
type column struct{ name, lang string }

// parseDelimited reads CSV (comma) or TSV (tab). CSV follows RFC 4180 but
// accepts a bare quote inside a field (never "deserter"), as spreadsheets
// write it; TSV has no quoting at all. Lines starting with # are comments.
func parseDelimited(name, text string, comma rune, l langs) ([]*Entry, []*locales.Message) {
	var records []record
	var problems []*locales.Message
	if comma == '\t' {
		records = splitTSV(text)
	} else {
		records, problems = splitCSV(name, text)
	}
	if len(records) == 0 {
		return nil, append(problems, problem(name, 1, "glossary.header"))
	}
	header := records[0]
	cols, ok := readHeader(header.fields, l)
	if !ok {
		return nil, append(problems, problem(name, header.line, "glossary.header"))
	}
	var entries []*Entry
	for _, r := range records[1:] {
		if len(r.fields) != len(header.fields) {
			if strings.ContainsAny(strings.Join(r.fields, ""), "\n") {
				// A quote that is never closed swallows the lines after it.
				problems = append(problems, problem(name, r.line, "glossary.quote"))
				continue
			}
			problems = append(problems, problem(name, r.line, "glossary.fields", "Got", len(r.fields), "Want", len(header.fields)))
			continue
		}
		entries = append(entries, rowEntry(r, cols))
	}
	return entries, problems
}

// readHeader names the columns of a header; false when a column is
// unknown or twice there, or source or target is missing. target:LANG for
// the first target language is its target column.
func readHeader(fields []string, l langs) ([]column, bool) {
	cols := make([]column, len(fields))
	seen := map[column]bool{}
	for i, h := range fields {
		h = strings.ToLower(strings.TrimSpace(h))
		c := column{name: h}
		if n, lang, ok := strings.Cut(h, ":"); ok {
			tag, err := language.Parse(lang)
			if err != nil || !slices.Contains(perLanguage, n) {
				return nil, false
			}
			c = column{name: n, lang: baseLang(tag.String())}
			l.written(c.lang, tag.String())
			if c.lang == l.target {
				c.lang = ""
			}
			if c.lang == l.source {
				return nil, false
			}
		}
		if !slices.Contains(columns, c.name) || seen[c] {
			return nil, false
		}
		seen[c] = true
		cols[i] = c
	}
	return cols, seen[column{name: "source"}] && seen[column{name: "target"}]
}

// rowEntry makes the entry of one row.
func rowEntry(r record, cols []column) *Entry {
	e := &Entry{Line: r.line}
	for i, c := range cols {
		v := strings.TrimSpace(r.fields[i])
		if c.lang != "" {
			if v == "" {
				continue
			}
			if e.Other == nil {
				e.Other = map[string]*Rendering{}
			}
			o := e.Other[c.lang]
			if o == nil {
				o = &Rendering{}
				e.Other[c.lang] = o
			}
			switch c.name {
			case "target":
				o.Targets = splitAlternatives(v)
			case "forbidden":
				o.Forbidden = splitAlternatives(v)
			default:
				o.Note = v
			}
			continue
		}
		switch c.name {
		case "source":
			e.Source = v
		case "target":
			e.Targets = splitAlternatives(v)
		case "kind":
			e.Kind = Kind(strings.ToLower(v))
		case "forbidden":
			e.Forbidden = splitAlternatives(v)
		default:
			e.Note = v
		}
	}
	return e
}

// splitAlternatives splits a|b|c, dropping empty alternatives.
func splitAlternatives(s string) []string {
	var out []string
	for _, a := range strings.Split(s, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

func splitCSV(name, text string) ([]record, []*locales.Message) {
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.Comment = '#'
	var records []record
	var problems []*locales.Message
	for {
		fields, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				problems = append(problems, problem(name, pe.StartLine, "glossary.csv", "Err", pe.Err.Error()))
				// The reader cannot resynchronise after a broken quote.
				break
			}
			problems = append(problems, problem(name, 0, "glossary.csv", "Err", err.Error()))
			break
		}
		line, _ := r.FieldPos(0)
		if len(fields) == 1 && strings.TrimSpace(fields[0]) == "" {
			continue
		}
		records = append(records, record{line: line, fields: fields})
	}
	return records, problems
}

func splitTSV(text string) []record {
	var records []record
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		records = append(records, record{line: i + 1, fields: strings.Split(line, "\t")})
	}
	return records
}

// header returns the columns epistle writes for the glossary: the five of
// the first target language, then target:LANG and forbidden:LANG for each
// other language, and note:LANG where some entry has one.
func (g *Glossary) header() []string {
	out := slices.Clone(columns)
	for _, lang := range g.Languages()[1:] {
		name := g.langs.name(lang)
		out = append(out, "target:"+name, "forbidden:"+name)
		for _, e := range g.Entries {
			if r := e.Other[lang]; r != nil && r.Note != "" {
				out = append(out, "note:"+name)
				break
			}
		}
	}
	return out
}

// rows returns the entries as fields in the order of header.
func (g *Glossary) rows(header []string) [][]string {
	out := make([][]string, 0, len(g.Entries))
	for _, e := range g.Entries {
		row := []string{e.Source, strings.Join(e.Targets, "|"), string(e.Kind), strings.Join(e.Forbidden, "|"), e.Note}
		for _, h := range header[len(columns):] {
			name, lang, _ := strings.Cut(h, ":")
			r := e.Other[baseLang(lang)]
			switch {
			case r == nil:
				row = append(row, "")
			case name == "target":
				row = append(row, strings.Join(r.Targets, "|"))
			case name == "forbidden":
				row = append(row, strings.Join(r.Forbidden, "|"))
			default:
				row = append(row, r.Note)
			}
		}
		out = append(out, row)
	}
	return out
}

func (g *Glossary) marshalCSV() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	header := g.header()
	if err := w.Write(header); err != nil {
		return nil, err
	}
	if err := w.WriteAll(g.rows(header)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// marshalTSV refuses a field with a tab or a line break: TSV has no way to
// quote one, and writing it would silently shift the columns.
func (g *Glossary) marshalTSV() ([]byte, error) {
	var b bytes.Buffer
	header := g.header()
	b.WriteString(strings.Join(header, "\t") + "\n")
	for i, row := range g.rows(header) {
		for _, f := range row {
			if strings.ContainsAny(f, "\t\r\n") {
				return nil, locales.New("glossary.tsv.field", "Source", g.Entries[i].Source)
			}
		}
		b.WriteString(strings.Join(row, "\t") + "\n")
	}
	return b.Bytes(), nil
}
