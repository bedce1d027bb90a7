// Package cmd wires epistle's commands with cobra. Each command copies its
// flags into an options struct, checks them, and calls one function of the
// core; Main maps what comes back to an exit status in one place.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/internal/buildinfo"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// Exit statuses, as DESIGN.md fixes them.
const (
	exitOK          = 0
	exitError       = 1
	exitUsage       = 2
	exitPartial     = 3
	exitInterrupted = 130
)

// IO is where a command reads and writes: results to Out, everything else to
// Err. Progress bars and colour appear only when Err is a terminal.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
	// ErrTTY is true when Err is a terminal; Color when colour is wanted.
	ErrTTY, OutTTY, Color bool
	Printer               *locales.Printer
}

func systemIO(uiLang string) *IO {
	// A terminal that does not take escape sequences (an old Windows
	// console) is written to as to a file: no colour, no progress redraw.
	errTTY := isatty.IsTerminal(os.Stderr.Fd()) && vtConsole(os.Stderr)
	outTTY := isatty.IsTerminal(os.Stdout.Fd()) && vtConsole(os.Stdout)
	_, noColor := os.LookupEnv("NO_COLOR")
	return &IO{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		ErrTTY: errTTY, OutTTY: outTTY, Color: outTTY && !noColor,
		Printer: locales.NewPrinter(locales.Detect(uiLang)),
	}
}

// Warn writes one line to stderr in epistle's voice.
func (o *IO) Warn(m *locales.Message) {
	fmt.Fprintf(o.Err, "epistle: %s\n", o.Printer.Sprint(m))
}

// Error writes an error, and its hint if it has one, in epistle's voice: the
// lines Main ends a failed command with, for a command that goes on.
func (o *IO) Error(err error) {
	fmt.Fprintf(o.Err, "epistle: %s: %s\n", o.Printer.T("error.prefix"), o.Printer.ErrorText(err))
	o.Hint(err)
}

// Hint writes err's hint line, when it has one: what the person can do
// about what the line before said.
func (o *IO) Hint(err error) {
	if hint := o.Printer.HintText(err); hint != "" {
		fmt.Fprintf(o.Err, "epistle: %s: %s\n", o.Printer.T("hint.prefix"), hint)
	}
}

// usageError marks a mistake in how the command was called (exit 2).
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usage(id string, kv ...any) error { return &usageError{locales.New(id, kv...)} }

// Main runs epistle with os.Args and returns the exit status.
func Main() int {
	if os.Getenv("GOGC") == "" {
		// A command lives a fraction of a second. Collecting when the heap
		// has tripled rather than doubled saves a sixth of a short command's
		// time, for a third more memory at the peak of a long one.
		debug.SetGCPercent(200)
	}
	// SIGTERM (kill, a service manager, a closed terminal session) is a
	// request to stop like Ctrl-C: finished work is kept, exit 130.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	uiLang := uiLangFromArgs(os.Args[1:])
	io := systemIO(uiLang)
	if uiLang != "" && !locales.Speaks(uiLang) {
		io.Warn(locales.New("ui-lang.unknown", "Lang", uiLang))
	}
	root := newRootCmd(io)
	root.SetArgs(os.Args[1:])
	err := root.ExecuteContext(ctx)
	return report(io, err, ctx.Err() != nil)
}

// uiLangFromArgs finds --ui-lang before cobra parses the flags, so that help
// and flag errors already speak the reader's language.
func uiLangFromArgs(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--ui-lang="); ok {
			return v
		}
		if a == "--ui-lang" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// report prints err, if any, in epistle's voice and maps it to an exit status.
func report(o *IO, err error, interrupted bool) int {
	if err == nil {
		return exitOK
	}
	code := exitError
	var ue *usageError
	switch {
	case interrupted || errors.Is(err, context.Canceled):
		code = exitInterrupted
	case errors.As(err, &ue):
		code = exitUsage
	case errors.Is(err, store.ErrPartial):
		code = exitPartial
	}
	if errors.Is(err, errSilent) {
		return code
	}
	if code == exitInterrupted && !saysInterrupted(err) {
		err = locales.New("interrupted").WithHint("interrupted.hint")
	}
	o.Error(err)
	return code
}

// saysInterrupted reports whether err is a command's own word on being
// interrupted (eval, which keeps nothing, says so), which report keeps
// in place of the usual "what was finished is saved".
func saysInterrupted(err error) bool {
	var m *locales.Message
	return errors.As(err, &m) && strings.HasSuffix(m.ID, ".interrupted")
}

// errSilent wraps an outcome whose explanation the command already printed
// (check's problem list), so that only the exit status remains to set.
var errSilent = errors.New("reported")

func newRootCmd(o *IO) *cobra.Command {
	root := &cobra.Command{
		Use:           "epistle",
		Short:         o.Printer.T("root.short"),
		Long:          o.Printer.T("root.long"),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().String("ui-lang", "", o.Printer.T("flag.ui-lang"))
	// --version prints what `epistle version` prints (issue 24).
	root.Version = "-"
	root.SetVersionTemplate(versionText(o, buildinfo.Read()))
	root.Flags().BoolP("version", "v", false, o.Printer.T("flag.version"))
	root.SetOut(o.Out)
	root.SetErr(o.Err)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		if ue := (*usageError)(nil); errors.As(err, &ue) {
			return ue // the flag's value said what is wrong with it (langFlag)
		}
		return &usageError{flagProblem(err).WithHint("usage.flag.hint", "Command", c.CommandPath())}
	})
	root.AddCommand(
		newInitCmd(o),
		newSegmentCmd(o),
		newTranslateCmd(o),
		newStatusCmd(o),
		newReviewCmd(o),
		newApproveCmd(o),
		newCheckCmd(o),
		newExportCmd(o),
		newGlossaryCmd(o),
		newExchangeCmd(o),
		newEvalCmd(o),
		newCompletionCmd(o),
		newConvertCmd(o),
		newVersionCmd(o),
		newEnvironmentTopic(o),
	)
	localizeHelp(root, o)
	return root
}
