package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/internal/lineedit"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/backend"
	"github.com/epistle-letters/epistle/pipeline/eval"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// evalOptions are eval.Options the flags set, and how to print.
type evalOptions struct {
	eval.Options
	JSON bool
}

func newEvalCmd(o *IO) *cobra.Command {
	var opts evalOptions
	c := &cobra.Command{
		Use:     "eval FILE|DIR --lang LANG",
		Short:   o.Printer.T("eval.short"),
		Long:    o.Printer.T("eval.long"),
		Example: o.Printer.T("eval.example"),
		Args:    exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Path = args[0]
			if opts.Backend != "" && !backend.Known(opts.Backend) {
				return usage("translate.backend.unknown", "Name", opts.Backend)
			}
			// --model "a, b" names a and b.
			for i, m := range opts.Models {
				opts.Models[i] = strings.TrimSpace(m)
			}
			if opts.Limit < 0 {
				return usage("eval.limit", "Limit", opts.Limit)
			}
			return evalRun(c.Context(), o, opts)
		},
	}
	f := c.Flags()
	langVar(f, &opts.Lang, "lang", o.Printer.T("flag.eval.lang"))
	f.StringVar(&opts.Backend, "backend", "", o.Printer.T("flag.backend"))
	f.StringSliceVar(&opts.Models, "model", nil, o.Printer.T("flag.eval.model"))
	f.IntVar(&opts.Limit, "limit", 0, o.Printer.T("flag.eval.limit"))
	f.BoolVar(&opts.DryRun, "dry-run", false, o.Printer.T("flag.eval.dry-run"))
	f.BoolVar(&opts.JSON, "json", false, o.Printer.T("flag.json"))
	f.StringVar(&opts.HTML, "html", "", o.Printer.T("flag.eval.html"))
	_ = c.MarkFlagRequired("lang")
	return c
}

// evalRun scores the backend/models on the letters' approved translations
// and writes nothing but the --html report.
func evalRun(ctx context.Context, o *IO, opts evalOptions) error {
	var progress *progressLine
	if o.ErrTTY && !opts.JSON && !opts.DryRun {
		progress = &progressLine{o: o}
		defer progress.end()
	}
	eo := opts.Options
	eo.Clock, eo.Getenv = clock, os.Getenv
	eo.Open = func(path string) (*store.Letter, error) { return readLetter(ctx, o, path, "") }
	eo.Progress = func(label string) func(done, total int) {
		if progress == nil {
			return nil
		}
		return progress.forLabel(label)
	}
	rep, plan, err := eval.Run(ctx, eo)
	if errors.Is(err, context.Canceled) {
		// Ctrl-C: Main exits 130 for it; eval has nothing to keep.
		return locales.New("eval.interrupted").WithHint("eval.interrupted.hint")
	}
	if err != nil {
		return err
	}
	progress.end()
	if plan != nil {
		return evalPlan(o, opts, plan)
	}
	if opts.HTML != "" {
		page, err := eval.HTML(rep, o.Printer)
		if err != nil {
			return err
		}
		if err := writeOutput(o, opts.HTML, page); err != nil {
			return err
		}
	}
	if opts.JSON {
		return writeJSON(o, rep)
	}
	evalTable(o, rep)
	return nil
}

// evalTable prints a row of scores per backend/model.
func evalTable(o *IO, rep *eval.Report) {
	fmt.Fprintln(o.Out, o.Printer.T("eval.summary", "Lang", rep.Lang, "Letters", rep.Letters, "Sentences", rep.Sentences))
	cols := []string{"", "eval.col.chrf", "eval.col.identical", "eval.col.distance", "eval.col.glossary", "eval.col.qa",
		"eval.col.failed", "eval.col.prompt", "eval.col.completion", "eval.col.cost", "eval.col.seconds"}
	for i, c := range cols {
		if c != "" {
			cols[i] = o.Printer.T(c)
		}
	}
	// Names read best left-aligned, numbers right-aligned: the names are
	// padded to one width, which right-aligns nothing.
	width := 0
	for _, r := range rep.Results {
		width = max(width, lineedit.Cells(eval.Name(r.Backend, r.Model)))
	}
	cols[0] = strings.Repeat(" ", width)
	rows := [][]string{cols}
	for _, r := range rep.Results {
		cost := "-"
		if r.Cost != nil {
			cost = fmt.Sprintf("%.4f", *r.Cost)
		}
		name := eval.Name(r.Backend, r.Model)
		rows = append(rows, []string{name + strings.Repeat(" ", width-lineedit.Cells(name)),
			fmt.Sprintf("%.2f", r.ChrF), fmt.Sprintf("%.2f", r.Identical), fmt.Sprintf("%.2f", r.EditDistance),
			fmt.Sprintf("%.2f", r.Glossary), fmt.Sprint(r.QAErrors), fmt.Sprint(r.Failed), fmt.Sprint(r.PromptTokens),
			fmt.Sprint(r.CompletionTokens), cost, fmt.Sprintf("%.1f", r.Seconds)})
	}
	writeColumns(o.Out, rows, true)
	for _, r := range rep.Results {
		if r.Reviewed != nil {
			s := r.Reviewed
			fmt.Fprintf(o.Out, "%s\t%s\n", eval.Name(r.Backend, r.Model), o.Printer.T("eval.reviewed",
				"Approved", s.Approved, "Unchanged", s.Unchanged, "Distance", fmt.Sprintf("%.1f", s.Distance)))
		}
	}
}

// evalPlan prints what a dry run would send.
func evalPlan(o *IO, opts evalOptions, plan *eval.Plan) error {
	if opts.JSON {
		return writeJSON(o, plan)
	}
	for _, s := range plan.Segments {
		fmt.Fprintf(o.Out, "%s\t%s\t%s\n", s.Letter, s.ID, s.Source)
	}
	for _, m := range plan.Models {
		line := o.Printer.T("translate.dry-run", "Count", m.Sentences, "Batches", m.Requests, "Tokens", m.EstimatedTokens, "Reused", m.Reused)
		if m.Cost != nil {
			line += "; " + o.Printer.T("translate.cost", "Cost", fmt.Sprintf("%.4f", *m.Cost))
		}
		fmt.Fprintf(o.Out, "%s\t%s\n", eval.Name(m.Backend, m.Model), line)
	}
	return nil
}
