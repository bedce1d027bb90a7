package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/epistle-letters/epistle/internal/lineedit"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// writeJSON prints v as indented JSON on stdout: the stable, machine-readable
// form of a command's result.
func writeJSON(o *IO, v any) error {
	data, err := store.IndentJSON(v, false)
	if err != nil {
		return err
	}
	_, err = o.Out.Write(data)
	return err
}

// writeColumns prints rows as columns two cells apart, measured as a
// terminal shows them: a Hangul syllable takes two columns, which
// text/tabwriter does not know. Numbers read best right-aligned (eval's
// scores, each column then two cells past its widest entry), words
// left-aligned (the glossary).
func writeColumns(w io.Writer, rows [][]string, right bool) {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], lineedit.Cells(cell))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, cell := range row {
			pad := strings.Repeat(" ", widths[i]-lineedit.Cells(cell)+2)
			if right {
				b.WriteString(pad + cell)
				continue
			}
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(pad)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
