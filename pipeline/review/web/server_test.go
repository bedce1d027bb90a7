package web

import (
	"bufio"
	"encoding/json"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/lettertest"
	"github.com/epistle-letters/epistle/pipeline/review"
	"github.com/epistle-letters/epistle/pipeline/store"
)

const (
	host  = "127.0.0.1:8123"
	token = "secret-token"
)

// The sentences of testdata/web/letter.ko.md.
const (
	title     = "d3157b32"
	safety    = "428c7e95"
	cheonan   = "193855f4"
	deserter  = "268a4bf2" // its English breaks the glossary
	thanks    = "e57a6b5a" // its English holds a <script>
	pairsFile = "pairs.tsv"
)

// newsletter copies testdata/web into a temporary folder and writes the
// English of pairs.tsv as the machine translation of the letter.
func newsletter(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("..", "..", "..", "testdata", "web")
	for _, name := range []string{"letter.ko.md", "epistle.toml", "glossary.csv", pairsFile} {
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "letter.ko.md")
	translate(t, path, pairs(t, filepath.Join(dir, pairsFile)))
	return path
}

func pairs(t testing.TB, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if ko, en, ok := strings.Cut(sc.Text(), "\t"); ok {
			out[ko] = en
		}
	}
	return out
}

// translate writes translate.en.toml as a machine would: en gives each
// source sentence its English.
func translate(t testing.TB, path string, en map[string]string) {
	t.Helper()
	l := lettertest.Reopen(t, path)
	machine := &catalog.Catalog{}
	for _, m := range l.SourceCatalog.Messages {
		machine.Set(&catalog.Message{ID: m.ID, Hash: l.Hash(m.ID), Description: "memory", Other: en[m.Other]})
	}
	if err := store.WriteFile(l.CatalogPath("translate", language.English), machine.Marshal("")); err != nil {
		t.Fatal(err)
	}
}

// openReview opens a letter's review the way the command line does.
func openReview(path string) (*review.Reviewer, error) {
	l, err := store.Open(path, store.OpenOptions{})
	if err != nil {
		return nil, err
	}
	if err := store.WriteFiles(l.Pending()); err != nil {
		return nil, err
	}
	// A writer that holds the lock makes a save wait this long, then fail.
	l.LockWait = 50 * time.Millisecond
	g, err := l.Config.LoadGlossary("")
	if err != nil {
		return nil, err
	}
	return review.Open(l, language.English, g)
}

func newServer(t testing.TB, ui language.Tag, letters ...string) http.Handler {
	t.Helper()
	s, err := New(Options{Letters: letters, Open: openReview, Printer: locales.NewPrinter(ui), Token: token})
	if err != nil {
		t.Fatal(err)
	}
	return s.Handler(host)
}

// request sends one request; with auth it carries the token the way the
// browser does after the first load: in the cookie for a GET, in the
// header for a POST.
func request(h http.Handler, method, target, body string, auth bool) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, "http://"+host+target, strings.NewReader(body))
	if auth && method == http.MethodGet {
		r.AddCookie(&http.Cookie{Name: cookieName(host), Value: token})
	}
	if auth && method == http.MethodPost {
		r.Header.Set(TokenHeader, token)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

var sentenceTag = regexp.MustCompile(`<article class="sentence" data-id="([0-9a-f]+)" data-status="([a-z]+)" data-seen="([0-9a-f]+)"`)

// seen returns what the page shows of each sentence: its status and its
// Seen fingerprint.
func seen(t testing.TB, h http.Handler) map[string][2]string {
	t.Helper()
	w := request(h, http.MethodGet, "/", "", true)
	if w.Code != http.StatusOK {
		t.Fatalf("GET / = %d %s", w.Code, w.Body)
	}
	out := map[string][2]string{}
	for _, m := range sentenceTag.FindAllStringSubmatch(w.Body.String(), -1) {
		out[m[1]] = [2]string{m[2], m[3]}
	}
	return out
}

func approve(t testing.TB, h http.Handler, req saveRequest) (int, saveResponse) {
	t.Helper()
	body, _ := json.Marshal(req)
	w := request(h, http.MethodPost, "/letter/0/approve", string(body), true)
	var resp saveResponse
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatalf("approve answered %d %q: %v", w.Code, w.Body, err)
	}
	return w.Code, resp
}

