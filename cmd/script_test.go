package cmd

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/epistle-letters/epistle/pipeline/backendtest"
	"github.com/epistle-letters/epistle/pipeline/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files that cmp compares against")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"epistle": func() {
			if os.Getenv("EPISTLE_TEST_CLOCK") != "" {
				clock = &scriptClock{log: os.Getenv("EPISTLE_TEST_SLEEPS")}
			}
			os.Exit(Main())
		},
	})
}

// TestScripts runs testdata/script/*.txtar: each is a session at the command
// line, with the files it needs and the output it expects. $TESTDATA is the
// repository's testdata folder and $SHARED the shared folder beside the
// repository (empty where there is none).
func TestScripts(t *testing.T) {
	testdata, err := filepath.Abs("../testdata")
	if err != nil {
		t.Fatal(err)
	}
	shared, _ := filepath.Abs("../../shared")
	if _, err := os.Stat(shared); err != nil {
		if testenv.OnCI() {
			t.Fatalf("on CI the shared folder must be beside the repository: %v", err)
		}
		shared = ""
	}
	requireScriptTools(t, filepath.Join(testdata, "script"))
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join(testdata, "script"),
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TESTDATA", testdata)
			env.Setenv("SHARED", shared)
			// A test never sees the developer's keys, servers or locale.
			for _, k := range []string{"OPENAI_API_KEY", "OPENAI_BASE_URL", "DEEPL_AUTH_KEY", "DEEPL_SERVER_URL", "EPISTLE_LANG", "LC_ALL", "LC_MESSAGES"} {
				env.Setenv(k, "")
			}
			// Retries wait on a clock that never sleeps (scriptClock).
			env.Setenv("EPISTLE_TEST_CLOCK", "1")
			env.Setenv("LANG", "C")
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		Cmds: scriptCmds,
	})
}

// requireScriptTools holds CI to every [exec:TOOL] and [!exec:TOOL] skip
// condition of the scripts: where a tool is missing the lines it guards
// would pass by not running.
func requireScriptTools(t *testing.T, dir string) {
	if !testenv.OnCI() {
		return
	}
	scripts, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	cond := regexp.MustCompile(`\[!?exec:([^\]\s]+)\]`)
	for _, script := range scripts {
		data, err := os.ReadFile(script)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range cond.FindAllStringSubmatch(string(data), -1) {
			testenv.Tool(t, m[1])
		}
	}
}

// scriptCmds are the commands scripts may use besides epistle itself; each
// lives in the test file of what it serves.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){}

// scriptClock is the clock of epistle under test: it never sleeps, and
// when log names a file it appends each wait to it, one a line, so that a
// script can check a backoff or a Retry-After (EPISTLE_TEST_SLEEPS).
type scriptClock struct {
	backendtest.Clock
	log string
}

func (c *scriptClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := c.Clock.Sleep(ctx, d); err != nil {
		return err
	}
	if c.log == "" {
		return nil
	}
	f, err := os.OpenFile(c.log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = fmt.Fprintln(f, d)
	return err
}
