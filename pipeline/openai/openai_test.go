package openai

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/backendtest"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

const testKey = "sk-test-0123456789abcdef"

func newTranslator(t *testing.T, srv *backendtest.Server, schema bool) *Translator {
	t.Helper()
	tr, err := New(Config{APIKey: testKey, BaseURL: srv.OpenAIURL(), Model: "gpt-test", JSONSchema: schema})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestTranslate(t *testing.T) {
	for _, schema := range []bool{true, false} {
		t.Run(fmt.Sprintf("schema=%v", schema), func(t *testing.T) {
			srv := backendtest.NewServer(backendtest.Options{})
			defer srv.Close()
			resp, err := newTranslator(t, srv, schema).Translate(context.Background(), smallRequest())
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{
				"p3.s1": "North Korean defector season year help letter rest grace.",
				"p3.s2": "<n1/> faith <g1>Zoom</g1> home light church.",
			}
			if fmt.Sprint(resp.Translations) != fmt.Sprint(want) {
				t.Errorf("translations = %q, want %q", resp.Translations, want)
			}
			if resp.Requests != 1 || resp.PromptTokens == 0 || resp.CompletionTokens == 0 {
				t.Errorf("usage = %d requests, %d+%d tokens; want 1 request and some tokens", resp.Requests, resp.PromptTokens, resp.CompletionTokens)
			}
			body := string(srv.Bodies()[0])
			wantFormat := map[bool]string{true: `"type":"json_schema"`, false: `"type":"json_object"`}[schema]
			if !strings.Contains(body, wantFormat) {
				t.Errorf("request body lacks %s: %s", wantFormat, body)
			}
		})
	}
}

func TestTranslateNothing(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{})
	defer srv.Close()
	resp, err := newTranslator(t, srv, true).Translate(context.Background(), &translate.Request{Source: language.Korean, Target: language.English})
	if err != nil || len(resp.Translations) != 0 || srv.Requests() != 0 {
		t.Errorf("empty batch: %v, %v, %d requests; want nothing sent", resp, err, srv.Requests())
	}
}

// A server that refuses response_format is asked again with the prompt
// alone, and only the prompt afterwards.
func TestResponseFormatFallback(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{RejectResponseFormat: true})
	defer srv.Close()
	tr := newTranslator(t, srv, true)
	for i, wantRequests := range []int{2, 1} {
		resp, err := tr.Translate(context.Background(), smallRequest())
		if err != nil {
			t.Fatalf("call %d: %v", i+1, err)
		}
		if resp.Requests != wantRequests || len(resp.Translations) != 2 {
			t.Errorf("call %d: %d requests, %d translations; want %d and 2", i+1, resp.Requests, len(resp.Translations), wantRequests)
		}
	}
	bodies := srv.Bodies()
	if strings.Contains(string(bodies[2]), "response_format") {
		t.Errorf("third request still asks for response_format: %s", bodies[2])
	}
}

// A 400 that is not about response_format stays a 400 and the format is
// kept for the next call.
func TestBadRequestIsNotAFormatProblem(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{})
	defer srv.Close()
	tr := newTranslator(t, srv, true)
	srv.FailNext(backendtest.BadRequest, 2)
	_, err := tr.Translate(context.Background(), smallRequest())
	assertKind(t, err, translate.ErrRejected, 400)
	if _, err := tr.Translate(context.Background(), smallRequest()); err != nil {
		t.Fatal(err)
	}
	if last := srv.Bodies()[2]; !strings.Contains(string(last), "json_schema") {
		t.Errorf("format forgotten after an unrelated 400: %s", last)
	}
}

