package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/epistle-letters/epistle/locales"
)

// CheckOutput says whether a command may write its result to path (-o):
// never over one of the files it reads (the letter, the glossary), whatever
// force says, nor anywhere inside a NAME.epistle folder, where the catalogs
// and approvals live; not to a folder or a device; and over another
// existing file only with force. The error is a *locales.Message for a person.
func CheckOutput(path string, force bool, inputs ...string) error {
	info, err := os.Stat(path)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return locales.New("write.failed", "Path", path).Wrap(err)
	}
	for _, in := range inputs {
		if in == "" {
			continue
		}
		if same(path, info, in) {
			return locales.New("output.input", "Path", path).WithHint("output.other.hint")
		}
	}
	if dir := epistleFolder(path); dir != "" {
		return locales.New("output.epistle", "Path", path, "Dir", dir).WithHint("output.other.hint")
	}
	switch {
	case exists && info.IsDir():
		return locales.New("output.dir", "Path", path).WithHint("output.dir.hint", "Path", path)
	case exists && !info.Mode().IsRegular():
		// A device or a pipe (-o /dev/stdout): the atomic write would
		// rename a file over it instead of writing into it.
		return locales.New("output.special", "Path", path).WithHint("output.other.hint")
	case exists && !force:
		return locales.New("output.exists", "Path", path).WithHint("output.exists.hint")
	}
	return nil
}

// same reports whether path (info when it exists) is the file in.
func same(path string, info fs.FileInfo, in string) bool {
	if info != nil {
		if inInfo, err := os.Stat(in); err == nil {
			return os.SameFile(info, inInfo)
		}
	}
	a, err1 := filepath.Abs(path)
	b, err2 := filepath.Abs(in)
	return err1 == nil && err2 == nil && a == b
}

// epistleFolder returns the NAME.epistle folder that holds path, or "".
func epistleFolder(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	if resolved, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(resolved, filepath.Base(abs))
	}
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		if strings.HasSuffix(filepath.Base(dir), ".epistle") {
			if info, err := os.Stat(dir); err == nil && info.IsDir() {
				return dir
			}
		}
		if parent := filepath.Dir(dir); parent == dir {
			return ""
		}
	}
}
