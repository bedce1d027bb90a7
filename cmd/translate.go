package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/backend"
	"github.com/epistle-letters/epistle/pipeline/review"
	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// clock is what translate waits with between attempts; nil is the wall
// clock. The tests' epistle sets one that never sleeps (script_test.go).
var clock translate.Clock

type translateOptions struct {
	Letter   string
	Targets  []language.Tag
	Backend  string
	Model    string
	Jobs     int
	Batch    int
	DryRun   bool
	Force    bool
	JSON     bool
	BatchAPI bool
	Encoding string
	Glossary string
}

func newTranslateCmd(o *IO) *cobra.Command {
	var opts translateOptions
	c := &cobra.Command{
		Use:     "translate FILE",
		Short:   o.Printer.T("translate.short"),
		Long:    o.Printer.T("translate.long"),
		Example: o.Printer.T("translate.example"),
		Args:    exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Letter = args[0]
			if opts.Backend != "" && !backend.Known(opts.Backend) {
				return usage("translate.backend.unknown", "Name", opts.Backend)
			}
			if opts.Jobs < 1 {
				return usage("translate.jobs", "Jobs", opts.Jobs)
			}
			return translateRun(c.Context(), o, opts)
		},
	}
	f := c.Flags()
	langsVar(f, &opts.Targets, "to", o.Printer.T("flag.to"))
	f.StringVar(&opts.Backend, "backend", "", o.Printer.T("flag.backend"))
	f.StringVar(&opts.Model, "model", "", o.Printer.T("flag.model"))
	f.IntVar(&opts.Jobs, "jobs", 4, o.Printer.T("flag.jobs"))
	f.IntVar(&opts.Batch, "batch", 1500, o.Printer.T("flag.batch"))
	f.BoolVar(&opts.DryRun, "dry-run", false, o.Printer.T("flag.dry-run"))
	f.BoolVar(&opts.Force, "force", false, o.Printer.T("flag.force"))
	f.BoolVar(&opts.JSON, "json", false, o.Printer.T("flag.json"))
	f.BoolVar(&opts.BatchAPI, "batch-api", false, o.Printer.T("flag.batch-api"))
	f.StringVar(&opts.Encoding, "encoding", "", o.Printer.T("flag.encoding"))
	f.StringVar(&opts.Glossary, "glossary", "", o.Printer.T("flag.glossary"))
	return c
}

func translateRun(ctx context.Context, o *IO, opts translateOptions) error {
	var l *store.Letter
	var err error
	if opts.DryRun {
		l, err = readLetter(ctx, o, opts.Letter, opts.Encoding)
	} else {
		var release func() error
		l, release, err = lockLetter(ctx, o, opts.Letter, opts.Encoding)
		if err == nil {
			defer release()
		}
	}
	if err != nil {
		return err
	}
	cfg := l.Config
	settings, err := backend.Resolve(backend.Choice{Name: opts.Backend, Model: opts.Model}, cfg, os.Getenv)
	if err != nil {
		return err
	}
	if opts.BatchAPI && !settings.HasBatchAPI() {
		return usage("translate.batch-api.backend", "Backend", settings.Name)
	}
	runs, err := backend.Runs(l, settings, backend.Plan{
		Targets: opts.Targets, Glossary: opts.Glossary,
		Jobs: opts.Jobs, BatchTokens: opts.Batch, Force: opts.Force, BatchAPI: opts.BatchAPI, DryRun: opts.DryRun,
		Clock: clock,
	})
	if err != nil {
		return err
	}
	var progress *progressLine
	if !opts.DryRun {
		if err := writePending(l); err != nil {
			return err
		}
		if o.ErrTTY && !opts.JSON {
			progress = &progressLine{o: o}
			defer progress.end()
		}
		for i := range runs {
			runs[i].Save = store.WriteFiles
			if progress != nil {
				runs[i].Progress = progress.forLang(runs[i].Target)
			}
		}
	}
	total, err := translate.RunAll(ctx, l, runs)
	partial := errors.Is(err, store.ErrPartial)
	if err != nil && !partial {
		return err
	}
	progress.end()
	warnUnrendered(o, l, runs, total)
	if err := translateSummary(o, opts, cfg, settings.Model, runs, total); err != nil {
		return err
	}
	if cfg.Reuse == store.ReuseApprove && !opts.DryRun {
		if err := approveReused(o, opts, l, runs); err != nil {
			return err
		}
	}
	if partial {
		return &partialError{total.Failed}
	}
	return nil
}

