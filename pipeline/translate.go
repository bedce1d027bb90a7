package pipeline

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/document"
	"github.com/epistle-letters/epistle/pipeline/qa"
)

// Memory finds the earlier translation most like a sentence: the newsletter's
// approved catalogs and its translation-memory files. A score of 1 is an exact
// match (tags aside).
type Memory interface {
	Fuzzy(text string) (Example, float64, bool)
}

// TranslateOptions say what to translate and with whom.
type TranslateOptions struct {
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
	// (6), with exponential backoff and jitter between attempts.
	Attempts int
	// Backoff is the first wait before retrying a request (1s).
	Backoff time.Duration
	// RPM and TPM limit requests and tokens per minute; 0 for no limit.
	RPM, TPM int
	// Save writes files as batches finish, so that an interrupted run keeps
	// its work; nil writes nothing (a dry run).
	Save func([]File) error
	// Progress, when set, hears how many segments are done of how many.
	Progress func(done, total int)
	// Batcher, when set, translates all batches in one call (the OpenAI
	// Batch API) instead of one request per batch.
	Batcher func(ctx context.Context, reqs []*Request) ([]*Response, error)
}

// TranslateResult is what `translate --json` prints (DESIGN.md).
type TranslateResult struct {
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
}

func (o *TranslateOptions) defaults() {
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
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
}

