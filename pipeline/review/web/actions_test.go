package web

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/review"
	"github.com/epistle-letters/epistle/pipeline/store"
)

func TestApprove(t *testing.T) {
	path := newsletter(t)
	h := newServer(t, language.English, path)
	s := seen(t, h)

	// unchanged, and edited
	if code, resp := approve(t, h, saveRequest{ID: safety, Seen: s[safety][1]}); code != 200 || !resp.OK {
		t.Fatalf("approve unchanged = %d %+v", code, resp)
	}
	code, resp := approve(t, h, saveRequest{ID: cheonan, Seen: s[cheonan][1], Text: "A meeting took place in Cheonan.", Edited: true})
	if code != 200 || !strings.Contains(resp.HTML, `data-status="approved"`) || !strings.Contains(resp.Counts, "2 of 5 approved") {
		t.Fatalf("approve edited = %d %+v", code, resp)
	}

	// QA refuses the deserter, keeps the person's edit on the page, and
	// approves it when forced
	edit := "The deserter brothers worshipped together, amen."
	code, resp = approve(t, h, saveRequest{ID: deserter, Seen: s[deserter][1], Text: edit, Edited: true})
	if code != http.StatusUnprocessableEntity || resp.OK || !strings.Contains(resp.HTML, ">"+edit+"</textarea>") ||
		!strings.Contains(resp.Error, deserter+" not approved") || !strings.Contains(resp.HTML, `data-action="force"`) {
		t.Fatalf("a QA error was not refused: %d %+v", code, resp)
	}
	if code, resp := approve(t, h, saveRequest{ID: deserter, Seen: s[deserter][1], Text: edit, Edited: true, Force: true}); code != 200 || !resp.OK {
		t.Fatalf("forced = %d %+v", code, resp)
	}

	want := map[string]string{
		safety:   "Please pray for the safety of North Korean defectors.",
		cheonan:  "A meeting took place in Cheonan.",
		deserter: edit,
	}
	if got := approved(t, path); !equal(got, want) {
		t.Errorf("active.en.toml = %v, want %v", got, want)
	}
	log := reviewLog(t, path)
	if len(log.Decisions) != 3 || log.Decisions[1].Distance == 0 || !log.Decisions[1].Edited {
		t.Errorf("review log = %+v", log.Decisions)
	}

	// undo withdraws the last approval, from the catalog and the log
	if w := request(h, http.MethodPost, "/letter/0/undo", "", true); w.Code != 200 || !strings.Contains(w.Body.String(), `data-status=\"machine\"`) {
		t.Fatalf("undo = %d %s", w.Code, w.Body)
	}
	delete(want, deserter)
	if got := approved(t, path); !equal(got, want) {
		t.Errorf("after undo, active.en.toml = %v, want %v", got, want)
	}
	if log := reviewLog(t, path); len(log.Decisions) != 2 {
		t.Errorf("after undo, the review log has %d decisions, want 2", len(log.Decisions))
	}
}

// TestOutdatedSave: a new translate changes a sentence after the page
// showed it; saving what the page showed is refused and the page gets the
// new text.
func TestOutdatedSave(t *testing.T) {
	path := newsletter(t)
	h := newServer(t, language.English, path)
	s := seen(t, h)
	en := pairs(t, filepath.Join(filepath.Dir(path), pairsFile))
	en["천안에서 모임이 있었습니다."] = "A meeting was held in Cheonan."
	translate(t, path, en)

	code, resp := approve(t, h, saveRequest{ID: cheonan, Seen: s[cheonan][1]})
	if code != http.StatusConflict || resp.OK || !strings.Contains(resp.Error, "changed since the page showed it") ||
		!strings.Contains(resp.HTML, ">A meeting was held in Cheonan.</textarea>") {
		t.Fatalf("an outdated save = %d %+v", code, resp)
	}
	if got := approved(t, path); len(got) != 0 {
		t.Errorf("an outdated save approved %v", got)
	}
	// what the page shows now can be approved
	if code, _ := approve(t, h, saveRequest{ID: cheonan, Seen: seen(t, h)[cheonan][1]}); code != 200 {
		t.Errorf("approving the new text = %d", code)
	}
}

