package tomlstring

import (
	"testing"

	"github.com/BurntSushi/toml"
)

func TestUnquote(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{`""`, "", true},
		{`"기도 제목"`, "기도 제목", true},
		{"\"tab\there\"", "tab\there", true},
		{`"a \"b\" c\\d"`, `a "b" c\d`, true},
		{`"line\nnext\r\tend"`, "line\nnext\r\tend", true},
		{`"\u00E9\uAC00"`, "é가", true},
		{`"x"`[:2], "", false},         // no closing quote
		{`"a"b"`, "", false},           // a quote inside
		{`"a" `, "", false},            // something after
		{"\"bell\x07\"", "", false},    // a control character
		{"\"del\x7f\"", "", false},     // DEL
		{`"\x41"`, "", false},          // not a TOML escape
		{`"\e"`, "", false},            // TOML 1.1, not what the decoder reads
		{`"\uD800"`, "", false},        // a surrogate is not a character
		{`"\u12"`, "", false},          // too short
		{`"end\"`, "", false},          // the last quote escaped
		{`"\U0001F600"`, "", false},    // left to the decoder
		{`'literal'`, "", false},       // not a basic string
		{"\"new\nline\"", "", false},   // a raw newline
		{`"ok\\"`, `ok\`, true},        // an escaped backslash before the quote
		{`"\u0041\u0042"`, "AB", true}, // escapes side by side
	}
	for _, tt := range tests {
		got, ok := Unquote(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Unquote(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
		if b, bok := Unquote([]byte(tt.in)); b != got || bok != ok {
			t.Errorf("Unquote([]byte(%q)) = %q, %v; the string gives %q, %v", tt.in, b, bok, got, ok)
		}
		// What Unquote reads, the TOML decoder reads the same.
		if ok {
			var doc struct{ A string }
			if _, err := toml.Decode("A = "+tt.in, &doc); err != nil || doc.A != got {
				t.Errorf("Unquote(%q) = %q; the TOML decoder gives %q, %v", tt.in, got, doc.A, err)
			}
		}
	}
}
