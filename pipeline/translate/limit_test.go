package translate

import (
	"context"
	"testing"
	"time"

	"github.com/epistle-letters/epistle/pipeline/backendtest"
)

func TestLimiterRequestsPerMinute(t *testing.T) {
	clock := &backendtest.Clock{}
	l := newLimiter(2, 0, clock)
	ctx := context.Background()
	// Two requests fit in the first minute's budget at once; the third
	// waits half a minute for the budget to refill.
	for i := 0; i < 3; i++ {
		if err := l.wait(ctx, 10); err != nil {
			t.Fatal(err)
		}
	}
	if got := clock.Sleeps(); len(got) != 1 || got[0] != 30*time.Second {
		t.Fatalf("waits = %v, want one of 30s before the third request", got)
	}
}

func TestLimiterTokensPerMinute(t *testing.T) {
	clock := &backendtest.Clock{}
	l := newLimiter(0, 1000, clock)
	ctx := context.Background()
	for _, n := range []int{900, 500} {
		if err := l.wait(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	// 100 tokens were left; 400 more refill in 24s.
	if got := clock.Sleeps(); len(got) != 1 || got[0] != 24*time.Second {
		t.Fatalf("waits = %v, want one of 24s before 1400 tokens within a minute", got)
	}
}

func TestLimiterCancelled(t *testing.T) {
	l := newLimiter(1, 0, realClock{})
	ctx, cancel := context.WithCancel(context.Background())
	if err := l.wait(ctx, 1); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := l.wait(ctx, 1); err != context.Canceled {
		t.Fatalf("err = %v, want the wait for a minute's budget cut short", err)
	}
}

func TestLimiterOff(t *testing.T) {
	clock := &backendtest.Clock{}
	l := newLimiter(0, 0, clock)
	for i := 0; i < 1000; i++ {
		if err := l.wait(context.Background(), 1e6); err != nil {
			t.Fatal(err)
		}
	}
	if got := clock.Sleeps(); len(got) != 0 {
		t.Fatalf("waits = %v without limits", got)
	}
}
