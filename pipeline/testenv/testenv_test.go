package testenv

import (
	"fmt"
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
