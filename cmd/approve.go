package cmd

import (
	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/locales"
)

func newApproveCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "approve",
		Short: o.P.T("approve.short"),
		RunE: func(c *cobra.Command, args []string) error {
			return locales.New("not-yet", "Command", c.CommandPath())
		},
	}
}
