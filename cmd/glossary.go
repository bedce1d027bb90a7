package cmd

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/store"
)

func newGlossaryCmd(o *IO) *cobra.Command {
	c := &cobra.Command{
		Use:     "glossary",
		Short:   o.Printer.T("glossary.short"),
		Long:    o.Printer.T("glossary.long"),
		Example: o.Printer.T("glossary.example"),
		// Like the root: bare or with "help", it shows its help; with an
		// unknown subcommand, it says so in the reader's language and
		// exits 2.
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 || len(args) == 1 && args[0] == "help" {
				return nil
			}
			return unknownCommand(c, args[0])
		},
		RunE: func(c *cobra.Command, args []string) error { return c.Help() },
	}
	c.SuggestionsMinimumDistance = 2
	c.AddCommand(
		newGlossaryListCmd(o),
		newGlossaryCheckCmd(o),
		newGlossaryConvertCmd(o, "import"),
		newGlossaryConvertCmd(o, "export"),
	)
	return c
}

func newGlossaryListCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:     "list FILE",
		Short:   o.Printer.T("glossary.list.short"),
		Example: o.Printer.T("glossary.list.example"),
		Args:    exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return glossaryListRun(o, args[0])
		},
	}
}

// glossaryListRun prints the entries as a table.
func glossaryListRun(o *IO, path string) error {
	langs, err := glossaryLanguages(path)
	if err != nil {
		return err
	}
	g, err := glossary.Load(path, langs)
	if err != nil {
		return err
	}
	header := strings.Split(o.Printer.T("glossary.list.header"), "\t")
	// Another target language adds its renderings and forbidden ones, as
	// the file's target:LANG and forbidden:LANG columns do.
	others := g.Languages()[1:]
	for _, l := range others {
		header = append(header, header[1]+":"+g.LanguageName(l), header[3]+":"+g.LanguageName(l))
	}
	rows := [][]string{header}
	for _, e := range g.Entries {
		row := []string{e.Source, strings.Join(e.Targets, " | "), string(e.Kind),
			strings.Join(e.Forbidden, " | "), e.Note}
		for _, l := range others {
			var r glossary.Rendering
			if e.Other[l] != nil {
				r = *e.Other[l]
			}
			row = append(row, strings.Join(r.Targets, " | "), strings.Join(r.Forbidden, " | "))
		}
		rows = append(rows, row)
	}
	writeColumns(o.Out, rows, false)
	return nil
}

type glossaryCheckOptions struct {
	Glossary string
	// Letter, when given, is searched for every entry.
	Letter string
}

func newGlossaryCheckCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:     "check FILE [LETTER]",
		Short:   o.Printer.T("glossary.check.short"),
		Long:    o.Printer.T("glossary.check.long"),
		Example: o.Printer.T("glossary.check.example"),
		Args:    rangeArgs(1, 2),
		RunE: func(c *cobra.Command, args []string) error {
			opts := glossaryCheckOptions{Glossary: args[0]}
			if len(args) == 2 {
				opts.Letter = args[1]
			}
			return glossaryCheckRun(c.Context(), o, opts)
		},
	}
}

// glossaryCheckRun validates a glossary, printing every problem as
// file:line: what; with a letter, it shows where each entry occurs.
func glossaryCheckRun(ctx context.Context, o *IO, opts glossaryCheckOptions) error {
	langs, err := glossaryLanguages(opts.Glossary)
	if err != nil {
		return err
	}
	g, err := glossary.Load(opts.Glossary, langs)
	var invalid *glossary.Invalid
	if errors.As(err, &invalid) {
		for _, p := range invalid.Problems {
			o.Warn(p)
		}
		return errSilent
	}
	if err != nil {
		return err
	}
	if opts.Letter == "" {
		fmt.Fprintln(o.Out, o.Printer.T("glossary.check.ok", "Path", opts.Glossary, "Count", len(g.Entries)))
	}
	glossaryCoverage(o, g)
	if opts.Letter == "" {
		return nil
	}
	l, err := openLetter(ctx, o, opts.Letter, "")
	if err != nil {
		return err
	}
	var segments []glossary.Segment
	for _, s := range l.Doc.Sentences() {
		segments = append(segments, glossary.Segment{ID: s.ID, Text: s.Text})
	}
	first := g.LanguageName(g.Languages()[0])
	for _, occ := range g.Occurrences(segments, l.Source) {
		e := occ.Entry
		// An entry with renderings in other languages only has no target
		// to show here: its source is no rendering.
		absent, entry := "glossary.check.absent", "glossary.check.entry"
		if !e.Rendered() {
			absent, entry = "glossary.check.unrendered.absent", "glossary.check.unrendered"
		}
		args := []any{"Source", e.Source, "Target", e.Target(), "Kind", string(e.Kind), "Lang", first}
		if len(occ.Hits) == 0 {
			fmt.Fprintln(o.Out, o.Printer.T(absent, args...))
			continue
		}
		fmt.Fprintln(o.Out, o.Printer.T(entry, append(args, "Count", len(occ.Hits))...))
		for _, h := range occ.Hits {
			terms := make([]glossary.Term, len(h.Matches))
			for i, m := range h.Matches {
				terms[i] = glossary.Term{Start: m.Start, End: m.End}
			}
			fmt.Fprintf(o.Out, "  %s\t%s\n", h.Segment.ID, highlightTerms(o, h.Segment.Text, terms))
		}
	}
	return nil
}

