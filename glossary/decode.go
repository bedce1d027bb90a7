package glossary

import "github.com/epistle-letters/epistle/internal/decode"

// decodeText turns a glossary file's bytes into NFC-normalised UTF-8, the
// way letters are read: glossaries are kept in spreadsheets, and a
// spreadsheet saved on a Korean Windows machine writes UTF-16 with a byte
// order mark, or CP949; a glossary typed on a Mac has NFD Hangul. See
// package decode.
func decodeText(name string, data []byte) (string, error) {
	r, err := decode.Decode(name, data, "")
	if err != nil {
		return "", err
	}
	return r.Text, nil
}
