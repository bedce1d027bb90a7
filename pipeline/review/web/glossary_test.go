package web

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func addTerm(t *testing.T, h http.Handler, req termRequest) (int, termResponse) {
	t.Helper()
	body, _ := json.Marshal(req)
	w := request(h, http.MethodPost, "/letter/0/glossary", string(body), true)
	var resp termResponse
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatalf("glossary answered %d %q: %v", w.Code, w.Body, err)
	}
	return w.Code, resp
}

// TestAddTerm: the pair of a replace across the letter goes into the
// newsletter's glossary as a term; the page learns of it at its next poll
// and marks the word; the same pair again, or the word with another
// rendering, is refused with the glossary's own line and the file is left
// as it was.
func TestAddTerm(t *testing.T) {
	path := newsletter(t)
	file := filepath.Join(filepath.Dir(path), "glossary.csv")
	before, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	h := newServer(t, language.English, path)
	stamp, _ := pageStamp(t, h)

	code, resp := addTerm(t, h, termRequest{Source: " 모임 ", Target: "gathering", Forbidden: "meeting"})
	if code != http.StatusOK || !resp.OK || resp.Message != "added to glossary.csv: 모임 → gathering" {
		t.Fatalf("adding the pair = %d %+v", code, resp)
	}
	after, _ := os.ReadFile(file)
	if want := string(before) + "모임,gathering,term,meeting,\n"; string(after) != want {
		t.Errorf("glossary.csv =\n%s\nwant\n%s", after, want)
	}
	if _, now := polled(t, h, true); now == stamp {
		t.Error("the poll did not see the glossary change")
	}
	page := request(h, http.MethodGet, "/letter/0", "", true).Body.String()
	if !strings.Contains(page, `<mark>모임</mark> → <span lang="en">gathering</span>`) {
		t.Error("the page does not mark the new term")
	}

	for _, c := range []struct {
		req  termRequest
		want string
	}{
		{termRequest{Source: "모임", Target: "gathering", Forbidden: "meeting"},
			file + ":5: 모임 is listed twice, first on line 4"},
		{termRequest{Source: "모임", Target: "assembly"},
			file + ":5: 모임 is already on line 4 with a different target or kind"},
		{termRequest{Target: "gathering"}, file + ":5: empty source"},
	} {
		code, resp := addTerm(t, h, c.req)
		if code != http.StatusConflict || resp.OK || resp.Message != c.want {
			t.Errorf("adding %+v = %d %+v, want %q", c.req, code, resp, c.want)
		}
		if now, _ := os.ReadFile(file); string(now) != string(after) {
			t.Errorf("a refused pair changed glossary.csv:\n%s", now)
		}
	}
}

// TestAddTermWithoutGlossary: a newsletter without a glossary is told how
// to get one, and nothing is written.
func TestAddTermWithoutGlossary(t *testing.T) {
	path := newsletter(t)
	dir := filepath.Dir(path)
	cfg, _ := os.ReadFile(filepath.Join(dir, "epistle.toml"))
	if err := os.WriteFile(filepath.Join(dir, "epistle.toml"), []byte(strings.Replace(string(cfg), `glossary = "glossary.csv"`, "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "glossary.csv"))
	h := newServer(t, language.Korean, path)
	code, resp := addTerm(t, h, termRequest{Source: "모임", Target: "gathering"})
	if code != http.StatusConflict || resp.OK || !strings.HasPrefix(resp.Message, "이 소식지에는 용어집이 없습니다 — epistle.toml에") {
		t.Errorf("adding a pair without a glossary = %d %+v", code, resp)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "glossary.csv")); string(after) != string(before) {
		t.Errorf("glossary.csv, which epistle.toml does not name, became:\n%s", after)
	}
}
