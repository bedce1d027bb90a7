package cmd

import (
	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/locales"
)

func newSegmentCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "segment",
		Short: o.P.T("segment.short"),
		RunE: func(c *cobra.Command, args []string) error {
			return locales.New("not-yet", "Command", c.CommandPath())
		},
	}
}
