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

// MaxBackoff caps the doubling of the wait between two attempts; jitter
// then makes it anywhere from half to one and a half times that (90 s at
// the most). A service's Retry-After is honoured up to maxRetryAfter.
const (
	MaxBackoff    = time.Minute
	maxRetryAfter = 5 * time.Minute
)

// refusedAttempts is how often a request is tried while the server refuses
// the connection: a server restarting comes back within a few seconds, a
// wrong address or a dead server never does, and the run stops.
const refusedAttempts = 3

// send makes one request with retries: exponential backoff with jitter on
// temporary failures, the service's Retry-After when it gives one. A
// refused connection is tried a few times, then ends the run.
func (j *job) send(ctx context.Context, req *Request) (*Response, error) {
	for attempt := 0; ; attempt++ {
		if err := j.limiter.wait(ctx, EstimateTokens(req.prompt())); err != nil {
			return nil, err
		}
		resp, err := j.attempt(ctx, req)
		j.count(resp, err)
		if err == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var be *BackendError
		if !errors.As(err, &be) {
			return nil, err
		}
		attempts := j.opts.Attempts
		switch {
		case be.Kind == ErrRefused:
			attempts = min(attempts, refusedAttempts)
		case !be.Temporary():
			return nil, err
		}
		if attempt+1 >= attempts {
			return nil, err
		}
		if err := j.opts.Clock.Sleep(ctx, j.backoff(attempt, be)); err != nil {
			return nil, err
		}
	}
}

// backoff is the wait before attempt+1: the service's Retry-After when it
// gave one, otherwise Backoff doubled with each attempt up to MaxBackoff,
// then jittered by up to half of that either way, so that concurrent
// requests do not come back together.
func (j *job) backoff(attempt int, be *BackendError) time.Duration {
	if be.RetryAfter > 0 {
		return min(be.RetryAfter, maxRetryAfter)
	}
	// Doubled step by step, not shifted, so that it never overflows.
	wait := j.opts.Backoff
	for i := 0; i < attempt && wait < MaxBackoff; i++ {
		wait *= 2
	}
	wait = min(wait, MaxBackoff)
	return wait/2 + time.Duration(rand.Int64N(int64(wait)))
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
