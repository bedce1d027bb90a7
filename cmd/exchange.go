package cmd

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/exchange"
	"github.com/epistle-letters/epistle/pipeline/store"
)

func newExchangeCmd(o *IO) *cobra.Command {
	c := &cobra.Command{
		Use:   "exchange",
		Short: o.Printer.T("exchange.short"),
		Long:  o.Printer.T("exchange.long"),
	}
	c.AddCommand(newExchangeExportCmd(o), newExchangeImportCmd(o))
	return c
}

type exchangeOptions struct {
	Letter   string
	Edited   string
	Lang     language.Tag
	Format   exchange.Format
	Glossary string
	Encoding string
	Output   string
	Force    bool
}

// parseExchangeFormat reads --format; an empty format is left to the
// caller.
func parseExchangeFormat(opts *exchangeOptions, format string) error {
	if format == "" {
		return nil
	}
	f, ok := exchange.ParseFormat(format)
	if !ok {
		var names []string
		for _, f := range exchange.Formats {
			names = append(names, string(f))
		}
		return &usageError{locales.New("exchange.usage.format", "Format", format).
			WithHint("exchange.usage.format.hint", "Formats", strings.Join(names, ", "))}
	}
	opts.Format = f
	return nil
}

func newExchangeExportCmd(o *IO) *cobra.Command {
	var opts exchangeOptions
	var format string
	c := &cobra.Command{
		Use:     "export FILE --lang LANG --format xliff|xliff12|po|tmx",
		Short:   o.Printer.T("exchange.export.short"),
		Long:    o.Printer.T("exchange.export.long"),
		Example: o.Printer.T("exchange.export.example"),
		Args:    exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Letter = args[0]
			if err := parseExchangeFormat(&opts, format); err != nil {
				return err
			}
			return exchangeExportRun(c.Context(), o, opts)
		},
	}
	langVar(c.Flags(), &opts.Lang, "lang", o.Printer.T("flag.lang"))
	c.Flags().StringVar(&format, "format", "xliff", o.Printer.T("exchange.flag.format"))
	c.Flags().StringVar(&opts.Glossary, "glossary", "", o.Printer.T("flag.glossary"))
	c.Flags().StringVar(&opts.Encoding, "encoding", "", o.Printer.T("flag.encoding"))
	c.Flags().StringVarP(&opts.Output, "output", "o", "", o.Printer.T("flag.output"))
	c.Flags().BoolVar(&opts.Force, "force", false, o.Printer.T("flag.output.force"))
	_ = c.MarkFlagRequired("lang")
	return c
}

// openBundle gathers the letter's sentences in opts.Lang, names redacted.
func openBundle(l *store.Letter, opts exchangeOptions) (*exchange.Bundle, error) {
	if opts.Lang == l.Source {
		return nil, &usageError{locales.New("exchange.usage.source", "Lang", l.Source.String())}
	}
	g, err := l.Config.LoadGlossary(opts.Glossary)
	if err != nil {
		return nil, err
	}
	t, err := l.LoadTranslations(opts.Lang)
	if err != nil {
		return nil, err
	}
	return exchange.Build(l, t, g), nil
}

func exchangeExportRun(ctx context.Context, o *IO, opts exchangeOptions) error {
	l, err := openLetter(ctx, o, opts.Letter, opts.Encoding)
	if err != nil {
		return err
	}
	if err := checkOutput(opts.Output, opts.Force, l.Path); err != nil {
		return err
	}
	b, err := openBundle(l, opts)
	if err != nil {
		return err
	}
	if err := writeOutput(o, opts.Output, b.Export(opts.Format)); err != nil {
		return err
	}
	if opts.Output != "" && opts.Output != "-" {
		o.Warn(locales.New("exchange.wrote", "Count", b.Written(opts.Format), "Path", opts.Output, "Format", string(opts.Format)))
	}
	return nil
}

func newExchangeImportCmd(o *IO) *cobra.Command {
	var opts exchangeOptions
	var format string
	c := &cobra.Command{
		Use:     "import FILE EDITED --lang LANG",
		Short:   o.Printer.T("exchange.import.short"),
		Long:    o.Printer.T("exchange.import.long"),
		Example: o.Printer.T("exchange.import.example"),
		Args:    exactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Letter, opts.Edited = args[0], args[1]
			if err := parseExchangeFormat(&opts, format); err != nil {
				return err
			}
			if opts.Format == exchange.TMX {
				return &usageError{exchange.RefuseTMX(opts.Edited)}
			}
			return exchangeImportRun(c.Context(), o, opts)
		},
	}
	langVar(c.Flags(), &opts.Lang, "lang", o.Printer.T("flag.lang"))
	c.Flags().StringVar(&format, "format", "", o.Printer.T("exchange.flag.import-format"))
	c.Flags().StringVar(&opts.Glossary, "glossary", "", o.Printer.T("flag.glossary"))
	c.Flags().StringVar(&opts.Encoding, "encoding", "", o.Printer.T("flag.encoding"))
	c.Flags().BoolVar(&opts.Force, "force", false, o.Printer.T("exchange.flag.force"))
	_ = c.MarkFlagRequired("lang")
	return c
}

func exchangeImportRun(ctx context.Context, o *IO, opts exchangeOptions) error {
	data, format, err := exchange.ReadEdited(opts.Edited, opts.Format)
	if err != nil {
		return err
	}
	l, release, err := lockLetter(ctx, o, opts.Letter, opts.Encoding)
	if err != nil {
		return err
	}
	defer release()
	if opts.Lang == l.Source {
		return &usageError{locales.New("exchange.usage.source", "Lang", l.Source.String())}
	}
	r, err := openTranslations(l, opts.Lang, opts.Glossary)
	if err != nil {
		return err
	}
	if err := writePending(l); err != nil {
		return err
	}
	imp, err := exchange.Build(l, r.Translations, r.Glossary).Import(opts.Edited, data, format, r.Translations.Approved)
	if err != nil {
		return err
	}
	for _, p := range imp.Problems {
		o.Warn(importProblem(opts.Edited, p))
	}
	approved, refusals, err := imp.Approve(r, opts.Edited, opts.Force)
	if err != nil {
		return err
	}
	reportRefusals(o, refusals)
	if err := writeApprovals(r, len(approved) > 0); err != nil {
		return err
	}
	for _, c := range approved {
		fmt.Fprintf(o.Out, "%s\t%s\n", c.ID, c.New)
	}
	fmt.Fprintln(o.Out, o.Printer.T("exchange.import.summary", "Count", len(approved), "Path", l.CatalogPath("active", opts.Lang)))
	if len(refusals) > 0 {
		return fmt.Errorf("%w: %w", errSilent, store.ErrPartial)
	}
	return nil
}

func importProblem(path string, p exchange.Problem) *locales.Message {
	at := []any{"Path", path, "Line", p.Line, "ID", p.ID, "Source", p.Source}
	switch p.Kind {
	case "unknown-id":
		return locales.New("exchange.problem.unknown-id", at...)
	case "unmatched":
		return locales.New("exchange.problem.unmatched", at...)
	case "source-changed":
		return locales.New("exchange.problem.source-changed", at...)
	case "tags":
		return locales.New("exchange.problem.tags", append(at, "Detail", p.Detail)...)
	}
	return locales.New("exchange.problem.names", append(at, "Detail", p.Detail)...)
}
