package cmd

import (
	"bytes"
	"flag"
	"net"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/epistle-letters/epistle/pipeline/backendtest"
)

func init() {
	scriptCmds["fakeapi"] = fakeAPI
	scriptCmds["closedport"] = closedPort
	scriptCmds["setenvq"] = setenvQuoted
}

// setenvQuoted sets a variable to a Go-quoted value, for values a script
// cannot spell (a line break):
//
//	setenvq VAR "VALUE"
func setenvQuoted(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: setenvq VAR \"VALUE\"")
	}
	v, err := strconv.Unquote(args[1])
	ts.Check(err)
	ts.Setenv(args[0], v)
}

// closedPort sets the variable it names to the URL of a port on this
// machine where nothing listens (it did a moment ago):
//
//	closedport VAR
func closedPort(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: closedport VAR")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	ts.Check(err)
	addr := l.Addr().String()
	ts.Check(l.Close())
	ts.Setenv(args[0], "http://"+addr+"/v1")
}

// fakeServers holds the fake service of each running script, and
// fakeMarks the count of translations a script marked.
var (
	fakeServers sync.Map // *testscript.TestScript → *backendtest.Server
	fakeMarks   sync.Map // *testscript.TestScript → int
)

// fakeAPI drives a fake OpenAI and DeepL service (see package backendtest)
// from a script:
//
//	fakeapi start [-latency 200ms] [-retry-after 0] [-reject-response-format] [-fail 429,500,...]
//	fakeapi fail KIND [COUNT|all]      the next COUNT (1) translation requests fail with KIND
//	fakeapi heal                       no failure to come: answer normally again
//	fakeapi fail-matching RE KIND [COUNT|all]
//	                                   the same, of the requests whose body matches RE
//	                                   (one language: 'to Japanese' for OpenAI, '"JA"' for DeepL)
//	fakeapi latency DURATION
//	fakeapi kill-after N               answer N more translation requests, then die: cut the next
//	                                   one off and refuse every later connection
//	fakeapi requests N                 exactly N HTTP requests were served
//	fakeapi translations N             exactly N of them were translation requests
//	fakeapi bodies-not-contain TEXT    no request body contained TEXT
//	fakeapi wait-requests N            wait until N requests arrived
//	fakeapi mark DURATION              after DURATION, remember the translations served so far
//	fakeapi translations-since-mark N  exactly N translations were served since the mark
//
// start points OPENAI_BASE_URL and DEEPL_SERVER_URL at the server and sets
// OPENAI_API_KEY=test-key and DEEPL_AUTH_KEY=test:fx for the commands that
// follow; the server stops when the script ends. KIND is one of
// backendtest.Failures: 429, 500, 503, 400, 401, 403, 404, 456, malformed,
// prose, missing-id, wrong-ids, drop-tag, ignore-term, hangup, the weak-model
// shapes key-translation, key-translated, bare-array, numeric-ids,
// code-fence, chatter, the merges merge and merge-drop,
// batch-failed, glossary-unsupported. Negated, the assertions assert the
// opposite.
func fakeAPI(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) == 0 {
		ts.Fatalf("usage: fakeapi start|fail|latency|requests|translations|bodies-not-contain ...")
	}
	if args[0] == "start" {
		if neg {
			ts.Fatalf("unsupported: ! fakeapi start")
		}
		fakeAPIStart(ts, args[1:])
		return
	}
	v, ok := fakeServers.Load(ts)
	if !ok {
		ts.Fatalf("fakeapi %s: no fake service; run fakeapi start first", args[0])
	}
	srv := v.(*backendtest.Server)
	switch args[0] {
	case "fail":
		if neg || len(args) < 2 || len(args) > 3 {
			ts.Fatalf("usage: fakeapi fail KIND [COUNT|all]")
		}
		f, n := fakeAPIFailures(ts, args[1:])
		srv.FailNext(f, n)
	case "heal":
		srv.Heal()
	case "fail-matching":
		if neg || len(args) < 3 || len(args) > 4 {
			ts.Fatalf("usage: fakeapi fail-matching RE KIND [COUNT|all]")
		}
		f, n := fakeAPIFailures(ts, args[2:])
		srv.FailMatching(args[1], f, n)
	case "kill-after":
		if neg || len(args) != 2 {
			ts.Fatalf("usage: fakeapi kill-after N")
		}
		n, err := strconv.Atoi(args[1])
		ts.Check(err)
		srv.KillAfter(n)
	case "latency":
		if neg || len(args) != 2 {
			ts.Fatalf("usage: fakeapi latency DURATION")
		}
		d, err := time.ParseDuration(args[1])
		ts.Check(err)
		srv.SetLatency(d)
	case "mark":
		// Waits out answers still delayed (a killed client's request may
		// yet be counted), then remembers how many translations were served.
		if neg || len(args) != 2 {
			ts.Fatalf("usage: fakeapi mark DURATION")
		}
		d, err := time.ParseDuration(args[1])
		ts.Check(err)
		time.Sleep(d)
		fakeMarks.Store(ts, srv.Translations())
	case "requests", "translations", "translations-since-mark":
		if len(args) != 2 {
			ts.Fatalf("usage: fakeapi %s N", args[0])
		}
		want, err := strconv.Atoi(args[1])
		ts.Check(err)
		got := srv.Requests()
		switch args[0] {
		case "translations":
			got = srv.Translations()
		case "translations-since-mark":
			mark, ok := fakeMarks.Load(ts)
			if !ok {
				ts.Fatalf("fakeapi translations-since-mark: no mark; run fakeapi mark first")
			}
			got = srv.Translations() - mark.(int)
		}
		if (got == want) == neg {
			ts.Fatalf("fake service served %d %s; want %s%d\n%s", got, args[0], map[bool]string{true: "not ", false: ""}[neg], want, strings.Join(srv.Log(), "\n"))
		}
	case "wait-requests":
		// Blocks until the service has received N requests (before their
		// latency), so a script can interrupt a run at a known point.
		if neg || len(args) != 2 {
			ts.Fatalf("usage: fakeapi wait-requests N")
		}
		want, err := strconv.Atoi(args[1])
		ts.Check(err)
		deadline := time.Now().Add(30 * time.Second)
		for srv.Requests() < want {
			if time.Now().After(deadline) {
				ts.Fatalf("fake service received %d requests in 30s; want %d", srv.Requests(), want)
			}
			time.Sleep(5 * time.Millisecond)
		}
	case "bodies-not-contain":
		if len(args) != 2 {
			ts.Fatalf("usage: fakeapi bodies-not-contain TEXT")
		}
		found := slices.ContainsFunc(srv.Bodies(), func(b []byte) bool { return bytes.Contains(b, []byte(args[1])) })
		if found != neg {
			ts.Fatalf("request bodies contain %q: %v", args[1], found)
		}
	default:
		ts.Fatalf("fakeapi: unknown subcommand %q", args[0])
	}
}

