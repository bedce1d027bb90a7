package pipeline

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/epistle-letters/epistle/internal/jsonindent"
	"github.com/epistle-letters/epistle/pipeline/document"
)

// TestSkeletonJSON holds skeleton.indented to what json.Marshal and
// jsonindent.Indent write: the sample letter as opened (tags, breaks,
// blocks), a letter with markup, CRLF and a standalone tag, and the empty
// and nil cases. Mutations tried: writing "crlf" when false, and dropping
// a tag's "kind", both fail it.
func TestSkeletonJSON(t *testing.T) {
	sample := openIn(t, t.TempDir(), "2023-06-3.ko.md", []byte(readSample(t)), "")
	marked := openIn(t, t.TempDir(), "m.ko.md", []byte("# 제목 **굵게**\r\n\r\n> 인용 *첫째* 줄\r\n> 둘째 줄입니다. 끝![그림](a.png)\r\n"), "")
	skels := []skeleton{
		{Letter: "2023-06-3.ko.md", Source: "ko", Encoding: "utf-8", Document: sample.Doc},
		{Letter: "m.ko.md", Source: "ko", Encoding: "utf-8", CRLF: marked.CRLF, Document: marked.Doc},
		{Letter: "\"q\"\n", Source: "ko", Encoding: "cp949"},
		{Document: &document.Document{Format: "txt"}},
		{Document: &document.Document{Parts: []document.Part{}, Blocks: []document.Block{}}},
		{Document: &document.Document{Parts: []document.Part{{}, {Literal: "x", Sentence: &document.Sentence{
			ID: "a", Tags: []document.Tag{{Name: "x1", Open: "<br>"}}, Breaks: []string{"\n> "}, Block: 3,
		}}}}},
	}
	if !marked.CRLF || len(marked.Doc.Sentences()) == 0 {
		t.Fatalf("the marked letter is not what the test needs: crlf %v", marked.CRLF)
	}
	for _, s := range skels {
		compact, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		want := append(jsonindent.Indent(compact), '\n')
		if got := s.indented(); string(got) != string(want) {
			t.Errorf("indented:\n%s\njson.Marshal, indented:\n%s", got, want)
		}
	}
}

// TestSkeletonJSONFields fails when a field is added to a type that
// skeleton.indented writes by hand: the writer must learn it first.
func TestSkeletonJSONFields(t *testing.T) {
	for _, c := range []struct {
		v    any
		want []string
	}{
		{skeleton{}, []string{"Letter", "Source", "Encoding", "CRLF", "Document"}},
		{document.Document{}, []string{"Format", "Parts", "Blocks"}},
		{document.Part{}, []string{"Literal", "Sentence"}},
		{document.Sentence{}, []string{"ID", "Text", "Tags", "Breaks", "Block"}},
		{document.Tag{}, []string{"Name", "Open", "Close", "Kind"}},
		{document.Block{}, []string{"Kind", "First", "Last"}},
	} {
		var got []string
		for f := range reflect.TypeOf(c.v).Fields() {
			got = append(got, f.Name)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%T has fields %v; skeleton.indented writes %v", c.v, got, c.want)
		}
	}
}
