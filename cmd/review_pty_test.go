//go:build linux

package cmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/testenv"
)

// openPTY opens a pseudo-terminal: what the test writes to master the
// command reads from its terminal, slave.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		testenv.Missing(t, "no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { master.Close() })
	if err := unix.IoctlSetPointerInt(int(master.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(master.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { slave.Close() })
	return master, slave
}

// screen collects what the command writes to its terminal.
type screen struct {
	updates chan string
	seen    string
}

func watch(master *os.File) *screen {
	s := &screen{updates: make(chan string, 64)}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			if n > 0 {
				s.updates <- string(buf[:n])
			}
			if err != nil {
				close(s.updates)
				return
			}
		}
	}()
	return s
}

// waitFor reads the terminal until it shows text.
func (s *screen) waitFor(t *testing.T, text string) {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for !strings.Contains(s.seen, text) {
		select {
		case u, ok := <-s.updates:
			if !ok {
				t.Fatalf("the terminal closed before showing %q; it showed %q", text, s.seen)
			}
			s.seen += u
		case <-timeout:
			t.Fatalf("the terminal never showed %q; it showed %q", text, s.seen)
		}
	}
	s.seen = s.seen[strings.Index(s.seen, text)+len(text):]
}

// TestReviewEditsInPlace: on a terminal without $EDITOR, e puts the
// machine translation on the prompt line, so that fixing one word takes a
// few keys.
func TestReviewEditsInPlace(t *testing.T) {
	letter := webNewsletter(t)
	t.Setenv("EDITOR", "")
	master, slave := openPTY(t)
	scr := watch(master)
	done := make(chan error, 1)
	go func() {
		o := &IO{In: slave, Out: slave, Err: slave, Printer: locales.NewPrinter(language.English)}
		root := newRootCmd(o)
		root.SetArgs([]string{"review", letter, "--lang", "en", "--interactive"})
		done <- root.ExecuteContext(context.Background())
	}()

	scr.waitFor(t, "[a]ccept [p]aragraph [e]dit")
	if _, err := io.WriteString(master, "e\r"); err != nil {
		t.Fatal(err)
	}
	// the line editor shows the translation, ready to edit
	scr.waitFor(t, "edit, then Enter (an emptied line keeps the old): Prayer letter")
	// one word back, and "letter" becomes "newsletter"
	if _, err := io.WriteString(master, "\x1b[1;5Dnews\r"); err != nil {
		t.Fatal(err)
	}
	scr.waitFor(t, "[a]ccept [p]aragraph [e]dit")
	if _, err := io.WriteString(master, "q\r"); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the review did not end")
	}
	l, err := store.Open(letter, store.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	active, err := l.LoadCatalog("active", language.English)
	if err != nil {
		t.Fatal(err)
	}
	if m := active.Get(webTitle); m == nil || m.Other != "Prayer newsletter" {
		t.Errorf("approved %+v, want \"Prayer newsletter\"", m)
	}
}
