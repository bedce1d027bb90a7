package store

import (
	"os"
	"path/filepath"

	"github.com/epistle-letters/epistle/locales"
)

// File is a file the core wants written; the command line writes it, so
// that --dry-run and tests need no disk.
type File struct {
	Path string
	Data []byte
}

// WriteFile writes data to path atomically: a temporary file in the same
// folder, synced, then renamed over path. A crash leaves the old file or
// the new one, never half of either.
func WriteFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this fails harmlessly
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// WriteFiles writes each file atomically, stopping at the first error.
func WriteFiles(files []File) error {
	for _, f := range files {
		if err := WriteFile(f.Path, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// Save writes each file as [WriteFiles] does, for the commands and the
// review page, which tell a person what failed: the error is a
// *locales.Message naming the file that could not be written. The translate
// engine calls WriteFiles instead and names the letter in its own message.
func Save(files []File) error {
	for _, f := range files {
		if err := WriteFile(f.Path, f.Data); err != nil {
			return locales.New("write.failed", "Path", f.Path).Wrap(err)
		}
	}
	return nil
}
