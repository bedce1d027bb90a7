// Package lineedit edits one line of text in place on a terminal, for the
// interactive review's e key: the translation is already on the line, so a
// one-word fix is a one-word edit, with the keys a shell's line editor
// answers to (arrows, Home/End, Ctrl-A/E/K/U/W, Alt-B/F). Korean and other
// wide characters take two columns, and a line longer than the terminal
// is redrawn over as many rows as it takes.
//
// Ctrl-C stops the edit with context.Canceled, as it stops the review;
// Ctrl-D on an empty line ends the input with io.EOF.
package lineedit

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"golang.org/x/term"
	"golang.org/x/text/width"
)

// Edit lets the person edit text in place on the terminal in, the text
// already there, and returns the line as it is when they press Enter. Keys
// are read through keys, the reader the review reads its answers from, so
// that nothing typed ahead is lost; the line is drawn on out.
func Edit(in *os.File, keys *bufio.Reader, out io.Writer, prompt, text string) (string, error) {
	state, err := term.MakeRaw(int(in.Fd()))
	if err != nil {
		return "", err
	}
	defer func() { _ = term.Restore(int(in.Fd()), state) }()
	cols := 80
	if f, ok := out.(*os.File); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			cols = w
		}
	}
	return editLine(keys, out, prompt, text, cols)
}

// editLine runs a line editor on a terminal in raw mode: keys from in,
// the line drawn on out, cols wide. Enter ends the edit; Ctrl-C stops
// the review (context.Canceled), Ctrl-D on an empty line ends the input.
func editLine(in *bufio.Reader, out io.Writer, prompt, text string, cols int) (string, error) {
	e := &lineEditor{text: []rune(text)}
	e.pos = len(e.text)
	d := &lineDrawing{out: out, prompt: prompt, cols: cols}
	d.draw(e)
	for {
		k, err := readKey(in)
		if err != nil {
			return "", err
		}
		done, err := e.apply(k)
		if err != nil || done {
			d.end(e)
			return string(e.text), err
		}
		d.draw(e)
	}
}

// keyKind is what a key press asks of the line editor.
type keyKind int

const (
	keyIgnore keyKind = iota
	keyRune
	keyEnter
	keyBackspace
	keyDelete // Delete, or Ctrl-D on a line that is not empty
	keyLeft
	keyRight
	keyWordLeft
	keyWordRight
	keyHome
	keyEnd
	keyKillStart // Ctrl-U
	keyKillEnd   // Ctrl-K
	keyKillWord  // Ctrl-W
	keyInterrupt // Ctrl-C
	keyEOF       // Ctrl-D
)

type keyPress struct {
	kind keyKind
	r    rune
}

// readKey reads one key press: a character, a control key or the escape
// sequence of a cursor key, as terminals send them (xterm, VT100).
func readKey(in *bufio.Reader) (keyPress, error) {
	r, _, err := in.ReadRune()
	if err != nil {
		return keyPress{}, err
	}
	switch r {
	case '\r', '\n':
		return keyPress{kind: keyEnter}, nil
	case 0x7f, 0x08:
		return keyPress{kind: keyBackspace}, nil
	case 0x01:
		return keyPress{kind: keyHome}, nil
	case 0x05:
		return keyPress{kind: keyEnd}, nil
	case 0x02:
		return keyPress{kind: keyLeft}, nil
	case 0x06:
		return keyPress{kind: keyRight}, nil
	case 0x0b:
		return keyPress{kind: keyKillEnd}, nil
	case 0x15:
		return keyPress{kind: keyKillStart}, nil
	case 0x17:
		return keyPress{kind: keyKillWord}, nil
	case 0x03:
		return keyPress{kind: keyInterrupt}, nil
	case 0x04:
		return keyPress{kind: keyEOF}, nil
	case 0x1b:
		return readEscape(in)
	}
	if r < 0x20 {
		return keyPress{}, nil
	}
	return keyPress{kind: keyRune, r: r}, nil
}

// readEscape reads what follows ESC: a CSI or SS3 sequence (ESC [ 1 ; 5 D
// is Ctrl-Left), or Alt with a letter (ESC b is a word back).
func readEscape(in *bufio.Reader) (keyPress, error) {
	b, err := in.ReadByte()
	if err != nil {
		return keyPress{}, err
	}
	switch b {
	case 'b':
		return keyPress{kind: keyWordLeft}, nil
	case 'f':
		return keyPress{kind: keyWordRight}, nil
	case '[', 'O':
	default:
		return keyPress{}, nil
	}
	var params strings.Builder
	for {
		c, err := in.ReadByte()
		if err != nil {
			return keyPress{}, err
		}
		if c >= 0x40 && c <= 0x7e {
			return csiKey(params.String(), c), nil
		}
		params.WriteByte(c)
	}
}

