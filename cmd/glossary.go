package cmd

import (
	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/locales"
)

func newGlossaryCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "glossary",
		Short: o.P.T("glossary.short"),
		RunE: func(c *cobra.Command, args []string) error {
			return locales.New("not-yet", "Command", c.CommandPath())
		},
	}
}
