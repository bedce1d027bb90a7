package cmd

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/internal/lineedit"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/eval"
)

func init() {
	scriptCmds["snapshot"] = snapshotCmd
	scriptCmds["unchanged"] = unchangedCmd
}

// snapshots holds each script's snapshots of folders, by name.
var snapshots sync.Map // *testscript.TestScript → map[string]map[string][]byte

// snapshotCmd remembers every file under a folder, byte for byte:
//
//	snapshot DIR NAME
func snapshotCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: snapshot DIR NAME")
	}
	v, _ := snapshots.LoadOrStore(ts, map[string]map[string][]byte{})
	v.(map[string]map[string][]byte)[args[1]] = readTree(ts, args[0])
}

// unchangedCmd fails unless the folder holds exactly the files of the
// snapshot, byte for byte (negated: unless something differs):
//
//	unchanged DIR NAME
func unchangedCmd(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: unchanged DIR NAME")
	}
	v, ok := snapshots.Load(ts)
	var before map[string][]byte
	if ok {
		before, ok = v.(map[string]map[string][]byte)[args[1]]
	}
	if !ok {
		ts.Fatalf("unchanged: no snapshot %s; run snapshot first", args[1])
	}
	now := readTree(ts, args[0])
	var diffs []string
	for p, data := range now {
		if old, ok := before[p]; !ok {
			diffs = append(diffs, "new "+p)
		} else if !bytes.Equal(old, data) {
			diffs = append(diffs, "changed "+p)
		}
	}
	for p := range before {
		if _, ok := now[p]; !ok {
			diffs = append(diffs, "removed "+p)
		}
	}
	sort.Strings(diffs)
	if (len(diffs) == 0) == neg {
		ts.Fatalf("%s against snapshot %s: %q", args[0], args[1], diffs)
	}
}

func readTree(ts *testscript.TestScript, dir string) map[string][]byte {
	root := ts.MkAbs(dir)
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		files[rel] = data
		return err
	})
	ts.Check(err)
	return files
}

// TestReadmeEval holds README.md's "Choosing a model" to the output
// readme_eval.txtar pins: each command there whose stdout the script
// compares appears in the README as "$ COMMAND", its output right below.
func TestReadmeEval(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile("../testdata/script/readme_eval.txtar")
	if err != nil {
		t.Fatal(err)
	}
	outs := map[string][]byte{}
	for _, f := range ar.Files {
		outs[f.Name] = f.Data
	}
	found := 0
	command := ""
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		if c, ok := strings.CutPrefix(line, "exec "); ok {
			command = c
		}
		name, ok := strings.CutPrefix(line, "cmp stdout ")
		if !ok {
			continue
		}
		found++
		if want := "$ " + command + "\n" + string(outs[name]); !bytes.Contains(readme, []byte(want)) {
			t.Errorf("README.md does not show %s as readme_eval.txtar has it:\n%s", name, want)
		}
	}
	if found == 0 {
		t.Fatal("readme_eval.txtar compares no output")
	}
}

// On a terminal eval draws a progress line per backend/model on stderr,
// and ends it before the table; elsewhere (the scripts) it draws none.
func TestEvalProgress(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"letter.ko.md": "감사합니다.\n\n기도해 주십시오.\n",
		"archive.tsv":  "감사합니다.\tThank you.\n기도해 주십시오.\tPlease pray.\n",
		"epistle.toml": "source = \"ko\"\ntargets = [\"en\"]\ntm = [\"archive.tsv\"]\n\n[backend]\nname = \"memory\"\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	letter := filepath.Join(dir, "letter.ko.md")
	run := func(tty bool, args ...string) (string, string) {
		var out, errOut bytes.Buffer
		o := &IO{In: strings.NewReader(""), Out: &out, Err: &errOut, ErrTTY: tty, Printer: locales.NewPrinter(language.English)}
		root := newRootCmd(o)
		root.SetArgs(args)
		if err := root.ExecuteContext(context.Background()); err != nil {
			t.Fatalf("%v: %v; stderr %q", args, err, errOut.String())
		}
		return out.String(), errOut.String()
	}
	run(false, "translate", letter)
	run(false, "approve", letter, "--lang", "en", "--all")
	out, stderr := run(true, "eval", letter, "--lang", "en")
	// The memory may not reuse the approved translations: both sentences fail.
	if !strings.Contains(out, "memory") || !strings.Contains(stderr, "\repistle: memory [##############################] 2/2\n") {
		t.Errorf("stdout %q\nstderr %q: want a finished progress line for memory", out, stderr)
	}
	if _, stderr := run(false, "eval", letter, "--lang", "en"); stderr != "" {
		t.Errorf("not a terminal, stderr %q; want nothing", stderr)
	}
}

// The scores stand under their headings in either language: a Hangul
// syllable takes two columns of a terminal, so every line of the table,
// right-aligned, is as wide on screen as the heading.
func TestEvalTableAligned(t *testing.T) {
	cost := 0.0009
	rep := &eval.Report{Lang: "en", Letters: 1, Sentences: 27, Results: []*eval.Result{
		{Backend: "openai", Model: "test-model", ChrF: 100, Identical: 1, Glossary: 1, PromptTokens: 1926, CompletionTokens: 1035, Cost: &cost},
		{Backend: "memory", ChrF: 38.29, Identical: 0.07, EditDistance: 61.56, Glossary: 0.95, Failed: 1},
	}}
	for _, lang := range []language.Tag{language.English, language.Korean} {
		var out bytes.Buffer
		evalTable(&IO{Out: &out, Printer: locales.NewPrinter(lang)}, rep)
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")[1:]
		for _, l := range lines[1:] {
			if lineedit.Cells(l) != lineedit.Cells(lines[0]) {
				t.Errorf("%s: the row\n%s\nis %d cells wide, the heading\n%s\n%d", lang, l, lineedit.Cells(l), lines[0], lineedit.Cells(lines[0]))
			}
		}
	}
}