func TestFailures(t *testing.T) {
	for _, tc := range []struct {
		failure    backendtest.Failure
		kind       translate.BackendErrorKind
		status     int
		retryAfter time.Duration
	}{
		{backendtest.RateLimit, translate.ErrRateLimit, 429, 2 * time.Second},
		{backendtest.ServerError, translate.ErrServer, 500, 0},
		{backendtest.Unavailable, translate.ErrServer, 503, 0},
		{backendtest.Unauthorized, translate.ErrAuth, 401, 0},
		{backendtest.Forbidden, translate.ErrAuth, 403, 0},
		{backendtest.NotFound, translate.ErrNotFound, 404, 0},
		{backendtest.Malformed, translate.ErrMalformed, 0, 0},
		{backendtest.Prose, translate.ErrMalformed, 0, 0},
		{backendtest.Hangup, translate.ErrUnreachable, 0, 0},
	} {
		t.Run(string(tc.failure), func(t *testing.T) {
			srv := backendtest.NewServer(backendtest.Options{RetryAfter: "2"})
			defer srv.Close()
			srv.FailNext(tc.failure, 1)
			_, err := newTranslator(t, srv, false).Translate(context.Background(), smallRequest())
			be := assertKind(t, err, tc.kind, tc.status)
			if be != nil && be.RetryAfter != tc.retryAfter {
				t.Errorf("RetryAfter = %v, want %v", be.RetryAfter, tc.retryAfter)
			}
			if strings.Contains(err.Error(), testKey) {
				t.Errorf("error shows the key: %v", err)
			}
		})
	}
}

// Replies that parse but are wrong come back as they are: the pipeline's
// validation finds what is missing or broken.
func TestWrongReplies(t *testing.T) {
	for _, tc := range []struct {
		failure backendtest.Failure
		want    map[string]string
	}{
		{backendtest.MissingID, map[string]string{"p3.s1": "North Korean defector season year help letter rest grace."}},
		{backendtest.WrongIDs, map[string]string{}},
		{backendtest.DropTag, map[string]string{"p3.s1": "North Korean defector season year help letter rest grace.", "p3.s2": " faith <g1>Zoom</g1> home light church."}},
		{backendtest.IgnoreTerm, map[string]string{"p3.s1": "sister river year help letter rest grace.", "p3.s2": "<n1/> faith <g1>Zoom</g1> home light church."}},
	} {
		t.Run(string(tc.failure), func(t *testing.T) {
			srv := backendtest.NewServer(backendtest.Options{})
			defer srv.Close()
			srv.FailNext(tc.failure, 1)
			resp, err := newTranslator(t, srv, true).Translate(context.Background(), smallRequest())
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(resp.Translations) != fmt.Sprint(tc.want) {
				t.Errorf("translations = %q, want %q", resp.Translations, tc.want)
			}
		})
	}
}

func TestUnreachable(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{})
	srv.Close()
	_, err := newTranslator(t, srv, true).Translate(context.Background(), smallRequest())
	assertKind(t, err, translate.ErrRefused, 0)
	if got := locales.English.ErrorText(err); got != "cannot reach openai at "+srv.OpenAIURL()+": connection refused" {
		t.Errorf("error = %q, want it to name the server and the cause", got)
	}
}

func TestCancel(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{Latency: time.Minute})
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := newTranslator(t, srv, true).Translate(ctx, smallRequest())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	var be *translate.BackendError
	if errors.As(err, &be) {
		t.Errorf("a cancelled call is reported as a backend failure: %v", err)
	}
}

// Concurrent calls each see the Retry-After of their own answer.
func TestConcurrentRetryAfter(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{RetryAfter: "7"})
	defer srv.Close()
	srv.FailMatching(`only-me`, backendtest.RateLimit, -1)
	tr := newTranslator(t, srv, true)
	var wg sync.WaitGroup
	errs := make([]error, 16)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := smallRequest()
			if i%4 == 0 {
				req.Units[0].ID = "only-me"
			}
			_, errs[i] = tr.Translate(context.Background(), req)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if i%4 != 0 {
			if err != nil {
				t.Errorf("call %d: %v", i, err)
			}
			continue
		}
		if be := assertKind(t, err, translate.ErrRateLimit, 429); be != nil && be.RetryAfter != 7*time.Second {
			t.Errorf("call %d: RetryAfter = %v, want 7s", i, be.RetryAfter)
		}
	}
}

