package translate

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/document"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// Memory finds the earlier translation most like a sentence: the newsletter's
// approved catalogs and its translation-memory files. A score of 1 is an exact
// match (tags aside).
type Memory interface {
	Fuzzy(text string) (Example, float64, bool)
}

// Options say what to translate and with whom.
type Options struct {
	Target     language.Tag
	Translator Translator
	// Backend and Model name who translates, for the catalogs' provenance.
	Backend, Model string
	Glossary       *glossary.Glossary
	Memory         Memory
	Style          string
	// Jobs is how many batches may be in flight at once.
	Jobs int
	// BatchTokens is the token budget of one batch's segments.
	BatchTokens int
	// Lookup says the backend looks translations up instead of making them
	// (the memory backend): a sentence it has none for is missing, not
	// failed, and asking again would not help.
	Lookup bool
	// Force sends segments again that already have a machine translation.
	Force bool
	// Retries is how often a failing segment is sent again alone (2).
	Retries int
	// Attempts is how often one request is tried before its segments fail
	// (6, at most [store.MaxAttempts]), with exponential backoff and jitter between
	// attempts. A server that refuses the connection is tried at most
	// refusedAttempts times, then the run stops.
	Attempts int
	// Backoff is the first wait before retrying a request (1s); it doubles
	// with each attempt up to MaxBackoff, before jitter.
	Backoff time.Duration
	// Timeout is how long one request may take before it is given up and
	// tried again (2m).
	Timeout time.Duration
	// RPM and TPM limit requests and tokens per minute; 0 for no limit.
	RPM, TPM int
	// Clock waits between attempts and for the rate limits; nil is the
	// wall clock.
	Clock Clock
	// Save writes files as batches finish, so that an interrupted run keeps
	// its work; nil writes nothing (a dry run).
	Save func([]store.File) error
	// Progress, when set, hears how many segments are done of how many.
	Progress func(done, total int)
	// Batcher, when set, translates all batches in one call (the OpenAI
	// Batch API) instead of one request per batch. It waits between its
	// looks at the job through clock, the run's Clock.
	Batcher func(ctx context.Context, reqs []*Request, clock Clock) ([]*Response, error)
	// Catalogs, when set, are the catalogs the run starts from and records
	// into instead of the letter's files: an evaluation starts from
	// catalogs without the approvals it scores against, and reads what
	// was translated from them afterwards.
	Catalogs *store.Translations
	// Only, when set, limits the run to the sentences with these ids.
	Only map[string]bool
}

// Result is what `translate --json` prints (DESIGN.md).
type Result struct {
	Translated int `json:"translated"`
	Reused     int `json:"reused"`
	Failed     int `json:"failed"`
	// Missing counts sentences a lookup backend (the memory) has no
	// translation for: not failures, just work left for a person.
	Missing          int     `json:"missing,omitempty"`
	Requests         int     `json:"requests"`
	PromptTokens     int     `json:"prompt_tokens"`
	CompletionTokens int     `json:"completion_tokens"`
	Seconds          float64 `json:"seconds"`
	// Batches and Segments describe a dry run's plan.
	Batches  int `json:"batches,omitempty"`
	Segments int `json:"segments,omitempty"`
	// EstimatedTokens is a dry run's estimate of the prompt tokens.
	EstimatedTokens int `json:"estimated_tokens,omitempty"`
	// Languages are the counts of each language of a run into several,
	// by language tag; the fields above are their sums.
	Languages map[string]*Result `json:"languages,omitempty"`
}

func (o *Options) defaults() {
	if o.Jobs <= 0 {
		o.Jobs = 4
	}
	if o.BatchTokens <= 0 {
		o.BatchTokens = 1500
	}
	if o.Retries < 0 {
		o.Retries = 0
	} else if o.Retries == 0 {
		o.Retries = 2
	}
	if o.Attempts <= 0 {
		o.Attempts = 6
	}
	o.Attempts = min(o.Attempts, store.MaxAttempts)
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Minute
	}
	if o.Clock == nil {
		o.Clock = realClock{}
	}
}

