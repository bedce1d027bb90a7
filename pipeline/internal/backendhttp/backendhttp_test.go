package backendhttp

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/epistle-letters/epistle/pipeline"
)

func TestKindOf(t *testing.T) {
	for _, tc := range []struct {
		status int
		want   pipeline.BackendErrorKind
	}{
		{400, pipeline.ErrRejected},
		{401, pipeline.ErrAuth},
		{403, pipeline.ErrAuth},
		{404, pipeline.ErrNotFound},
		{408, pipeline.ErrUnreachable},
		{413, pipeline.ErrRejected},
		{422, pipeline.ErrRejected},
		{429, pipeline.ErrRateLimit},
		{500, pipeline.ErrServer},
		{502, pipeline.ErrServer},
		{503, pipeline.ErrServer},
		{529, pipeline.ErrServer},
		{302, pipeline.ErrMalformed},
	} {
		if got := KindOf(tc.status); got != tc.want {
			t.Errorf("KindOf(%d) = %d, want %d", tc.status, got, tc.want)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		header string
		want   time.Duration
	}{
		{"", 0},
		{"0", 0},
		{"1", time.Second},
		{" 20 ", 20 * time.Second},
		{"1.5", 1500 * time.Millisecond},
		{"-3", 0},
		{"86401", 0},
		{"Thu, 26 Nov 2026 12:00:30 GMT", 30 * time.Second},
		{"Thursday, 26-Nov-26 12:01:00 GMT", time.Minute},
		{"Thu Nov 26 12:00:05 2026", 5 * time.Second},
		{"Thu, 26 Nov 2026 11:59:00 GMT", 0},
		{"soon", 0},
	} {
		if got := RetryAfter(tc.header, now); got != tc.want {
			t.Errorf("RetryAfter(%q) = %v, want %v", tc.header, got, tc.want)
		}
	}
}

func TestRedact(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		secrets  []string
	}{
		{"Incorrect API key provided: sk-abcdef.", "Incorrect API key provided: ***.", []string{"sk-abcdef"}},
		{"two\nlines\t here", "two lines here", nil},
		{"short key abc stays", "short key abc stays", []string{"abc"}},
		{"", "", []string{"sk-abcdef"}},
	} {
		if got := Redact(tc.in, tc.secrets...); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	long := make([]rune, 300)
	for i := range long {
		long[i] = '가'
	}
	if got := []rune(Redact(string(long))); len(got) != 201 {
		t.Errorf("Redact of 300 runes kept %d, want 200 and an ellipsis", len(got))
	}
}

func TestTransportError(t *testing.T) {
	s := Service{Name: "x", URL: "http://x"}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.TransportError(ctx, io.ErrUnexpectedEOF); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
	var be *pipeline.BackendError
	if err := s.TransportError(context.Background(), io.ErrUnexpectedEOF); !errors.As(err, &be) || be.Kind != pipeline.ErrUnreachable {
		t.Errorf("dropped connection: %v, want ErrUnreachable", err)
	}
}

func TestDisplayURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://api.openai.com/v1":                 "https://api.openai.com/v1",
		"http://user:secret@localhost:11434/v1":     "http://localhost:11434/v1",
		"https://x.openai.azure.com/?api-key=k#top": "https://x.openai.azure.com/",
		"http://[::1": "(invalid URL)",
	} {
		if got := DisplayURL(in); got != want {
			t.Errorf("DisplayURL(%q) = %q, want %q", in, got, want)
		}
	}
}