func TestAzure(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{})
	defer srv.Close()
	tr, err := New(Config{APIKey: testKey, BaseURL: srv.URL, Model: "my-deployment", Azure: true, JSONSchema: true})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := tr.Translate(context.Background(), smallRequest())
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Translations) != 2 {
		t.Errorf("translations = %v", resp.Translations)
	}
}

func TestNewNeedsKeyAndModel(t *testing.T) {
	for _, tc := range []struct {
		name   string
		cfg    Config
		wantID string
	}{
		{"no model", Config{APIKey: "k"}, "backend.model-missing"},
		{"OpenAI without key", Config{Model: "m"}, "backend.key-missing"},
		{"Azure without key", Config{Model: "m", Azure: true, BaseURL: "https://x.openai.azure.com"}, "backend.key-missing"},
		{"local server without key", Config{Model: "llama3", BaseURL: "http://localhost:11434/v1"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.cfg)
			if tc.wantID == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(fmt.Sprintf("%#v", err), tc.wantID) {
				t.Errorf("err = %v, want message %s", err, tc.wantID)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tr, err := New(Config{APIKey: testKey, Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	header := http.Header{"Retry-After": {"3"}}
	for _, tc := range []struct {
		name string
		err  error
		kind translate.BackendErrorKind
	}{
		{"quota is not a rate limit", &goopenai.APIError{HTTPStatusCode: 429, Code: "insufficient_quota", Message: "You exceeded your current quota"}, translate.ErrRejected},
		{"rate limit", &goopenai.APIError{HTTPStatusCode: 429, Code: "rate_limit_exceeded"}, translate.ErrRateLimit},
		{"body not JSON", &goopenai.RequestError{HTTPStatusCode: 502, Body: []byte("<html>Bad Gateway</html>")}, translate.ErrServer},
		{"too large", &goopenai.APIError{HTTPStatusCode: 413}, translate.ErrRejected},
		{"key echoed", &goopenai.APIError{HTTPStatusCode: 400, Message: "bad key " + testKey}, translate.ErrRejected},
		{"completion model", goopenai.ErrChatCompletionInvalidModel, translate.ErrRejected},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tr.classify(context.Background(), tc.err, header)
			assertKind(t, err, tc.kind, -1)
			if strings.Contains(err.Error(), testKey) {
				t.Errorf("error shows the key: %v", err)
			}
		})
	}
}

func TestBatch(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{BatchPolls: 2})
	defer srv.Close()
	tr := newTranslator(t, srv, true)
	second := smallRequest()
	second.Units = second.Units[:1]
	second.Units[0].ID = "other"
	srv.FailMatching(`other`, backendtest.MissingID, 1)
	clock := &backendtest.Clock{}
	resps, err := tr.TranslateBatch(context.Background(), []*translate.Request{smallRequest(), second}, time.Minute, clock)
	if err != nil {
		t.Fatal(err)
	}
	// Each look at the job waits poll first, on the run's clock.
	if got, want := clock.Sleeps(), []time.Duration{time.Minute, time.Minute, time.Minute}; !slices.Equal(got, want) {
		t.Errorf("waits = %v, want %v", got, want)
	}
	if len(resps) != 2 || len(resps[0].Translations) != 2 || len(resps[1].Translations) != 0 {
		t.Fatalf("responses = %+v %+v; want 2 translations, then none", resps[0], resps[1])
	}
	// upload, create, three polls, download
	if resps[0].Requests != 6 || srv.Requests() != 6 {
		t.Errorf("requests = %d counted, %d served; want 6", resps[0].Requests, srv.Requests())
	}
	if resps[0].PromptTokens == 0 {
		t.Errorf("no usage reported")
	}
}

func TestBatchFailed(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{})
	defer srv.Close()
	srv.FailNext(backendtest.BatchFailed, 1)
	_, err := newTranslator(t, srv, true).TranslateBatch(context.Background(), []*translate.Request{smallRequest()}, time.Millisecond, &backendtest.Clock{})
	assertKind(t, err, translate.ErrRejected, 0)
	if !strings.Contains(err.Error(), "fake batch failure") {
		t.Errorf("error = %v, want the service's reason", err)
	}
}

// Giving up on a batch cancels it at the service, where it would cost
// money: whether the run is cancelled while the batch is being created (the
// service makes it, the answer with its id must not be lost) or while it
// is being waited for. The test cancels as the service receives the
// request, so it does not depend on timing.
func TestBatchCancel(t *testing.T) {
	for _, at := range []string{"POST /v1/batches", "GET /v1/batches/"} {
		t.Run(at, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			srv := backendtest.NewServer(backendtest.Options{BatchPolls: 1 << 20, OnRequest: func(method, path string) {
				if strings.HasPrefix(method+" "+path, at) {
					cancel()
				}
			}})
			defer srv.Close()
			_, err := newTranslator(t, srv, true).TranslateBatch(ctx, []*translate.Request{smallRequest()}, time.Millisecond, &backendtest.Clock{})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			log := srv.Log()
			if last := log[len(log)-1]; !strings.HasPrefix(last, "POST /v1/batches/") || !strings.HasSuffix(last, "/cancel") {
				t.Errorf("requests %q; want the last to cancel the batch", log)
			}
		})
	}
}

