package cmd

import (
	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/locales"
)

func newReviewCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "review",
		Short: o.P.T("review.short"),
		RunE: func(c *cobra.Command, args []string) error {
			return locales.New("not-yet", "Command", c.CommandPath())
		},
	}
}