// TestSaveBesideApprove: `epistle approve` writes the letter's catalog
// while the page is open; the page's next save keeps that approval.
func TestSaveBesideApprove(t *testing.T) {
	path := newsletter(t)
	h := newServer(t, language.English, path)
	s := seen(t, h)
	if code, _ := approve(t, h, saveRequest{ID: safety, Seen: s[safety][1]}); code != 200 {
		t.Fatal(code)
	}
	cli, err := openReview(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cli.Approve(review.Approval{ID: title}); err != nil {
		t.Fatal(err)
	}
	if err := store.WriteFiles(cli.Files()); err != nil {
		t.Fatal(err)
	}
	if code, _ := approve(t, h, saveRequest{ID: cheonan, Seen: s[cheonan][1]}); code != 200 {
		t.Fatal(code)
	}
	got := approved(t, path)
	for _, id := range []string{safety, title, cheonan} {
		if _, ok := got[id]; !ok {
			t.Errorf("%s was lost: active.en.toml = %v", id, got)
		}
	}
	if log := reviewLog(t, path); len(log.Decisions) != 3 {
		t.Errorf("the review log has %d decisions, want 3", len(log.Decisions))
	}
}

// TestStale: the pastor edits a sentence whose English was approved; the
// page shows it stale, with the edit of the source.
func TestStale(t *testing.T) {
	path := newsletter(t)
	h := newServer(t, language.English, path)
	if code, _ := approve(t, h, saveRequest{ID: cheonan, Seen: seen(t, h)[cheonan][1]}); code != 200 {
		t.Fatal(code)
	}
	edited, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "web", "letter.edited.ko.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	page := request(h, http.MethodGet, "/", "", true).Body.String()
	if s := seen(t, h)[cheonan]; s[0] != "stale" {
		t.Errorf("the edited sentence is %q, want stale", s[0])
	}
	if !strings.Contains(page, "에서 <ins>작은 </ins>모임이") {
		t.Errorf("the page does not show the edit of the source")
	}
}

func reviewLog(t testing.TB, path string) *review.Log {
	t.Helper()
	log, err := review.LoadLog(filepath.Join(strings.TrimSuffix(path, ".ko.md")+".epistle", "review.en.json"))
	if err != nil {
		t.Fatal(err)
	}
	return log
}

func equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestSaveWhileApproveRuns: `epistle approve` holds the letter's lock,
// has read the catalogs and not yet written them when the page saves. The
// save must not write under approve's feet (approve's write would then
// undo it): it waits, says who holds the letter, and goes through once
// approve is done. Nothing is lost.
func TestSaveWhileApproveRuns(t *testing.T) {
	path := newsletter(t)
	h := newServer(t, language.English, path)
	s := seen(t, h)

	l, release, err := store.OpenLocked(context.Background(), path, store.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cli, err := review.Open(l, language.English, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cli.Approve(review.Approval{ID: title}); err != nil {
		t.Fatal(err)
	}

	if code, resp := approve(t, h, saveRequest{ID: safety, Seen: s[safety][1]}); code == http.StatusOK {
		t.Errorf("the page saved while approve held the letter")
	} else if !strings.Contains(resp.Error, "is being written by another epistle") {
		t.Errorf("a save that waited for the lock says %d %+v", code, resp)
	}

	if err := store.WriteFiles(cli.Files()); err != nil {
		t.Fatal(err)
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if code, resp := approve(t, h, saveRequest{ID: safety, Seen: s[safety][1]}); code != http.StatusOK {
		t.Fatalf("the save after approve = %d %+v", code, resp)
	}
	got := approved(t, path)
	for _, id := range []string{title, safety} {
		if _, ok := got[id]; !ok {
			t.Errorf("%s was lost: active.en.toml = %v", id, got)
		}
	}
}
