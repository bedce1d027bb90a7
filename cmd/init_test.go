package cmd

import (
	"os"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() {
	scriptCmds["replace"] = replaceCmd
}

// replaceCmd is the script command `replace FILE OLD NEW`: it edits FILE as
// a person would in an editor, replacing the one occurrence of OLD with NEW
// (a script that sets tm in the epistle.toml init wrote, say). It fails when
// OLD is not in the file exactly once, so an edit never silently misses.
func replaceCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! replace")
	}
	if len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	if n := strings.Count(string(data), args[1]); n != 1 {
		ts.Fatalf("replace: %q occurs %d times in %s, want once", args[1], n, args[0])
	}
	ts.Check(os.WriteFile(path, []byte(strings.Replace(string(data), args[1], args[2], 1)), 0o644))
}