func fakeAPIStart(ts *testscript.TestScript, args []string) {
	fs := flag.NewFlagSet("fakeapi start", flag.ContinueOnError)
	var opts backendtest.Options
	fs.DurationVar(&opts.Latency, "latency", 0, "delay of every answer")
	fs.StringVar(&opts.RetryAfter, "retry-after", "", "Retry-After of a 429")
	fs.BoolVar(&opts.RejectResponseFormat, "reject-response-format", false, "answer 400 to response_format")
	fail := fs.String("fail", "", "failures of the first translation requests, comma-separated")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 {
		ts.Fatalf("usage: fakeapi start [-latency D] [-retry-after S] [-reject-response-format] [-fail KIND,...]")
	}
	if _, running := fakeServers.Load(ts); running {
		ts.Fatalf("fakeapi start: already started")
	}
	var failures []backendtest.Failure
	if *fail != "" {
		for _, k := range strings.Split(*fail, ",") {
			failures = append(failures, fakeAPIFailure(ts, k))
		}
	}
	srv := backendtest.NewServer(opts)
	fakeServers.Store(ts, srv)
	ts.Defer(func() {
		fakeServers.Delete(ts)
		fakeMarks.Delete(ts)
		srv.Close()
	})
	for _, f := range failures {
		srv.FailNext(f, 1)
	}
	ts.Setenv("OPENAI_BASE_URL", srv.OpenAIURL())
	ts.Setenv("OPENAI_API_KEY", "test-key")
	ts.Setenv("DEEPL_SERVER_URL", srv.URL)
	ts.Setenv("DEEPL_AUTH_KEY", "test:fx")
}

func fakeAPIFailure(ts *testscript.TestScript, kind string) backendtest.Failure {
	f := backendtest.Failure(strings.TrimSpace(kind))
	if !slices.Contains(backendtest.Failures, f) {
		ts.Fatalf("fakeapi: unknown failure %q; want one of %v", kind, backendtest.Failures)
	}
	return f
}

// fakeAPIFailures reads KIND [COUNT|all]: the failure and how many
// requests it hits (1 unless told, -1 for all).
func fakeAPIFailures(ts *testscript.TestScript, args []string) (backendtest.Failure, int) {
	f := fakeAPIFailure(ts, args[0])
	if len(args) < 2 {
		return f, 1
	}
	if args[1] == "all" {
		return f, -1
	}
	n, err := strconv.Atoi(args[1])
	if err != nil || n < 1 {
		ts.Fatalf("fakeapi: count %q is not a positive number or all", args[1])
	}
	return f, n
}
