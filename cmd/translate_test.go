package cmd

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	progress := progressLine(&IO{Err: &buf}, language.English)
	progress(0, 4)
	progress(4, 4)
	lines := strings.Split(buf.String(), "\r")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(buf.String(), "\repistle: en [") || last != "epistle: en [##############################] 4/4" {
		t.Errorf("progress wrote %q", buf.String())
	}
}
