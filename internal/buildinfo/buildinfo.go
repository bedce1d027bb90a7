// Package buildinfo says which build of epistle is running, so that a bug
// report can name it: the version, the commit and the date a release was
// built from, and the Go that built it.
//
// A release build sets the values with the linker (make dist, GoReleaser):
//
//	-ldflags "-X github.com/epistle-letters/epistle/internal/buildinfo.version=v1.2.0
//	          -X github.com/epistle-letters/epistle/internal/buildinfo.commit=0123abc
//	          -X github.com/epistle-letters/epistle/internal/buildinfo.date=2026-12-06T12:00:00Z"
//
// A binary built without them (go install ...@latest, go build) falls back
// to what the Go toolchain recorded in it: the module version and the
// version-control revision and time.
package buildinfo

import (
	"runtime"
	"runtime/debug"
)

// Set by the linker for a release; see the package comment.
var version, commit, date string

// Info describes a build. A value nobody recorded is "".
type Info struct {
	Version string // v1.2.0, or v1.2.0-3-g0123abc between tags
	Commit  string // the full or short revision
	Date    string // RFC 3339, UTC
	Dirty   bool   // built from a work tree with uncommitted changes
	Go      string // go1.26.8
	OS      string // GOOS
	Arch    string // GOARCH
}

// Read returns this binary's build information.
func Read() Info {
	bi, _ := debug.ReadBuildInfo()
	return read(version, commit, date, bi)
}

// read fills in, from what the Go toolchain recorded (bi, nil when there
// is none), what the linker flags left empty.
func read(version, commit, date string, bi *debug.BuildInfo) Info {
	info := Info{Version: version, Commit: commit, Date: date, Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH}
	if bi == nil {
		return info
	}
	if bi.GoVersion != "" {
		info.Go = bi.GoVersion
	}
	if info.Version == "" && bi.Main.Version != "(devel)" {
		info.Version = bi.Main.Version
	}
	if commit != "" {
		return info
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			info.Commit = s.Value
		case "vcs.time":
			if info.Date == "" {
				info.Date = s.Value
			}
		case "vcs.modified":
			info.Dirty = s.Value == "true"
		}
	}
	return info
}