func csiKey(params string, final byte) keyPress {
	// A modifier (1;5 Ctrl, 1;3 Alt) on an arrow moves by words.
	word := strings.Contains(params, ";")
	switch final {
	case 'D':
		if word {
			return keyPress{kind: keyWordLeft}
		}
		return keyPress{kind: keyLeft}
	case 'C':
		if word {
			return keyPress{kind: keyWordRight}
		}
		return keyPress{kind: keyRight}
	case 'H':
		return keyPress{kind: keyHome}
	case 'F':
		return keyPress{kind: keyEnd}
	case '~':
		switch params {
		case "1", "7":
			return keyPress{kind: keyHome}
		case "4", "8":
			return keyPress{kind: keyEnd}
		case "3":
			return keyPress{kind: keyDelete}
		}
	}
	return keyPress{}
}

// lineEditor is the line being edited and the cursor in it.
type lineEditor struct {
	text []rune
	pos  int
}

// apply makes one key press; done is true when the edit is over.
func (e *lineEditor) apply(k keyPress) (done bool, err error) {
	switch k.kind {
	case keyRune:
		e.text = append(e.text[:e.pos], append([]rune{k.r}, e.text[e.pos:]...)...)
		e.pos++
	case keyEnter:
		return true, nil
	case keyBackspace:
		if e.pos > 0 {
			e.text = append(e.text[:e.pos-1], e.text[e.pos:]...)
			e.pos--
		}
	case keyEOF:
		if len(e.text) == 0 {
			return true, io.EOF
		}
		fallthrough
	case keyDelete:
		if e.pos < len(e.text) {
			e.text = append(e.text[:e.pos], e.text[e.pos+1:]...)
		}
	case keyLeft:
		e.pos = max(e.pos-1, 0)
	case keyRight:
		e.pos = min(e.pos+1, len(e.text))
	case keyWordLeft:
		e.pos = e.wordStart()
	case keyWordRight:
		e.pos = e.wordEnd()
	case keyHome:
		e.pos = 0
	case keyEnd:
		e.pos = len(e.text)
	case keyKillStart:
		e.text, e.pos = e.text[e.pos:], 0
	case keyKillEnd:
		e.text = e.text[:e.pos]
	case keyKillWord:
		start := e.wordStart()
		e.text, e.pos = append(e.text[:start], e.text[e.pos:]...), start
	case keyInterrupt:
		return true, context.Canceled
	}
	return false, nil
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' }

// wordStart is where the word before the cursor begins.
func (e *lineEditor) wordStart() int {
	i := e.pos
	for i > 0 && !isWord(e.text[i-1]) {
		i--
	}
	for i > 0 && isWord(e.text[i-1]) {
		i--
	}
	return i
}

// wordEnd is where the word after the cursor ends.
func (e *lineEditor) wordEnd() int {
	i := e.pos
	for i < len(e.text) && !isWord(e.text[i]) {
		i++
	}
	for i < len(e.text) && isWord(e.text[i]) {
		i++
	}
	return i
}

// lineDrawing draws the line on a terminal cols wide, over as many rows
// as it takes; row is the row of the cursor, counted from the prompt's.
type lineDrawing struct {
	out    io.Writer
	prompt string
	cols   int
	row    int
}

func (d *lineDrawing) draw(e *lineEditor) {
	var b strings.Builder
	if d.row > 0 {
		fmt.Fprintf(&b, "\x1b[%dA", d.row)
	}
	b.WriteString("\r" + d.prompt + string(e.text) + "\x1b[J")
	end := Cells(d.prompt) + Cells(string(e.text))
	if end > 0 && end%d.cols == 0 {
		// The cursor waits in the last column: take it to the next row.
		b.WriteString("\r\n")
	}
	at := Cells(d.prompt) + Cells(string(e.text[:e.pos]))
	if up := end/d.cols - at/d.cols; up > 0 {
		fmt.Fprintf(&b, "\x1b[%dA", up)
	}
	b.WriteString("\r")
	if right := at % d.cols; right > 0 {
		fmt.Fprintf(&b, "\x1b[%dC", right)
	}
	d.row = at / d.cols
	_, _ = io.WriteString(d.out, b.String())
}

// end leaves the cursor on the line after the text.
func (d *lineDrawing) end(e *lineEditor) {
	e.pos = len(e.text)
	d.draw(e)
	_, _ = io.WriteString(d.out, "\r\n")
}

// Cells is how many terminal columns s takes: Korean and other wide
// characters take two, combining marks none.
func Cells(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			if !unicode.Is(unicode.Mn, r) {
				n++
			}
		}
	}
	return n
}
