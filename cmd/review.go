package cmd

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/internal/lineedit"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/qa"
	"github.com/epistle-letters/epistle/pipeline/review"
	"github.com/epistle-letters/epistle/pipeline/review/web"
	"github.com/epistle-letters/epistle/pipeline/store"
)

type reviewOptions struct {
	Letter      string
	Lang        language.Tag
	Glossary    string
	Interactive bool
	JSON        bool
	// Web serves the review as a page at Addr; NoOpen leaves the browser
	// closed.
	Web    bool
	Addr   string
	NoOpen bool
}

func newReviewCmd(o *IO) *cobra.Command {
	var opts reviewOptions
	c := &cobra.Command{
		Use:     "review FILE|DIR [--lang LANG] [--web]",
		Short:   o.Printer.T("review.short"),
		Long:    o.Printer.T("review.long"),
		Example: o.Printer.T("review.example"),
		Args:    exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Letter = args[0]
			if opts.Interactive && opts.JSON {
				return usage("review.usage.json")
			}
			if opts.Web {
				if opts.Interactive || opts.JSON {
					return usage("web.usage.mode")
				}
				if _, err := web.Loopback(opts.Addr); err != nil {
					return &usageError{err}
				}
				return reviewWebRun(c.Context(), o, opts)
			}
			if c.Flags().Changed("addr") || opts.NoOpen {
				return usage("web.usage.web")
			}
			return reviewRun(c.Context(), o, opts)
		},
	}
	langVar(c.Flags(), &opts.Lang, "lang", o.Printer.T("flag.review.lang"))
	c.Flags().StringVar(&opts.Glossary, "glossary", "", o.Printer.T("flag.glossary"))
	c.Flags().BoolVarP(&opts.Interactive, "interactive", "i", false, o.Printer.T("flag.interactive"))
	c.Flags().BoolVar(&opts.JSON, "json", false, o.Printer.T("flag.json"))
	c.Flags().BoolVar(&opts.Web, "web", false, o.Printer.T("flag.web"))
	c.Flags().StringVar(&opts.Addr, "addr", "127.0.0.1:0", o.Printer.T("flag.web.addr"))
	c.Flags().BoolVar(&opts.NoOpen, "no-open", false, o.Printer.T("flag.web.no-open"))
	return c
}

// reviewReport is what `review --json` prints.
type reviewReport struct {
	Letter   string        `json:"letter"`
	Lang     string        `json:"lang"`
	Segments []review.Item `json:"segments"`
}

func reviewRun(ctx context.Context, o *IO, opts reviewOptions) error {
	r, release, err := openReviewer(ctx, o, opts.Letter, opts.Lang, opts.Glossary, opts.Interactive)
	if err != nil {
		return err
	}
	defer release()
	items := r.Items()
	if len(items) > 0 && opts.Interactive {
		return reviewInteractive(ctx, o, r)
	}
	if opts.JSON {
		if items == nil {
			items = []review.Item{}
		}
		return writeJSON(o, reviewReport{Letter: r.Letter.Path, Lang: r.Lang.String(), Segments: items})
	}
	if len(items) == 0 {
		fmt.Fprintln(o.Out, o.Printer.T("review.none", "Lang", r.Lang.String()))
		// Nothing to review is not nothing to do: a sentence with no
		// translation yet (a memory without it, a language never
		// translated) keeps the edition from being exported.
		if missing := store.Count(r.Letter.States(r.Translations)).Missing; missing > 0 {
			o.Warn(locales.New("review.none.missing", "Count", missing, "Lang", r.Lang.String(), "Letter", r.Letter.Path))
		}
	}
	for i, it := range items {
		showItem(o, o.Out, r, it, i+1, len(items))
	}
	return nil
}

