package cmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

// A command interrupted before or while it reads the letter (Ctrl-C during
// the segmentation of a long letter) stops with exit 130 and the
// interrupted line, and writes nothing.
func TestInterruptedReadingTheLetter(t *testing.T) {
	for _, args := range [][]string{
		{"segment", "letter.ko.md"},
		{"status", "letter.ko.md"},
		{"check", "letter.ko.md"},
		{"export", "letter.ko.md", "--lang", "ko"},
	} {
		t.Run(args[0], func(t *testing.T) {
			dir := t.TempDir()
			letter := filepath.Join(dir, "letter.ko.md")
			if err := os.WriteFile(letter, []byte("할렐루야! 감사합니다.\n\n기도해 주세요.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			args[1] = letter
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			var out, errOut bytes.Buffer
			o := &IO{In: strings.NewReader(""), Out: &out, Err: &errOut, Printer: locales.NewPrinter(language.English)}
			root := newRootCmd(o)
			root.SetArgs(args)
			code := report(o, root.ExecuteContext(ctx), ctx.Err() != nil)
			if code != exitInterrupted {
				t.Errorf("exit %d, want %d; stderr %q", code, exitInterrupted, errOut.String())
			}
			if !strings.HasPrefix(errOut.String(), "epistle: error: interrupted; what was finished is saved\n") {
				t.Errorf("stderr %q", errOut.String())
			}
			if _, err := os.Stat(filepath.Join(dir, "letter.epistle")); !os.IsNotExist(err) {
				t.Errorf("an interrupted %s wrote letter.epistle (%v)", args[0], err)
			}
		})
	}
}
