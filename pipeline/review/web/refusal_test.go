package web

import (
	"errors"
	"net/http"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/review"
)

// A save the reviewer refuses is answered with the sentence and why; any
// other error, even a message for a person, is not the sentence's: the
// save fails.
func TestSaveFailsOnAnythingButARefusal(t *testing.T) {
	path := newsletter(t)
	s, err := New(Options{Letters: []string{path}, Open: openReview, Printer: locales.NewPrinter(language.English), Token: token})
	if err != nil {
		t.Fatal(err)
	}
	rv, err := openReview(path)
	if err != nil {
		t.Fatal(err)
	}
	message := locales.New("review.nothing", "ID", safety, "Lang", "en")
	other := errors.New("disk on fire")
	for _, tc := range []struct {
		name   string
		err    error
		status int
		fails  error
	}{
		{"approved", nil, http.StatusOK, nil},
		{"refused", &review.Refusal{Err: message}, http.StatusBadRequest, nil},
		{"changed", &review.Refusal{Err: &review.ChangedError{ID: safety}}, http.StatusConflict, nil},
		{"plain message", message, 0, message},
		{"other error", other, 0, other},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, resp, err := s.saved(rv, saveRequest{ID: safety}, tc.err)
			if status != tc.status || err != tc.fails {
				t.Errorf("saved = %d, %v; want %d, %v", status, err, tc.status, tc.fails)
			}
			if refused := tc.status != http.StatusOK && tc.fails == nil; refused && (resp.OK || resp.Error == "" || resp.HTML == "") {
				t.Errorf("a refusal is answered with %+v", resp)
			}
		})
	}
}
