package cmd

import (
	"testing"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/pipeline"
)

// TestSegmentJSON holds segmentJSON to what marshalJSON (encoding/json, then
// indented) writes for the same list: empty and nil lists, terms and none,
// and text that needs escaping.
func TestSegmentJSON(t *testing.T) {
	terms := []glossary.Term{
		{Source: "선교사", Target: "missionary", Kind: glossary.KindTerm, Start: 2, End: 5},
		{Source: "\"김\"", Target: "Kim <Sr.>", Kind: glossary.KindName, Start: 0, End: 3},
	}
	lists := []*pipeline.SegmentList{
		{Source: "ko"},
		{Source: "ko", Segments: []pipeline.SegmentView{}},
		{Source: "ko", Segments: []pipeline.SegmentView{
			{ID: "a1b2", Block: "p", Text: "김 선교사님이 \"기도\" 부탁\\드립니다.\n\t<g1>&</g1>\u2028", Terms: terms},
			{ID: "c3", Block: "h2", Text: "", Terms: []glossary.Term{}},
			{ID: "c3-2", Block: "li", Text: "\x01\xff", Terms: nil},
			{ID: "d4", Block: "p", Text: "한 개", Terms: terms[:1]},
		}},
	}
	for _, list := range lists {
		want, err := marshalJSON(list)
		if err != nil {
			t.Fatal(err)
		}
		if got := segmentJSON(list); string(got) != string(want) {
			t.Errorf("segmentJSON:\n%s\nmarshalJSON:\n%s", got, want)
		}
	}
}