// openReviewer opens the letter, its glossary and its translations in lang,
// the first target language when lang is undefined. A reviewer that will
// write holds the letter's lock until release is called.
func openReviewer(ctx context.Context, o *IO, path string, lang language.Tag, glossaryPath string, write bool) (r *review.Reviewer, release func() error, err error) {
	if !write {
		l, err := openLetter(ctx, o, path, "")
		if err != nil {
			return nil, nil, err
		}
		r, err = openTranslations(l, lang, glossaryPath)
		return r, func() error { return nil }, err
	}
	l, release, err := lockLetter(ctx, o, path, "")
	if err != nil {
		return nil, nil, err
	}
	if err = writePending(l); err == nil {
		r, err = openTranslations(l, lang, glossaryPath)
	}
	if err != nil {
		_ = release()
		return nil, nil, err
	}
	return r, release, nil
}

func openTranslations(l *store.Letter, lang language.Tag, glossaryPath string) (*review.Reviewer, error) {
	if lang == language.Und {
		langs := review.Languages(l)
		if len(langs) == 0 {
			return nil, usage("review.usage.lang")
		}
		lang = langs[0]
	}
	g, err := l.Config.LoadGlossary(glossaryPath)
	if err != nil {
		return nil, err
	}
	return review.Open(l, lang, g)
}

func reviewInteractive(ctx context.Context, o *IO, r *review.Reviewer) error {
	in := bufio.NewReader(o.In)
	s := &review.Session{
		Reviewer: r,
		In:       in,
		Show:     func(it review.Item, pos, total int) { showItem(o, o.Out, r, it, pos, total) },
		Ask:      func(m *locales.Message) { fmt.Fprintf(o.Err, "epistle: %s ", o.Printer.Sprint(m)) },
		Say: func(m *locales.Message) {
			fmt.Fprintf(o.Err, "\nepistle: %s\n", o.Printer.ErrorText(m))
			o.Hint(m)
		},
		Save: store.Save,
	}
	// On a terminal, e edits the translation where it stands: in $EDITOR
	// when there is one, else on the prompt line itself.
	if f, ok := o.In.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
		s.Edit = func(text string) (string, error) {
			return lineedit.Edit(f, in, o.Err, "epistle: "+o.Printer.T("edit.prompt")+" ", text)
		}
		if os.Getenv("EDITOR") != "" {
			s.Edit = func(text string) (string, error) { return editInEditor(ctx, text) }
		}
	}
	sum, err := s.Run(ctx)
	fmt.Fprintln(o.Err)
	switch {
	case sum.Done:
		o.Warn(locales.New("review.session.done", "Approved", sum.Approved, "Skipped", sum.Skipped))
	case sum.Left > 0:
		// Also after Ctrl-C: what was decided is saved.
		o.Warn(locales.New("review.session.stopped", "Approved", sum.Approved, "Left", sum.Left))
	}
	return err
}

// editInEditor opens text in $EDITOR and returns what the person saved.
func editInEditor(ctx context.Context, text string) (string, error) {
	f, err := os.CreateTemp("", "epistle-*.txt")
	if err != nil {
		return "", err
	}
	defer os.Remove(f.Name())
	if _, err := f.WriteString(text + "\n"); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	args := strings.Fields(os.Getenv("EDITOR"))
	cmd := exec.CommandContext(ctx, args[0], append(args[1:], f.Name())...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", locales.New("review.editor", "Editor", args[0]).Wrap(err)
	}
	data, err := os.ReadFile(f.Name())
	return string(data), err
}

// fromName says where a translation came from in the user's language: a
// backend and model by their names; the previous translation, another
// letter's approval and a near match of the memory in words.
func fromName(o *IO, from string) string {
	if from == review.FromPrevious {
		return o.Printer.T("review.from.previous")
	}
	if letter, ok := strings.CutPrefix(from, store.ReusedPrefix); ok {
		return o.Printer.T("review.from.reused", "Letter", letter)
	}
	if source, ok := strings.CutPrefix(from, store.NearPrefix); ok {
		return o.Printer.T("review.from.near", "Source", source)
	}
	return from
}

