package translate_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/backendtest"
	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// scripted is a translator whose every call is answered by answer, given
// the call's number (from 1); it counts the calls.
type scripted struct {
	mu     sync.Mutex
	calls  int
	answer func(n int, req *translate.Request) (*translate.Response, error)
}

func (s *scripted) Translate(_ context.Context, req *translate.Request) (*translate.Response, error) {
	s.mu.Lock()
	s.calls++
	n := s.calls
	s.mu.Unlock()
	return s.answer(n, req)
}

func (s *scripted) Calls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

// ok answers every unit.
func ok(_ int, req *translate.Request) (*translate.Response, error) {
	out := map[string]string{}
	for _, u := range req.Units {
		out[u.ID] = fakeEnglish(u.Text, req.Terms)
	}
	return &translate.Response{Translations: out, Requests: 1}, nil
}

// failWith answers every call with a backend error of kind k.
func failWith(k translate.BackendErrorKind) func(int, *translate.Request) (*translate.Response, error) {
	return func(int, *translate.Request) (*translate.Response, error) {
		return nil, &translate.BackendError{Kind: k, Backend: "test", Err: errors.New("failed")}
	}
}

// paragraphs is a letter of n one-sentence paragraphs; with BatchTokens 1
// each is a batch of its own.
func paragraphs(t *testing.T, n int) *store.Letter {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "문단 %d 입니다.\n\n", i)
	}
	l, _ := openLetter(t, map[string]string{"letter.ko.md": b.String()})
	return l
}

func options(tr translate.Translator, clock translate.Clock) translate.Options {
	return translate.Options{Target: language.English, Translator: tr, Backend: "test",
		Jobs: 1, BatchTokens: 1, Save: store.WriteFiles, Clock: clock}
}

var errDiskFull = errors.New("disk full")

// A save that fails ends the run at once: every request after it would be
// paid for and its answer lost.
func TestSaveErrorStopsTheRun(t *testing.T) {
	for _, jobs := range []int{1, 4} {
		t.Run(fmt.Sprint("jobs=", jobs), func(t *testing.T) {
			l := paragraphs(t, 20)
			tr := &scripted{answer: ok}
			opts := options(tr, &backendtest.Clock{})
			opts.Jobs = jobs
			opts.Save = func([]store.File) error { return errDiskFull }
			_, err := translate.Run(context.Background(), l, opts)
			if !errors.Is(err, errDiskFull) {
				t.Fatalf("err = %v, want the save's error", err)
			}
			if tr.Calls() > jobs {
				t.Errorf("%d requests after the disk filled up, want at most the %d in flight", tr.Calls(), jobs)
			}
		})
	}
}

// The Batch API path returns a save error too, instead of reporting success.
func TestSaveErrorStopsTheBatchAPI(t *testing.T) {
	l := paragraphs(t, 3)
	opts := options(nil, &backendtest.Clock{})
	opts.Batcher = func(_ context.Context, reqs []*translate.Request, _ translate.Clock) ([]*translate.Response, error) {
		out := make([]*translate.Response, len(reqs))
		for i, req := range reqs {
			out[i], _ = ok(i, req)
		}
		return out, nil
	}
	opts.Save = func([]store.File) error { return errDiskFull }
	if _, err := translate.Run(context.Background(), l, opts); !errors.Is(err, errDiskFull) {
		t.Fatalf("err = %v, want the save's error", err)
	}
}

// A service's Retry-After is what the engine waits, not its own backoff.
func TestRetryAfterIsHonoured(t *testing.T) {
	l := paragraphs(t, 1)
	tr := &scripted{answer: func(n int, req *translate.Request) (*translate.Response, error) {
		if n == 1 {
			return nil, &translate.BackendError{Kind: translate.ErrRateLimit, Backend: "test", RetryAfter: 7 * time.Second, Err: errors.New("slow down")}
		}
		return ok(n, req)
	}}
	clock := &backendtest.Clock{}
	r, err := translate.Run(context.Background(), l, options(tr, clock))
	if err != nil || r.Translated != 1 {
		t.Fatalf("err %v, result %+v", err, r)
	}
	if got := clock.Sleeps(); len(got) != 1 || got[0] != 7*time.Second {
		t.Errorf("waits = %v, want the 7s the service asked for", got)
	}
}

