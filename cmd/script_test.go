package cmd

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the golden files that cmp compares against")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"epistle": func() { os.Exit(Main()) },
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
		shared = ""
	}
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
			env.Setenv("LANG", "C")
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		Cmds: scriptCmds,
	})
}

// scriptCmds are the commands scripts may use besides epistle itself; each
// lives in the test file of what it serves.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){}
