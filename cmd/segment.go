package cmd

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/pipeline/store"
)

type segmentOptions struct {
	Letter   string
	Glossary string
	Encoding string
	JSON     bool
}

func newSegmentCmd(o *IO) *cobra.Command {
	var opts segmentOptions
	c := &cobra.Command{
		Use:     "segment FILE",
		Short:   o.Printer.T("segment.short"),
		Long:    o.Printer.T("segment.long"),
		Example: o.Printer.T("segment.example"),
		Args:    exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Letter = args[0]
			return segmentRun(c.Context(), o, opts)
		},
	}
	c.Flags().StringVar(&opts.Glossary, "glossary", "", o.Printer.T("flag.glossary"))
	c.Flags().StringVar(&opts.Encoding, "encoding", "", o.Printer.T("flag.encoding"))
	c.Flags().BoolVar(&opts.JSON, "json", false, o.Printer.T("flag.json"))
	return c
}

func segmentRun(ctx context.Context, o *IO, opts segmentOptions) error {
	l, release, err := lockLetter(ctx, o, opts.Letter, opts.Encoding)
	if err != nil {
		return err
	}
	defer release()
	g, err := l.Config.LoadGlossary(opts.Glossary)
	if err != nil {
		return err
	}
	written := startWritePending(l)
	list := l.Segments(g)
	var out []byte
	if opts.JSON {
		if out, err = store.IndentJSON(list, false); err != nil {
			return err
		}
	}
	if err := written(); err != nil {
		return err
	}
	if opts.JSON {
		_, err = o.Out.Write(out)
		return err
	}
	for _, s := range list.Segments {
		fmt.Fprintf(o.Out, "%s\t%s\t%s\n", s.ID, s.Block, highlightTerms(o, s.Text, s.Terms))
	}
	return nil
}

// highlightTerms marks glossary terms in text: bold on a terminal,
// [brackets] otherwise, so the reader sees what the glossary caught.
func highlightTerms(o *IO, text string, terms []glossary.Term) string {
	if len(terms) == 0 {
		return text
	}
	open, close := "[", "]"
	if o.Color {
		open, close = "\x1b[1;36m", "\x1b[0m"
	}
	var b strings.Builder
	for _, p := range glossary.Pieces(text, terms) {
		if p.Term != nil {
			b.WriteString(open + p.Text + close)
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}
