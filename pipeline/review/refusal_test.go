package review

import (
	"errors"
	"reflect"
	"testing"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/qa"
)

// Every way of refusing one sentence is a *Refusal, whose reason a caller
// may still ask for.
func TestRefusals(t *testing.T) {
	for _, tc := range []struct {
		name string
		// refuse returns the error of a refused approval of the sentence id.
		refuse func(r *Reviewer, id string) error
		// reason is what the refusal says, beyond *locales.Message.
		reason any
	}{
		{"unknown id", func(r *Reviewer, _ string) error {
			_, err := r.Approve(Approval{ID: "nosuchid"})
			return err
		}, nil},
		{"QA errors", func(r *Reviewer, id string) error {
			_, err := r.Approve(Approval{ID: id, Text: " ", Edited: true})
			return err
		}, new(*QAError)},
		{"changed since seen", func(r *Reviewer, id string) error {
			_, err := r.ApproveSeen(Approval{ID: id}, "another fingerprint")
			return err
		}, new(*ChangedError)},
		{"unknown id, seen", func(r *Reviewer, _ string) error {
			_, err := r.ApproveSeen(Approval{ID: "nosuchid"}, "")
			return err
		}, nil},
		{"undo of an approval made since", func(r *Reviewer, id string) error {
			m := r.Mark(id)
			mustApprove(t, r, Approval{ID: id})
			mustApprove(t, r, Approval{ID: id, Text: "Hallelujah!!", Edited: true})
			r.Log.Decisions = r.Log.Decisions[:1]
			return r.Undo(m)
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := openSample(t)
			err := tc.refuse(r, r.Items()[0].ID)
			var refused *Refusal
			if !errors.As(err, &refused) {
				t.Fatalf("err = %#v, want a *Refusal", err)
			}
			var m *locales.Message
			if !errors.As(err, &m) {
				t.Errorf("err = %v says nothing for a person", err)
			}
			if tc.reason != nil && !errors.As(err, tc.reason) {
				t.Errorf("err = %v, want a %T inside", err, reflect.TypeOf(tc.reason).Elem())
			}
		})
	}
}

// A refusal is kept and the next approval tried; any other error, even a
// message for a person, stops the run there.
func TestApproveEachStopsOnAnythingButARefusal(t *testing.T) {
	refused := refuse(locales.New("review.unknown", "ID", "b", "Path", "x"))
	message := locales.New("write.failed", "Path", "x")
	other := errors.New("disk on fire")
	for _, tc := range []struct {
		name     string
		errs     map[string]error
		approved []string
		refusals []error
		err      error
	}{
		{"all approved", nil, []string{"a", "b", "c"}, nil, nil},
		{"a refusal goes on", map[string]error{"b": refused}, []string{"a", "c"}, []error{refused}, nil},
		{"a plain message stops", map[string]error{"b": message}, []string{"a"}, nil, message},
		{"another error stops", map[string]error{"a": refused, "b": other}, nil, []error{refused}, other},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var tried []string
			approved, refusals, err := approveEach([]Approval{{ID: "a"}, {ID: "b"}, {ID: "c"}}, func(a Approval) (bool, error) {
				tried = append(tried, a.ID)
				return tc.errs[a.ID] == nil, tc.errs[a.ID]
			})
			if err != tc.err || !reflect.DeepEqual(approved, tc.approved) || !reflect.DeepEqual(refusals, tc.refusals) {
				t.Errorf("approved %v, refusals %v, err %v; want %v, %v, %v", approved, refusals, err, tc.approved, tc.refusals, tc.err)
			}
			if tc.err != nil && tried[len(tried)-1] != "b" {
				t.Errorf("tried %v after the error of b", tried)
			}
		})
	}
}

// The interactive review tells the person why a sentence was refused and
// stays on it; any other error is not the sentence's and ends the session.
func TestSessionSaysOnlyRefusals(t *testing.T) {
	qaErr := &QAError{ID: "x1", Problems: []qa.Problem{{Msg: locales.New("qa.empty")}}}
	for _, tc := range []struct {
		name string
		err  error
		goOn bool
		said string
	}{
		{"refusal", refuse(locales.New("review.unknown", "ID", "x1", "Path", "x")), true, "review.unknown"},
		{"QA refusal", refuse(qaErr), true, "review.refused"},
		{"plain message", locales.New("write.failed", "Path", "x"), false, ""},
		{"QA error not refused", qaErr, false, ""},
		{"other error", errors.New("disk on fire"), false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			said := ""
			s := &Session{Say: func(m *locales.Message) { said = m.ID }}
			if goOn := s.sayRefusal(tc.err); goOn != tc.goOn || said != tc.said {
				t.Errorf("sayRefusal(%v) = %v, said %q; want %v, %q", tc.err, goOn, said, tc.goOn, tc.said)
			}
		})
	}
}
