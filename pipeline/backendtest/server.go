// Package backendtest is a fake translation service for tests: an
// [httptest.Server] that speaks the wire formats of the OpenAI chat
// completions API (with the files and batches endpoints of its Batch API) and
// of the DeepL API (/v2/translate, /v2/glossaries), so the backends and the
// pipeline are tested over real HTTP without a network or a key.
//
// By default it translates deterministically and well enough for every check
// the pipeline makes (a test holds this): each glossary term becomes its
// preferred rendering (terms come from the system prompt for OpenAI and from
// the glossary for DeepL), every other Hangul word becomes words of the
// language asked for (the prompt's target for OpenAI, target_lang for
// DeepL: English, Japanese or Chinese, the latter two without spaces and
// with their own punctuation), and tags, placeholders and numbers stay. Tests then make it fail on
// demand — by the next requests, a request number or a pattern in the
// request body — with each failure a real service shows: [RateLimit] with Retry-After, [ServerError],
// [Unauthorized], [NotFound], [Malformed] bodies, replies missing an id or
// with wrong ids, a dropped placeholder, an ignored glossary term, a
// [Hangup] of the connection. It also answers in the shapes weak models
// give ([BareArray], [NumericIDs], [Chatter] …) and merges adjacent
// sentences ([MergeAdjacent]).
//
// The server counts requests and records every request body, so a test can
// prove that a private name never left the machine.
package backendtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Failure is a way the fake service fails a request.
type Failure string

// Failures of a translation request (chat completion, DeepL translate, or
// one line of an OpenAI batch).
const (
	RateLimit     Failure = "429"         // 429 Too Many Requests with Retry-After
	ServerError   Failure = "500"         // 500 Internal Server Error
	Unavailable   Failure = "503"         // 503 Service Unavailable
	BadRequest    Failure = "400"         // 400 Bad Request
	Unauthorized  Failure = "401"         // 401 (OpenAI's answer to a bad key)
	Forbidden     Failure = "403"         // 403 (DeepL's answer to a bad key)
	NotFound      Failure = "404"         // 404: no such model or endpoint
	QuotaExceeded Failure = "456"         // 456: DeepL's quota is used up
	Malformed     Failure = "malformed"   // 200 with a body that is not JSON
	Prose         Failure = "prose"       // 200, but the model's reply is prose, not JSON
	MissingID     Failure = "missing-id"  // the reply leaves out the last segment
	WrongIDs      Failure = "wrong-ids"   // the reply renames every id
	DropTag       Failure = "drop-tag"    // the reply drops the first tag or placeholder
	IgnoreTerm    Failure = "ignore-term" // the reply ignores the glossary
	// UseForbidden renders each glossary term by the first rendering the
	// prompt forbids (DeepL's glossaries hold none: it answers normally).
	UseForbidden Failure = "use-forbidden"
	// English answers in English whatever language was asked for, the
	// glossary ignored, as a model that did not read the prompt does.
	English Failure = "english"
	Hangup  Failure = "hangup" // the connection is closed without an answer
)

// Replies shaped the way small and local models shape them. Each is
// unambiguous, and a client that reads it gets every translation.
const (
	KeyTranslation Failure = "key-translation" // items keyed "translation" instead of "text"
	KeyTranslated  Failure = "key-translated"  // items keyed "translated" instead of "text"
	BareArray      Failure = "bare-array"      // a bare array of items, not {"translations": …}
	NumericIDs     Failure = "numeric-ids"     // ids replaced by the items' numbers, 1, 2, 3…
	CodeFence      Failure = "code-fence"      // the JSON fenced in ```json … ```, even in JSON mode
	Chatter        Failure = "chatter"         // a sentence of chatter before and after the JSON
)

// Replies that merge two sentences: the translation of each odd-numbered
// segment (the 2nd, the 4th…) also goes into the item before it, and the
// segment itself gets only its last word ([MergeAdjacent]) or no item at
// all ([MergeDrop]). A batch of one segment has nothing to merge. DeepL
// answers these, as the shapes above, normally.
const (
	MergeAdjacent Failure = "merge"
	MergeDrop     Failure = "merge-drop"
)

// Failures of the other endpoints.
const (
	// BatchFailed makes the next OpenAI batch end with status "failed".
	BatchFailed Failure = "batch-failed"
	// GlossaryUnsupported makes DeepL refuse to create a glossary with 400,
	// as it does for a language pair without glossary support.
	GlossaryUnsupported Failure = "glossary-unsupported"
)

// Failures lists every failure kind, for the command line of the test
// scripts.
var Failures = []Failure{RateLimit, ServerError, Unavailable, BadRequest, Unauthorized, Forbidden,
	NotFound, QuotaExceeded, Malformed, Prose, MissingID, WrongIDs, DropTag, IgnoreTerm, UseForbidden, English, Hangup,
	KeyTranslation, KeyTranslated, BareArray, NumericIDs, CodeFence, Chatter, MergeAdjacent, MergeDrop,
	BatchFailed, GlossaryUnsupported}

