package deepl

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/backendtest"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

const testKey = "0123abcd-secret-key:fx"

func newTranslator(t *testing.T, srv *backendtest.Server) *Translator {
	t.Helper()
	tr, err := New(Config{AuthKey: testKey, ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func request() *translate.Request {
	return &translate.Request{
		Source: language.Korean, Target: language.English,
		Units: []translate.Unit{
			{ID: "s1", Text: "탈북민들의 안전을 위해 기도해 주십시오."},
			{ID: "s2", Text: "<n1/> 형제가 <g1>천안</g1>에서 3 & 4절을 읽었습니다."},
		},
		Terms: []translate.TermHint{
			{Source: "탈북민", Target: "North Korean defector|North Korean defectors"},
			{Source: "천안", Target: "Cheonan"},
			{Source: "Zoom", Target: "Zoom", Keep: true},
			{Source: "<n1/>", Target: "<n1/>", Keep: true},
		},
	}
}

func TestTranslate(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{})
	defer srv.Close()
	tr := newTranslator(t, srv)
	resp, err := tr.Translate(context.Background(), request())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"s1": "North Korean defector season year help letter rest grace.",
		"s2": "<n1/> faith <g1>Cheonan</g1> truth 3 & 4 path journey work.",
	}
	if fmt.Sprint(resp.Translations) != fmt.Sprint(want) {
		t.Errorf("translations = %q, want %q", resp.Translations, want)
	}
	if resp.Requests != 2 || resp.PromptTokens != 0 {
		t.Errorf("usage = %d requests, %d tokens; want 2 requests (glossary, translate) and no tokens", resp.Requests, resp.PromptTokens)
	}
	bodies := srv.Bodies()
	if want := `"entries":"천안\tCheonan\n탈북민\tNorth Korean defector"`; !strings.Contains(string(bodies[0]), want) {
		t.Errorf("glossary request %s lacks %s", bodies[0], want)
	}
	if want := `3 \u0026amp; 4`; !strings.Contains(string(bodies[1]), want) {
		t.Errorf("translate request %s does not escape '&' (want %s)", bodies[1], want)
	}
	for _, want := range []string{`"source_lang":"KO"`, `"target_lang":"EN-US"`, `"tag_handling":"xml"`, `"glossary_id":"glossary-1"`} {
		if !strings.Contains(string(bodies[1]), want) {
			t.Errorf("translate request %s lacks %s", bodies[1], want)
		}
	}

	// The same terms in another order reuse the glossary.
	req := request()
	req.Terms[0], req.Terms[1] = req.Terms[1], req.Terms[0]
	resp, err = tr.Translate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Requests != 1 || srv.Requests() != 3 {
		t.Errorf("second batch took %d requests (%d served in all); want 1 (3)", resp.Requests, srv.Requests())
	}
}

// More than 50 segments go out in several requests.
func TestTranslateManyUnits(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{})
	defer srv.Close()
	req := &translate.Request{Source: language.Korean, Target: language.English}
	for i := range 120 {
		req.Units = append(req.Units, translate.Unit{ID: fmt.Sprint(i), Text: fmt.Sprintf("기도 %d", i)})
	}
	resp, err := newTranslator(t, srv).Translate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Requests != 3 || len(resp.Translations) != 120 || resp.Translations["119"] != "news 119" {
		t.Errorf("%d requests, %d translations, 119 = %q; want 3, 120, \"news 119\"", resp.Requests, len(resp.Translations), resp.Translations["119"])
	}
}

// A pair without glossary support is translated without a glossary, and
// no glossary is asked for again.
func TestGlossaryUnsupported(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{})
	defer srv.Close()
	srv.FailNext(backendtest.GlossaryUnsupported, 1)
	tr := newTranslator(t, srv)
	for i := range 2 {
		resp, err := tr.Translate(context.Background(), request())
		if err != nil {
			t.Fatal(err)
		}
		if len(resp.Translations) != 2 {
			t.Errorf("call %d: translations = %v", i+1, resp.Translations)
		}
	}
	if got := srv.Log(); fmt.Sprint(got) != "[POST /v2/glossaries POST /v2/translate POST /v2/translate]" {
		t.Errorf("requests = %v; want one glossary attempt, then translations", got)
	}
}

