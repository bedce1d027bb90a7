package cmd

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/epistle-letters/epistle/pipeline/store"
)

func init() {
	scriptCmds["holdlock"] = holdLock
	scriptCmds["termholder"] = termHolder
}

// holdLock is the script command `holdlock DIR`: the test process takes the
// writer lock of the letter folder DIR, as another epistle would, and holds
// it until the script ends.
func holdLock(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: holdlock DIR")
	}
	release, err := (&store.Letter{Dir: ts.MkAbs(args[0])}).Lock(context.Background())
	ts.Check(err)
	ts.Defer(func() { _ = release() })
}

// termHolder is the script command `termholder DIR`: it sends SIGTERM to
// the epistle process that holds the writer lock of the letter folder DIR,
// named by the pid it wrote in the lock file (testscript's kill sends only
// SIGINT and SIGKILL).
func termHolder(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: termholder DIR")
	}
	data, err := os.ReadFile(filepath.Join(ts.MkAbs(args[0]), "lock"))
	ts.Check(err)
	pidText, _, _ := strings.Cut(string(data), "\n")
	pid, err := strconv.Atoi(pidText)
	ts.Check(err)
	p, err := os.FindProcess(pid)
	ts.Check(err)
	ts.Check(p.Signal(syscall.SIGTERM))
}
