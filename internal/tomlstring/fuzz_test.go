package tomlstring

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/epistle-letters/epistle/pipeline/testenv"
)

// FuzzUnquote holds Unquote to the TOML decoder on arbitrary bytes: what it
// reads, the decoder reads as the same text; what it refuses may be anything.
// The seeds are the values of the repo's catalogs and message files.
func FuzzUnquote(f *testing.F) {
	for _, line := range testenv.Lines(f, "../../testdata/*/*.toml", "../../locales/*.toml") {
		if _, value, ok := strings.Cut(line, " = "); ok {
			f.Add(value)
		}
	}
	f.Add(`"\u00E9\uAC00 \"q\" \\ \t"`)
	f.Fuzz(func(t *testing.T, v string) {
		got, ok := Unquote(v)
		if gotB, okB := Unquote([]byte(v)); gotB != got || okB != ok {
			t.Fatalf("Unquote(%q): string %q %v, []byte %q %v", v, got, ok, gotB, okB)
		}
		if !ok {
			return
		}
		var doc struct{ K string }
		if _, err := toml.Decode("K = "+v+"\n", &doc); err != nil {
			t.Fatalf("Unquote(%q) = %q; the TOML decoder refuses it: %v", v, got, err)
		}
		if doc.K != got {
			t.Fatalf("Unquote(%q) = %q; the TOML decoder reads %q", v, got, doc.K)
		}
	})
}