func approved(t testing.TB, path string) map[string]string {
	t.Helper()
	l, err := store.Open(path, store.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := l.LoadCatalog("active", language.English)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, m := range c.Messages {
		out[m.ID] = m.Other
	}
	return out
}

func TestGuard(t *testing.T) {
	h := newServer(t, language.English, newsletter(t))
	tests := []struct {
		name   string
		method string
		host   string
		query  string
		header string
		cookie string
		want   int
	}{
		{"the first load, with the token in the address, sent on without it", "GET", host, "?token=" + token, "", "", 303},
		{"no token", "GET", host, "", "", "", 403},
		{"a wrong token", "GET", host, "?token=guess", "", "", 403},
		{"a later load, with the cookie", "GET", host, "", "", token, 200},
		{"a foreign Host (DNS rebinding)", "GET", "evil.example:8123", "?token=" + token, "", "", 403},
		{"localhost is not the address listened on", "GET", "localhost:8123", "?token=" + token, "", "", 403},
		{"a POST with the cookie but without the header (CSRF)", "POST", host, "", "", token, 403},
		{"a POST with the token in the address but not the header", "POST", host, "?token=" + token, "", "", 403},
		{"a POST with the header", "POST", host, "", token, "", 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := "/"
			if tt.method == "POST" {
				target = "/letter/0/approve"
			}
			r := httptest.NewRequest(tt.method, "http://"+host+target+tt.query, strings.NewReader("{}"))
			r.Host = tt.host
			if tt.header != "" {
				r.Header.Set(TokenHeader, tt.header)
			}
			if tt.cookie != "" {
				r.AddCookie(&http.Cookie{Name: cookieName(host), Value: tt.cookie})
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tt.want {
				t.Errorf("%s = %d, want %d: %s", tt.name, w.Code, tt.want, w.Body)
			}
			if w.Code == 403 && strings.Contains(w.Body.String(), "<article") {
				t.Errorf("a refused request got the letter")
			}
		})
	}
}

func TestPageIsSafe(t *testing.T) {
	h := newServer(t, language.English, newsletter(t))
	w := request(h, http.MethodGet, "/", "", true)
	csp := w.Header().Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("Content-Security-Policy allows inline code: %q", csp)
	}
	page := w.Body.String()
	if got := regexp.MustCompile(`<script[^>]*>`).FindAllString(page, -1); len(got) != 1 || !strings.Contains(got[0], `src="/assets/page.js"`) {
		t.Errorf("the page's scripts are %q, want only its own file", got)
	}
	if strings.Contains(page, `<script>alert`) || !strings.Contains(page, `Thank you &lt;script&gt;alert(&#34;hi&#34;)&lt;/script&gt;.`) {
		t.Errorf("the letter's <script> is not shown as text")
	}
	if !strings.Contains(page, `data-translation="Thank you &lt;script&gt;alert(&#34;hi&#34;)&lt;/script&gt;."`) {
		t.Errorf("the letter's text is not escaped in an attribute")
	}
	if regexp.MustCompile(`(?i)(src|href)="(https?:)?//`).MatchString(page) {
		t.Errorf("the page loads something from the network")
	}
	for _, asset := range []string{"/assets/page.js", "/assets/page.css"} {
		if w := request(h, http.MethodGet, asset, "", true); w.Code != 200 || w.Body.Len() == 0 {
			t.Errorf("GET %s = %d", asset, w.Code)
		}
	}
}

