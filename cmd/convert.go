package cmd

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/docx"
	"github.com/epistle-letters/epistle/pipeline/store"
)

type convertOptions struct {
	Document string
	Output   string
	Force    bool
}

func newConvertCmd(o *IO) *cobra.Command {
	var opts convertOptions
	c := &cobra.Command{
		Use:     "convert LETTER.docx",
		Short:   o.Printer.T("convert.short"),
		Long:    o.Printer.T("convert.long"),
		Example: o.Printer.T("convert.example"),
		Args:    exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Document = args[0]
			return convertRun(o, opts)
		},
	}
	c.Flags().StringVarP(&opts.Output, "output", "o", "", o.Printer.T("convert.flag.output"))
	c.Flags().BoolVar(&opts.Force, "force", false, o.Printer.T("flag.output.force"))
	return c
}

// convertRun writes a Word letter as a Markdown letter beside it (or to -o),
// ready for translate.
func convertRun(o *IO, opts convertOptions) error {
	out, err := convertOutput(opts)
	if err != nil {
		return err
	}
	info, err := os.Stat(opts.Document)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return locales.New("convert.missing", "Path", opts.Document).WithHint("convert.missing.hint")
	case err != nil:
		return locales.New("letter.read", "Path", opts.Document).Wrap(err)
	case info.IsDir():
		return locales.New("convert.dir", "Path", opts.Document).WithHint("convert.missing.hint")
	}
	if err := checkOutput(out, opts.Force, opts.Document); err != nil {
		return err
	}
	data, err := os.ReadFile(opts.Document)
	if err != nil {
		return locales.New("letter.read", "Path", opts.Document).Wrap(err)
	}
	letter, err := docx.Convert(opts.Document, data)
	if err != nil {
		return err
	}
	if letter.Images > 0 {
		o.Warn(locales.New("convert.images", "Count", letter.Images, "Path", opts.Document))
	}
	if err := writeOutput(o, out, []byte(letter.Markdown)); err != nil {
		return err
	}
	if out != "-" {
		o.Warn(locales.New("convert.wrote", "Path", out, "Document", opts.Document))
		o.Warn(locales.New("convert.next", "Path", out))
	}
	return nil
}

// convertOutput returns where the letter goes: -o, or NAME.LANG.md beside
// the document (LANG from the document's name, else the newsletter's source
// language). The letter is Markdown, so -o must name a .md file, or - for
// stdout.
func convertOutput(opts convertOptions) (string, error) {
	if opts.Output == "-" {
		return "-", nil
	}
	if opts.Output != "" {
		switch strings.ToLower(filepath.Ext(opts.Output)) {
		case ".md", ".markdown":
			return opts.Output, nil
		}
		return "", &usageError{locales.New("convert.usage.ext", "Path", opts.Output).WithHint("convert.usage.ext.hint")}
	}
	name, lang, ok := store.SplitName(opts.Document)
	if !ok {
		cfg, err := store.LoadConfig(filepath.Dir(opts.Document))
		if err != nil {
			return "", err
		}
		lang = cfg.SourceLang()
	}
	return filepath.Join(filepath.Dir(opts.Document), name+"."+lang.String()+".md"), nil
}