// A glossary that failed for a passing reason is tried again.
func TestGlossaryRetried(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{})
	defer srv.Close()
	srv.FailMatching(`"entries"`, backendtest.ServerError, 1)
	tr := newTranslator(t, srv)
	_, err := tr.Translate(context.Background(), request())
	assertKind(t, err, translate.ErrServer, 500)
	if _, err := tr.Translate(context.Background(), request()); err != nil {
		t.Fatal(err)
	}
	// The second call created the glossary again and translated with it:
	// not merely without it.
	if got := srv.Log(); fmt.Sprint(got) != "[POST /v2/glossaries POST /v2/glossaries POST /v2/translate]" {
		t.Errorf("requests = %v; want the glossary tried twice, then the translation", got)
	}
	if body := string(srv.Bodies()[2]); !strings.Contains(body, "glossary_id") {
		t.Errorf("the translation does not use the glossary: %s", body)
	}
}

func TestFailures(t *testing.T) {
	for _, tc := range []struct {
		failure    backendtest.Failure
		kind       translate.BackendErrorKind
		status     int
		retryAfter time.Duration
		message    string
	}{
		{backendtest.RateLimit, translate.ErrRateLimit, 429, 3 * time.Second, "deepl is limiting requests (HTTP 429)"},
		{backendtest.ServerError, translate.ErrServer, 500, 0, "deepl failed (HTTP 500): fake failure 500"},
		{backendtest.Forbidden, translate.ErrAuth, 403, 0, "deepl rejected the API key (HTTP 403)"},
		{backendtest.NotFound, translate.ErrNotFound, 404, 0, ""},
		{backendtest.BadRequest, translate.ErrRejected, 400, 0, ""},
		{backendtest.QuotaExceeded, translate.ErrRejected, 456, 0, "the deepl quota is used up (HTTP 456)"},
		{backendtest.Malformed, translate.ErrMalformed, 0, 0, ""},
		{backendtest.Prose, translate.ErrMalformed, 0, 0, "deepl answered with something that is not the expected translation: 0 translations for 2 texts"},
		{backendtest.MissingID, translate.ErrMalformed, 0, 0, "deepl answered with something that is not the expected translation: 1 translations for 2 texts"},
		{backendtest.Hangup, translate.ErrUnreachable, 0, 0, ""},
	} {
		t.Run(string(tc.failure), func(t *testing.T) {
			srv := backendtest.NewServer(backendtest.Options{RetryAfter: "3"})
			defer srv.Close()
			srv.FailNext(tc.failure, 1)
			req := request()
			req.Terms = nil
			_, err := newTranslator(t, srv).Translate(context.Background(), req)
			be := assertKind(t, err, tc.kind, tc.status)
			if be != nil && be.RetryAfter != tc.retryAfter {
				t.Errorf("RetryAfter = %v, want %v", be.RetryAfter, tc.retryAfter)
			}
			if tc.message != "" && err.Error() != "deepl: "+statusPart(tc.status)+tc.message {
				t.Errorf("error = %q, want message %q", err, tc.message)
			}
			if strings.Contains(err.Error(), testKey) {
				t.Errorf("error shows the key: %v", err)
			}
		})
	}
}

func statusPart(status int) string {
	if status == 0 {
		return ""
	}
	return fmt.Sprintf("HTTP %d: ", status)
}

