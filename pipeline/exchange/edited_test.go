package exchange

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/epistle-letters/epistle/locales"
)

func TestReadEdited(t *testing.T) {
	dir := t.TempDir()
	xlf := filepath.Join(dir, "letter.en.xlf")
	if err := os.WriteFile(xlf, []byte("<xliff/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "letter.en.docx"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		format     Format
		want       Format
		err        string
	}{
		{"the extension names the format", xlf, "", XLIFF, ""},
		{"--format wins over the extension", xlf, PO, PO, ""},
		{"an extension that names no format", filepath.Join(dir, "letter.en.docx"), "", "", "exchange.import.format"},
		{"the format is known before the file is read", filepath.Join(dir, "gone.docx"), "", "", "exchange.import.format"},
		{"no such file", filepath.Join(dir, "gone.po"), "", "", "exchange.import.missing"},
		{"a folder cannot be read", dir + "/sub.po", "", "", "letter.read"},
		{"a TMX is not read back", filepath.Join(dir, "letter.en.tmx"), "", "", "exchange.import.format"},
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.po"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, f, err := ReadEdited(tt.path, tt.format)
			if got := messageID(err); got != tt.err {
				t.Fatalf("err = %v (%q), want %q", err, got, tt.err)
			}
			if f != tt.want {
				t.Errorf("format = %q, want %q", f, tt.want)
			}
			if tt.err == "" && string(data) != "<xliff/>" {
				t.Errorf("data = %q", data)
			}
		})
	}
}

// A TMX file is refused with a hint that says what a TMX is for.
func TestReadEditedRefusesTMX(t *testing.T) {
	_, _, err := ReadEdited("letter.en.tmx", "")
	var m *locales.Message
	if !errors.As(err, &m) || m.Hint == nil || m.Hint.ID != "exchange.import.tmx.hint" {
		t.Fatalf("err = %#v, want exchange.import.format with the TMX hint", err)
	}
}