// job is one target language's work on one letter.
type job struct {
	l        *Letter
	opts     *TranslateOptions
	lang     language.Tag
	redactor *glossary.Redactor
	limiter  *limiter

	blocks map[string]int // sentence id → block

	mu      sync.Mutex
	trans   *Translations
	version int // of the catalogs in memory

	saveMu   sync.Mutex
	saved    int // version last written
	result   *TranslateResult
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

// Translate translates the letter's sentences that need it into each target
// language. Sentences with an approved or machine translation of their
// current text are left alone (unless Force); exact matches from memory are
// reused without a request; the rest go to the backend in batches that follow
// the letter's paragraphs. Every reply is validated; a failing sentence is
// sent again alone with the failure named, and after Retries it is recorded
// as failed. Finished batches are saved as they finish. The error wraps
// ErrPartial when some sentences failed, and is ctx's when the run was
// interrupted; what finished is saved either way.
func (l *Letter) Translate(ctx context.Context, opts TranslateOptions) (*TranslateResult, error) {
	opts.defaults()
	start := time.Now()
	result := &TranslateResult{}
	redactor := (&glossary.Glossary{}).NewRedactor()
	if opts.Glossary != nil {
		redactor = opts.Glossary.NewRedactor()
	}
	j := &job{l: l, opts: &opts, lang: opts.Target, redactor: redactor, limiter: newLimiter(opts.RPM, opts.TPM), result: result}
	err := j.run(ctx)
	result.Seconds = time.Since(start).Seconds()
	if errors.Is(err, ErrPartial) {
		return result, fmt.Errorf("%d segments failed: %w", result.Failed, ErrPartial)
	}
	return result, err
}

// Add adds the counts of r to t, for a run over several languages.
func (t *TranslateResult) Add(r *TranslateResult) {
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
	t, err := j.l.LoadTranslations(j.lang)
	if err != nil {
		return err
	}
	j.trans = t
	todo, reusedFiles := j.plan()
	j.total = len(todo)
	if j.opts.Save != nil && reusedFiles {
		if err := j.save(); err != nil {
			return err
		}
	}
	batches := j.batch(todo)
	if j.opts.Save == nil {
		j.result.Batches += len(batches)
		j.result.Segments += len(todo)
		for _, b := range batches {
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
		return ErrPartial
	}
	return nil
}

// plan lists the sentences to send and reuses exact memory matches.
func (j *job) plan() (todo []*work, reused bool) {
	states := j.l.States(j.trans)
	for _, s := range states {
		switch {
		case s.State == Approved:
			continue
		case s.State == Machine && !j.opts.Force:
			continue
		}
		if ex, ok := j.exact(s.Source); ok {
			j.trans.Machine.Set(&catalog.Message{ID: s.ID, Hash: s.Hash, Description: "memory", Other: ex.Target})
			delete(j.trans.Failures, s.ID)
			j.result.Reused++
			reused = true
			continue
		}
		w := &work{id: s.ID, source: s.Source, text: j.redactor.Redact(s.Source), hash: s.Hash, block: j.blockOf(s.ID)}
		if s.Approved != nil && s.Approved.Hash != s.Hash {
			if old := j.l.ArchivedSource(s.Approved.Hash); old != "" {
				w.previous = &Example{Source: old, Target: s.Approved.Other}
			}
		}
		todo = append(todo, w)
	}
	return todo, reused
}

// exact returns the memory's translation of text itself, with the same tags.
func (j *job) exact(text string) (Example, bool) {
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

// batch groups sentences by paragraph into batches of at most BatchTokens
// estimated tokens. A paragraph is split only when it alone exceeds the
// budget. A sentence whose paragraph is not wholly in its batch gets the
// rest of the paragraph as context.
func (j *job) batch(todo []*work) [][]*work {
	var batches [][]*work
	var cur []*work
	tokens := 0
	for i := 0; i < len(todo); {
		k := i
		for k < len(todo) && todo[k].block == todo[i].block {
			k++
		}
		para := todo[i:k]
		pt := 0
		for _, w := range para {
			pt += EstimateTokens(w.text)
		}
		if tokens > 0 && tokens+pt > j.opts.BatchTokens {
			batches = append(batches, cur)
			cur, tokens = nil, 0
		}
		for _, w := range para {
			wt := EstimateTokens(w.text)
			if tokens > 0 && tokens+wt > j.opts.BatchTokens {
				batches = append(batches, cur)
				cur, tokens = nil, 0
			}
			cur = append(cur, w)
			tokens += wt
		}
		i = k
	}
	if len(cur) > 0 {
		batches = append(batches, cur)
	}
	for _, b := range batches {
		j.addContext(b)
	}
	return batches
}

// addContext gives each sentence whose paragraph-mates are not all in the
// batch the paragraph's other sentences, so a lone edited sentence is still
// translated in its setting.
func (j *job) addContext(b []*work) {
	inBatch := map[string]bool{}
	for _, w := range b {
		inBatch[w.id] = true
	}
	for _, w := range b {
		if w.block < 0 {
			continue
		}
		blk := j.l.Doc.Blocks[w.block]
		var ctx []string
		complete := true
		for _, p := range j.l.Doc.Parts[blk.First:blk.Last] {
			if p.Sentence == nil || p.Sentence.ID == w.id {
				continue
			}
			if !inBatch[p.Sentence.ID] {
				complete = false
			}
			if m := j.l.SourceCatalog.Get(p.Sentence.ID); m != nil {
				ctx = append(ctx, j.redactor.Redact(m.Other))
			}
		}
		if !complete {
			w.context = strings.Join(ctx, " ")
		}
	}
}

// request builds the backend request for a batch: only the glossary
// entries that occur in it, and the closest approved translations as
// examples.
func (j *job) request(b []*work) *Request {
	// Everything a request carries goes through the redactor: a note, an
	// example or the style guide may name a person as well as a sentence.
	redact := j.redactor.Redact
	req := &Request{Source: j.l.Source, Target: j.lang, Style: redact(j.opts.Style)}
	seenTerm := map[*glossary.Entry]bool{}
	seenEx := map[string]bool{}
	for _, w := range b {
		req.Units = append(req.Units, Unit{ID: w.id, Text: w.text, Context: w.context, Problem: redact(w.problem)})
		if j.opts.Glossary != nil {
			for _, m := range j.opts.Glossary.Match(w.source, j.l.Source) {
				e := m.Entry
				if seenTerm[e] || e.Kind == glossary.KindPrivate {
					continue
				}
				seenTerm[e] = true
				forbidden := make([]string, len(e.Forbidden))
				for i, f := range e.Forbidden {
					forbidden[i] = redact(f)
				}
				req.Terms = append(req.Terms, TermHint{Source: e.Source, Target: redact(e.Target()), Forbidden: forbidden, Note: redact(e.Note), Keep: e.Kind == glossary.KindDNT})
			}
		}
		if w.previous != nil {
			req.Examples = append(req.Examples, Example{Source: redact(w.previous.Source), Target: redact(w.previous.Target)})
			seenEx[w.previous.Source] = true
		}
		if j.opts.Memory != nil && len(req.Examples) < 3 {
			if ex, score, ok := j.opts.Memory.Fuzzy(w.source); ok && score < 1 && !seenEx[ex.Source] {
				seenEx[ex.Source] = true
				req.Examples = append(req.Examples, Example{Source: redact(ex.Source), Target: redact(ex.Target)})
			}
		}
	}
	return req
}

// prompt is the text a request carries, for estimates.
func (r *Request) prompt() string {
	var b strings.Builder
	b.WriteString(r.Style)
	for _, u := range r.Units {
		b.WriteString(u.ID + u.Text + u.Context + u.Problem)
	}
	for _, t := range r.Terms {
		b.WriteString(t.Source + t.Target + t.Note + strings.Join(t.Forbidden, ""))
	}
	for _, e := range r.Examples {
		b.WriteString(e.Source + e.Target)
	}
	return b.String()
}

// instructionTokens is about what a backend's fixed instructions cost per
// request, for a dry run's estimate.
const instructionTokens = 250

// EstimateTokens guesses how many tokens a text costs: about four bytes of
// English or one Hangul syllable and a half per token with today's
// tokenizers; close enough to plan batches and estimate a price.
func EstimateTokens(s string) int {
	hangul, other := 0, 0
	for _, r := range s {
		if r >= 0xAC00 && r <= 0xD7A3 {
			hangul++
		} else {
			other += len(string(r))
		}
	}
	return hangul*2/3 + other/4 + 1
}

// runConcurrent sends batches with up to Jobs requests in flight.
func (j *job) runConcurrent(ctx context.Context, batches [][]*work) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	queue := make(chan []*work)
	var wg sync.WaitGroup
	for w := 0; w < j.opts.Jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range queue {
				if err := j.translateBatch(ctx, b, 0); err != nil {
					j.fail(err)
					cancel()
				}
			}
		}()
	}
feed:
	for _, b := range batches {
		select {
		case queue <- b:
		case <-ctx.Done():
			break feed
		}
	}
	close(queue)
	wg.Wait()
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.fatalErr != nil {
		return j.fatalErr
	}
	return ctx.Err()
}

