package cmd

import (
	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline"
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

// parseLangFlag parses a language flag once, at the edge: the core only
// ever sees language.Tag values.
func parseLangFlag(flag, value string) (language.Tag, error) {
	if value == "" {
		return language.Und, nil // not given: the command's default applies
	}
	tag, err := pipeline.ParseLang(value)
	if err != nil {
		return language.Und, &usageError{locales.New("usage.lang", "Flag", flag, "Lang", value).WithHint("lang.hint")}
	}
	return tag, nil
}
