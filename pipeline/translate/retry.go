package translate

// Sending one request: retries with backoff on temporary failures, a
// timeout per attempt.

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/epistle-letters/epistle/locales"
)

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

func ctxErr(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}
