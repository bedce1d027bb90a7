package cmd

import (
	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/locales"
)

func newCheckCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: o.P.T("check.short"),
		RunE: func(c *cobra.Command, args []string) error {
			return locales.New("not-yet", "Command", c.CommandPath())
		},
	}
}
