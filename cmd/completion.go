package cmd

import (
	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/locales"
)

// shells are the shells cobra writes completion scripts for.
var shells = []string{"bash", "zsh", "fish", "powershell"}

// newCompletionCmd replaces cobra's completion command, whose texts are
// English, with one that prints the same generated scripts. Completion
// itself is answered at run time by cobra's hidden __complete command, so
// command descriptions appear in the reader's language too.
func newCompletionCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:       "completion bash|zsh|fish|powershell",
		Short:     o.Printer.T("completion.short"),
		Long:      o.Printer.T("completion.long"),
		Example:   o.Printer.T("completion.example"),
		Args:      exactArgs(1),
		ValidArgs: shells,
		RunE: func(c *cobra.Command, args []string) error {
			root, out := c.Root(), c.OutOrStdout()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(out, true)
			case "zsh":
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, true)
			case "powershell":
				return root.GenPowerShellCompletionWithDesc(out)
			}
			return &usageError{locales.New("completion.unknown-shell", "Shell", args[0]).
				WithHint("completion.unknown-shell.hint", "Command", c.CommandPath())}
		},
	}
}

// registerCompletion turns off cobra's English completion command and
// completes the values of epistle's global flags.
func registerCompletion(root *cobra.Command) {
	root.CompletionOptions.DisableDefaultCmd = true
	err := root.RegisterFlagCompletionFunc("ui-lang", cobra.FixedCompletions([]string{"en", "ko"}, cobra.ShellCompDirectiveNoFileComp))
	if err != nil {
		panic(err) // only when the flag is missing: a programming error
	}
}