// job is one target language's work on one letter.
type job struct {
	l        *store.Letter
	opts     *Options
	lang     language.Tag
	redactor *glossary.Redactor
	limiter  *limiter

	blocks map[string]int // sentence id → block

	mu      sync.Mutex
	trans   *store.Translations
	version int // of the catalogs in memory

	saveMu   sync.Mutex
	saved    int // version last written
	result   *Result
	done     int
	total    int
	fatalErr error
}

// work is a sentence to translate.
type work struct {
	id, text string // text is redacted
	source   string // as in the catalog
	hash     string
	block    int
	context  string
	problem  string
	// previous is the approved translation of an earlier version of the
	// sentence, the best example there is for its new version.
	previous *Example
}

// Run translates the letter's sentences that need it into each target
// language. Sentences with an approved or machine translation of their
// current text are left alone (unless Force); exact matches from memory are
// reused without a request; the rest go to the backend in batches that follow
// the letter's paragraphs. Every reply is validated; a failing sentence is
// sent again alone with the failure named, and after Retries it is recorded
// as failed. Finished batches are saved as they finish. The error wraps
// [store.ErrPartial] when some sentences failed, and is ctx's when the run was
// interrupted; what finished is saved either way.
func Run(ctx context.Context, l *store.Letter, opts Options) (*Result, error) {
	opts.defaults()
	start := opts.Clock.Now()
	result := &Result{}
	redactor := (&glossary.Glossary{}).NewRedactor()
	if opts.Glossary != nil {
		redactor = opts.Glossary.NewRedactor()
	}
	j := &job{l: l, opts: &opts, lang: opts.Target, redactor: redactor, limiter: newLimiter(opts.RPM, opts.TPM, opts.Clock), result: result}
	err := j.run(ctx)
	result.Seconds = opts.Clock.Now().Sub(start).Seconds()
	if errors.Is(err, store.ErrPartial) {
		return result, fmt.Errorf("%d segments failed: %w", result.Failed, store.ErrPartial)
	}
	return result, err
}

// RunAll translates the letter into the language of each of runs in turn,
// and returns the sum of their results. A language whose sentences partly
// failed does not stop the next: the error then wraps
// [store.ErrPartial] and counts every failure. Any other error stops
// the run with what was done so far.
func RunAll(ctx context.Context, l *store.Letter, runs []Options) (*Result, error) {
	total := &Result{}
	if len(runs) > 1 {
		total.Languages = map[string]*Result{}
	}
	partial := false
	for _, opts := range runs {
		r, err := Run(ctx, l, opts)
		if r != nil {
			total.Add(r)
			if total.Languages != nil {
				total.Languages[opts.Target.String()] = r
			}
		}
		switch {
		case errors.Is(err, store.ErrPartial):
			partial = true
		case err != nil:
			return total, err
		}
	}
	if partial {
		return total, fmt.Errorf("%d segments failed: %w", total.Failed, store.ErrPartial)
	}
	return total, nil
}

// Add adds the counts of r to t, for a run over several languages.
func (t *Result) Add(r *Result) {
	t.Translated += r.Translated
	t.Reused += r.Reused
	t.Failed += r.Failed
	t.Missing += r.Missing
	t.Requests += r.Requests
	t.PromptTokens += r.PromptTokens
	t.CompletionTokens += r.CompletionTokens
	t.Seconds += r.Seconds
	t.Batches += r.Batches
	t.Segments += r.Segments
	t.EstimatedTokens += r.EstimatedTokens
}