// TestHooks holds the test hooks DESIGN.md promises.
func TestHooks(t *testing.T) {
	h := newServer(t, language.English, newsletter(t))
	page := request(h, http.MethodGet, "/", "", true).Body.String()
	got := seen(t, h)
	if len(got) != 5 {
		t.Fatalf("the page shows %d sentences, want 5", len(got))
	}
	for id, s := range got {
		if s[0] != "machine" {
			t.Errorf("%s has data-status %q, want machine", id, s[0])
		}
	}
	// every translation box has its label, for a screen reader
	if boxes, labels := strings.Count(page, "<textarea id=\"t-"), strings.Count(page, "<label id=\"l-"); boxes != 5 || labels != boxes {
		t.Errorf("the page has %d translation boxes and %d labels for them", boxes, labels)
	}
	for _, hook := range []string{`<textarea id="t-` + safety, `data-action="approve"`, `data-field="translation"`} {
		if !strings.Contains(page, hook) {
			t.Errorf("the page lacks %s", hook)
		}
	}
}

func TestLabels(t *testing.T) {
	path := newsletter(t)
	for _, tt := range []struct {
		ui   language.Tag
		want string
	}{
		// a screen reader names each button with its sentence
		{language.English, `data-action="approve" aria-label="Approve sentence 2: 탈북민들의 안전을 위해 기도해 주십시오.">Approve</button>`},
		{language.Korean, `data-action="approve" aria-label="2번 문장 승인: 탈북민들의 안전을 위해 기도해 주십시오.">승인</button>`},
	} {
		page := request(newServer(t, tt.ui, path), http.MethodGet, "/", "", true).Body.String()
		if !strings.Contains(page, tt.want) {
			t.Errorf("the %s page lacks %s", tt.ui, tt.want)
		}
		// the state and the word for the box do not say the same twice
		if strings.Contains(page, "기계 번역 번역") || strings.Contains(page, "machine translation") {
			t.Errorf("the %s page's labels repeat themselves", tt.ui)
		}
		if !strings.Contains(page, `<html lang="`+tt.ui.String()+`">`) {
			t.Errorf("the %s page does not say its language", tt.ui)
		}
	}
}

// TestFolder: given several letters, the first page lists them with their
// counts, and each opens on its own page.
func TestFolder(t *testing.T) {
	one, two := newsletter(t), newsletter(t)
	h := newServer(t, language.English, one, two)
	index := request(h, http.MethodGet, "/", "", true).Body.String()
	for _, want := range []string{`<a href="/letter/0">` + one + `</a>`, `<a href="/letter/1">` + two + `</a>`, "0 of 5 approved"} {
		if !strings.Contains(index, want) {
			t.Errorf("the list of letters lacks %s", want)
		}
	}
	if page := request(h, http.MethodGet, "/letter/1", "", true).Body.String(); !strings.Contains(page, `<body data-letter="1" `) ||
		!strings.Contains(page, `data-id="`+safety+`"`) || !strings.Contains(page, `<a href="/">All letters</a>`) {
		t.Errorf("the second letter's page is not served")
	}
	if w := request(h, http.MethodGet, "/letter/2", "", true); w.Code != http.StatusNotFound {
		t.Errorf("a letter that is not there = %d", w.Code)
	}
}

// TestPreview: the preview is the bilingual issue export would write,
// under a policy that lets it run no script.
func TestPreview(t *testing.T) {
	h := newServer(t, language.English, newsletter(t))
	w := request(h, http.MethodGet, "/letter/0/preview", "", true)
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "There was a meeting in Cheonan.") || !strings.Contains(w.Body.String(), "천안에서 모임이 있었습니다.") {
		t.Fatalf("preview = %d %.300s", w.Code, w.Body)
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'none';") || strings.Contains(csp, "script") {
		t.Errorf("the preview's policy is %q", csp)
	}
}

