package cmd

import (
	"context"
	"errors"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/edition"
	"github.com/epistle-letters/epistle/pipeline/store"
)

type exportOptions struct {
	Letter            string
	Lang              language.Tag
	Format            edition.Format
	Bilingual         bool
	IncludeUnreviewed bool
	Encoding          string
	Output            string
	Force             bool
}

func newExportCmd(o *IO) *cobra.Command {
	var opts exportOptions
	var format string
	c := &cobra.Command{
		Use:     "export FILE --lang LANG",
		Short:   o.Printer.T("export.short"),
		Long:    o.Printer.T("export.long"),
		Example: o.Printer.T("export.example"),
		Args:    exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Letter = args[0]
			f, ok := edition.ParseFormat(format)
			if !ok {
				return &usageError{locales.New("export.usage.format", "Format", format).
					WithHint("export.usage.format.hint", "Formats", formatList())}
			}
			opts.Format = f
			return exportRun(c.Context(), o, opts)
		},
	}
	langVar(c.Flags(), &opts.Lang, "lang", o.Printer.T("flag.lang"))
	c.Flags().StringVar(&format, "format", "md", o.Printer.T("export.flag.format"))
	c.Flags().BoolVar(&opts.Bilingual, "bilingual", false, o.Printer.T("export.flag.bilingual"))
	c.Flags().BoolVar(&opts.IncludeUnreviewed, "include-unreviewed", false, o.Printer.T("export.flag.include-unreviewed"))
	c.Flags().StringVar(&opts.Encoding, "encoding", "", o.Printer.T("flag.encoding"))
	c.Flags().StringVarP(&opts.Output, "output", "o", "", o.Printer.T("flag.output"))
	c.Flags().BoolVar(&opts.Force, "force", false, o.Printer.T("flag.output.force"))
	_ = c.MarkFlagRequired("lang")
	return c
}

func formatList() string {
	var names []string
	for _, f := range edition.Formats {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

func exportRun(ctx context.Context, o *IO, opts exportOptions) error {
	l, err := openLetter(ctx, o, opts.Letter, opts.Encoding)
	if err != nil {
		return err
	}
	if opts.Bilingual && opts.Lang == l.Source {
		return &usageError{locales.New("export.usage.bilingual", "Lang", l.Source.String())}
	}
	if err := checkOutput(opts.Output, opts.Force, l.Path); err != nil {
		return err
	}
	r, err := edition.Export(l, edition.Options{
		Lang: opts.Lang, Format: opts.Format, Bilingual: opts.Bilingual, IncludeUnreviewed: opts.IncludeUnreviewed,
	})
	var missing *edition.MissingError
	if errors.As(err, &missing) {
		return missing.Message()
	}
	if err != nil {
		return err
	}
	if r.Machine+r.Untranslated > 0 {
		o.Warn(locales.New("export.unreviewed", "Count", r.Machine+r.Untranslated, "Machine", r.Machine, "Untranslated", r.Untranslated))
	}
	return writeOutput(o, opts.Output, r.Data)
}

// checkOutput refuses an -o the command must not write (see
// store.CheckOutput) before anything is computed or written.
func checkOutput(out string, force bool, inputs ...string) error {
	if out == "" || out == "-" {
		return nil
	}
	return store.CheckOutput(out, force, inputs...)
}

// writeOutput writes a result to -o OUT atomically, or to stdout.
func writeOutput(o *IO, out string, data []byte) error {
	if out == "" || out == "-" {
		_, err := o.Out.Write(data)
		return err
	}
	if err := store.WriteFile(out, data); err != nil {
		return locales.New("write.failed", "Path", out).Wrap(err)
	}
	return nil
}
