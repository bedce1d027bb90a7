package cmd

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/review"
	"github.com/epistle-letters/epistle/pipeline/store"
)

type approveOptions struct {
	Letter   string
	Lang     language.Tag
	IDs      []string
	All      bool
	Force    bool
	Glossary string
}

func newApproveCmd(o *IO) *cobra.Command {
	var opts approveOptions
	c := &cobra.Command{
		Use:     "approve FILE --lang LANG (--all | ID...)",
		Short:   o.Printer.T("approve.short"),
		Long:    o.Printer.T("approve.long"),
		Example: o.Printer.T("approve.example"),
		Args:    rangeArgs(1, 1<<20),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Letter, opts.IDs = args[0], args[1:]
			if opts.All == (len(opts.IDs) > 0) {
				return usage("approve.usage.which")
			}
			return approveRun(c.Context(), o, opts)
		},
	}
	langVar(c.Flags(), &opts.Lang, "lang", o.Printer.T("flag.lang"))
	c.Flags().BoolVar(&opts.All, "all", false, o.Printer.T("flag.approve.all"))
	c.Flags().BoolVar(&opts.Force, "force", false, o.Printer.T("flag.approve.force"))
	c.Flags().StringVar(&opts.Glossary, "glossary", "", o.Printer.T("flag.glossary"))
	_ = c.MarkFlagRequired("lang")
	return c
}

// approveRun approves what it can and writes it; the segments it refuses
// are named on stderr and make the run partly done (exit 3).
func approveRun(ctx context.Context, o *IO, opts approveOptions) error {
	r, release, err := openReviewer(ctx, o, opts.Letter, opts.Lang, opts.Glossary, true)
	if err != nil {
		return err
	}
	defer release()
	res, err := r.ApproveBulk(review.Bulk{IDs: opts.IDs, All: opts.All, Force: opts.Force})
	if err != nil {
		return err
	}
	reportRefusals(o, res.Refused)
	if err := writeApprovals(r, len(res.Approved) > 0); err != nil {
		return err
	}
	fmt.Fprintln(o.Out, o.Printer.T("approve.summary", "Approved", len(res.Approved), "Refused", len(res.Refused), "Lang", opts.Lang.String()))
	if len(res.Refused) > 0 {
		return fmt.Errorf("%w: %w", errSilent, store.ErrPartial)
	}
	return nil
}

// reportRefusals names each approval refused on stderr, with the first
// one's hint.
func reportRefusals(o *IO, refusals []error) {
	for i, err := range refusals {
		fmt.Fprintf(o.Err, "epistle: %s\n", o.Printer.ErrorText(err))
		if i == 0 {
			o.Hint(err)
		}
	}
}

// writeApprovals writes what the reviewer changed, in the order
// review.Reviewer.Files gives (the log first), when anything was approved.
func writeApprovals(r *review.Reviewer, approved bool) error {
	if !approved {
		return nil
	}
	return store.Save(r.Files())
}