func assertKind(t *testing.T, err error, kind translate.BackendErrorKind, status int) *translate.BackendError {
	t.Helper()
	var be *translate.BackendError
	if !errors.As(err, &be) {
		t.Errorf("err = %v (%T), want a BackendError of kind %d", err, err, kind)
		return nil
	}
	if be.Kind != kind || (status >= 0 && be.Status != status) {
		t.Errorf("err = %v: kind %d status %d, want kind %d status %d", err, be.Kind, be.Status, kind, status)
	}
	return be
}

// The format is dropped only once a request without it has succeeded.
func TestResponseFormatFallbackFails(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{RejectResponseFormat: true})
	defer srv.Close()
	srv.FailAt(2, backendtest.ServerError)
	tr := newTranslator(t, srv, true)
	_, err := tr.Translate(context.Background(), smallRequest())
	assertKind(t, err, translate.ErrServer, 500)
	resp, err := tr.Translate(context.Background(), smallRequest())
	if err != nil {
		t.Fatal(err)
	}
	if resp.Requests != 2 {
		t.Errorf("second call took %d requests, want 2: the format was forgotten too early", resp.Requests)
	}
}

func TestAzureBatch(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{})
	defer srv.Close()
	tr, err := New(Config{APIKey: testKey, BaseURL: srv.URL, Model: "my-deployment", Azure: true})
	if err != nil {
		t.Fatal(err)
	}
	resps, err := tr.TranslateBatch(context.Background(), []*translate.Request{smallRequest()}, time.Millisecond, &backendtest.Clock{})
	if err != nil {
		t.Fatal(err)
	}
	if len(resps[0].Translations) != 2 {
		t.Errorf("translations = %v", resps[0].Translations)
	}
	if body := string(srv.Bodies()[0]); !strings.Contains(body, `"url":"/chat/completions"`) {
		t.Errorf("batch lines do not name Azure's endpoint: %s", body)
	}
	if got := srv.Log()[0]; got != "POST /openai/files" {
		t.Errorf("first request %q, want Azure's files endpoint", got)
	}
}

// A reply that cannot be read was still billed: its usage comes back with
// the error, for the engine to count.
func TestUnreadableReplyKeepsItsUsage(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{})
	defer srv.Close()
	srv.FailNext(backendtest.Prose, 1)
	resp, err := newTranslator(t, srv, true).Translate(context.Background(), smallRequest())
	assertKind(t, err, translate.ErrMalformed, 0)
	if resp == nil || resp.Requests != 1 || resp.PromptTokens == 0 || resp.CompletionTokens == 0 {
		t.Fatalf("response %+v; want the request and its tokens", resp)
	}
}
