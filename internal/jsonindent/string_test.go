package jsonindent

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// TestAppendString holds AppendString to what encoding/json writes with
// HTML escaping off and on, on every ASCII byte, the separators, invalid UTF-8 and
// random mixtures of them.
func TestAppendString(t *testing.T) {
	cases := []string{"", "기도 제목", `"`, `\`, "<g1>&</g1>", "\u2028\u2029", "\xff", "a\xe2\x80", "\x7f", "😊"}
	for b := range 0x80 {
		cases = append(cases, string(rune(b)))
	}
	rng := rand.New(rand.NewPCG(7, 8))
	base := len(cases)
	for range 2000 {
		var s []byte
		for range rng.IntN(12) {
			s = append(s, cases[rng.IntN(base)]...)
		}
		cases = append(cases, string(s))
	}
	for _, s := range cases {
		for _, html := range []bool{false, true} {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(html)
			if err := enc.Encode(s); err != nil {
				t.Fatal(err)
			}
			got := string(AppendString([]byte("x"), s, html))
			if got != "x"+string(bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
				t.Errorf("AppendString(%q, %v) = %s, encoding/json writes %s", s, html, got[1:], want.Bytes())
			}
		}
	}
}
