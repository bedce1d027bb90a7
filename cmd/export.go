package cmd

import (
	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline"
)

type exportOptions struct {
	Letter   string
	Lang     language.Tag
	Format   string
	Encoding string
	Output   string
}

func newExportCmd(o *IO) *cobra.Command {
	var opts exportOptions
	var lang string
	c := &cobra.Command{
		Use:     "export FILE --lang LANG",
		Short:   o.P.T("export.short"),
		Long:    o.P.T("export.long"),
		Example: o.P.T("export.example"),
		Args:    exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Letter = args[0]
			tag, err := parseLangFlag("--lang", lang)
			if err != nil {
				return err
			}
			opts.Lang = tag
			return exportRun(o, opts)
		},
	}
	c.Flags().StringVar(&lang, "lang", "", o.P.T("flag.lang"))
	c.Flags().StringVar(&opts.Format, "format", "md", o.P.T("flag.format"))
	c.Flags().StringVar(&opts.Encoding, "encoding", "", o.P.T("flag.encoding"))
	c.Flags().StringVarP(&opts.Output, "output", "o", "", o.P.T("flag.output"))
	_ = c.MarkFlagRequired("lang")
	return c
}

func exportRun(o *IO, opts exportOptions) error {
	l, err := openLetter(opts.Letter, opts.Encoding)
	if err != nil {
		return err
	}
	if opts.Lang != l.Source {
		return locales.New("not-yet", "Command", "export --lang "+opts.Lang.String())
	}
	return writeOutput(o, opts.Output, []byte(l.SourceEdition()))
}

// writeOutput writes a result to -o OUT atomically, or to stdout.
func writeOutput(o *IO, out string, data []byte) error {
	if out == "" || out == "-" {
		_, err := o.Out.Write(data)
		return err
	}
	if err := pipeline.WriteFile(out, data); err != nil {
		return locales.New("write.failed", "Path", out).Wrap(err)
	}
	return nil
}

// parseLangFlag parses a language flag once, at the edge: the core only
// ever sees language.Tag values.
func parseLangFlag(flag, value string) (language.Tag, error) {
	tag, err := pipeline.ParseLang(value)
	if err != nil {
		return language.Und, &usageError{locales.New("usage.lang", "Flag", flag, "Lang", value).WithHint("lang.hint")}
	}
	return tag, nil
}
