package cmd

import (
	"errors"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/epistle-letters/epistle/locales"
)

// localizeHelp makes everything cobra itself says speak the reader's
// language: the headings of the usage text, the -h flag of every command, the
// help command, and the error for a command that does not exist. It runs
// after every command has been added, so that each one gets its -h flag.
func localizeHelp(root *cobra.Command, o *IO) {
	root.Example = o.Printer.T("root.example")
	root.SetUsageTemplate(usageTemplate(o.Printer))
	help := newHelpCmd(o)
	root.SetHelpCommand(help)
	root.AddCommand(help) // now, so that it gets its -h flag below
	registerCompletion(root)
	// A root that runs shows its help when called bare and can say, in the
	// reader's language, that a command does not exist; cobra's own check
	// only speaks English.
	root.RunE = func(c *cobra.Command, args []string) error { return c.Help() }
	root.SuggestionsMinimumDistance = 2
	root.Args = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		return unknownCommand(c, args[0])
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Flags().Lookup("help") == nil {
			c.Flags().BoolP("help", "h", false, o.Printer.T("flag.help", "Command", c.CommandPath()))
		}
		if c != root {
			c.Args = requiringFlags(c.Args)
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// flagProblem is the message for an error pflag returns while parsing a
// command's flags. pflag's own text is English; its typed errors carry what
// a message in any language needs.
func flagProblem(err error) *locales.Message {
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist) && notExist.GetSpecifiedShortnames() != "":
		return locales.New("usage.flag.unknown-shorthand", "Flag", "-"+notExist.GetSpecifiedName()[:1], "Group", "-"+notExist.GetSpecifiedShortnames())
	case errors.As(err, &notExist):
		return locales.New("usage.flag.unknown", "Flag", "--"+notExist.GetSpecifiedName())
	case errors.As(err, &noValue):
		return locales.New("usage.flag.needs-value", "Flag", "--"+noValue.GetFlag().Name)
	case errors.As(err, &invalid):
		return locales.New("usage.flag.invalid", "Flag", "--"+invalid.GetFlag().Name, "Value", invalid.GetValue()).Wrap(invalid.Unwrap())
	case errors.As(err, &syntax):
		return locales.New("usage.flag.syntax", "Flag", syntax.GetSpecifiedFlag())
	}
	return locales.New("usage.flag", "Err", err.Error())
}

// requiringFlags checks a command's required flags before its own argument
// check. cobra checks them itself only after the arguments, with an English
// error that exits 1; a missing flag is a usage error (exit 2) and is said in
// the reader's language.
func requiringFlags(args cobra.PositionalArgs) cobra.PositionalArgs {
	return func(c *cobra.Command, a []string) error {
		var missing []string
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if req := f.Annotations[cobra.BashCompOneRequiredFlag]; len(req) > 0 && req[0] == "true" && !f.Changed {
				missing = append(missing, "--"+f.Name)
			}
		})
		if len(missing) > 0 {
			return &usageError{locales.New("usage.flag.required", "Command", c.CommandPath(), "Flags", strings.Join(missing, ", ")).
				WithHint("usage.flag.hint", "Command", c.CommandPath())}
		}
		if args == nil {
			return nil
		}
		return args(c, a)
	}
}

func init() {
	// pflag writes "(default 4)" after a flag's usage in English; the usage
	// template replaces the word with the catalog's.
	cobra.AddTemplateFunc("replaceAll", strings.ReplaceAll)
}

// usageTemplate is cobra's usage template with its headings taken from the
// catalogs. Groups of commands are left out because epistle has none.
func usageTemplate(p *locales.Printer) string {
	dflt := strconv.Quote("(" + p.T("help.default") + " ")
	return p.T("help.usage") + `{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

` + p.T("help.aliases") + `
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

` + p.T("help.examples") + `
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

` + p.T("help.commands") + `{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + p.T("help.flags") + `
{{replaceAll .LocalFlags.FlagUsages "(default " ` + dflt + ` | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

` + p.T("help.global-flags") + `
{{replaceAll .InheritedFlags.FlagUsages "(default " ` + dflt + ` | trimTrailingWhitespaces}}{{end}}{{if .HasHelpSubCommands}}

` + p.T("help.topics") + `{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

` + p.T("help.more", "Command", "{{.CommandPath}}") + `{{end}}
`
}

// newHelpCmd replaces cobra's help command, whose texts are English and
// which answers an unknown topic with exit status 0.
func newHelpCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:     "help [command]",
		Short:   o.Printer.T("help.short"),
		Long:    o.Printer.T("help.long"),
		Example: o.Printer.T("help.example"),
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			var names []cobra.Completion
			parent := c.Root()
			if found, _, err := parent.Find(args); err == nil {
				parent = found
			}
			for _, sub := range parent.Commands() {
				if (sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand()) && strings.HasPrefix(sub.Name(), toComplete) {
					names = append(names, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return &usageError{locales.New("help.unknown", "Topic", strings.Join(args, " ")).
					WithHint("help.unknown.hint", "Command", c.Root().CommandPath())}
			}
			return target.Help()
		},
	}
}

// unknownCommand is the usage error for `epistle NAME` when there is no
// command NAME, with the nearest command names as the hint when cobra finds
// any.
func unknownCommand(c *cobra.Command, name string) error {
	m := locales.New("usage.unknown-command", "Name", name, "Command", c.CommandPath())
	if s := c.SuggestionsFor(name); len(s) > 0 {
		m.WithHint("usage.unknown-command.suggest", "Command", c.CommandPath()+" "+s[0])
	} else {
		m.WithHint("usage.unknown-command.hint", "Command", c.CommandPath())
	}
	return &usageError{m}
}

// newEnvironmentTopic is `epistle help environment`: a command with neither
// a Run nor subcommands, which cobra lists as a help topic.
func newEnvironmentTopic(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "environment",
		Short: o.Printer.T("environment.short"),
		Long:  o.Printer.T("environment.long"),
	}
}
