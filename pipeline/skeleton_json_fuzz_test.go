package pipeline

import (
	"encoding/json"
	"testing"

	"github.com/epistle-letters/epistle/pipeline/document"
	"github.com/epistle-letters/epistle/pipeline/testenv"
)

// FuzzSkeletonJSON holds skeleton.indented to json.MarshalIndent of the same
// skeleton, on arbitrary texts in every string it writes (invalid UTF-8,
// U+2028, <, >, &, control bytes) and every optional field present or not.
// The seeds are the lines of the repo's test letters.
func FuzzSkeletonJSON(f *testing.F) {
	for _, line := range testenv.Lines(f, "../testdata/letters/*") {
		f.Add(line, "<g1>", 3, uint8(0xff))
	}
	f.Add("\"q\" \\ \t\r\n\x01\x7f\xff\xe2\x80\u2028\u2029 <a href=\"x\">&amp;</a>", "**", -1, uint8(0))
	f.Fuzz(func(t *testing.T, text, markup string, n int, shape uint8) {
		has := func(bit int) bool { return shape&(1<<bit) != 0 }
		pick := func(bit int, s string) string {
			if has(bit) {
				return s
			}
			return ""
		}
		s := skeleton{Letter: text + ".ko.md", Source: markup, Encoding: text, CRLF: has(0)}
		if has(1) {
			sent := &document.Sentence{ID: text, Block: n}
			if has(2) {
				sent.Tags = []document.Tag{{Name: "g1", Open: markup, Close: pick(3, text), Kind: pick(4, text)}, {Name: text, Open: text}}
			}
			if has(5) {
				sent.Breaks = []string{text, "\n> "}
			}
			parts := []document.Part{{Literal: text}, {Literal: pick(6, markup), Sentence: sent}, {}}
			blocks := []document.Block{{Kind: text, First: n, Last: -n}}
			if has(7) {
				parts, blocks = parts[:0], nil
			}
			s.Document = &document.Document{Format: markup, Parts: parts, Blocks: blocks}
		}
		want, err := json.MarshalIndent(s, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if got := s.indented(); string(got) != string(want)+"\n" {
			t.Fatalf("indented:\n%s\njson.MarshalIndent:\n%s", got, want)
		}
	})
}