// warnUnrendered says, once per language of the run, which glossary
// entries of the letter have no rendering in it: they went to the
// translator as context and nothing checks them there. A language that
// sent nothing (all of it translated already, or from the memory) has
// nothing to say: the line would repeat at every translate.
func warnUnrendered(o *IO, l *store.Letter, runs []translate.Options, total *translate.Result) {
	for _, run := range runs {
		if run.Glossary == nil || len(run.Glossary.Unrendered()) == 0 {
			continue
		}
		r := total
		if lr := total.Languages[run.Target.String()]; lr != nil {
			r = lr
		}
		if r.Requests == 0 && r.Segments == 0 {
			continue
		}
		var sources []string
		seen := map[*glossary.Entry]bool{}
		for _, s := range l.Doc.Sentences() {
			for _, m := range run.Glossary.Match(s.Text, l.Source) {
				if !m.Entry.Rendered() && !seen[m.Entry] {
					seen[m.Entry] = true
					sources = append(sources, m.Entry.Source)
				}
			}
		}
		if len(sources) > 0 {
			o.Warn(locales.New("translate.glossary.unrendered", "Lang", run.Target.String(), "Sources", strings.Join(sources, ", ")))
		}
	}
}

// approveReused approves what each language's run took from another
// letter's approvals word for word, as `reuse = "approve"` asks, through
// the review's checks and log.
func approveReused(o *IO, opts translateOptions, l *store.Letter, runs []translate.Options) error {
	for _, run := range runs {
		rv, err := review.Open(l, run.Target, run.Glossary)
		if err != nil {
			return err
		}
		n, err := rv.ApproveReused()
		if err != nil {
			return err
		}
		if n == 0 {
			continue
		}
		if err := store.WriteFiles(rv.Files()); err != nil {
			return err
		}
		if !opts.JSON {
			fmt.Fprintln(o.Out, o.Printer.T("translate.reuse.approved", "Count", n, "Lang", run.Target.String()))
		}
	}
	return nil
}

// partialError ends a run that failed some segments: it exits 3 and says
// how many failed and how to go on.
type partialError struct{ failed int }

func (e *partialError) Error() string { return fmt.Sprintf("%d segments failed", e.failed) }
func (e *partialError) Unwrap() []error {
	return []error{store.ErrPartial, locales.New("translate.partial", "Count", e.failed).WithHint("translate.partial.hint")}
}

func translateSummary(o *IO, opts translateOptions, cfg *store.Config, model string, runs []translate.Options, r *translate.Result) error {
	if opts.JSON {
		return writeJSON(o, r)
	}
	price, priced := cfg.Prices[model]
	if opts.DryRun {
		fmt.Fprintln(o.Out, o.Printer.T("translate.dry-run", "Count", r.Segments, "Batches", r.Batches, "Tokens", r.EstimatedTokens, "Reused", r.Reused))
		if priced {
			fmt.Fprintln(o.Out, o.Printer.T("translate.cost", "Cost", fmt.Sprintf("%.4f", price.Cost(r.EstimatedTokens, 0))))
		}
		return nil
	}
	for _, run := range runs {
		if lr := r.Languages[run.Target.String()]; lr != nil {
			fmt.Fprintln(o.Out, o.Printer.T("translate.summary.lang", "Lang", run.Target.String(),
				"Translated", lr.Translated, "Reused", lr.Reused, "Failed", lr.Failed, "Missing", lr.Missing))
		}
	}
	fmt.Fprintln(o.Out, o.Printer.T("translate.summary", "Translated", r.Translated, "Reused", r.Reused, "Failed", r.Failed, "Missing", r.Missing,
		"Requests", r.Requests, "Prompt", r.PromptTokens, "Completion", r.CompletionTokens,
		"Seconds", fmt.Sprintf("%.1f", r.Seconds)))
	if priced {
		fmt.Fprintln(o.Out, o.Printer.T("translate.cost", "Cost", fmt.Sprintf("%.4f", price.Cost(r.PromptTokens, r.CompletionTokens))))
	}
	return nil
}

// progressLine redraws one line per language (or per backend/model, in
// eval) on a terminal's stderr.
type progressLine struct {
	o     *IO
	mu    sync.Mutex
	label string
	drawn bool
	last  time.Time
}

// forLang is the progress callback of one language's run; a new language
// starts a new line.
func (p *progressLine) forLang(lang language.Tag) func(done, total int) {
	return p.forLabel(lang.String())
}

// forLabel is the progress callback of the run label names; a new label
// starts a new line.
func (p *progressLine) forLabel(label string) func(done, total int) {
	return func(done, total int) {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.drawn && p.label != label {
			fmt.Fprintln(p.o.Err)
			p.drawn = false
		}
		p.label = label
		if done < total && p.drawn && time.Since(p.last) < 100*time.Millisecond {
			return
		}
		p.last, p.drawn = time.Now(), true
		width := 30
		filled := 0
		if total > 0 {
			filled = done * width / total
		}
		fmt.Fprintf(p.o.Err, "\repistle: %s [%s%s] %d/%d", label, strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, total)
	}
}

// end finishes the line drawn last, if any; p may be nil.
func (p *progressLine) end() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprintln(p.o.Err)
		p.drawn = false
	}
}