func (j *job) fail(err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.fatalErr == nil {
		j.fatalErr = err
	}
}

// translateBatch sends one batch, validates what came back, and sends each
// failing sentence again alone. It returns an error only for what ends the
// run: a rejected key, an unknown model, cancellation.
func (j *job) translateBatch(ctx context.Context, b []*work, retry int) error {
	req := j.request(b)
	resp, err := j.send(ctx, req)
	if err != nil {
		var be *BackendError
		if errors.As(err, &be) && be.Temporary() {
			// The service kept failing: these sentences fail, the run goes on.
			failed := map[string]string{}
			for _, w := range b {
				failed[w.id] = plainReason(err)
			}
			j.record(b, nil, failed, nil)
			return nil
		}
		return err
	}
	return j.accept(ctx, b, resp, retry)
}

// accept validates a response, saves the good translations and retries or
// fails the rest.
func (j *job) accept(ctx context.Context, b []*work, resp *Response, retry int) error {
	var again []*work
	good := map[string]string{}
	failed := map[string]string{}
	missing := map[string]bool{}
	for _, w := range b {
		text, ok := resp.Translations[w.id]
		var problem string
		switch {
		case !ok && j.opts.Lookup:
			missing[w.id] = true
			continue
		case !ok:
			problem = locales.English.T("translate.problem.missing")
		default:
			var restored string
			if restored, problem = j.validate(w, text); problem == "" {
				good[w.id] = restored
				continue
			}
		}
		if retry < j.opts.Retries && j.opts.Batcher == nil {
			w2 := *w
			w2.problem = problem
			again = append(again, &w2)
			continue
		}
		failed[w.id] = problem
	}
	j.record(b, good, failed, missing)
	for _, w := range again {
		if err := j.translateBatch(ctx, []*work{w}, retry+1); err != nil {
			return err
		}
	}
	return nil
}

// validate checks one translation and returns it with private names put
// back, or what is wrong with it.
func (j *job) validate(w *work, text string) (string, string) {
	if err := j.redactor.CheckPlaceholders(w.text, text); err != nil {
		return "", err.Error()
	}
	restored, err := j.redactor.Restore(text)
	if err != nil {
		return "", err.Error()
	}
	var msgs []string
	for _, p := range qa.Errors(qa.Check(qa.Input{ID: w.id, Source: w.source, Translation: restored, Src: j.l.Source, Tgt: j.lang, Glossary: j.opts.Glossary})) {
		msgs = append(msgs, p.Message)
	}
	if len(msgs) > 0 {
		return "", strings.Join(msgs, "; ")
	}
	return restored, ""
}

