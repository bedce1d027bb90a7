//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/testenv"
)

// -o naming a pipe or a device (/dev/stdout, /dev/null) is refused even
// with --force: the atomic write would rename a file over it, which as
// root replaces /dev/null for the whole machine.
func TestCheckOutputSpecialFile(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		testenv.Missing(t, "no named pipes here: %v", err)
	}
	err := CheckOutput(fifo, true)
	var m *locales.Message
	if !errors.As(err, &m) || m.ID != "output.special" {
		t.Fatalf("CheckOutput(a named pipe, force) = %v, want output.special", err)
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe is gone or changed: %v %v", info, err)
	}
}
