package web

import (
	"encoding/json"
	"net/http"
	"regexp"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/review"
	"github.com/epistle-letters/epistle/pipeline/store"
)

var bodyStamp = regexp.MustCompile(`<body data-letter="0" data-stamp="([0-9a-f]+)" data-needs="([0-9]+)">`)

// pageStamp reads the fingerprint and the count of what needs a person
// from the page.
func pageStamp(t *testing.T, h http.Handler) (string, string) {
	t.Helper()
	m := bodyStamp.FindStringSubmatch(request(h, http.MethodGet, "/letter/0", "", true).Body.String())
	if m == nil {
		t.Fatal("the page's body carries no stamp")
	}
	return m[1], m[2]
}

func polled(t *testing.T, h http.Handler, auth bool) (int, string) {
	t.Helper()
	w := request(h, http.MethodGet, "/letter/0/stamp", "", auth)
	var resp stampResponse
	_ = json.Unmarshal(w.Body.Bytes(), &resp)
	return w.Code, resp.Stamp
}

// TestStamp: the page polls the fingerprint of the letter's files; its own
// save tells it the new one, a change made elsewhere does not, so the
// page reads itself again.
func TestStamp(t *testing.T) {
	path := newsletter(t)
	h := newServer(t, language.English, path)
	stamp, needs := pageStamp(t, h)
	if needs != "5" {
		t.Errorf("the page says %s sentences need a person, want 5", needs)
	}
	if code, now := polled(t, h, true); code != http.StatusOK || now != stamp {
		t.Fatalf("poll = %d %q, want the page's %q", code, now, stamp)
	}
	// the poll carries the token like every request
	if code, _ := polled(t, h, false); code != http.StatusForbidden {
		t.Errorf("a poll without the token = %d", code)
	}

	s := seen(t, h)
	_, resp := approve(t, h, saveRequest{ID: safety, Seen: s[safety][1], Stamp: stamp})
	if !resp.OK || resp.Stamp == "" || resp.Stamp == stamp || resp.Needs != 4 {
		t.Fatalf("an up-to-date page's save = %+v", resp)
	}
	if _, now := polled(t, h, true); now != resp.Stamp {
		t.Errorf("after the page's own save the poll says %q, the save %q", now, resp.Stamp)
	}

	// approve in a terminal: the poll sees it, and a save from the page
	// that has not read it yet gets no stamp
	approveElsewhere(t, path, cheonan)
	_, now := polled(t, h, true)
	if now == resp.Stamp {
		t.Fatal("the poll did not see the approval made elsewhere")
	}
	_, resp2 := approve(t, h, saveRequest{ID: deserter, Seen: s[deserter][1], Stamp: resp.Stamp, Force: true})
	if !resp2.OK || resp2.Stamp != "" {
		t.Errorf("a save from a page behind the files = %+v, want no stamp", resp2)
	}
}

func approveElsewhere(t *testing.T, path, id string) {
	t.Helper()
	r, err := openReview(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Approve(review.Approval{ID: id}); err != nil {
		t.Fatal(err)
	}
	if err := store.Save(r.Files()); err != nil {
		t.Fatal(err)
	}
}
