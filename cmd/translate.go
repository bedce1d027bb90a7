package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

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
	var to []string
	c := &cobra.Command{
		Use:     "translate FILE",
		Short:   o.P.T("translate.short"),
		Long:    o.P.T("translate.long"),
		Example: o.P.T("translate.example"),
		Args:    exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Letter = args[0]
			for _, s := range to {
				for _, part := range strings.Split(s, ",") {
					tag, err := parseLangFlag("--to", part)
					if err != nil {
						return err
					}
					opts.Targets = append(opts.Targets, tag)
				}
			}
			if opts.Backend != "" && !knownBackend(opts.Backend) {
				return usage("translate.backend.unknown", "Name", opts.Backend)
			}
			if opts.Jobs < 1 {
				return usage("translate.jobs", "Jobs", opts.Jobs)
			}
			return translateRun(c.Context(), o, opts)
		},
	}
	f := c.Flags()
	f.StringSliceVar(&to, "to", nil, o.P.T("flag.to"))
	f.StringVar(&opts.Backend, "backend", "", o.P.T("flag.backend"))
	f.StringVar(&opts.Model, "model", "", o.P.T("flag.model"))
	f.IntVar(&opts.Jobs, "jobs", 4, o.P.T("flag.jobs"))
	f.IntVar(&opts.Batch, "batch", 1500, o.P.T("flag.batch"))
	f.BoolVar(&opts.DryRun, "dry-run", false, o.P.T("flag.dry-run"))
	f.BoolVar(&opts.Force, "force", false, o.P.T("flag.force"))
	f.BoolVar(&opts.JSON, "json", false, o.P.T("flag.json"))
	f.BoolVar(&opts.BatchAPI, "batch-api", false, o.P.T("flag.batch-api"))
	f.StringVar(&opts.Encoding, "encoding", "", o.P.T("flag.encoding"))
	f.StringVar(&opts.Glossary, "glossary", "", o.P.T("flag.glossary"))
	return c
}

func translateRun(ctx context.Context, o *IO, opts translateOptions) error {
	var l *pipeline.Letter
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
	if len(opts.Targets) == 0 {
		opts.Targets = cfg.TargetLangs()
	}
	g, err := cfg.LoadGlossary(opts.Glossary)
	if err != nil {
		return err
	}
	style, err := readStyle(cfg)
	if err != nil {
		return err
	}
	// Every backend is set up, and every setting checked, before anything
	// is written.
	spec := backendSpec{Name: opts.Backend, Model: opts.Model, Config: cfg}
	backends := make([]*backend, len(opts.Targets))
	for i, lang := range opts.Targets {
		if backends[i], err = spec.open(l, lang); err != nil {
			return err
		}
		if opts.BatchAPI && backends[i].Batcher == nil {
			return usage("translate.batch-api.backend", "Backend", backends[i].Name)
		}
	}
	if !opts.DryRun {
		if err := writePending(l); err != nil {
			return err
		}
	}
	total := &translate.Result{}
	var partial error
	for i, lang := range opts.Targets {
		b := backends[i]
		run := translate.Options{
			Target: lang, Translator: b.Translator, Backend: b.Name, Model: b.Model,
			Glossary: g, Memory: b.Memory, Style: style,
			Jobs: opts.Jobs, BatchTokens: opts.Batch, Force: opts.Force, Lookup: b.Name == "memory",
			RPM: cfg.Backend.RPM, TPM: cfg.Backend.TPM,
			Attempts: cfg.Backend.Attempts, Backoff: cfg.Backend.Backoff.Duration, Timeout: cfg.Backend.Timeout.Duration,
		}
		if !opts.DryRun {
			run.Save = pipeline.WriteFiles
			if o.ErrTTY && !opts.JSON {
				run.Progress = progressLine(o, lang)
			}
		}
		if opts.BatchAPI {
			run.Batcher = b.Batcher
		}
		r, err := translate.Run(ctx, l, run)
		if r != nil {
			total.Add(r)
		}
		if run.Progress != nil {
			fmt.Fprintln(o.Err)
		}
		switch {
		case errors.Is(err, pipeline.ErrPartial):
			partial = err
		case err != nil:
			return err
		}
	}
	if err := translateSummary(o, opts, cfg, total); err != nil {
		return err
	}
	if partial != nil {
		return &partialError{total.Failed}
	}
	return nil
}

// partialError ends a run that failed some segments: it exits 3 and says
// how many failed and how to go on.
type partialError struct{ failed int }

func (e *partialError) Error() string { return fmt.Sprintf("%d segments failed", e.failed) }
func (e *partialError) Unwrap() []error {
	return []error{pipeline.ErrPartial, locales.New("translate.partial", "Count", e.failed).WithHint("translate.partial.hint")}
}

func translateSummary(o *IO, opts translateOptions, cfg *pipeline.Config, r *translate.Result) error {
	if opts.JSON {
		return writeJSON(o, r)
	}
	price, priced := cfg.Prices[opts.modelName(cfg)]
	if opts.DryRun {
		fmt.Fprintln(o.Out, o.P.T("translate.dry-run", "Count", r.Segments, "Batches", r.Batches, "Tokens", r.EstimatedTokens, "Reused", r.Reused))
		if priced {
			fmt.Fprintln(o.Out, o.P.T("translate.cost", "Cost", fmt.Sprintf("%.4f", float64(r.EstimatedTokens)*price.Prompt/1e6)))
		}
		return nil
	}
	fmt.Fprintln(o.Out, o.P.T("translate.summary", "Translated", r.Translated, "Reused", r.Reused, "Failed", r.Failed, "Missing", r.Missing,
		"Requests", r.Requests, "Prompt", r.PromptTokens, "Completion", r.CompletionTokens,
		"Seconds", fmt.Sprintf("%.1f", r.Seconds)))
	if priced {
		cost := float64(r.PromptTokens)*price.Prompt/1e6 + float64(r.CompletionTokens)*price.Completion/1e6
		fmt.Fprintln(o.Out, o.P.T("translate.cost", "Cost", fmt.Sprintf("%.4f", cost)))
	}
	return nil
}

func (opts translateOptions) modelName(cfg *pipeline.Config) string {
	if opts.Model != "" {
		return opts.Model
	}
	return cfg.Backend.Model
}

// readStyle reads the style guide epistle.toml names, if any.
func readStyle(cfg *pipeline.Config) (string, error) {
	if cfg.Style == "" {
		return "", nil
	}
	path := cfg.Resolve(cfg.Style)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", locales.New("letter.read", "Path", path).Wrap(err)
	}
	return string(data), nil
}

// progressLine redraws one line on a terminal's stderr.
func progressLine(o *IO, lang language.Tag) func(done, total int) {
	last := time.Time{}
	return func(done, total int) {
		if done < total && time.Since(last) < 100*time.Millisecond {
			return
		}
		last = time.Now()
		width := 30
		filled := 0
		if total > 0 {
			filled = done * width / total
		}
		fmt.Fprintf(o.Err, "\repistle: %s [%s%s] %d/%d", lang, strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, total)
	}
}