// Without Retry-After the wait doubles with each attempt, with jitter of
// half of it either way, and stops doubling at MaxBackoff; the attempts stop at
// Attempts, and the sentences fail.
func TestBackoffDoublesUpToACap(t *testing.T) {
	for _, tc := range []struct {
		name     string
		backoff  time.Duration
		attempts int
	}{
		{"doubling", 2 * time.Second, 8},
		{"huge", time.Hour, 20},
		{"overflowing", 1<<62 + 1000, 20}, // shifted, it wraps round to 4µs
		{"unbounded attempts", time.Second, 1000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := paragraphs(t, 1)
			tr := &scripted{answer: failWith(translate.ErrServer)}
			clock := &backendtest.Clock{}
			opts := options(tr, clock)
			opts.Backoff, opts.Attempts, opts.Retries = tc.backoff, tc.attempts, -1
			r, err := translate.Run(context.Background(), l, opts)
			if !errors.Is(err, store.ErrPartial) || r.Failed != 1 {
				t.Fatalf("err %v, result %+v; want the sentence failed", err, r)
			}
			want := min(tc.attempts, store.MaxAttempts)
			if tr.Calls() != want {
				t.Errorf("%d attempts, want %d", tr.Calls(), want)
			}
			sleeps := clock.Sleeps()
			if len(sleeps) != want-1 {
				t.Fatalf("%d waits, want one between each two attempts", len(sleeps))
			}
			for i, got := range sleeps {
				base := min(tc.backoff, translate.MaxBackoff)
				for range i {
					base = min(base*2, translate.MaxBackoff)
				}
				if got < base/2 || got >= base*3/2 {
					t.Errorf("wait %d = %v, want within [%v, %v)", i, got, base/2, base*3/2)
				}
			}
		})
	}
}

// A server that refuses the connection is tried a few times; then the run
// stops with that error, not with every sentence failed one by one.
func TestRefusedConnectionEndsTheRun(t *testing.T) {
	l := paragraphs(t, 5)
	tr := &scripted{answer: failWith(translate.ErrRefused)}
	clock := &backendtest.Clock{}
	r, err := translate.Run(context.Background(), l, options(tr, clock))
	var be *translate.BackendError
	if !errors.As(err, &be) || be.Kind != translate.ErrRefused || errors.Is(err, store.ErrPartial) {
		t.Fatalf("err = %v, want the refused connection", err)
	}
	if tr.Calls() != 3 || len(clock.Sleeps()) != 2 {
		t.Errorf("%d attempts with %d waits, want 3 attempts for the first batch, then the end", tr.Calls(), len(clock.Sleeps()))
	}
	if r.Failed != 0 || r.Requests != 3 {
		t.Errorf("result %+v; want no sentence failed and 3 requests", r)
	}
}

// A rejected key ends a run of many batches after its first request.
func TestAuthErrorStopsAtOneRequest(t *testing.T) {
	l := paragraphs(t, 5)
	tr := &scripted{answer: failWith(translate.ErrAuth)}
	_, err := translate.Run(context.Background(), l, options(tr, &backendtest.Clock{}))
	var be *translate.BackendError
	if !errors.As(err, &be) || be.Kind != translate.ErrAuth {
		t.Fatalf("err = %v, want the rejected key", err)
	}
	if tr.Calls() != 1 {
		t.Errorf("%d requests, want 1", tr.Calls())
	}
}

// A reply that is refused is still billed: its tokens are counted.
func TestRejectedRepliesAreCounted(t *testing.T) {
	l := paragraphs(t, 1)
	tr := &scripted{answer: func(int, *translate.Request) (*translate.Response, error) {
		return &translate.Response{Requests: 1, PromptTokens: 100, CompletionTokens: 20},
			&translate.BackendError{Kind: translate.ErrMalformed, Backend: "test", Err: errors.New("prose")}
	}}
	opts := options(tr, &backendtest.Clock{})
	opts.Attempts, opts.Retries = 3, -1
	r, _ := translate.Run(context.Background(), l, opts)
	if r.Requests != 3 || r.PromptTokens != 300 || r.CompletionTokens != 60 {
		t.Errorf("result %+v; want 3 requests, 300 prompt and 60 completion tokens", r)
	}
}

// memoryOf is a translation memory that knows one answer at one score.
type memoryOf struct {
	target string
	score  float64
}

func (m memoryOf) Fuzzy(text string) (translate.Example, float64, bool) {
	return translate.Example{Source: text, Target: m.target}, m.score, true
}

