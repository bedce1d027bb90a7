package backendhttp

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/epistle-letters/epistle/pipeline/translate"
)

func TestKindOf(t *testing.T) {
	for _, tc := range []struct {
		status int
		want   translate.BackendErrorKind
	}{
		{400, translate.ErrRejected},
		{401, translate.ErrAuth},
		{403, translate.ErrAuth},
		{404, translate.ErrNotFound},
		{408, translate.ErrUnreachable},
		{413, translate.ErrRejected},
		{422, translate.ErrRejected},
		{429, translate.ErrRateLimit},
		{500, translate.ErrServer},
		{502, translate.ErrServer},
		{503, translate.ErrServer},
		{529, translate.ErrServer},
		{302, translate.ErrMalformed},
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
	var be *translate.BackendError
	if err := s.TransportError(context.Background(), io.ErrUnexpectedEOF); !errors.As(err, &be) || be.Kind != translate.ErrUnreachable {
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
