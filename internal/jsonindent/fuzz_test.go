package jsonindent

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzSeeds are the lines of the repo's test letters and its JSON files.
func fuzzSeeds(f *testing.F) []string {
	var seeds []string
	for _, pattern := range []string{"../../testdata/letters/*", "../../testdata/*.md", "../../testdata/*/*.json"} {
		names, _ := filepath.Glob(pattern)
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			seeds = append(seeds, string(data))
			seeds = append(seeds, strings.Split(string(data), "\n")...)
		}
	}
	return append(seeds, "\"q\" \\ \t\r\n\x01\x7f\xff\xe2\x80\u2028\u2029 <a href=\"x\">&amp;</a>")
}

// FuzzIndent holds Indent to json.Indent on every valid JSON text made
// compact, and on the JSON of arbitrary strings.
func FuzzIndent(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Add(`{"a":[1,{},[],"x\"]",{"b":null}],"c":{"d":[true,false]}}`)
	f.Fuzz(func(t *testing.T, s string) {
		enc, err := json.Marshal(map[string]any{s: []string{s, ""}, "n": []any{}, "o": map[string]int{}})
		if err != nil {
			t.Fatal(err)
		}
		inputs := [][]byte{enc}
		if json.Valid([]byte(s)) {
			var compact bytes.Buffer
			if err := json.Compact(&compact, []byte(s)); err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, compact.Bytes())
		}
		for _, in := range inputs {
			var want bytes.Buffer
			if err := json.Indent(&want, in, "", "  "); err != nil {
				t.Fatal(err)
			}
			if got := Indent(in); !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("Indent(%q):\n%s\njson.Indent:\n%s", in, got, want.Bytes())
			}
		}
	})
}

// FuzzAppendString holds AppendString to encoding/json, with and without
// HTML escaping, on arbitrary bytes.
func FuzzAppendString(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, escapeHTML bool) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(escapeHTML)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := AppendString([]byte("x"), s, escapeHTML); string(got) != "x"+strings.TrimSuffix(want.String(), "\n") {
			t.Fatalf("AppendString(%q, %v) = %s; encoding/json writes %s", s, escapeHTML, got[1:], want.Bytes())
		}
	})
}
