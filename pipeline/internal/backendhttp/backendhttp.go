// Package backendhttp holds what the HTTP translation backends (openai,
// deepl) share: how an HTTP answer becomes a [translate.BackendError], how a
// Retry-After header is read, and how a detail from the service is made safe
// to show (never the key).
//
// Each backend keeps its own status table, because services disagree: DeepL
// answers a bad key with 403 and an exhausted quota with 456, OpenAI with 401
// and 429 "insufficient_quota".
package backendhttp

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// KindOf is the usual meaning of an HTTP status for a translation service.
// Backends override the statuses their service uses differently.
func KindOf(status int) translate.BackendErrorKind {
	switch {
	case status == http.StatusUnauthorized, status == http.StatusForbidden:
		return translate.ErrAuth
	case status == http.StatusNotFound:
		return translate.ErrNotFound
	case status == http.StatusTooManyRequests:
		return translate.ErrRateLimit
	case status == http.StatusRequestTimeout:
		return translate.ErrUnreachable
	case status >= 500:
		return translate.ErrServer
	case status >= 400:
		return translate.ErrRejected
	}
	// A 1xx or 3xx the client did not follow is not an answer we can read.
	return translate.ErrMalformed
}

// RetryAfter reads a Retry-After header, which is either a number of
// seconds or an HTTP date, as a duration from now. Anything else, a date
// in the past or an empty header, gives 0: the caller uses its own backoff.
func RetryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if secs, err := strconv.ParseFloat(h, 64); err == nil {
		if secs <= 0 || secs > 24*60*60 {
			return 0
		}
		return time.Duration(secs * float64(time.Second))
	}
	t, err := http.ParseTime(h)
	if err != nil {
		return 0
	}
	if d := t.Sub(now); d > 0 {
		return d
	}
	return 0
}

// Redact returns s, shortened to one line of at most 200 characters, with
// every occurrence of each secret replaced by "***". Services echo parts of
// the request in their error messages, and a key must never reach a
// message or a log.
func Redact(s string, secrets ...string) string {
	for _, k := range secrets {
		if len(k) >= 4 {
			s = strings.ReplaceAll(s, k, "***")
		}
	}
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 200 {
		r := []rune(s)
		s = string(r[:200]) + "…"
	}
	return s
}

// DisplayURL is a server address fit for a message: without user
// information or query, where a secret might hide.
func DisplayURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(invalid URL)"
	}
	u.User, u.RawQuery, u.Fragment = nil, "", ""
	return u.String()
}

// Service names the backend in messages and how the reader fixes its
// configuration.
type Service struct {
	// Name is the backend name as the user chooses it: openai, deepl.
	Name string
	// KeyEnv and URLEnv are the environment variables that hold the key and
	// the server address.
	KeyEnv, URLEnv string
	// URL is the server address in use, shown when it cannot be reached;
	// see [DisplayURL].
	URL string
}

// StatusError is the error for an HTTP answer with a failure status: detail
// is what the service said, already redacted.
func (s Service) StatusError(kind translate.BackendErrorKind, status int, header http.Header, detail string) *translate.BackendError {
	e := &translate.BackendError{Kind: kind, Backend: s.Name, Status: status}
	switch kind {
	case translate.ErrAuth:
		e.Err = locales.New("backend.auth", "Backend", s.Name, "Status", status).
			WithHint("backend.auth.hint", "Env", s.KeyEnv)
	case translate.ErrNotFound:
		e.Err = locales.New("backend.not-found", "Backend", s.Name, "Status", status, "Detail", detail).
			WithHint("backend.not-found.hint", "Env", s.URLEnv)
	case translate.ErrRateLimit:
		e.RetryAfter = RetryAfter(header.Get("Retry-After"), time.Now())
		e.Err = locales.New("backend.rate-limit", "Backend", s.Name, "Status", status).
			WithHint("backend.rate-limit.hint")
	case translate.ErrServer:
		e.Err = locales.New("backend.server", "Backend", s.Name, "Status", status, "Detail", detail)
	case translate.ErrUnreachable:
		e.Err = locales.New("backend.timeout", "Backend", s.Name, "Status", status)
	case translate.ErrMalformed:
		e.Err = locales.New("backend.malformed", "Backend", s.Name, "Detail", detail)
	default:
		e.Kind = translate.ErrRejected
		e.Err = locales.New("backend.rejected", "Backend", s.Name, "Status", status, "Detail", detail)
	}
	return e
}

// Malformed is the error for an answer that is not of the expected shape.
func (s Service) Malformed(detail string) *translate.BackendError {
	return &translate.BackendError{Kind: translate.ErrMalformed, Backend: s.Name,
		Err: locales.New("backend.malformed", "Backend", s.Name, "Detail", detail)}
}

// TransportError classifies an error from sending a request or reading its
// answer. It returns ctx's error when ctx is done, so a cancelled run is
// reported as cancelled and not as a network failure.
func (s Service) TransportError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &syntax) || errors.As(err, &typeErr) {
		return s.Malformed(err.Error())
	}
	if cause := refused(err); cause != nil {
		return &translate.BackendError{Kind: translate.ErrRefused, Backend: s.Name,
			Err: locales.New("backend.unreachable", "Backend", s.Name, "URL", s.URL).Wrap(cause).
				WithHint("backend.unreachable.hint", "Env", s.URLEnv)}
	}
	// A *url.Error is a net.Error itself: what counts is what it wraps.
	inner := stripURL(err)
	var netErr net.Error
	if errors.As(inner, &netErr) || errors.Is(inner, io.ErrUnexpectedEOF) || errors.Is(inner, io.EOF) {
		return &translate.BackendError{Kind: translate.ErrUnreachable, Backend: s.Name,
			Err: locales.New("backend.unreachable", "Backend", s.Name, "URL", s.URL).Wrap(inner).
				WithHint("backend.unreachable.hint", "Env", s.URLEnv)}
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		// The request never left: the client refused to build it (a key
		// with a line break is not a valid header). Trying again cannot help.
		return &translate.BackendError{Kind: translate.ErrRejected, Backend: s.Name,
			Err: locales.New("backend.request-invalid", "Backend", s.Name, "URL", s.URL).Wrap(inner).
				WithHint("backend.request-invalid.hint", "KeyEnv", s.KeyEnv, "URLEnv", s.URLEnv)}
	}
	return s.Malformed(err.Error())
}

// refused returns the cause when nothing accepts connections at the
// server's address — the connection was refused or the host does not
// exist — and nil for every other failure.
func refused(err error) error {
	if errors.Is(err, syscall.ECONNREFUSED) {
		return syscall.ECONNREFUSED
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) && dnsErr.IsNotFound {
		return dnsErr
	}
	return nil
}

// stripURL drops the request URL from a *url.Error: the message already
// names the server, and Azure-style URLs may carry query parameters.
func stripURL(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Err
	}
	return err
}
