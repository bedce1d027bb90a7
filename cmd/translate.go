package cmd

import (
	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/locales"
)

func newTranslateCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "translate",
		Short: o.P.T("translate.short"),
		RunE: func(c *cobra.Command, args []string) error {
			return locales.New("not-yet", "Command", c.CommandPath())
		},
	}
}