// chatOnly reports whether f is a reply shape or merge of a chat model,
// which DeepL answers normally.
func (f Failure) chatOnly() bool {
	switch f {
	case KeyTranslation, KeyTranslated, BareArray, NumericIDs, CodeFence, Chatter, MergeAdjacent, MergeDrop:
		return true
	}
	return false
}

// scope is the kind of request a failure applies to.
func (f Failure) scope() string {
	switch f {
	case BatchFailed:
		return "batch"
	case GlossaryUnsupported:
		return "glossary"
	}
	return "translate"
}

// Options configure a [Server].
type Options struct {
	// Latency delays every answer, as a distant service does.
	Latency time.Duration
	// RetryAfter is the Retry-After header sent with a 429; "1" when empty.
	RetryAfter string
	// RejectResponseFormat makes chat completions that ask for a
	// response_format fail with 400, as some OpenAI-compatible servers do.
	RejectResponseFormat bool
	// BatchPolls is how many times a batch reports "in_progress" before
	// "completed"; 1 when zero.
	BatchPolls int
	// OnRequest, when set, hears of each request as it arrives, before it
	// is answered: a test cancels its client at an exact point with it.
	OnRequest func(method, path string)
}

// Server is a running fake service. Its zero value is not usable; call
// [NewServer].
type Server struct {
	// URL is the server's base address: DeepL's server URL; OpenAI's base
	// URL is [Server.OpenAIURL].
	URL string

	srv  *httptest.Server
	opts Options

	mu           sync.Mutex
	latency      time.Duration
	requests     int
	translations int
	bodies       [][]byte
	log          []string
	rules        []*rule
	files        map[string][]byte
	batches      map[string]*batch
	glossaries   map[string][]term
	nextID       int
	killAfter    int // translations answered before the server dies; 0 for never
}

// A rule makes matching requests of its failure's scope fail.
type rule struct {
	failure Failure
	left    int            // requests still to fail; <0 for all
	at      int            // fail only the translation request with this number (1-based)
	match   *regexp.Regexp // fail only requests whose body matches
}

type batch struct {
	ID           string  `json:"id"`
	Object       string  `json:"object"`
	Endpoint     string  `json:"endpoint"`
	InputFileID  string  `json:"input_file_id"`
	Window       string  `json:"completion_window"`
	Status       string  `json:"status"`
	OutputFileID *string `json:"output_file_id"`
	Errors       any     `json:"errors"`
	polls        int
}

// NewServer starts a fake service; stop it with [Server.Close].
func NewServer(opts Options) *Server {
	if opts.RetryAfter == "" {
		opts.RetryAfter = "1"
	}
	if opts.BatchPolls == 0 {
		opts.BatchPolls = 1
	}
	s := &Server{opts: opts, latency: opts.Latency, files: map[string][]byte{},
		batches: map[string]*batch{}, glossaries: map[string][]term{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	return s
}

// OpenAIURL is the base URL an OpenAI client is configured with.
func (s *Server) OpenAIURL() string { return s.URL + "/v1" }

// KillAfter makes the server die after it has answered n more translation
// requests: the next one is cut off without an answer and every later
// connection is refused, as when the process of a local server is killed.
func (s *Server) KillAfter(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.killAfter = s.translations + n
}

// Close stops the server; answers still delayed by latency are cut short.
func (s *Server) Close() {
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// Requests is the number of HTTP requests served, of every endpoint.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests
}

// Translations is the number of translation requests received, including
// those still waiting out the latency: chat completions and DeepL translate
// calls (a batch's lines do not count).
func (s *Server) Translations() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.translations
}

// Bodies returns a copy of every request body received, in order.
func (s *Server) Bodies() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([][]byte, len(s.bodies))
	for i, b := range s.bodies {
		out[i] = bytes.Clone(b)
	}
	return out
}

// Log returns the method and path of every request received, in order:
// "POST /v1/chat/completions".
func (s *Server) Log() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.log...)
}

// SetLatency changes the delay of every following answer.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	s.latency = d
	s.mu.Unlock()
}

// FailNext makes the next n requests of the failure's kind fail with it;
// n < 0 makes all of them fail.
func (s *Server) FailNext(f Failure, n int) {
	s.addRule(&rule{failure: f, left: n})
}

// FailAt makes translation request number n (counting from 1, as
// [Server.Translations] counts) fail with f.
func (s *Server) FailAt(n int, f Failure) {
	s.addRule(&rule{failure: f, left: 1, at: n})
}

// FailMatching makes the next n requests whose body matches the regular
// expression pattern fail with f; n < 0 makes all of them fail. Besides
// the requests of f's kind, a status failure (429, 500, …) also hits the
// DeepL glossary requests that match.
func (s *Server) FailMatching(pattern string, f Failure, n int) {
	s.addRule(&rule{failure: f, left: n, match: regexp.MustCompile(pattern)})
}

// Heal drops every failure still to come: the service answers normally
// again.
func (s *Server) Heal() {
	s.mu.Lock()
	s.rules = nil
	s.mu.Unlock()
}

func (s *Server) addRule(r *rule) {
	s.mu.Lock()
	s.rules = append(s.rules, r)
	s.mu.Unlock()
}

