package cmd

import (
	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/locales"
)

func newExchangeCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "exchange",
		Short: o.P.T("exchange.short"),
		RunE: func(c *cobra.Command, args []string) error {
			return locales.New("not-yet", "Command", c.CommandPath())
		},
	}
}
