package buildinfo

import (
	"runtime/debug"
	"testing"
)

func TestRead(t *testing.T) {
	vcs := &debug.BuildInfo{
		GoVersion: "go1.26.8",
		Main:      debug.Module{Path: "github.com/epistle-letters/epistle", Version: "(devel)"},
		Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef"},
			{Key: "vcs.time", Value: "2026-12-01T10:00:00Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	installed := &debug.BuildInfo{
		GoVersion: "go1.26.1",
		Main:      debug.Module{Path: "github.com/epistle-letters/epistle", Version: "v1.2.0"},
	}
	tests := []struct {
		name                  string
		version, commit, date string
		bi                    *debug.BuildInfo
		want                  Info
	}{
		{"release: the linker flags win", "v1.3.0", "fedcba9", "2026-12-06T12:00:00Z", vcs,
			Info{Version: "v1.3.0", Commit: "fedcba9", Date: "2026-12-06T12:00:00Z", Go: "go1.26.8"}},
		{"go build in a clone: the revision", "", "", "", vcs,
			Info{Commit: "0123456789abcdef", Date: "2026-12-01T10:00:00Z", Dirty: true, Go: "go1.26.8"}},
		{"go install @version: the module version", "", "", "", installed,
			Info{Version: "v1.2.0", Go: "go1.26.1"}},
		{"a version from the linker, the rest recorded", "v1.3.0", "", "", vcs,
			Info{Version: "v1.3.0", Commit: "0123456789abcdef", Date: "2026-12-01T10:00:00Z", Dirty: true, Go: "go1.26.8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := read(tt.version, tt.commit, tt.date, tt.bi)
			got.OS, got.Arch = "", ""
			if got != tt.want {
				t.Errorf("read = %+v, want %+v", got, tt.want)
			}
		})
	}
	if got := read("", "", "", nil); got.Go == "" || got.OS == "" || got.Arch == "" {
		t.Errorf("read without build info = %+v, want the running Go and platform", got)
	}
}
