package review

import (
	"errors"
	"testing"

	"github.com/epistle-letters/epistle/pipeline/store"
)

func TestApproveSeen(t *testing.T) {
	tests := []struct {
		name string
		// change happens between showing the sentence and saving it.
		change      func(r *Reviewer, id string)
		wantChanged bool
		wantErr     bool
	}{
		{"unchanged", func(*Reviewer, string) {}, true, false},
		{"machine translated again", func(r *Reviewer, id string) { r.Translations.Machine.Get(id).Other = "Praise the Lord!" }, false, true},
		{"approved by another reviewer", func(r *Reviewer, id string) {
			if _, err := r.Approve(Approval{ID: id, Text: "Hallelujah!!", Edited: true}); err != nil {
				t.Fatal(err)
			}
		}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := openSample(t)
			it := r.Items()[0]
			seen := it.Seen()
			tt.change(r, it.ID)
			changed, err := r.ApproveSeen(Approval{ID: it.ID, Text: "Hallelujah, amen!", Edited: true}, seen)
			var ce *ChangedError
			if got := errors.As(err, &ce); got != tt.wantErr {
				t.Fatalf("ApproveSeen error = %v, want a ChangedError: %v", err, tt.wantErr)
			}
			if changed != tt.wantChanged {
				t.Errorf("changed = %v, want %v", changed, tt.wantChanged)
			}
			approved := r.Translations.Approved.Get(it.ID)
			if tt.wantChanged != (approved != nil && approved.Other == "Hallelujah, amen!") {
				t.Errorf("approved = %+v", approved)
			}
		})
	}
}

func TestUndo(t *testing.T) {
	tests := []struct {
		name string
		// undo approves and undoes the sentence id; it returns Undo's error.
		undo          func(r *Reviewer, id string) error
		wantErr       bool
		wantApproved  string // "" for none
		wantDecisions int
		// wantMachine: the machine translation, which an approval settles
		// out of translate.<lang>.toml, is back.
		wantMachine bool
	}{
		{"first approval", func(r *Reviewer, id string) error {
			m := r.Mark(id)
			mustApprove(t, r, Approval{ID: id})
			return r.Undo(m)
		}, false, "", 0, true},
		{"replacing an earlier approval", func(r *Reviewer, id string) error {
			mustApprove(t, r, Approval{ID: id, Text: "Hallelujah.", Edited: true})
			m := r.Mark(id)
			mustApprove(t, r, Approval{ID: id, Text: "Praise!", Edited: true})
			return r.Undo(m)
		}, false, "Hallelujah.", 1, false},
		{"two approvals undone last first", func(r *Reviewer, id string) error {
			first := r.Mark(id)
			mustApprove(t, r, Approval{ID: id})
			second := r.Mark(id)
			mustApprove(t, r, Approval{ID: id, Text: "Praise!", Edited: true})
			if err := r.Undo(second); err != nil {
				return err
			}
			if a := r.Translations.Approved.Get(id); a == nil || a.Other != "Hallelujah!" {
				t.Errorf("after the second undo, approved = %+v", a)
			}
			return r.Undo(first)
		}, false, "", 0, true},
		{"changed by hand since", func(r *Reviewer, id string) error {
			m := r.Mark(id)
			mustApprove(t, r, Approval{ID: id})
			r.Translations.Approved.Get(id).Other = "Amen!"
			return r.Undo(m)
		}, true, "Amen!", 1, false},
		{"nothing approved", func(r *Reviewer, id string) error {
			return r.Undo(r.Mark(id))
		}, true, "", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := openSample(t)
			id := r.Items()[0].ID
			err := tt.undo(r, id)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Undo error = %v, want error: %v", err, tt.wantErr)
			}
			got := ""
			if a := r.Translations.Approved.Get(id); a != nil {
				got = a.Other
			}
			if got != tt.wantApproved {
				t.Errorf("approved = %q, want %q", got, tt.wantApproved)
			}
			if len(r.Log.Decisions) != tt.wantDecisions {
				t.Errorf("log has %d decisions, want %d", len(r.Log.Decisions), tt.wantDecisions)
			}
			if got := r.Translations.Machine.Get(id) != nil; got != tt.wantMachine {
				t.Errorf("machine translation there: %v, want %v", got, tt.wantMachine)
			}
			if tt.wantMachine && !tt.wantErr && len(r.Files()) != 3 {
				t.Errorf("the undo does not write translate.<lang>.toml back")
			}
		})
	}
}

func mustApprove(t *testing.T, r *Reviewer, a Approval) {
	t.Helper()
	if _, err := r.Approve(a); err != nil {
		t.Fatal(err)
	}
}

func TestAll(t *testing.T) {
	r := openSample(t)
	first := r.Items()[0].ID
	mustApprove(t, r, Approval{ID: first})
	all := r.All()
	if len(all) != 2 {
		t.Fatalf("All returned %d sentences, want 2", len(all))
	}
	for i, want := range []struct {
		text  string
		state string
	}{{"Hallelujah!", "approved"}, {"Thank you.", "machine"}} {
		if all[i].Translation != want.text || string(all[i].State) != want.state {
			t.Errorf("All()[%d] = %q %s, want %q %s", i, all[i].Translation, all[i].State, want.text, want.state)
		}
	}
}

// TestUndoAfterReopen: the page read the files again between approving and
// undoing; the machine translation the approval settled goes back to
// translate.<lang>.toml all the same.
func TestUndoAfterReopen(t *testing.T) {
	r := openSample(t)
	id := r.Items()[0].ID
	m := r.Mark(id)
	mustApprove(t, r, Approval{ID: id})
	if err := store.WriteFiles(r.Files()); err != nil {
		t.Fatal(err)
	}
	again, err := Open(r.Letter, r.Lang, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := again.Undo(m); err != nil {
		t.Fatal(err)
	}
	if err := store.WriteFiles(again.Files()); err != nil {
		t.Fatal(err)
	}
	last, err := Open(r.Letter, r.Lang, nil)
	if err != nil {
		t.Fatal(err)
	}
	if it, _ := last.Item(id); it.State != store.Machine || it.Translation != "Hallelujah!" {
		t.Errorf("after the undo the sentence is %s %q, want machine \"Hallelujah!\"", it.State, it.Translation)
	}
}
