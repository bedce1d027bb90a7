package cmd

import (
	"context"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/epistle-letters/epistle/pipeline"
)

func init() { scriptCmds["holdlock"] = holdLock }

// holdLock is the script command `holdlock DIR`: the test process takes the
// writer lock of the letter folder DIR, as another epistle would, and holds
// it until the script ends.
func holdLock(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: holdlock DIR")
	}
	release, err := (&pipeline.Letter{Dir: ts.MkAbs(args[0])}).Lock(context.Background())
	ts.Check(err)
	ts.Defer(func() { _ = release() })
}