func (j *job) run(ctx context.Context) error {
	t := j.opts.Catalogs
	if t == nil {
		var err error
		if t, err = j.l.LoadTranslations(j.lang); err != nil {
			return err
		}
	}
	j.trans = t
	settled := t.Settle(j.l)
	todo, reusedFiles, err := j.plan(ctx)
	if err != nil {
		return err
	}
	j.total = len(todo)
	if j.opts.Save != nil && (reusedFiles || settled) {
		if err := j.save(); err != nil {
			return err
		}
	}
	batches := j.batch(todo)
	if j.opts.Save == nil {
		j.result.Batches += len(batches)
		j.result.Segments += len(todo)
		for _, b := range batches {
			// Building a request looks its sentences up in the memory.
			if err := ctx.Err(); err != nil {
				return err
			}
			j.result.EstimatedTokens += instructionTokens + EstimateTokens(j.request(b).prompt())
		}
		return nil
	}
	j.progress()
	if len(batches) == 0 {
		return nil
	}
	if j.opts.Batcher != nil {
		err = j.runBatchAPI(ctx, batches)
	} else {
		err = j.runConcurrent(ctx, batches)
	}
	if err != nil {
		return err
	}
	if j.result.Failed > 0 {
		return store.ErrPartial
	}
	return nil
}

// plan lists the sentences to send and reuses exact memory matches. Looking
// a long letter up in a large memory takes a while: it stops with ctx's
// error when ctx is done.
func (j *job) plan(ctx context.Context) (todo []*work, reused bool, err error) {
	states := j.l.States(j.trans)
	for _, s := range states {
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		switch {
		case j.opts.Only != nil && !j.opts.Only[s.ID]:
			continue
		case s.State == store.Approved:
			continue
		case s.State == store.Machine && !j.opts.Force:
			continue
		}
		text := j.redactor.Redact(s.Source)
		if ex, ok := j.exact(s.Source, text); ok {
			j.trans.Machine.Set(&catalog.Message{ID: s.ID, Hash: s.Hash, Description: ReusedFrom(ex), Other: ex.Target})
			delete(j.trans.Failures, s.ID)
			j.result.Reused++
			reused = true
			continue
		}
		w := &work{id: s.ID, source: s.Source, text: text, hash: s.Hash, block: j.blockOf(s.ID)}
		if s.ApprovedEarlier() {
			if old := j.l.ArchivedSource(s.Approved.Hash); old != "" {
				w.previous = &Example{Source: old, Target: s.Approved.Other}
			}
		}
		todo = append(todo, w)
	}
	return todo, reused, nil
}

// exact returns the memory's pair for a sentence itself, with the same
// tags: looked up as the letter writes it, and as it is sent, with its
// private names as placeholders, as epistle's own TMX keeps it (the names
// are put back into the Target, as in a backend's reply).
func (j *job) exact(source, redacted string) (Example, bool) {
	if ex, ok := j.exactText(source); ok {
		return ex, true
	}
	if redacted == source {
		return Example{}, false
	}
	ex, ok := j.exactText(redacted)
	if !ok {
		return Example{}, false
	}
	target, err := j.redactor.Restore(ex.Target)
	ex.Target = target
	return ex, err == nil
}

// ReusedFrom is the provenance of an exact match from memory: the letter
// where a person approved it, or the memory.
func ReusedFrom(ex Example) string {
	if ex.Letter != "" {
		return store.ReusedPrefix + ex.Letter
	}
	return "memory"
}

func (j *job) exactText(text string) (Example, bool) {
	if j.opts.Memory == nil {
		return Example{}, false
	}
	ex, score, ok := j.opts.Memory.Fuzzy(text)
	if !ok || score < 1 || !sameTags(ex.Source, text) || !sameTags(ex.Target, text) {
		return Example{}, false
	}
	return ex, true
}

func sameTags(a, b string) bool {
	ta := document.TagPattern.FindAllString(a, -1)
	tb := document.TagPattern.FindAllString(b, -1)
	sort.Strings(ta)
	sort.Strings(tb)
	return strings.Join(ta, "") == strings.Join(tb, "")
}

func (j *job) blockOf(id string) int {
	if j.blocks == nil {
		j.blocks = map[string]int{}
		for _, s := range j.l.Doc.Sentences() {
			j.blocks[s.ID] = s.Block
		}
	}
	if b, ok := j.blocks[id]; ok {
		return b
	}
	return -1
}
