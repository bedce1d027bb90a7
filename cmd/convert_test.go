package cmd

import (
	"encoding/json"
	"os"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() {
	scriptCmds["segtexts"] = segTexts
}

// segTexts is the script command `segtexts JSON OUT`: it writes the block
// and text of each segment in JSON (the output of segment --json) to OUT,
// one a line, so that two letters can be compared sentence by sentence
// whatever their ids.
func segTexts(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: segtexts JSON OUT")
	}
	var doc struct {
		Segments []struct{ Block, Text string }
	}
	ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[0])), &doc))
	if len(doc.Segments) == 0 {
		ts.Fatalf("segtexts: %s has no segments", args[0])
	}
	var b strings.Builder
	for _, s := range doc.Segments {
		b.WriteString(s.Block + "\t" + strings.ReplaceAll(s.Text, "\n", `\n`) + "\n")
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(b.String()), 0o644))
}
