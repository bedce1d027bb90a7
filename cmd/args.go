package cmd

import (
	"github.com/spf13/cobra"
)

// exactArgs is cobra.ExactArgs with epistle's usage error, so a wrong count
// exits 2 and says what the command takes.
func exactArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return usage("usage.args", "Command", c.CommandPath(), "Want", n, "Got", len(args), "Use", c.UseLine())
		}
		return nil
	}
}

// rangeArgs accepts between min and max arguments.
func rangeArgs(min, max int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < min || len(args) > max {
			return usage("usage.args.range", "Command", c.CommandPath(), "Min", min, "Max", max, "Got", len(args), "Use", c.UseLine())
		}
		return nil
	}
}
