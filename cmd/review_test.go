package cmd

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/epistle-letters/epistle/pipeline/review"
)

func TestRenderDiff(t *testing.T) {
	edits := []review.Edit{{Op: review.Equal, Text: "pray for the "}, {Op: review.Delete, Text: "safety"},
		{Op: review.Insert, Text: "health"}, {Op: review.Equal, Text: "."}}
	tests := []struct {
		color bool
		want  string
	}{
		{false, "pray for the [-safety-]{+health+}."},
		{true, "pray for the \x1b[31;9msafety\x1b[0m\x1b[32mhealth\x1b[0m."},
	}
	for _, tt := range tests {
		if got := renderDiff(&IO{Color: tt.color}, edits); got != tt.want {
			t.Errorf("renderDiff(color %v) = %q, want %q", tt.color, got, tt.want)
		}
	}
}

// The editor gets a file with the text and a final newline; what it saves
// comes back.
func TestEditInEditor(t *testing.T) {
	dir := t.TempDir()
	seen := filepath.Join(dir, "seen")
	editor := filepath.Join(dir, "editor")
	script := "#!/bin/sh\ncp \"$1\" " + seen + "\nprintf 'May the God of peace be with you.\\n' > \"$1\"\n"
	if err := os.WriteFile(editor, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("EDITOR", editor)
	got, err := editInEditor(context.Background(), "We pray.")
	if err != nil {
		t.Fatal(err)
	}
	if got != "May the God of peace be with you.\n" {
		t.Errorf("editInEditor = %q", got)
	}
	if data, _ := os.ReadFile(seen); string(data) != "We pray.\n" {
		t.Errorf("the editor was given %q", data)
	}
	t.Setenv("EDITOR", filepath.Join(dir, "missing-editor"))
	if _, err := editInEditor(context.Background(), "x"); err == nil || err.Error() != "the editor "+filepath.Join(dir, "missing-editor")+" failed" {
		t.Errorf("a missing editor: %v", err)
	}
}
