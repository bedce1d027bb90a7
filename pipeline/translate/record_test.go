package translate

import (
	"strings"
	"testing"

	"github.com/epistle-letters/epistle/pipeline/store"
)

// A snapshot older than one already written is never written: the files
// do not go back in time when two batches finish out of order.
func TestOlderSnapshotIsDropped(t *testing.T) {
	var saved []string
	j := &job{opts: &Options{Save: func(files []store.File) error {
		saved = append(saved, string(files[0].Data))
		return nil
	}}}
	for _, s := range []struct {
		data    string
		version int
	}{{"second", 2}, {"first", 1}, {"third", 3}} {
		if err := j.write([]store.File{{Path: "x", Data: []byte(s.data)}}, s.version); err != nil {
			t.Fatal(err)
		}
	}
	if got := strings.Join(saved, ","); got != "second,third" {
		t.Errorf("saved %s, want second,third", got)
	}
}
