package translate

import (
	"context"
	"time"
)

// A Clock tells the time and waits. The engine's backoff, a service's
// Retry-After and the rate limits all wait through it, so tests can prove
// them without sleeping.
type Clock interface {
	Now() time.Time
	// Sleep waits d, or until ctx is done and then returns ctx's error.
	Sleep(ctx context.Context, d time.Duration) error
}

// realClock is the wall clock.
type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
