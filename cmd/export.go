package cmd

import (
	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/locales"
)

func newExportCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "export",
		Short: o.P.T("export.short"),
		RunE: func(c *cobra.Command, args []string) error {
			return locales.New("not-yet", "Command", c.CommandPath())
		},
	}
}
