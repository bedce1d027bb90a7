package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/store"
)

type initOptions struct {
	// Dir is the newsletter folder; "." when none is given.
	Dir string
}

func newInitCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:     "init [DIR]",
		Short:   o.Printer.T("init.short"),
		Long:    o.Printer.T("init.long"),
		Example: o.Printer.T("init.example"),
		Args:    rangeArgs(0, 1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts := initOptions{Dir: "."}
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			return initRun(o, opts)
		},
	}
}

// initRun writes the files of a new newsletter folder. It never overwrites:
// when any of them exists it writes nothing at all, and when a write fails
// it removes what it wrote, so that running it again starts clean.
func initRun(o *IO, opts initOptions) error {
	files := store.InitFiles(o.Printer.Tag)
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = filepath.Join(opts.Dir, f.Name)
		if _, err := os.Lstat(paths[i]); err == nil {
			return locales.New("init.exists", "Path", paths[i]).WithHint("init.exists.hint", "Path", paths[i])
		}
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return locales.New("init.mkdir", "Path", opts.Dir, "Err", osReason(err)).Wrap(err)
	}
	for i, f := range files {
		if err := writeNewFile(paths[i], f.Content); err != nil {
			for _, written := range paths[:i] {
				os.Remove(written)
			}
			if errors.Is(err, fs.ErrExist) {
				return locales.New("init.exists", "Path", paths[i]).WithHint("init.exists.hint", "Path", paths[i])
			}
			return locales.New("init.write", "Path", paths[i], "Err", osReason(err)).Wrap(err)
		}
	}
	dir := filepath.Clean(opts.Dir)
	if dir == "." {
		dir = ""
	}
	fmt.Fprint(o.Out, o.Printer.T("init.done", "Config", paths[0], "Glossary", paths[1], "Style", paths[2], "Dir", dir))
	return nil
}

// writeNewFile creates path with content, failing with fs.ErrExist when
// path is already there, even if it appeared since it was checked.
func writeNewFile(path string, content []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(content); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// osReason is what went wrong with a file, without the operation and path
// that the message names already.
func osReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
