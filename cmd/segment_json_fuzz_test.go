package cmd

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/pipeline"
	"github.com/epistle-letters/epistle/pipeline/testenv"
)

// FuzzSegmentJSON holds segmentJSON to encoding/json (HTML left unescaped,
// indented by two spaces, as marshalJSON asks of it) on arbitrary sentence
// and term texts: invalid UTF-8, U+2028, <, >, &, control bytes. The seeds
// are the lines of the repo's test letters.
func FuzzSegmentJSON(f *testing.F) {
	for _, line := range testenv.Lines(f, "../testdata/letters/*") {
		f.Add(line, "선교사", 2, uint8(0xff))
	}
	f.Add("\"q\" \\ \t\r\n\x01\x7f\xff\xe2\x80\u2028\u2029 <a href=\"x\">&amp;</a>", "<&>", -1, uint8(0))
	f.Fuzz(func(t *testing.T, text, term string, n int, shape uint8) {
		has := func(bit int) bool { return shape&(1<<bit) != 0 }
		list := &pipeline.SegmentList{Source: term}
		if has(0) {
			var terms []glossary.Term
			if has(1) {
				terms = []glossary.Term{}
			}
			if has(2) {
				terms = append(terms, glossary.Term{Source: term, Target: text, Kind: glossary.Kind(text), Start: n, End: -n})
			}
			list.Segments = []pipeline.SegmentView{{ID: text, Block: term, Text: text, Terms: terms}}
			if has(3) {
				list.Segments = append(list.Segments, pipeline.SegmentView{ID: term, Text: term + text, Terms: terms})
			}
			if has(4) {
				list.Segments = list.Segments[:0]
			}
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(list); err != nil {
			t.Fatal(err)
		}
		if got := segmentJSON(list); string(got) != want.String() {
			t.Fatalf("segmentJSON:\n%s\nencoding/json:\n%s", got, want.Bytes())
		}
	})
}
