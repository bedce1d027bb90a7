package cmd

import (
	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/locales"
)

func newStatusCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: o.P.T("status.short"),
		RunE: func(c *cobra.Command, args []string) error {
			return locales.New("not-yet", "Command", c.CommandPath())
		},
	}
}
