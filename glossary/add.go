package glossary

import (
	"bytes"
	"encoding/csv"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/epistle-letters/epistle/locales"
)

// Add returns the glossary file data (named name, whose extension says the
// format) with e as one more row at its end, every byte before it kept.
// The file with the row is validated as [Parse] validates it, so an entry
// already there, or there with other renderings, is refused with the
// [*Invalid] that names both lines. Only CSV and TSV files in UTF-8 take a
// row: a TBX file, or a file a spreadsheet saved in CP949 or UTF-16, is
// refused with a message rather than rewritten, and so is a rendering in
// another language (e.Other) whose file has no target:LANG column.
func Add(name string, data []byte, e *Entry, opts ...Option) ([]byte, error) {
	f, ok := FormatOf(name)
	if !ok {
		return nil, locales.New("glossary.format", "Path", name).WithHint("glossary.format.hint")
	}
	if f == TBX || f == TBX2 {
		return nil, locales.New("glossary.add.tbx", "Path", name)
	}
	if !utf8.Valid(data) {
		return nil, locales.New("glossary.add.encoding", "Path", name)
	}
	if _, err := Parse(name, data, opts...); err != nil {
		return nil, err
	}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	var records []record
	if f == TSV {
		records = splitTSV(text)
	} else {
		records, _ = splitCSV(name, text)
	}
	// Parse found the header: the row follows its columns.
	cols, _ := readHeader(records[0].fields, newLangs(opts))
	fields := make([]string, len(cols))
	placed := map[string]bool{}
	for i, c := range cols {
		if c.lang != "" {
			r := e.Other[c.lang]
			if r == nil {
				continue
			}
			switch c.name {
			case "target":
				fields[i] = strings.Join(r.Targets, "|")
				placed[c.lang] = true
			case "forbidden":
				fields[i] = strings.Join(r.Forbidden, "|")
			default:
				fields[i] = r.Note
			}
			continue
		}
		switch c.name {
		case "source":
			fields[i] = e.Source
		case "target":
			fields[i] = strings.Join(e.Targets, "|")
		case "kind":
			fields[i] = string(e.Kind)
		case "forbidden":
			fields[i] = strings.Join(e.Forbidden, "|")
		case "note":
			fields[i] = e.Note
		}
	}
	for _, lang := range slices.Sorted(maps.Keys(e.Other)) {
		if !placed[lang] {
			return nil, locales.New("glossary.add.column", "Path", name, "Lang", lang)
		}
	}
	eol := "\n"
	if bytes.Contains(data, []byte("\r\n")) {
		eol = "\r\n"
	}
	var row bytes.Buffer
	if f == TSV {
		for _, field := range fields {
			if strings.ContainsAny(field, "\t\r\n") {
				return nil, locales.New("glossary.tsv.field", "Source", e.Source)
			}
		}
		row.WriteString(strings.Join(fields, "\t") + eol)
	} else {
		w := csv.NewWriter(&row)
		w.UseCRLF = eol == "\r\n"
		if err := w.Write(fields); err != nil {
			return nil, err
		}
		w.Flush()
	}
	out := bytes.Clone(data)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, eol...)
	}
	out = append(out, row.Bytes()...)
	if _, err := Parse(name, out, opts...); err != nil {
		return nil, err
	}
	return out, nil
}
