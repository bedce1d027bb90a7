package translate

// The worker pool: batches go out concurrently, or all at once through a
// batch API; the first error that ends the run cancels the rest.

import (
	"context"
	"errors"
	"sync"
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
				if ctx.Err() != nil {
					continue // the run is ending: the rest of the queue is dropped
				}
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
			return j.record(b, nil, failed, nil, nil, nil)
		}
		return err
	}
	return j.accept(ctx, b, resp, retry)
}

// runBatchAPI sends every batch in one Batch API job.
func (j *job) runBatchAPI(ctx context.Context, batches [][]*work) error {
	reqs := make([]*Request, len(batches))
	for i, b := range batches {
		reqs[i] = j.request(b)
	}
	resps, err := j.opts.Batcher(ctx, reqs, j.opts.Clock)
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
