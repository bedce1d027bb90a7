package lineedit

import (
	"bufio"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestEditLine(t *testing.T) {
	const (
		ctrlA, ctrlC, ctrlD, ctrlK, ctrlU, ctrlW = "\x01", "\x03", "\x04", "\x0b", "\x15", "\x17"
		left, right, home, end, del              = "\x1b[D", "\x1b[C", "\x1b[H", "\x1b[F", "\x1b[3~"
		wordLeft, wordRight, altB                = "\x1b[1;5D", "\x1b[1;5C", "\x1bb"
		backspace                                = "\x7f"
	)
	tests := []struct {
		name, text, keys string
		want             string
		err              error
	}{
		{"Enter keeps the text", "Please pray.", "\r", "Please pray.", nil},
		{"a one-word fix", "Pray for the safety of defectors.", wordLeft + wordLeft + wordLeft + wordRight + ctrlW + "health\r",
			"Pray for the health of defectors.", nil},
		{"Alt-b is a word back", "Pray for peace.", altB + ctrlK + "joy.\r", "Pray for joy.", nil},
		{"backspace", "Thanks!", backspace + backspace + "s.\r", "Thanks.", nil},
		{"arrows", "ac", left + "b" + right + "d\r", "abcd", nil},
		{"home and end", "middle", home + "[" + end + "]\r", "[middle]", nil},
		{"Ctrl-A and delete", "xPray", ctrlA + del + "\r", "Pray", nil},
		{"Ctrl-U clears to the start", "old words new", wordLeft + ctrlU + "\r", "new", nil},
		{"word right", "one two three", home + wordRight + ctrlK + "\r", "one", nil},
		{"Korean", "감사", left + "합니다 감" + "\r", "감합니다 감사", nil},
		{"Ctrl-D deletes under the cursor", "ab", home + ctrlD + "\r", "b", nil},
		{"Ctrl-D on an empty line ends the input", "", ctrlD, "", io.EOF},
		{"Ctrl-C stops the review", "Please", "x" + ctrlC, "Pleasex", context.Canceled},
		{"an unknown sequence is ignored", "ok", "\x1b[5~\x1bx\x07\r", "ok", nil},
		{"the input ends", "ok", "more", "", io.EOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := editLine(bufio.NewReader(strings.NewReader(tt.keys)), io.Discard, "> ", tt.text, 80)
			if !errors.Is(err, tt.err) || err == nil && tt.err != nil {
				t.Fatalf("error = %v, want %v", err, tt.err)
			}
			if tt.err == nil && got != tt.want {
				t.Errorf("editLine(%q, %q) = %q, want %q", tt.text, tt.keys, got, tt.want)
			}
		})
	}
}

// TestLineDrawing: the cursor is put back where it belongs, also when the
// line wraps and holds wide characters.
func TestLineDrawing(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		pos    int
		cols   int
		want   string
		rowsUp int
	}{
		{"at the end", "abc", 3, 80, "\r> abc\x1b[J\r\x1b[5C", 0},
		{"in the middle", "abc", 1, 80, "\r> abc\x1b[J\r\x1b[3C", 0},
		{"wide characters", "감사", 1, 80, "\r> 감사\x1b[J\r\x1b[4C", 0},
		{"wrapped, cursor on the first row", "abcdefg", 1, 5, "\r> abcdefg\x1b[J\x1b[1A\r\x1b[3C", 0},
		{"wrapped, cursor on the second row", "abcdefg", 6, 5, "\r> abcdefg\x1b[J\r\x1b[3C", 1},
		{"ends in the last column", "abc", 3, 5, "\r> abc\x1b[J\r\n\r", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			d := &lineDrawing{out: &b, prompt: "> ", cols: tt.cols}
			d.draw(&lineEditor{text: []rune(tt.text), pos: tt.pos})
			if b.String() != tt.want {
				t.Errorf("draw = %q, want %q", b.String(), tt.want)
			}
			if d.row != tt.rowsUp {
				t.Errorf("cursor row = %d, want %d", d.row, tt.rowsUp)
			}
		})
	}
}

func TestCells(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"Zoom", 4},
		{"천안", 4},
		{"탈북민 defectors", 16},
		{"e\u0301", 1}, // e and a combining acute accent: one column
		{"ＡＢ", 4},      // fullwidth Latin
	} {
		if got := Cells(tc.s); got != tc.want {
			t.Errorf("Cells(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}