// record stores good translations and failures, and saves the catalogs.
// A sentence in none of good, failed and missing is still being tried.
func (j *job) record(b []*work, good, failed map[string]string, missing map[string]bool) {
	j.mu.Lock()
	desc := j.opts.Backend
	if j.opts.Model != "" {
		desc += " " + j.opts.Model
	}
	for _, w := range b {
		if t, ok := good[w.id]; ok {
			j.trans.Machine.Set(&catalog.Message{ID: w.id, Hash: w.hash, Description: desc, Other: t})
			delete(j.trans.Failures, w.id)
			j.result.Translated++
			j.done++
		} else if r, ok := failed[w.id]; ok {
			j.trans.Failures[w.id] = Failure{Hash: w.hash, Reason: r}
			j.result.Failed++
			j.done++
		} else if missing[w.id] {
			j.result.Missing++
			j.done++
		}
	}
	j.version++
	j.progress()
	files, version := j.snapshotLocked()
	j.mu.Unlock()
	if err := j.write(files, version); err != nil {
		j.fail(err)
	}
}

func (j *job) progress() {
	if j.opts.Progress != nil {
		j.opts.Progress(j.done, j.total)
	}
}

func (j *job) save() error {
	j.mu.Lock()
	j.version++
	files, version := j.snapshotLocked()
	j.mu.Unlock()
	return j.write(files, version)
}

// snapshotLocked renders the catalogs as they are now; j.mu is held.
func (j *job) snapshotLocked() ([]File, int) {
	if j.opts.Save == nil {
		return nil, j.version
	}
	files := []File{{
		Path: j.l.CatalogPath("translate", j.lang),
		Data: j.trans.Machine.Marshal(locales.English.T("catalog.comment.machine", "Letter", j.l.Name, "Lang", j.lang.String())),
	}}
	files = append(files, File{Path: j.l.FailuresPath(j.lang), Data: MarshalFailures(j.trans.Failures)})
	return files, j.version
}

// write saves a snapshot outside j.mu, so other batches go on while the
// disk works; a snapshot older than one already written is dropped, so the
// files never go back in time.
func (j *job) write(files []File, version int) error {
	if files == nil {
		return nil
	}
	j.saveMu.Lock()
	defer j.saveMu.Unlock()
	if version <= j.saved {
		return nil
	}
	j.saved = version
	return j.opts.Save(files)
}

// send makes one request with retries: exponential backoff with jitter on
// temporary failures, the service's Retry-After when it gives one.
func (j *job) send(ctx context.Context, req *Request) (*Response, error) {
	var err error
	for attempt := 0; attempt < j.opts.Attempts; attempt++ {
		if err := j.limiter.wait(ctx, EstimateTokens(req.prompt())); err != nil {
			return nil, err
		}
		var resp *Response
		resp, err = j.opts.Translator.Translate(ctx, req)
		j.count(resp, err)
		if err == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var be *BackendError
		if !errors.As(err, &be) || !be.Temporary() {
			return nil, err
		}
		wait := j.opts.Backoff << attempt
		wait = wait/2 + time.Duration(rand.Int64N(int64(wait)))
		if be.RetryAfter > 0 {
			wait = be.RetryAfter
		}
		if attempt == j.opts.Attempts-1 {
			break
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return nil, err
}

func (j *job) count(resp *Response, err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if resp == nil {
		if err != nil && ctxErr(err) == nil {
			j.result.Requests++ // a failed request was still made
		}
		return
	}
	j.result.Requests += resp.Requests
	j.result.PromptTokens += resp.PromptTokens
	j.result.CompletionTokens += resp.CompletionTokens
}

func ctxErr(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// runBatchAPI sends every batch in one Batch API job.
func (j *job) runBatchAPI(ctx context.Context, batches [][]*work) error {
	reqs := make([]*Request, len(batches))
	for i, b := range batches {
		reqs[i] = j.request(b)
	}
	resps, err := j.opts.Batcher(ctx, reqs)
	if err != nil {
		return err
	}
	for i, b := range batches {
		resp := &Response{}
		if i < len(resps) && resps[i] != nil {
			resp = resps[i]
		}
		j.count(resp, nil)
		if err := j.accept(ctx, b, resp, j.opts.Retries); err != nil {
			return err
		}
	}
	return nil
}

// plainReason is a failure as the catalogs record it.
func plainReason(err error) string {
	return locales.English.ErrorText(err)
}