// failure returns the failure for a request of scope whose body is body,
// consuming the first rule that applies, or "" to answer normally. number is
// the translation request's number, 0 for other requests and batch lines.
// Callers hold s.mu.
func (s *Server) failure(scope string, body []byte, number int) Failure {
	for i, r := range s.rules {
		// A rule with a pattern picks its requests itself; the status
		// failures it names may then hit a DeepL glossary request too.
		inScope := r.failure.scope() == scope || (r.match != nil && scope == "glossary" && r.failure.status() != 0)
		if !inScope || r.left == 0 {
			continue
		}
		if r.at != 0 && r.at != number {
			continue
		}
		if r.match != nil && !r.match.Match(body) {
			continue
		}
		if r.left > 0 {
			r.left--
		}
		if r.left == 0 {
			s.rules = append(s.rules[:i:i], s.rules[i+1:]...)
		}
		return r.failure
	}
	return ""
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	path := r.URL.Path
	translation := r.Method == http.MethodPost && (strings.HasSuffix(path, "/chat/completions") || path == "/v2/translate")
	s.mu.Lock()
	s.requests++
	s.bodies = append(s.bodies, body)
	s.log = append(s.log, r.Method+" "+path)
	latency := s.latency
	// A translation request is counted, and its failure chosen, as it
	// arrives, so that numbers follow the order requests were sent in and a
	// script can tell that a request is in flight.
	var f Failure
	if translation {
		s.translations++
		f = s.failure("translate", body, s.translations)
	}
	dying := translation && s.killAfter > 0 && s.translations > s.killAfter
	s.mu.Unlock()
	if s.opts.OnRequest != nil {
		s.opts.OnRequest(r.Method, path)
	}
	if dying {
		// Killed mid-request: no answer, and nothing listens any more.
		s.srv.Listener.Close()
		hangup(w)
		return
	}
	if latency > 0 {
		t := time.NewTimer(latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		}
	}
	// Azure OpenAI serves files and batches under /openai/ instead of /v1/.
	if rest, ok := strings.CutPrefix(path, "/openai/"); ok && !strings.HasPrefix(rest, "deployments/") {
		path = "/v1/" + rest
	}
	switch {
	case r.Method == http.MethodPost && strings.HasSuffix(path, "/chat/completions"):
		s.serveChat(w, r, body, f)
	case r.Method == http.MethodPost && strings.HasSuffix(path, "/files"):
		s.serveUpload(w, r, body)
	case r.Method == http.MethodGet && strings.HasPrefix(path, "/v1/files/") && strings.HasSuffix(path, "/content"):
		s.serveFileContent(w, strings.TrimSuffix(strings.TrimPrefix(path, "/v1/files/"), "/content"))
	case r.Method == http.MethodPost && path == "/v1/batches":
		s.serveCreateBatch(w, r, body)
	case strings.HasPrefix(path, "/v1/batches/"):
		s.serveBatch(w, r, strings.TrimPrefix(path, "/v1/batches/"))
	case r.Method == http.MethodPost && path == "/v2/translate":
		s.serveDeepL(w, r, body, f)
	case r.Method == http.MethodPost && path == "/v2/glossaries":
		s.serveGlossary(w, r, body)
	default:
		writeJSON(w, http.StatusNotFound, map[string]any{"error": map[string]any{
			"message": "no such endpoint: " + r.Method + " " + path, "type": "invalid_request_error"}})
	}
}

// status is the HTTP status a failure answers with, or 0 when it answers
// otherwise.
func (f Failure) status() int {
	switch f {
	case RateLimit:
		return http.StatusTooManyRequests
	case ServerError:
		return http.StatusInternalServerError
	case Unavailable:
		return http.StatusServiceUnavailable
	case BadRequest:
		return http.StatusBadRequest
	case Unauthorized:
		return http.StatusUnauthorized
	case Forbidden:
		return http.StatusForbidden
	case NotFound:
		return http.StatusNotFound
	case QuotaExceeded:
		return 456
	}
	return 0
}

// fail answers with f when it is a status failure, a malformed body or a
// hang-up and reports whether it did.
func (s *Server) fail(w http.ResponseWriter, f Failure, deepl bool) bool {
	status := f.status()
	switch {
	case f == Malformed:
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"choices": [oops`)
		return true
	case f == Hangup:
		hangup(w)
		return true
	case status == 0:
		return false
	case f == RateLimit:
		w.Header().Set("Retry-After", s.opts.RetryAfter)
	}
	if deepl {
		writeJSON(w, status, map[string]any{"message": "fake failure " + string(f)})
	} else {
		writeJSON(w, status, apiError(string(f), "fake failure "+string(f)))
	}
	return true
}

// hangup closes the connection without an answer, as a dropped network or a
// crashed proxy does.
func hangup(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("backendtest: connection cannot be hijacked")
	}
	conn, _, err := hj.Hijack()
	if err == nil {
		conn.Close()
	}
}

func apiError(code, message string) map[string]any {
	return map[string]any{"error": map[string]any{"message": message, "type": "invalid_request_error", "code": code}}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (s *Server) newID(prefix string) string {
	s.nextID++
	return fmt.Sprintf("%s-%d", prefix, s.nextID)
}
