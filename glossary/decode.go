package glossary

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/epistle-letters/epistle/locales"
)

// decodeText turns a glossary file's bytes into NFC-normalised UTF-8.
// Glossaries are kept in spreadsheets, and a spreadsheet saved on a Korean
// Windows machine writes UTF-16 with a byte order mark, or CP949; both are
// accepted. NFC, never NFKC: NFKC would turn full-width and compatibility
// characters a writer chose into others, while NFC only makes the two ways
// Unicode can spell a Hangul syllable (precomposed or as jamo) the same, so
// a glossary typed on a Mac matches a letter typed on Windows.
func decodeText(name string, data []byte) (string, error) {
	var text string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		text = string(data[3:])
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", locales.New("glossary.encoding", "Path", name).Wrap(err)
		}
		text = string(out)
	case bytes.IndexByte(data, 0) >= 0:
		return "", locales.New("glossary.binary", "Path", name)
	case utf8.Valid(data):
		text = string(data)
	default:
		// x/text's EUC-KR decoder reads CP949 (Unified Hangul Code), its
		// superset, too.
		out, err := korean.EUCKR.NewDecoder().Bytes(data)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
			return "", locales.New("glossary.encoding", "Path", name).
				WithHint("glossary.encoding.hint")
		}
		text = string(out)
	}
	if strings.TrimSpace(text) == "" {
		return "", locales.New("glossary.empty", "Path", name)
	}
	return norm.NFC.String(text), nil
}