// Only an exact memory match is reused without a request; a close one is
// an example at most.
func TestOnlyExactMemoryMatchesAreReused(t *testing.T) {
	for _, tc := range []struct {
		score    float64
		reused   int
		requests int
	}{{1, 1, 0}, {0.99, 0, 1}, {0.5, 0, 1}} {
		t.Run(fmt.Sprint(tc.score), func(t *testing.T) {
			l := paragraphs(t, 1)
			tr := &scripted{answer: ok}
			opts := options(tr, &backendtest.Clock{})
			opts.Memory = memoryOf{"From memory.", tc.score}
			r, err := translate.Run(context.Background(), l, opts)
			if err != nil {
				t.Fatal(err)
			}
			if r.Reused != tc.reused || tr.Calls() != tc.requests {
				t.Errorf("score %v: reused %d with %d requests, want %d with %d", tc.score, r.Reused, tr.Calls(), tc.reused, tc.requests)
			}
		})
	}
}

// A sentence that failed and then succeeded leaves failed.<lang>.json.
func TestSuccessClearsAnEarlierFailure(t *testing.T) {
	l := paragraphs(t, 2)
	opts := options(&scripted{answer: failWith(translate.ErrServer)}, &backendtest.Clock{})
	opts.Attempts = 1
	if _, err := translate.Run(context.Background(), l, opts); !errors.Is(err, store.ErrPartial) {
		t.Fatalf("err = %v, want the sentences failed", err)
	}
	opts.Translator = &scripted{answer: ok}
	if _, err := translate.Run(context.Background(), l, opts); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(l.FailuresPath(language.English))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range l.Doc.Sentences() {
		if strings.Contains(string(data), s.ID) {
			t.Errorf("%s is translated but still in the failures: %s", s.ID, data)
		}
	}
}

// RunAll goes on to the next language after sentences failed in one, and
// stops at an error that ends a run.
func TestRunAllLanguages(t *testing.T) {
	for _, tc := range []struct {
		name       string
		first      func(int, *translate.Request) (*translate.Response, error)
		wantCalls  int // of the second language's translator
		partial    bool
		fatal      bool
		translated int
	}{
		{"both fine", ok, 1, false, false, 4},
		{"first partly failed", failWith(translate.ErrServer), 1, true, false, 2},
		{"first stopped", failWith(translate.ErrAuth), 0, false, true, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := paragraphs(t, 2)
			first, second := &scripted{answer: tc.first}, &scripted{answer: ok}
			// The second language is written in Latin letters, as the
			// fake's English is: the language check lets it through.
			en, fr := options(first, &backendtest.Clock{}), options(second, &backendtest.Clock{})
			en.Attempts, en.BatchTokens, fr.BatchTokens = 1, 1500, 1500
			fr.Target = language.French
			r, err := translate.RunAll(context.Background(), l, []translate.Options{en, fr})
			if errors.Is(err, store.ErrPartial) != tc.partial || (err != nil && !tc.partial) != tc.fatal {
				t.Errorf("err = %v", err)
			}
			if second.Calls() != tc.wantCalls || r.Translated != tc.translated {
				t.Errorf("second language: %d calls, %d translated in all; want %d and %d", second.Calls(), r.Translated, tc.wantCalls, tc.translated)
			}
			// Each language is counted on its own, and the totals are
			// their sums.
			if fr := r.Languages["fr"]; !tc.fatal && (fr == nil || r.Languages["en"].Translated+fr.Translated != r.Translated) {
				t.Errorf("per language: %+v", r.Languages)
			}
		})
	}
}

// An evaluation gives the run its own catalogs and the sentences to
// translate: only those are sent, approved or not, the results land in the
// catalogs given, and the letter's files are neither read nor written.
func TestCatalogsAndOnly(t *testing.T) {
	l := paragraphs(t, 3)
	ids := []string{}
	for _, m := range l.SourceCatalog.Messages {
		ids = append(ids, m.ID)
	}
	cats, err := l.LoadTranslations(language.English)
	if err != nil {
		t.Fatal(err)
	}
	tr := &scripted{answer: ok}
	opts := options(tr, &backendtest.Clock{})
	opts.Catalogs = cats
	opts.Only = map[string]bool{ids[0]: true, ids[2]: true}
	opts.Save = func([]store.File) error { return nil }
	r, err := translate.Run(context.Background(), l, opts)
	if err != nil {
		t.Fatal(err)
	}
	if r.Translated != 2 || tr.Calls() != 2 {
		t.Errorf("translated %d in %d calls, want 2 in 2", r.Translated, tr.Calls())
	}
	if cats.Machine.Get(ids[0]) == nil || cats.Machine.Get(ids[1]) != nil || cats.Machine.Get(ids[2]) == nil {
		t.Errorf("machine catalog has %d messages, want the two asked for", cats.Machine.Len())
	}
	if _, err := os.Stat(l.CatalogPath("translate", language.English)); !os.IsNotExist(err) {
		t.Errorf("the run wrote %s (%v)", l.CatalogPath("translate", language.English), err)
	}
}
