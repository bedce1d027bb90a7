package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/epistle-letters/epistle/pipeline/testenv"
)

// FuzzParseMarshaled holds the fast reader to the TOML decoder twice: on
// Marshal's output for arbitrary message texts, which it must read and read
// as the decoder does, and on an arbitrary file (a hand edit), which it may
// refuse but must otherwise read as the decoder does. The seeds are the
// repo's catalogs and the lines of its test letters.
func FuzzParseMarshaled(f *testing.F) {
	names, _ := filepath.Glob("../../testdata/*/*.toml")
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data), "")
	}
	for _, line := range testenv.Lines(f, "../../testdata/letters/*") {
		f.Add("", line)
	}
	f.Add("", "\"q\" \\ \t\r\n\x01\x7f\xff\u2028 {{.X}} <g1>")
	f.Fuzz(func(t *testing.T, file, text string) {
		c := &Catalog{}
		c.Set(&Message{ID: "3f2a9c1b", Description: text, Hash: "h" + text, Other: text})
		c.Set(&Message{ID: "a-b_C", Other: text + "\n" + text})
		data := c.Marshal("comment\n" + text)
		fast, ok := parseMarshaled(data)
		slow, err := parseTOML("x.toml", data)
		if err != nil {
			t.Fatalf("the TOML decoder refuses Marshal's output: %v\n%s", err, data)
		}
		if !ok && !strings.Contains(text, "{{") { // delimiters are written, and left to the decoder
			t.Fatalf("the fast reader refuses Marshal's output\n%s", data)
		}
		if ok && !sameMessages(fast, slow) {
			t.Fatalf("fast %+v\nTOML %+v\n%s", fast.Messages, slow.Messages, data)
		}
		if fast, ok := parseMarshaled([]byte(file)); ok {
			slow, err := parseTOML("x.toml", []byte(file))
			if err != nil {
				t.Fatalf("the fast reader reads %q; the TOML decoder refuses it: %v", file, err)
			}
			if !sameMessages(fast, slow) {
				t.Fatalf("%q:\nfast %+v\nTOML %+v", file, fast.Messages, slow.Messages)
			}
		}
	})
}
