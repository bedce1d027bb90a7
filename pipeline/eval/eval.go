package eval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/backend"
	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/document"
	"github.com/epistle-letters/epistle/pipeline/qa"
	"github.com/epistle-letters/epistle/pipeline/review"
	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// Options say what to evaluate and with whom.
type Options struct {
	// Path is a letter, or a folder of letters.
	Path string
	Lang language.Tag
	// Backend is the backend's name, "" for the one epistle.toml names.
	Backend string
	// Models are the models to compare; none for the configured one.
	Models []string
	// Limit is the most reference sentences scored; 0 for all.
	Limit int
	// DryRun plans and estimates, and sends nothing.
	DryRun bool
	// HTML is where the report will be written, "" for nowhere: Run
	// refuses it before anything is sent when it is a file eval reads.
	HTML   string
	Clock  translate.Clock
	Getenv func(string) string
	// Open reads a letter without writing anything.
	Open func(path string) (*store.Letter, error)
	// Progress, when set, gives the progress callback of one backend and
	// model's run.
	Progress func(label string) func(done, total int)
}

// evaluated is a letter with the sentences it is scored on.
type evaluated struct {
	l    *store.Letter
	refs []store.SegmentState
	// hidden are every approved translation of the letter, stale ones
	// too: none may reach the translator.
	hidden []string
	log    *review.Log
}

// Run evaluates each backend/model of opts on the letters' approved
// translations in opts.Lang. Each letter is translated again blind: the
// run starts from catalogs without its approvals, and the memory hides
// every approved translation of the letter, so that neither an example nor
// a memory match carries one (the other letters' approvals still serve,
// as in translate). Nothing is written. An error from a backend ends the
// evaluation as it ends translate; sentences that failed are scored as
// empty translations.
func Run(ctx context.Context, opts Options) (*Report, *Plan, error) {
	letters, err := readLetters(opts)
	if err != nil {
		return nil, nil, err
	}
	if err := checkHTML(opts.HTML, letters); err != nil {
		return nil, nil, err
	}
	models := opts.Models
	if len(models) == 0 {
		models = []string{""}
	}
	var jobs []*modelJob
	for _, m := range models {
		j, err := setUp(letters, opts, m)
		if err != nil {
			return nil, nil, err
		}
		jobs = append(jobs, j)
	}
	if opts.DryRun {
		plan, err := planAll(ctx, opts.Lang, letters, jobs)
		return nil, plan, err
	}
	rep := &Report{Lang: opts.Lang.String(), Letters: len(letters), Results: []*Result{}}
	for _, e := range letters {
		rep.Sentences += len(e.refs)
	}
	for _, j := range jobs {
		r, err := j.evaluate(ctx, letters, opts)
		if err != nil {
			return nil, nil, err
		}
		rep.Results = append(rep.Results, r)
	}
	return rep, nil, nil
}

