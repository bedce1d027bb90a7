package cmd

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/qa"
	"github.com/epistle-letters/epistle/pipeline/review"
	"github.com/epistle-letters/epistle/pipeline/store"
)

type checkOptions struct {
	Letter   string
	Lang     language.Tag
	Glossary string
	JSON     bool
}

func newCheckCmd(o *IO) *cobra.Command {
	var opts checkOptions
	c := &cobra.Command{
		Use:     "check FILE [--lang LANG]",
		Short:   o.Printer.T("check.short"),
		Long:    o.Printer.T("check.long"),
		Example: o.Printer.T("check.example"),
		Args:    exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Letter = args[0]
			return checkRun(c.Context(), o, opts)
		},
	}
	langVar(c.Flags(), &opts.Lang, "lang", o.Printer.T("flag.check.lang"))
	c.Flags().StringVar(&opts.Glossary, "glossary", "", o.Printer.T("flag.glossary"))
	c.Flags().BoolVar(&opts.JSON, "json", false, o.Printer.T("flag.json"))
	return c
}

// checkReport is what `check --json` prints (DESIGN.md).
type checkReport struct {
	Problems []qa.Problem `json:"problems"`
}

// checkRun checks the source once and the translations in each language;
// errors exit 3 so that check can gate a CI job.
func checkRun(ctx context.Context, o *IO, opts checkOptions) error {
	l, err := openLetter(ctx, o, opts.Letter, "")
	if err != nil {
		return err
	}
	g, err := l.Config.LoadGlossary(opts.Glossary)
	if err != nil {
		return err
	}
	problems, err := review.CheckLetter(l, opts.Lang, g)
	if err != nil {
		return err
	}
	// JSON is the same in every language: its messages stay in English, as
	// qa wrote them; the lines for a person follow the reader's language.
	errs := len(qa.Errors(problems))
	if opts.JSON {
		if err := writeJSON(o, checkReport{Problems: problems}); err != nil {
			return err
		}
	} else {
		for _, p := range problems {
			fmt.Fprintf(o.Out, "%s\t%s\t%s\n", p.ID, p.Lang, problemLine(o, p))
		}
		fmt.Fprintln(o.Out, o.Printer.T("check.summary", "Errors", errs, "Warnings", len(problems)-errs))
	}
	if errs > 0 {
		return fmt.Errorf("%w: %w", errSilent, store.ErrPartial)
	}
	return nil
}
