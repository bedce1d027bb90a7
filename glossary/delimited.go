package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/epistle-letters/epistle/locales"
)

// columns are the header fields a delimited glossary may have, in the order
// epistle writes them. source and target are required.
var columns = []string{"source", "target", "kind", "forbidden", "note"}

// record is one row of a delimited file and the line it starts on.
type record struct {
	line   int
	fields []string
}

// parseDelimited reads CSV (comma) or TSV (tab). CSV follows RFC 4180 but
// accepts a bare quote inside a field (never "deserter"), as spreadsheets
// write it; TSV has no quoting at all. Lines starting with # are comments.
func parseDelimited(name, text string, comma rune) ([]*Entry, []*locales.Message) {
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
	col := map[string]int{}
	for i, h := range header.fields {
		h = strings.ToLower(strings.TrimSpace(h))
		if !knownColumn(h) {
			return nil, append(problems, problem(name, header.line, "glossary.header"))
		}
		col[h] = i
	}
	if _, ok := col["source"]; !ok {
		return nil, append(problems, problem(name, header.line, "glossary.header"))
	}
	if _, ok := col["target"]; !ok {
		return nil, append(problems, problem(name, header.line, "glossary.header"))
	}
	field := func(r record, name string) string {
		if i, ok := col[name]; ok {
			return strings.TrimSpace(r.fields[i])
		}
		return ""
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
		entries = append(entries, &Entry{
			Source:    field(r, "source"),
			Targets:   splitAlternatives(field(r, "target")),
			Kind:      Kind(strings.ToLower(field(r, "kind"))),
			Forbidden: splitAlternatives(field(r, "forbidden")),
			Note:      field(r, "note"),
			Line:      r.line,
		})
	}
	return entries, problems
}

func knownColumn(h string) bool {
	for _, c := range columns {
		if h == c {
			return true
		}
	}
	return false
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

// rows returns the entries as fields in the order of columns.
func (g *Glossary) rows() [][]string {
	out := make([][]string, 0, len(g.Entries))
	for _, e := range g.Entries {
		out = append(out, []string{e.Source, strings.Join(e.Targets, "|"), string(e.Kind), strings.Join(e.Forbidden, "|"), e.Note})
	}
	return out
}

func (g *Glossary) marshalCSV() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.Write(columns); err != nil {
		return nil, err
	}
	if err := w.WriteAll(g.rows()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// marshalTSV refuses a field with a tab or a line break: TSV has no way to
// quote one, and writing it would silently shift the columns.
func (g *Glossary) marshalTSV() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(strings.Join(columns, "\t") + "\n")
	for i, row := range g.rows() {
		for _, f := range row {
			if strings.ContainsAny(f, "\t\r\n") {
				return nil, locales.New("glossary.tsv.field", "Source", g.Entries[i].Source)
			}
		}
		b.WriteString(strings.Join(row, "\t") + "\n")
	}
	return b.Bytes(), nil
}