// glossaryCoverage says, for a glossary of several target languages, which
// of them each entry has a rendering in (a dnt entry is the same in all).
func glossaryCoverage(o *IO, g *glossary.Glossary) {
	all := g.Languages()
	if len(all) < 2 {
		return
	}
	first := all[0]
	for _, e := range g.Entries {
		has := e.Languages(first)
		if e.Kind == glossary.KindDNT {
			has = all
		}
		// Languages are named as the user wrote them (zh-Hans), as
		// translate names them.
		var names, missing []string
		for _, l := range all {
			if !slices.Contains(has, l) {
				missing = append(missing, g.LanguageName(l))
			} else {
				names = append(names, g.LanguageName(l))
			}
		}
		fmt.Fprintln(o.Out, o.Printer.T("glossary.check.langs", "Source", e.Source, "Kind", string(e.Kind),
			"Langs", strings.Join(names, " "), "Missing", strings.Join(missing, " ")))
	}
}

type glossaryConvertOptions struct {
	In, Out string
	Format  glossary.Format
	Force   bool
	// KeepPrivate writes private entries too; import keeps them always.
	KeepPrivate bool
}

// newGlossaryConvertCmd makes import and export. Both convert between CSV,
// TSV and TBX; they differ in direction: import brings a glossary from a
// terminology tool into epistle's CSV and keeps everything, export writes
// TBX for others and leaves the private names out unless told.
func newGlossaryConvertCmd(o *IO, verb string) *cobra.Command {
	var opts glossaryConvertOptions
	var format string
	c := &cobra.Command{
		Use:  verb + " FILE",
		Args: exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.In = args[0]
			opts.Format = glossary.CSV
			if verb == "export" {
				opts.Format = glossary.TBX
			}
			if f, ok := glossary.FormatOf(opts.Out); ok {
				opts.Format = f
			}
			if format != "" {
				f, ok := glossary.ParseFormat(format)
				if !ok {
					return usage("glossary.format.flag", "Format", format)
				}
				opts.Format = f
			}
			if verb == "import" {
				opts.KeepPrivate = true
			}
			return glossaryConvertRun(o, opts)
		},
	}
	if verb == "import" {
		c.Short, c.Long, c.Example = o.Printer.T("glossary.import.short"), o.Printer.T("glossary.import.long"), o.Printer.T("glossary.import.example")
	} else {
		c.Short, c.Long, c.Example = o.Printer.T("glossary.export.short"), o.Printer.T("glossary.export.long"), o.Printer.T("glossary.export.example")
		c.Flags().BoolVar(&opts.KeepPrivate, "include-private", false, o.Printer.T("flag.glossary.include-private"))
	}
	c.Flags().StringVarP(&opts.Out, "output", "o", "", o.Printer.T("flag.output"))
	c.Flags().StringVar(&format, "format", "", o.Printer.T("flag.glossary.format"))
	c.Flags().BoolVar(&opts.Force, "force", false, o.Printer.T("flag.glossary.force"))
	return c
}

// glossaryConvertRun writes the converted glossary to Out (atomically,
// never over an existing file without Force) or to stdout.
func glossaryConvertRun(o *IO, opts glossaryConvertOptions) error {
	if err := checkOutput(opts.Out, opts.Force, opts.In); err != nil {
		return err
	}
	langs, err := glossaryLanguages(opts.In)
	if err != nil {
		return err
	}
	conv, err := glossary.Convert(opts.In, opts.Format, opts.KeepPrivate, langs)
	if err != nil {
		return err
	}
	if conv.LeftOut > 0 {
		o.Warn(locales.New("glossary.export.private", "Count", conv.LeftOut))
	}
	if opts.Out == "" {
		_, err := o.Out.Write(conv.Data)
		return err
	}
	if err := store.WriteFile(opts.Out, conv.Data); err != nil {
		return locales.New("glossary.write", "Path", opts.Out, "Err", osReason(err)).Wrap(err)
	}
	o.Warn(locales.New("glossary.wrote", "Path", opts.Out, "Count", conv.Entries, "Format", string(opts.Format)))
	return nil
}

// glossaryLanguages reads a glossary file by the languages of the
// newsletter it belongs to: the epistle.toml in its folder or the nearest
// one above (Korean to English without one).
func glossaryLanguages(path string) (glossary.Option, error) {
	cfg, err := store.LoadConfig(filepath.Dir(path))
	if err != nil {
		return nil, err
	}
	return cfg.GlossaryLanguages(), nil
}
