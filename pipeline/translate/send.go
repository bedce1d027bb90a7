package translate

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline"
	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/qa"
)

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
			j.trans.Failures[w.id] = pipeline.Failure{Hash: w.hash, Reason: r}
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
func (j *job) snapshotLocked() ([]pipeline.File, int) {
	if j.opts.Save == nil {
		return nil, j.version
	}
	files := []pipeline.File{{
		Path: j.l.CatalogPath("translate", j.lang),
		Data: j.trans.Machine.Marshal(locales.English.T("catalog.comment.machine", "Letter", j.l.Name, "Lang", j.lang.String())),
	}}
	files = append(files, pipeline.File{Path: j.l.FailuresPath(j.lang), Data: pipeline.MarshalFailures(j.trans.Failures)})
	return files, j.version
}

// write saves a snapshot outside j.mu, so other batches go on while the
// disk works; a snapshot older than one already written is dropped, so the
// files never go back in time.
func (j *job) write(files []pipeline.File, version int) error {
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
		resp, err = j.attempt(ctx, req)
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

// attempt makes one request, given at most Timeout: a service that stops
// answering is a temporary failure like a dropped connection, not a hang.
func (j *job) attempt(ctx context.Context, req *Request) (*Response, error) {
	actx, cancel := context.WithTimeout(ctx, j.opts.Timeout)
	defer cancel()
	resp, err := j.opts.Translator.Translate(actx, req)
	if err != nil && ctx.Err() == nil && actx.Err() == context.DeadlineExceeded {
		err = &BackendError{Kind: ErrUnreachable, Backend: j.opts.Backend,
			Err: locales.New("translate.timeout", "Backend", j.opts.Backend, "Timeout", j.opts.Timeout.String())}
	}
	return resp, err
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
