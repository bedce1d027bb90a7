package store

import (
	"bytes"
	"encoding/json"
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

// IndentJSON returns v as JSON indented by two spaces and ending in a
// newline, as json.MarshalIndent makes it (<, > and & escaped only when
// escapeHTML). It leaves less garbage behind than MarshalIndent or an
// Encoder's SetIndent: the compact form is indented straight from the
// Encoder's buffer, not from a copy, and the output is allocated once, where
// SetIndent grows it a quarter at a time and MarshalIndent grows the
// skeleton once more (on a 10 MiB letter, segment --json peaked near 400 MB
// with them, under 300 MB with this).
func IndentJSON(v any, escapeHTML bool) ([]byte, error) {
	var w indenter
	enc := json.NewEncoder(&w)
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return w.out.Bytes(), nil
}

// indenter indents the compact JSON an Encoder writes to it (in one Write).
type indenter struct{ out bytes.Buffer }

func (w *indenter) Write(compact []byte) (int, error) {
	// Two spaces a level more than double a deeply nested value such as
	// the skeleton; json.Indent itself makes room for twice.
	w.out.Grow(len(compact) * 5 / 2)
	return len(compact), json.Indent(&w.out, compact, "", "  ")
}
