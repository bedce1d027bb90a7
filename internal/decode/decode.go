// Package decode turns the bytes of a letter, as the writer's computer saved
// them, into NFC-normalised UTF-8 text.
//
// Korean text reaches us in many encodings: UTF-8 with or without a byte
// order mark, UTF-16 from Windows Notepad, and EUC-KR or its superset CP949
// (UHC) from older Korean software. macOS writes Hangul decomposed into jamo
// (NFD), which looks the same but compares differently; NFC composes it back.
// NFKC is never applied: it rewrites compatibility jamo (ㅋㅋ) and full-width
// punctuation the writer chose.
package decode

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"

	"github.com/epistle-letters/epistle/locales"
)

// Encoding names accepted by --encoding.
var encodings = map[string]encoding.Encoding{
	"utf-8":    unicode.UTF8,
	"utf-16le": unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM),
	"utf-16be": unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM),
	"euc-kr":   korean.EUCKR,
	"cp949":    korean.EUCKR, // x/text's EUC-KR decoder is CP949 (UHC), a superset
}

// Names returns the encoding names Decode accepts, for help texts.
func Names() []string { return []string{"utf-8", "utf-16le", "utf-16be", "euc-kr", "cp949"} }

// Result is a decoded text and what it was found to be.
type Result struct {
	Text string
	// Encoding is the name of the encoding found or forced.
	Encoding string
	// CRLF is true when every line ended in CR LF; Text then has LF only.
	CRLF bool
	// BOM is true when the UTF-8 text began with a byte order mark, which
	// Text leaves out (Windows Notepad writes one).
	BOM bool
}

// Decode returns data as NFC UTF-8 text. name forces an encoding ("" sniffs:
// a BOM decides; otherwise valid UTF-8 is UTF-8, and anything else must
// decode cleanly as CP949). path names the file in error messages. Errors are
// *locales.Message values naming the file and what to do.
func Decode(path string, data []byte, name string) (*Result, error) {
	if len(data) == 0 {
		return nil, locales.New("input.empty", "Path", path).WithHint("input.empty.hint")
	}
	name = strings.ToLower(strings.ReplaceAll(name, "_", "-"))
	var enc string
	var text string
	bom := name == "utf-8" && bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	switch {
	case name != "":
		e, ok := encodings[name]
		if !ok {
			return nil, locales.New("input.encoding.unknown", "Path", path, "Name", name).
				WithHint("input.encoding.unknown.hint", "Names", strings.Join(Names(), ", "))
		}
		data = trimBOM(data, name)
		out, err := e.NewDecoder().Bytes(data)
		if err != nil || (name != "utf-8" && bytes.ContainsRune(out, utf8.RuneError)) || (name == "utf-8" && !utf8.Valid(data)) {
			return nil, locales.New("input.encoding.invalid", "Path", path, "Name", name).WithHint("input.encoding.hint")
		}
		enc, text = name, string(out)
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		enc, text, bom = "utf-8", string(data[3:]), true
		if !utf8.ValidString(text) {
			return nil, locales.New("input.encoding.invalid", "Path", path, "Name", enc).WithHint("input.encoding.hint")
		}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc = "utf-16le"
		if data[0] == 0xFE {
			enc = "utf-16be"
		}
		out, err := encodings[enc].NewDecoder().Bytes(data[2:])
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
			return nil, locales.New("input.encoding.invalid", "Path", path, "Name", enc).WithHint("input.encoding.hint")
		}
		text = string(out)
	case bytes.IndexByte(data, 0) >= 0:
		return nil, locales.New("input.binary", "Path", path).WithHint("input.binary.hint")
	case utf8.Valid(data):
		enc, text = "utf-8", string(data)
	default:
		out, err := korean.EUCKR.NewDecoder().Bytes(data)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
			line, col := firstInvalid(data)
			return nil, locales.New("input.encoding.unknown-bytes", "Path", path, "Line", line, "Col", col).
				WithHint("input.encoding.hint")
		}
		enc, text = "cp949", string(out)
	}
	if strings.IndexByte(text, 0) >= 0 || binaryControls(text) {
		return nil, locales.New("input.binary", "Path", path).WithHint("input.binary.hint")
	}
	text = nfc(text)
	if strings.TrimSpace(text) == "" {
		return nil, locales.New("input.empty", "Path", path).WithHint("input.empty.hint")
	}
	r := &Result{Text: text, Encoding: enc, BOM: bom}
	if n := strings.Count(text, "\n"); n > 0 && strings.Count(text, "\r\n") == n {
		r.CRLF = true
		r.Text = strings.ReplaceAll(text, "\r\n", "\n")
	}
	return r, nil
}

func trimBOM(data []byte, name string) []byte {
	switch {
	case name == "utf-8" && bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:]
	case name == "utf-16le" && bytes.HasPrefix(data, []byte{0xFF, 0xFE}),
		name == "utf-16be" && bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return data[2:]
	}
	return data
}

// binaryControls reports control characters that no text editor writes,
// the sign of a binary file that happens to decode.
func binaryControls(s string) bool {
	// Bytes, not runes: a byte below 0x20 is never part of a longer UTF-8
	// sequence, and decoding every rune of a long letter cost a twentieth
	// of segmenting it.
	for i := 0; i < len(s); i++ {
		if b := s[i]; b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			return true
		}
	}
	return false
}

// firstInvalid returns the 1-based line and column (in characters) of the first
// byte that is not valid UTF-8.
func firstInvalid(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col
}
