package cmd

import (
	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/locales"
)

func newInitCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: o.P.T("init.short"),
		RunE: func(c *cobra.Command, args []string) error {
			return locales.New("not-yet", "Command", c.CommandPath())
		},
	}
}
