package cmd

import (
	"context"
	"fmt"
	"os/exec"
	"runtime"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/review"
	"github.com/epistle-letters/epistle/pipeline/review/web"
)

// reviewWebRun serves the review of a letter, or of every letter in a
// folder, until Ctrl-C; every approval is saved when it is made.
func reviewWebRun(ctx context.Context, o *IO, opts reviewOptions) error {
	letters, err := review.FindLetters([]string{opts.Letter})
	if err != nil {
		return err
	}
	if len(letters) == 0 {
		return locales.New("web.no-letters", "Path", opts.Letter).WithHint("web.no-letters.hint")
	}
	srv, err := web.New(web.Options{
		Letters: letters,
		Open: func(path string) (*review.Reviewer, error) {
			// Read only: the server locks the letter around each write.
			r, release, err := openReviewer(ctx, o, path, opts.Lang, opts.Glossary, false)
			if err != nil {
				return nil, err
			}
			return r, release()
		},
		Printer: o.Printer,
	})
	if err != nil {
		return err
	}
	ln, err := web.Listen(opts.Addr)
	if err != nil {
		return err
	}
	url := srv.URL(ln.Addr().String())
	fmt.Fprintln(o.Out, o.Printer.T("web.url", "URL", url))
	if !opts.NoOpen {
		if err := openBrowser(ctx, url); err != nil {
			o.Warn(locales.New("web.browser", "Err", err.Error()))
		}
	}
	o.Warn(locales.New("web.running"))
	if err := srv.Serve(ctx, ln); err != nil {
		return err
	}
	o.Warn(locales.New("web.stopped"))
	return nil
}

// openBrowser opens url in the default browser and does not wait for it.
func openBrowser(ctx context.Context, url string) error {
	args := browserCommand(runtime.GOOS, url)
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}

// browserCommand is the command that opens url in the default browser on
// goos. On Windows, rundll32 passes the URL whole to the browser, where
// `cmd /c start` would cut it at an & and flash a console window.
func browserCommand(goos, url string) []string {
	switch goos {
	case "darwin":
		return []string{"open", url}
	case "windows":
		return []string{"rundll32", "url.dll,FileProtocolHandler", url}
	}
	return []string{"xdg-open", url}
}