func TestWrongReplies(t *testing.T) {
	for _, tc := range []struct {
		failure backendtest.Failure
		want    string
	}{
		{backendtest.DropTag, " faith <g1>Cheonan</g1> truth 3 & 4 path journey work."},
		{backendtest.IgnoreTerm, "<n1/> faith <g1>city</g1> truth 3 & 4 path journey work."},
	} {
		t.Run(string(tc.failure), func(t *testing.T) {
			srv := backendtest.NewServer(backendtest.Options{})
			defer srv.Close()
			srv.FailNext(tc.failure, 1)
			resp, err := newTranslator(t, srv).Translate(context.Background(), request())
			if err != nil {
				t.Fatal(err)
			}
			if got := resp.Translations["s2"]; got != tc.want {
				t.Errorf("s2 = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCancel(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{Latency: time.Minute})
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := newTranslator(t, srv).Translate(ctx, request())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestNew(t *testing.T) {
	if _, err := New(Config{}); err == nil || !strings.Contains(err.Error(), "DEEPL_AUTH_KEY") {
		t.Errorf("no key: err = %v, want it to name DEEPL_AUTH_KEY", err)
	}
	for key, want := range map[string]string{"abc:fx": FreeURL, "abc": ProURL} {
		tr, err := New(Config{AuthKey: key})
		if err != nil || tr.url != want {
			t.Errorf("key %q: url %q, %v; want %q", key, tr.url, err, want)
		}
	}
	tr, _ := New(Config{AuthKey: "abc:fx", ServerURL: "http://localhost:3000/"})
	if tr.url != "http://localhost:3000" {
		t.Errorf("ServerURL not used: %q", tr.url)
	}
}

func TestLanguages(t *testing.T) {
	for _, tc := range []struct{ tag, source, target string }{
		{"ko", "KO", "KO"},
		{"en", "EN", "EN-US"},
		{"en-US", "EN", "EN-US"},
		{"en-CA", "EN", "EN-US"},
		{"en-GB", "EN", "EN-GB"},
		{"en-AU", "EN", "EN-GB"},
		{"pt", "PT", "PT-BR"},
		{"pt-PT", "PT", "PT-PT"},
		{"zh", "ZH", "ZH-HANS"},
		{"zh-TW", "ZH", "ZH-HANT"},
		{"zh-Hant", "ZH", "ZH-HANT"},
		{"es-419", "ES", "ES-419"},
		{"es-MX", "ES", "ES"},
		{"ja", "JA", "JA"},
	} {
		tag := language.MustParse(tc.tag)
		if got := SourceLang(tag); got != tc.source {
			t.Errorf("SourceLang(%s) = %s, want %s", tc.tag, got, tc.source)
		}
		if got := TargetLang(tag); got != tc.target {
			t.Errorf("TargetLang(%s) = %s, want %s", tc.tag, got, tc.target)
		}
	}
}

func TestEscapeXML(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"<g1>A & B</g1>", "<g1>A &amp; B</g1>"},
		{"3 < 5 > 2 <x2/>", "3 &lt; 5 &gt; 2 <x2/>"},
		{"<n1/>님 &amp;", "<n1/>님 &amp;amp;"},
		{"< g1>", "&lt; g1&gt;"},
	} {
		got := escapeXML(tc.in)
		if got != tc.want {
			t.Errorf("escapeXML(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if back := unescapeXML(got); back != tc.in {
			t.Errorf("unescapeXML(%q) = %q, want %q", got, back, tc.in)
		}
	}
}

func TestStatusMapping(t *testing.T) {
	tr, _ := New(Config{AuthKey: testKey})
	for _, tc := range []struct {
		status int
		kind   translate.BackendErrorKind
	}{
		{400, translate.ErrRejected}, {403, translate.ErrAuth}, {404, translate.ErrNotFound},
		{413, translate.ErrRejected}, {429, translate.ErrRateLimit}, {456, translate.ErrRejected},
		{500, translate.ErrServer}, {503, translate.ErrServer}, {529, translate.ErrRateLimit},
	} {
		err := tr.statusError(&http.Response{StatusCode: tc.status, Header: http.Header{}}, []byte(`{"message":"no `+testKey+`"}`))
		if err.Kind != tc.kind || strings.Contains(err.Error(), testKey) {
			t.Errorf("status %d: %v, want kind %d and no key", tc.status, err, tc.kind)
		}
	}
}

func assertKind(t *testing.T, err error, kind translate.BackendErrorKind, status int) *translate.BackendError {
	t.Helper()
	var be *translate.BackendError
	if !errors.As(err, &be) {
		t.Errorf("err = %v (%T), want a BackendError of kind %d", err, err, kind)
		return nil
	}
	if be.Kind != kind || be.Status != status {
		t.Errorf("err = %v: kind %d status %d, want kind %d status %d", err, be.Kind, be.Status, kind, status)
	}
	return be
}

// Concurrent batches with the same terms create one glossary.
func TestGlossaryConcurrent(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{Latency: 20 * time.Millisecond})
	defer srv.Close()
	tr := newTranslator(t, srv)
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			_, err := tr.Translate(context.Background(), request())
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	glossaries := 0
	for _, l := range srv.Log() {
		if l == "POST /v2/glossaries" {
			glossaries++
		}
	}
	if glossaries != 1 {
		t.Errorf("%d glossaries created, want 1", glossaries)
	}
}

// DeepL takes one context a request: it is sent when the units share it.
func TestContext(t *testing.T) {
	srv := backendtest.NewServer(backendtest.Options{})
	defer srv.Close()
	tr := newTranslator(t, srv)
	for _, tc := range []struct {
		contexts []string
		want     bool
	}{
		{[]string{"문단 전체.", "문단 전체."}, true},
		{[]string{"문단 전체.", "다른 문단."}, false},
	} {
		req := request()
		req.Terms = nil
		for i := range req.Units {
			req.Units[i].Context = tc.contexts[i]
		}
		if _, err := tr.Translate(context.Background(), req); err != nil {
			t.Fatal(err)
		}
		bodies := srv.Bodies()
		if got := strings.Contains(string(bodies[len(bodies)-1]), `"context":"문단 전체."`); got != tc.want {
			t.Errorf("contexts %q: context sent %v, want %v", tc.contexts, got, tc.want)
		}
	}
}
