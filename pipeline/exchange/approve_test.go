package exchange

import (
	"errors"
	"reflect"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/lettertest"
	"github.com/epistle-letters/epistle/pipeline/review"
)

func TestImportedApprove(t *testing.T) {
	const edited = "/elsewhere/letter.en.xlf"
	type change struct{ source, text string }
	problem := Problem{Line: 3, Kind: "unknown-id", ID: "nope"}
	tests := []struct {
		name     string
		changes  []change
		problems []Problem
		force    bool
		// want are the sources of the changes approved; refused the ids of
		// the refusals, err the id of the error that stops it all.
		want    []string
		refused []string
		err     string
	}{
		{name: "changes", changes: []change{{"할렐루야!", "Hallelujah!"}, {"감사합니다.", "Thank you."}},
			want: []string{"할렐루야!", "감사합니다."}},
		{name: "QA refuses one", changes: []change{{"할렐루야!", ""}, {"감사합니다.", "Thank you."}},
			want: []string{"감사합니다."}, refused: []string{"review.refused"}},
		{name: "QA forced", changes: []change{{"할렐루야!", ""}}, force: true,
			want: []string{"할렐루야!"}},
		{name: "problems refuse the file", changes: []change{{"할렐루야!", "Hallelujah!"}}, problems: []Problem{problem},
			err: "exchange.import.refused"},
		{name: "problems forced", changes: []change{{"할렐루야!", "Hallelujah!"}}, problems: []Problem{problem}, force: true,
			want: []string{"할렐루야!"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ids := openReviewer(t)
			imp := &Imported{Problems: tt.problems}
			for _, c := range tt.changes {
				imp.Changes = append(imp.Changes, Change{ID: ids[c.source], New: c.text})
			}
			approved, refusals, err := imp.Approve(r, edited, tt.force)
			if got := messageID(err); got != tt.err {
				t.Fatalf("err = %v (%q), want %q", err, got, tt.err)
			}
			var got []string
			for _, c := range approved {
				for src, id := range ids {
					if id == c.ID {
						got = append(got, src)
					}
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("approved %q, want %q", got, tt.want)
			}
			var refused []string
			for _, err := range refusals {
				refused = append(refused, messageID(err))
			}
			if !reflect.DeepEqual(refused, tt.refused) {
				t.Errorf("refused %q, want %q", refused, tt.refused)
			}
			// Every approval is a decision in the log, and the approved
			// catalog names the file it was reviewed in.
			if len(r.Log.Decisions) != len(tt.want) {
				t.Errorf("%d decisions in the log, want %d", len(r.Log.Decisions), len(tt.want))
			}
			for _, c := range approved {
				m := r.Translations.Approved.Get(c.ID)
				if m == nil || m.Other != c.New || m.Description != "approved; reviewed in letter.en.xlf" {
					t.Errorf("approved catalog has %+v for %s", m, c.ID)
				}
			}
		})
	}
}

// openReviewer opens the English review of a two-sentence letter with no
// translations, and returns it with the sentence ids by source text.
func openReviewer(t *testing.T) (*review.Reviewer, map[string]string) {
	t.Helper()
	l := lettertest.Open(t, map[string]string{"letter.ko.md": "할렐루야! 감사합니다.\n"})
	ids := lettertest.IDs(l)
	r, err := review.Open(l, language.English, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r, ids
}

// messageID is the id of the *locales.Message err is, or "".
func messageID(err error) string {
	var m *locales.Message
	if errors.As(err, &m) {
		return m.ID
	}
	return ""
}
