package cmd

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/pipeline/review"
	"github.com/epistle-letters/epistle/pipeline/store"
)

type statusOptions struct {
	Paths []string
	Stats bool
	JSON  bool
}

func newStatusCmd(o *IO) *cobra.Command {
	var opts statusOptions
	c := &cobra.Command{
		Use:     "status [PATH...]",
		Short:   o.Printer.T("status.short"),
		Long:    o.Printer.T("status.long"),
		Example: o.Printer.T("status.example"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if len(opts.Paths) == 0 {
				opts.Paths = []string{"."}
			}
			return statusRun(c.Context(), o, opts)
		},
	}
	c.Flags().BoolVar(&opts.Stats, "stats", false, o.Printer.T("flag.stats"))
	c.Flags().BoolVar(&opts.JSON, "json", false, o.Printer.T("flag.json"))
	return c
}

// statusRun reports on the letters named or found in the folders named;
// a bad letter is named on stderr and the run ends with exit 1, after the
// rest are shown.
func statusRun(ctx context.Context, o *IO, opts statusOptions) error {
	rep, err := review.StatusOf(ctx, opts.Paths, opts.Stats, func(path string) (*store.Letter, error) {
		return openLetter(ctx, o, path, "")
	})
	if err != nil {
		return err
	}
	for _, err := range rep.Bad {
		o.Error(err)
	}
	if opts.JSON {
		if err := writeJSON(o, rep); err != nil {
			return err
		}
	} else {
		statusText(o, rep, opts.Stats)
	}
	if len(rep.Bad) > 0 {
		return errSilent
	}
	return nil
}

func statusText(o *IO, rep *review.Report, stats bool) {
	for _, d := range rep.Documents {
		if len(d.Langs) == 0 {
			fmt.Fprintf(o.Out, "%s\t%s\n", d.Path, o.Printer.T("status.nolang", "Count", d.Segments))
		}
		for _, lang := range d.Langs {
			c := d.Languages[lang.String()]
			fmt.Fprintf(o.Out, "%s\t%s\t%s\n", d.Path, lang, o.Printer.T("status.line", "Approved", c.Approved,
				"Machine", c.Machine, "Stale", c.Stale, "Missing", c.Missing, "Failed", c.Failed))
			for _, s := range d.Failed[lang.String()] {
				fmt.Fprintf(o.Out, "\t%s\t%s\n", s.ID, o.Printer.T("status.failed", "Reason", s.Failure))
			}
		}
		if d.LeftOut > 0 {
			fmt.Fprintf(o.Out, "\t%s\n", o.Printer.T("status.leftout", "Count", d.LeftOut))
		}
	}
	if stats {
		if len(rep.Stats) == 0 {
			fmt.Fprintln(o.Out, o.Printer.T("status.stats.none"))
		}
		for _, s := range rep.Stats {
			name := s.Backend
			if s.Model != "" {
				name += " " + s.Model
			}
			fmt.Fprintf(o.Out, "%s\t%s\n", name, o.Printer.T("status.stats.line", "Approved", s.Approved,
				"Unchanged", fmt.Sprintf("%.0f%%", 100*s.UnchangedShare()), "Distance", fmt.Sprintf("%.1f", s.Distance)))
		}
	}
}