// readLetters finds the letters and their reference sentences, at most
// opts.Limit of them in all.
func readLetters(opts Options) ([]*evaluated, error) {
	paths, err := review.FindLetters([]string{opts.Path})
	if err != nil {
		return nil, err
	}
	var out []*evaluated
	left := opts.Limit
	for _, p := range paths {
		l, err := opts.Open(p)
		if err != nil {
			return nil, err
		}
		t, err := l.LoadTranslations(opts.Lang)
		if err != nil {
			return nil, err
		}
		log, err := review.LoadLog(review.LogPath(l, opts.Lang))
		if err != nil {
			return nil, err
		}
		e := &evaluated{l: l, log: log}
		for _, m := range t.Approved.Messages {
			e.hidden = append(e.hidden, m.Other)
		}
		for _, s := range l.States(t) {
			if s.State != store.Approved || opts.Limit > 0 && left == 0 {
				continue
			}
			e.refs = append(e.refs, s)
			left--
		}
		if len(e.refs) > 0 {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return nil, locales.New("eval.none", "Path", opts.Path, "Lang", opts.Lang.String()).
			WithHint("eval.none.hint", "Lang", opts.Lang.String())
	}
	return out, nil
}

// checkHTML refuses a report path that would overwrite what eval reads:
// a letter, its epistle.toml, glossary, style guide or translation memory,
// or anything in a NAME.epistle folder. An earlier report may be replaced,
// but no other existing file: only one named .html or .htm.
func checkHTML(path string, letters []*evaluated) error {
	if path == "" {
		return nil
	}
	var inputs []string
	for _, e := range letters {
		cfg := e.l.Config
		inputs = append(inputs, e.l.Path, cfg.Path)
		for _, f := range append([]string{cfg.Glossary, cfg.Style}, cfg.TM...) {
			inputs = append(inputs, cfg.Resolve(f))
		}
	}
	if err := store.CheckOutput(path, true, inputs...); err != nil {
		// Its sentences speak of -o, which eval has not.
		var m *locales.Message
		switch {
		case errors.As(err, &m) && m.ID == "output.input":
			return locales.New("eval.html.input", "Path", path).WithHint("eval.html.hint")
		case m != nil && m.Hint != nil:
			m.WithHint("eval.html.hint")
		}
		return err
	}
	ext := strings.ToLower(filepath.Ext(path))
	if _, err := os.Stat(path); err == nil && ext != ".html" && ext != ".htm" {
		return locales.New("eval.html.exists", "Path", path).WithHint("eval.html.hint")
	}
	return nil
}

// modelJob is one backend and model, set up for every letter.
type modelJob struct {
	settings backend.Settings
	price    store.Price
	priced   bool
	runs     []translate.Options // one per letter
}

// setUp resolves the backend and model for every letter and sets up its
// runs, so that a missing key or an unknown backend stops the evaluation
// before anything is sent.
func setUp(letters []*evaluated, opts Options, model string) (*modelJob, error) {
	j := &modelJob{}
	for i, e := range letters {
		cfg := e.l.Config
		s, err := backend.Resolve(backend.Choice{Name: opts.Backend, Model: model}, cfg, opts.Getenv)
		if err != nil {
			return nil, err
		}
		if model != "" && s.Model == "" {
			// Each model would be the same backend again, sent and paid
			// for once more.
			return nil, locales.New("eval.model.none", "Backend", s.Name).WithHint("eval.model.none.hint")
		}
		runs, err := backend.Runs(e.l, s, backend.Plan{
			Targets: []language.Tag{opts.Lang}, DryRun: opts.DryRun, Clock: opts.Clock, Hide: e.hidden,
		})
		if err != nil {
			return nil, err
		}
		run := runs[0]
		run.Only = map[string]bool{}
		for _, r := range e.refs {
			run.Only[r.ID] = true
		}
		if i == 0 {
			j.settings = s
			j.price, j.priced = cfg.Prices[s.Model]
		}
		j.runs = append(j.runs, run)
	}
	return j, nil
}

// blank are catalogs in lang with nothing approved, translated or failed:
// what a run starts from that must not see the letter's approvals.
func blank(lang language.Tag) *store.Translations {
	return &store.Translations{Lang: lang, Machine: &catalog.Catalog{}, Approved: &catalog.Catalog{}, Failures: store.Failures{}}
}

// evaluate translates every letter's references with the job's backend
// and scores the translations.
func (j *modelJob) evaluate(ctx context.Context, letters []*evaluated, opts Options) (*Result, error) {
	r := &Result{Backend: j.settings.Name, Model: j.settings.Model, QA: map[string]int{}, Sentences: []Sentence{}}
	var progress func(done, total int)
	if opts.Progress != nil {
		progress = opts.Progress(Name(j.settings.Name, j.settings.Model))
	}
	total := 0
	for _, e := range letters {
		total += len(e.refs)
	}
	done := 0
	var sc scorer
	var logs []*review.Log
	for i, e := range letters {
		run := j.runs[i]
		cats := blank(opts.Lang)
		run.Catalogs = cats
		run.Save = func([]store.File) error { return nil } // eval writes nothing
		if progress != nil {
			base := done
			run.Progress = func(d, _ int) { progress(base+d, total) }
		}
		res, err := translate.Run(ctx, e.l, run)
		if err != nil && !errors.Is(err, store.ErrPartial) {
			return nil, err
		}
		done += len(e.refs)
		r.Requests += res.Requests
		r.PromptTokens += res.PromptTokens
		r.CompletionTokens += res.CompletionTokens
		r.Seconds += res.Seconds
		for _, ref := range e.refs {
			s := Sentence{Letter: filepath.Base(e.l.Path), ID: ref.ID, Source: ref.Source, Reference: ref.Approved.Other}
			m := cats.Machine.Get(ref.ID)
			if m != nil {
				s.Translation = m.Other
			}
			sc.add(&s, m != nil, run.Glossary, e.l.Source, opts.Lang, r)
			r.Sentences = append(r.Sentences, s)
		}
		logs = append(logs, e.log)
	}
	sc.finish(r)
	if j.priced {
		cost := j.price.Cost(r.PromptTokens, r.CompletionTokens)
		r.Cost = &cost
	}
	for _, st := range review.Stats(logs) {
		if st.Backend == r.Backend && st.Model == r.Model {
			r.Reviewed = &st
		}
	}
	return r, nil
}

// scorer sums up the scores of one backend/model's sentences.
type scorer struct {
	stats               Stats
	identical, dist     int
	termsSeen, termsBad int
}

// add scores one sentence, translated or not (a failed sentence counts as
// an empty translation and renders none of its terms), into s and r.
func (sc *scorer) add(s *Sentence, translated bool, g *glossary.Glossary, src, tgt language.Tag, r *Result) {
	hyp, ref := plain(s.Translation), plain(s.Reference)
	st := ChrFPlusPlus.Stats(hyp, ref)
	sc.stats = sc.stats.Add(st)
	s.ChrF = round(ChrFPlusPlus.Score(st), 2)
	if translated && store.OneLine(s.Translation) == store.OneLine(s.Reference) {
		sc.identical++
	}
	sc.dist += review.Distance(hyp, ref)
	if !translated {
		r.Failed++
	}
	if g != nil {
		seen := map[*glossary.Entry]bool{}
		for _, m := range g.Match(s.Source, src) {
			if m.Entry.Kind != glossary.KindPrivate && !seen[m.Entry] {
				seen[m.Entry] = true
				sc.termsSeen++
			}
		}
		if !translated {
			sc.termsBad += len(seen)
		} else {
			bad := map[*glossary.Entry]bool{}
			for _, p := range g.Verify(s.Source, s.Translation, src, tgt) {
				bad[p.Entry] = true
			}
			sc.termsBad += len(bad)
		}
	}
	if translated {
		for _, p := range qa.Check(qa.Input{ID: s.ID, Source: s.Source, Translation: s.Translation, Src: src, Tgt: tgt, Glossary: g}) {
			r.QA[p.Check]++
			if p.Severity == qa.Error {
				r.QAErrors++
			}
		}
	}
}

// finish puts the sums into r, whose Sentences are those scored.
func (sc *scorer) finish(r *Result) {
	r.ChrF = round(ChrFPlusPlus.Score(sc.stats), 2)
	r.Glossary = 1
	if sc.termsSeen > 0 {
		r.Glossary = round(float64(sc.termsSeen-sc.termsBad)/float64(sc.termsSeen), 4)
	}
	if n := len(r.Sentences); n > 0 {
		r.Identical = round(float64(sc.identical)/float64(n), 4)
		r.EditDistance = round(float64(sc.dist)/float64(n), 2)
	}
}

// plain is a sentence as a reader sees it, for the scores: without the
// protected tags, white space as one space.
func plain(s string) string {
	return store.OneLine(document.TagPattern.ReplaceAllString(s, ""))
}

// planAll plans every job on every letter without sending anything.
func planAll(ctx context.Context, lang language.Tag, letters []*evaluated, jobs []*modelJob) (*Plan, error) {
	plan := &Plan{Lang: lang.String(), Letters: len(letters), Models: []ModelPlan{}, Segments: []PlannedSentence{}}
	for _, e := range letters {
		for _, ref := range e.refs {
			plan.Segments = append(plan.Segments, PlannedSentence{Letter: filepath.Base(e.l.Path), ID: ref.ID, Source: ref.Source})
		}
	}
	for _, j := range jobs {
		mp := ModelPlan{Backend: j.settings.Name, Model: j.settings.Model}
		for i, e := range letters {
			run := j.runs[i]
			run.Catalogs = blank(run.Target)
			res, err := translate.Run(ctx, e.l, run)
			if err != nil {
				return nil, err
			}
			mp.Sentences += res.Segments
			mp.Reused += res.Reused
			mp.Requests += res.Batches
			mp.EstimatedTokens += res.EstimatedTokens
		}
		if j.priced {
			cost := j.price.Cost(mp.EstimatedTokens, 0)
			mp.Cost = &cost
		}
		plan.Models = append(plan.Models, mp)
	}
	return plan, nil
}
