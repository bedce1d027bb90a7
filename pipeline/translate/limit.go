package translate

import (
	"context"
	"sync"
	"time"
)

// limiter keeps requests and tokens per minute under the provider's limits,
// so a big back issue is slowed down by us rather than refused by them.
// Either limit may be 0 for none.
type limiter struct {
	mu           sync.Mutex
	rpm, tpm     int
	reqs, tokens float64 // available now
	last         time.Time
	clock        Clock
}

func newLimiter(rpm, tpm int, clock Clock) *limiter {
	return &limiter{rpm: rpm, tpm: tpm, reqs: float64(rpm), tokens: float64(tpm), last: clock.Now(), clock: clock}
}

// wait blocks until one request of n tokens fits under both limits.
func (l *limiter) wait(ctx context.Context, n int) error {
	if l.rpm <= 0 && l.tpm <= 0 {
		return nil
	}
	for {
		l.mu.Lock()
		now := l.clock.Now()
		minutes := now.Sub(l.last).Minutes()
		l.last = now
		l.reqs = min(float64(l.rpm), l.reqs+minutes*float64(l.rpm))
		l.tokens = min(float64(l.tpm), l.tokens+minutes*float64(l.tpm))
		need := float64(n)
		if l.tpm > 0 && need > float64(l.tpm) {
			need = float64(l.tpm) // a request larger than a minute's budget waits for a full minute
		}
		var wait time.Duration
		if l.rpm > 0 && l.reqs < 1 {
			wait = max(wait, time.Duration((1-l.reqs)/float64(l.rpm)*float64(time.Minute)))
		}
		if l.tpm > 0 && l.tokens < need {
			wait = max(wait, time.Duration((need-l.tokens)/float64(l.tpm)*float64(time.Minute)))
		}
		if wait == 0 {
			if l.rpm > 0 {
				l.reqs--
			}
			if l.tpm > 0 {
				l.tokens -= need
			}
			l.mu.Unlock()
			return nil
		}
		l.mu.Unlock()
		if err := l.clock.Sleep(ctx, wait); err != nil {
			return err
		}
	}
}