// showItem prints one sentence for the reviewer: its source with glossary
// terms marked, the translation to approve and where it came from, for a
// stale one the previous translation with both diffs, and its problems.
func showItem(o *IO, w io.Writer, r *review.Reviewer, it review.Item, pos, total int) {
	src, tgt := r.Letter.Source.String(), r.Lang.String()
	// The labels are as wide as the longest of them (zh-Hans, 옛번역), so
	// that every text starts in one column; a label is measured in
	// terminal cells, as a Korean letter takes two.
	width := 5
	for _, label := range []string{src, tgt, o.Printer.T("review.label.was"), o.Printer.T("review.label.diff"),
		o.Printer.T("review.label.previous"), o.Printer.T("review.label.earlier")} {
		width = max(width, lineedit.Cells(label))
	}
	line := func(label, text string) {
		fmt.Fprintf(w, "  %s%s %s\n", label, strings.Repeat(" ", width-lineedit.Cells(label)), text)
	}
	fmt.Fprintf(w, "%s %s  [%d/%d]  %s", paint(o, "1", "=="), paint(o, "1", it.ID), pos, total, stateName(o, it.State))
	if it.From != "" {
		fmt.Fprintf(w, "  (%s)", fromName(o, it.From))
	}
	fmt.Fprintln(w)
	line(src, highlightTerms(o, it.Source, it.Terms))
	if it.SourceDiff != nil {
		line(o.Printer.T("review.label.was"), it.PreviousSource)
		line(o.Printer.T("review.label.diff"), renderDiff(o, it.SourceDiff))
	}
	if it.Translation != "" {
		line(tgt, it.Translation)
	}
	if it.Previous != "" && it.From != review.FromPrevious {
		line(o.Printer.T("review.label.previous"), it.Previous)
		if it.TranslationDiff != nil {
			line(o.Printer.T("review.label.diff"), renderDiff(o, it.TranslationDiff))
		}
	}
	for _, e := range it.Earlier {
		line(o.Printer.T("review.label.earlier"), e.Source)
		line("", e.Translation)
	}
	if it.Failure != "" {
		fmt.Fprintf(w, "  %s\n", o.Printer.T("status.failed", "Reason", it.Failure))
	}
	for _, p := range it.Problems {
		fmt.Fprintf(w, "  %s\n", problemLine(o, p))
	}
	fmt.Fprintln(w)
}

// stateName names a state in the reader's language.
func stateName(o *IO, s store.State) string {
	//locales:ids review.state.missing review.state.machine review.state.approved review.state.stale review.state.failed
	return o.Printer.T("review.state." + string(s))
}

// problemLine renders a QA problem in the reader's language.
func problemLine(o *IO, p qa.Problem) string {
	sev := o.Printer.T("review.severity.warning")
	code := "33"
	if p.Severity == qa.Error {
		sev, code = o.Printer.T("review.severity.error"), "31"
	}
	return paint(o, code, sev) + " " + p.Check + ": " + o.Printer.Sprint(p.Msg)
}

// renderDiff shows a diff inline: red and green on a terminal, git's
// [-deleted-]{+inserted+} otherwise.
func renderDiff(o *IO, edits []review.Edit) string {
	var b strings.Builder
	for _, e := range edits {
		switch e.Op {
		case review.Delete:
			if o.Color {
				b.WriteString("\x1b[31;9m" + e.Text + "\x1b[0m")
			} else {
				b.WriteString("[-" + e.Text + "-]")
			}
		case review.Insert:
			if o.Color {
				b.WriteString("\x1b[32m" + e.Text + "\x1b[0m")
			} else {
				b.WriteString("{+" + e.Text + "+}")
			}
		default:
			b.WriteString(e.Text)
		}
	}
	return b.String()
}

// paint colours s on a terminal.
func paint(o *IO, code, s string) string {
	if !o.Color {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}