// TestTermsInPlace: a glossary term is marked where it stands, and the
// Korean reads unbroken (탈북민들의, not the rendering between the term and
// its particle); the rendering the glossary requires is listed under the
// source, and the mark points to it.
func TestTermsInPlace(t *testing.T) {
	page := request(newServer(t, language.English, newsletter(t)), http.MethodGet, "/", "", true).Body.String()
	source := regexp.MustCompile(`(?s)<div class="source" lang="ko" id="s-` + safety + `">\s*<p class="text">(.*?)</p>\s*(.*?)</div>`).FindStringSubmatch(page)
	if source == nil {
		t.Fatalf("the page has no source for %s", safety)
	}
	tags := regexp.MustCompile(`<[^>]*>`)
	if got, want := html.UnescapeString(tags.ReplaceAllString(source[1], "")), "탈북민들의 안전을 위해 기도해 주십시오."; got != want {
		t.Errorf("the source reads %q, want %q", got, want)
	}
	if want := `<mark title="the glossary requires this rendering: North Korean defector" aria-describedby="g-` + safety + `-0">탈북민</mark>들의`; !strings.Contains(source[1], want) {
		t.Errorf("the term is not marked in place: %s", source[1])
	}
	if want := `<li id="g-` + safety + `-0"><span class="label">glossary:</span> <mark>탈북민</mark> → <span lang="en">North Korean defector</span></li>`; !strings.Contains(source[2], want) {
		t.Errorf("the terms under the source are %q, want %s", source[2], want)
	}
}

// TestTermWithoutRendering: a term the glossary renders only in another
// language is marked and listed as context, with no arrow to an empty
// rendering, and nothing is said to be required of it.
func TestTermWithoutRendering(t *testing.T) {
	path := newsletter(t)
	const csv = "source,target,kind,forbidden,note,target:ja\n" +
		"탈북민,North Korean defector|North Korean defectors,term,deserter|escapee,never \"deserter\",脱北者\n" +
		"천안,,name,,city,天安\n"
	if err := os.WriteFile(filepath.Join(filepath.Dir(path), "glossary.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	for ui, want := range map[language.Tag]string{
		language.English: "no rendering in en: context, not checked",
		language.Korean:  "en 번역 없음: 참고로만, 확인하지 않음",
	} {
		page := request(newServer(t, ui, path), http.MethodGet, "/", "", true).Body.String()
		source := regexp.MustCompile(`(?s)<div class="source" lang="ko" id="s-` + cheonan + `">\s*<p class="text">(.*?)</p>\s*(.*?)</div>`).FindStringSubmatch(page)
		if source == nil {
			t.Fatalf("the page has no source for %s", cheonan)
		}
		if mark := `<mark title="` + want + `" aria-describedby="g-` + cheonan + `-`; !strings.Contains(source[1], mark) {
			t.Errorf("%s: the term is not marked as context: %s", ui, source[1])
		}
		if item := `<mark>천안</mark> <span class="unrendered">` + want + `</span></li>`; !strings.Contains(source[2], item) {
			t.Errorf("%s: the terms under the source are %q, want %s", ui, source[2], item)
		}
		if strings.Contains(source[2], `→ <span lang="en"></span>`) {
			t.Errorf("%s: an arrow points to an empty rendering: %s", ui, source[2])
		}
	}
}

// TestSourceParts: the source is cut around its terms and reads whole
// again; a term that occurs twice is listed once, and both marks point to
// the one entry.
func TestSourceParts(t *testing.T) {
	const text = "탈북민과 탈북민 가정, 천안에서"
	terms := []glossary.Term{
		{Target: "North Korean defector|North Korean defectors", Start: 0, End: 3},
		{Target: "North Korean defector|North Korean defectors", Start: 5, End: 8},
		{Target: "Cheonan", Start: 13, End: 15},
	}
	parts, list := sourceParts(text, terms)
	want := []sourcePart{
		{Text: "탈북민", Term: "North Korean defector"}, {Text: "과 "},
		{Text: "탈북민", Term: "North Korean defector"}, {Text: " 가정, "},
		{Text: "천안", Term: "Cheonan", Index: 1}, {Text: "에서"},
	}
	if !slices.Equal(parts, want) {
		t.Errorf("parts = %+v\nwant %+v", parts, want)
	}
	if wantList := []sourcePart{want[0], want[4]}; !slices.Equal(list, wantList) {
		t.Errorf("list = %+v, want %+v", list, wantList)
	}
}
