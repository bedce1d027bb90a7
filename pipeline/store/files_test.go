package store

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/epistle-letters/epistle/locales"
)

// Save writes in order, stops at the first file it cannot write and names
// that file to a person.
func TestSaveNamesTheFileItCannotWrite(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "blocker")
	if err := os.WriteFile(blocker, []byte("a file, not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	first := filepath.Join(dir, "first.toml")
	bad := filepath.Join(blocker, "second.toml")
	last := filepath.Join(dir, "last.toml")
	err := Save([]File{{first, []byte("1")}, {bad, []byte("2")}, {last, []byte("3")}})
	if err == nil {
		t.Fatal("Save wrote under a regular file")
	}
	if got, want := locales.English.ErrorText(err), "cannot write "+bad+": "; !strings.HasPrefix(got, want) {
		t.Errorf("error = %q, want it to start %q", got, want)
	}
	if data, err := os.ReadFile(first); err != nil || string(data) != "1" {
		t.Errorf("first file = %q, %v; want it written", data, err)
	}
	if _, err := os.Stat(last); !os.IsNotExist(err) {
		t.Errorf("the file after the failure was written (%v)", err)
	}
}

// IndentJSON makes what json.MarshalIndent and an Encoder with SetIndent
// make, with a newline at the end, for flat and deeply nested values, and
// escapes <, > and & only when asked.
func TestIndentJSON(t *testing.T) {
	type node struct {
		Text string  `json:"text"`
		Kids []*node `json:"kids,omitempty"`
	}
	deep := &node{Text: "a"}
	for n, i := deep, 0; i < 30; i++ {
		n.Kids = []*node{{Text: "<b>&</b>"}, {}}
		n = n.Kids[0]
	}
	for _, v := range []any{
		map[string]any{},
		[]string{"<p>", "a & b", ""},
		deep,
		struct {
			Segments []node `json:"segments"`
		}{[]node{{Text: "주님의 은혜로 <br> 마쳤습니다."}, {Text: ""}}},
	} {
		for _, escape := range []bool{true, false} {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(escape)
			enc.SetIndent("", "  ")
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
			if escape {
				std, _ := json.MarshalIndent(v, "", "  ")
				if string(std)+"\n" != want.String() {
					t.Fatalf("MarshalIndent and the Encoder differ for %#v", v)
				}
			}
			got, err := IndentJSON(v, escape)
			if err != nil || string(got) != want.String() {
				t.Errorf("IndentJSON(%#v, %v) = %q, %v; want %q", v, escape, got, err, want.String())
			}
		}
	}
	if _, err := IndentJSON(make(chan int), false); err == nil {
		t.Error("IndentJSON of a channel: no error")
	}
}
