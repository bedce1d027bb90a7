package decode

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"
)

func TestDecode(t *testing.T) {
	const text = "할렐루야! 똠방각하 햏햏.\nㅋㅋ ．！？\n"
	cp949, _ := korean.EUCKR.NewEncoder().String(text)
	u16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(text)
	u16beBOM, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(text)
	nfd := "\u1112\u1161\u11af\u1105\u1166\u11af\u1105\u116e\u110b\u1163! 똠방각하 햏햏.\nㅋㅋ ．！？\n"
	for _, tc := range []struct {
		name, in, force string
		want, enc       string
		crlf            bool
	}{
		{"utf-8", text, "", text, "utf-8", false},
		{"utf-8 BOM", "\xEF\xBB\xBF" + text, "", text, "utf-8", false},
		{"utf-8 forced with BOM", "\xEF\xBB\xBF" + text, "UTF-8", text, "utf-8", false},
		{"cp949 sniffed", cp949, "", text, "cp949", false},
		{"euc-kr forced", cp949, "euc_kr", text, "euc-kr", false},
		{"utf-16le forced, no BOM", u16le, "utf-16le", text, "utf-16le", false},
		{"utf-16be BOM sniffed", u16beBOM, "", text, "utf-16be", false},
		{"crlf", strings.ReplaceAll(text, "\n", "\r\n"), "", text, "utf-8", true},
		{"mixed line endings stay", "가\r\n나\n", "", "가\r\n나\n", "utf-8", false},
		// NFC composes jamo; compatibility jamo (ㅋㅋ) and full-width marks stay: never NFKC.
		{"nfd", nfd, "", text, "utf-8", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Decode("f", []byte(tc.in), tc.force)
			if err != nil {
				t.Fatal(err)
			}
			if r.Text != tc.want || r.Encoding != tc.enc || r.CRLF != tc.crlf {
				t.Errorf("got %q %s crlf=%v, want %q %s crlf=%v", r.Text, r.Encoding, r.CRLF, tc.want, tc.enc, tc.crlf)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, force, want string
	}{
		{"empty", "", "", "f: the file is empty"},
		{"blank", " \n\t\n", "", "f: the file is empty"},
		{"nul", "abc\x00def", "", "f: this is not a text file"},
		{"control bytes", "abc\x01\x02def", "", "f: this is not a text file"},
		{"neither", "첫 줄\n둘째 \xff\xfe", "", "f:2:4: the text is neither UTF-8 nor EUC-KR/CP949"},
		{"unknown encoding", "x", "latin-9", "f: unknown encoding latin-9"},
		{"not utf-8 when forced", "\xff\xfe\xfa", "utf-8", "f: the file is not valid utf-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode("f", []byte(tc.in), tc.force)
			if err == nil || err.Error() != tc.want {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}
