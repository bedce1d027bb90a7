package translate

import (
	"context"
	"testing"
	"time"
)

func TestLimiterRequestsPerMinute(t *testing.T) {
	l := newLimiter(2, 0)
	ctx := context.Background()
	// Two requests fit in the first minute's budget at once.
	for i := 0; i < 2; i++ {
		if err := l.wait(ctx, 10); err != nil {
			t.Fatal(err)
		}
	}
	// The third must wait about half a minute: a short deadline ends it.
	ctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := l.wait(ctx, 10); err != context.DeadlineExceeded {
		t.Fatalf("third request within a minute: err = %v, want it held back", err)
	}
}

func TestLimiterTokensPerMinute(t *testing.T) {
	l := newLimiter(0, 1000)
	ctx := context.Background()
	if err := l.wait(ctx, 900); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := l.wait(ctx, 500); err != context.DeadlineExceeded {
		t.Fatalf("1400 tokens within a minute under a 1000 limit: err = %v, want it held back", err)
	}
}

func TestLimiterOff(t *testing.T) {
	l := newLimiter(0, 0)
	for i := 0; i < 1000; i++ {
		if err := l.wait(context.Background(), 1e6); err != nil {
			t.Fatal(err)
		}
	}
}
