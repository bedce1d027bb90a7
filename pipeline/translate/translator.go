package translate

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/text/language"
)

// A Translator turns a batch of source segments into target text. The
// backends (openai, deepl, memory) implement it; the pipeline batches,
// retries and validates around it.
//
// Translate returns a translation for each unit it could translate, keyed by
// unit id; a unit it has no translation for is simply absent (the memory
// backend never invents one). Units arrive with private names already
// replaced by placeholders and markup as protected tags; the translation must
// keep both. Errors that come back are a *[BackendError] when the service
// answered or could not be reached, so the pipeline can decide to retry, or
// the context's error when ctx was cancelled.
type Translator interface {
	Translate(ctx context.Context, req *Request) (*Response, error)
}

// Request is one batch for a backend.
type Request struct {
	Source, Target language.Tag
	Units          []Unit
	// Style is the newsletter's style guide for the translator, if any.
	Style string
	// Terms are the glossary entries that occur in this batch's units.
	Terms []TermHint
	// Examples are approved translations of similar sentences.
	Examples []Example
}

// Unit is one segment to translate.
type Unit struct {
	ID   string
	Text string
	// Context is the text around the segment in its paragraph, for the
	// translator's reference only.
	Context string
	// Problem names what was wrong with the previous attempt, on a retry.
	Problem string
}

// TermHint is a glossary entry as a translator sees it.
type TermHint struct {
	Source    string
	Target    string
	Forbidden []string
	Note      string
	// Keep is true for do-not-translate entries and placeholders.
	Keep bool
}

// Example is an approved translation offered as a model.
type Example struct {
	Source, Target string
	// Letter names the letter of the newsletter where a person approved
	// this pair ("2024-05.ko.md"); "" for a pair from a memory file.
	Letter string
}

// Response is what a backend returned for a batch. A backend that fails
// after the service answered (a reply that cannot be read) may return a
// Response with its error: the requests and tokens it reports were billed
// and are counted.
type Response struct {
	Translations map[string]string
	// Usage as the service reported it; zero where it reports none.
	PromptTokens, CompletionTokens int
	// Requests is the number of HTTP requests the batch took.
	Requests int
}

// BackendErrorKind classifies what went wrong talking to a service.
type BackendErrorKind int

const (
	// ErrUnreachable: the connection failed, dropped or timed out.
	ErrUnreachable BackendErrorKind = iota + 1
	// ErrAuth: the key was missing or rejected (401, 403).
	ErrAuth
	// ErrNotFound: the model or endpoint does not exist (404).
	ErrNotFound
	// ErrRateLimit: too many requests (429); RetryAfter may say how long to wait.
	ErrRateLimit
	// ErrServer: the service failed (5xx).
	ErrServer
	// ErrMalformed: the service answered with something that is not the
	// expected shape (bad JSON, missing fields).
	ErrMalformed
	// ErrRejected: the service refused the request as invalid (400, 413,
	// 456 quota exceeded), or the request could not be sent at all (a key
	// that is not a valid header).
	ErrRejected
	// ErrRefused: nothing accepts connections at the server's address
	// (connection refused, no such host). The engine tries a few times, in
	// case the server is restarting, then ends the run: a wrong address or
	// a dead server does not come back.
	ErrRefused
)

// BackendError is an error from a translation service.
type BackendError struct {
	Kind       BackendErrorKind
	Backend    string
	Status     int
	RetryAfter time.Duration
	Err        error
}

func (e *BackendError) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("%s: HTTP %d: %v", e.Backend, e.Status, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Backend, e.Err)
}

func (e *BackendError) Unwrap() error { return e.Err }

// Temporary reports whether the same request may succeed if tried again.
func (e *BackendError) Temporary() bool {
	switch e.Kind {
	case ErrUnreachable, ErrRateLimit, ErrServer, ErrMalformed:
		return true
	}
	return false
}
