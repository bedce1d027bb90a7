// Package testenv decides what a test does when something it drives from
// outside the repository is missing: a Debian tool (xmllint, msgfmt,
// chromium, translate-toolkit) or the shared folder of gold data beside the
// repository.
//
// On a developer's machine the test skips, saying what is missing and how to
// get it. On CI (the environment variable CI is true) it fails instead: .ci/run
// installs every tool the tests drive and lays ../shared beside the clone, so a
// missing one means a test that would pass by not running, which must never
// turn a run green.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// OnCI reports whether the tests run under CI (CI=true, as .ci/run is run).
func OnCI() bool {
	ci, _ := strconv.ParseBool(os.Getenv("CI"))
	return ci
}

// Missing ends the test because something outside the repository is absent:
// a skip with the reason on a developer's machine, a failure on CI.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if OnCI() {
		t.Fatalf("on CI nothing may be skipped: "+format, args...)
		return
	}
	t.Skipf(format, args...)
}

// Tool returns the path of the first of names found on PATH, or ends the
// test with [Missing] naming them all.
func Tool(t testing.TB, names ...string) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	Missing(t, "%v is not installed (.ci/run installs it with apt-get)", names)
	return ""
}

// Lines returns the lines of every file that matches one of patterns
// (filepath.Glob, relative to the test's package), for fuzz seeds from the
// repository's own letters and catalogs. A pattern that matches no file
// fails the test: seeds that silently vanish make a fuzz target's every-run
// check test nothing.
func Lines(t testing.TB, patterns ...string) []string {
	t.Helper()
	var lines []string
	for _, pattern := range patterns {
		names, err := filepath.Glob(pattern)
		if err != nil || len(names) == 0 {
			t.Fatalf("no seed file matches %s (err %v)", pattern, err)
		}
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, strings.Split(string(data), "\n")...)
		}
	}
	return lines
}
