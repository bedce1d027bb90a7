package testenv

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// outcome records how a test would have ended instead of ending this one.
type outcome struct {
	testing.TB
	fatal, skip string
}

func (o *outcome) Helper() {}
func (o *outcome) Fatalf(format string, args ...any) {
	o.fatal = fmt.Sprintf(format, args...)
}
func (o *outcome) Skipf(format string, args ...any) {
	o.skip = fmt.Sprintf(format, args...)
}

func TestMissingFailsOnCIAndSkipsElsewhere(t *testing.T) {
	for _, tc := range []struct {
		ci         string
		fail, skip bool
	}{
		{"true", true, false},
		{"1", true, false},
		{"", false, true},
		{"false", false, true},
	} {
		t.Run("CI="+tc.ci, func(t *testing.T) {
			t.Setenv("CI", tc.ci)
			var o outcome
			if p := Tool(&o, "epistle-no-such-tool"); p != "" {
				t.Fatalf("Tool found %q", p)
			}
			if (o.fatal != "") != tc.fail || (o.skip != "") != tc.skip {
				t.Errorf("fatal %q, skip %q; want fail %v, skip %v", o.fatal, o.skip, tc.fail, tc.skip)
			}
		})
	}
}

func TestToolFindsOne(t *testing.T) {
	t.Setenv("CI", "true")
	var o outcome
	if p := Tool(&o, "epistle-no-such-tool", "go"); p == "" || o.fatal != "" {
		t.Errorf("Tool = %q, fatal %q; want the path of go", p, o.fatal)
	}
}

func TestLines(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"a.md": "하나\n둘", "b.md": "셋"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := Lines(t, filepath.Join(dir, "*.md")); strings.Join(got, "|") != "하나|둘|셋" {
		t.Errorf("Lines = %q, want the three lines of a.md and b.md", got)
	}
	var o outcome
	Lines(&o, filepath.Join(dir, "*.txt"))
	if o.fatal == "" {
		t.Error("a pattern that matches no file did not fail the test")
	}
}
