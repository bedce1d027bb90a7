package web

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

// TestTokenLeavesAddress: the first load trades the token in the address
// for a cookie and sends the browser on to the same page without it, so
// that the token stays out of the history and of what the page shows.
func TestTokenLeavesAddress(t *testing.T) {
	h := newServer(t, language.English, newsletter(t))
	for _, tt := range []struct{ target, want string }{
		{"/?token=" + token, "/"},
		{"/letter/0?x=1&token=" + token, "/letter/0?x=1"},
		// never somewhere else
		{"//evil.example/?token=" + token, "/evil.example/"},
	} {
		r := httptest.NewRequest(http.MethodGet, "http://"+host+"/", nil)
		r.URL.Path, r.URL.RawQuery, _ = strings.Cut(tt.target, "?")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != tt.want {
			t.Errorf("GET %s = %d to %q, want 303 to %q", tt.target, w.Code, w.Header().Get("Location"), tt.want)
		}
		if strings.Contains(w.Body.String(), token) {
			t.Errorf("GET %s answers with the token: %s", tt.target, w.Body)
		}
		c := w.Result().Cookies()
		if len(c) != 1 || c[0].Name != cookieName(host) || c[0].Value != token || !c[0].HttpOnly ||
			c[0].SameSite != http.SameSiteStrictMode || c[0].Path != "/" {
			t.Errorf("GET %s sets the cookies %+v", tt.target, c)
		}
		if got := w.Header().Get("Referrer-Policy"); got != "no-referrer" {
			t.Errorf("Referrer-Policy = %q", got)
		}
	}
}

// TestCookiePerPort: two reviews at once, on two ports, each keep their
// own cookie: the browser sends a cookie of 127.0.0.1 to every port.
func TestCookiePerPort(t *testing.T) {
	path := newsletter(t)
	s, err := New(Options{Letters: []string{path}, Open: openReview, Printer: locales.English, Token: token})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, addr := range []string{"127.0.0.1:8123", "127.0.0.1:8124"} {
		w := httptest.NewRecorder()
		s.Handler(addr).ServeHTTP(w, httptest.NewRequest(http.MethodGet, "http://"+addr+"/?token="+token, nil))
		for _, c := range w.Result().Cookies() {
			names[c.Name] = true
		}
	}
	if len(names) != 2 {
		t.Errorf("the two runs set the cookies %v, want one each", names)
	}
}

// TestOrigin: a change that a browser says comes from another site is
// refused even with the token.
func TestOrigin(t *testing.T) {
	h := newServer(t, language.English, newsletter(t))
	for _, tt := range []struct {
		name, header, value string
		want                int
	}{
		{"no Origin (not a browser)", "", "", http.StatusBadRequest},
		{"the page's own Origin", "Origin", "http://" + host, http.StatusBadRequest},
		{"another site's Origin", "Origin", "http://evil.example", http.StatusForbidden},
		{"another port's Origin", "Origin", "http://127.0.0.1:9999", http.StatusForbidden},
		{"an opaque Origin", "Origin", "null", http.StatusForbidden},
		{"same-origin", "Sec-Fetch-Site", "same-origin", http.StatusBadRequest},
		{"cross-site", "Sec-Fetch-Site", "cross-site", http.StatusForbidden},
		{"same-site", "Sec-Fetch-Site", "same-site", http.StatusForbidden},
	} {
		r := httptest.NewRequest(http.MethodPost, "http://"+host+"/letter/0/approve", strings.NewReader("{}"))
		r.Header.Set(TokenHeader, token)
		if tt.header != "" {
			r.Header.Set(tt.header, tt.value)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != tt.want {
			t.Errorf("%s: %d, want %d: %s", tt.name, w.Code, tt.want, w.Body)
		}
	}
}

// TestHost: the page answers at the address it listens on, IPv6 too, and
// at port 80 under the name a browser gives it (without the port).
func TestHost(t *testing.T) {
	path := newsletter(t)
	s, err := New(Options{Letters: []string{path}, Open: openReview, Printer: locales.English, Token: token})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		listen, host string
		want         int
	}{
		{"[::1]:8123", "[::1]:8123", 200},
		{"[::1]:8123", "[::1]", 403},
		{"[::1]:8123", "127.0.0.1:8123", 403},
		{"[::1]:8123", "localhost:8123", 403},
		{"127.0.0.1:8123", "127.0.0.1", 403},
		{"127.0.0.1:8123", "127.0.0.1:8124", 403},
		{"127.0.0.1:80", "127.0.0.1", 200},
		{"127.0.0.1:80", "127.0.0.1:80", 200},
		{"127.0.0.1:80", "evil.example", 403},
		{"[::1]:80", "[::1]", 200},
	} {
		r := httptest.NewRequest(http.MethodGet, "http://"+tt.host+"/", nil)
		r.AddCookie(&http.Cookie{Name: cookieName(tt.listen), Value: token})
		w := httptest.NewRecorder()
		s.Handler(tt.listen).ServeHTTP(w, r)
		if w.Code != tt.want {
			t.Errorf("listening on %s, Host %s = %d, want %d", tt.listen, tt.host, w.Code, tt.want)
		}
	}
}

func TestLoopback(t *testing.T) {
	for _, tt := range []struct{ addr, want string }{
		{"", "127.0.0.1:0"},
		{"127.0.0.1:8080", "127.0.0.1:8080"},
		{"localhost:8080", "127.0.0.1:8080"},
		{"[::1]:8080", "[::1]:8080"},
		{"0.0.0.0:8080", ""},
		{"[::]:8080", ""},
		{":8080", ""},
		{"192.168.1.2:8080", ""},
		{"example.org:80", ""},
		{"127.0.0.1", ""},
		{"localhost", ""},
		{"[::ffff:0.0.0.0]:8080", ""},
	} {
		got, err := Loopback(tt.addr)
		if got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("Loopback(%q) = %q, %v; want %q", tt.addr, got, err, tt.want)
		}
	}
}

// TestHeaders: every answer, refusals and JSON included, forbids framing
// and sniffing.
func TestHeaders(t *testing.T) {
	h := newServer(t, language.English, newsletter(t))
	for _, tt := range []struct{ method, target, body string }{
		{"GET", "/", ""},
		{"GET", "/letter/0/preview", ""},
		{"GET", "/letter/0/stamp", ""},
		{"GET", "/letter/9", ""},
		{"GET", "/assets/page.js", ""},
		{"POST", "/letter/0/approve", `{"id":"x"}`},
		{"POST", "/letter/0/undo", ""},
	} {
		for _, auth := range []bool{true, false} {
			w := request(h, tt.method, tt.target, tt.body, auth)
			hd := w.Header()
			if hd.Get("X-Content-Type-Options") != "nosniff" || hd.Get("X-Frame-Options") != "DENY" ||
				!strings.Contains(hd.Get("Content-Security-Policy"), "frame-ancestors 'none'") ||
				hd.Get("Referrer-Policy") != "no-referrer" || hd.Get("Content-Type") == "" {
				t.Errorf("%s %s (token %v) = %d with the headers %v", tt.method, tt.target, auth, w.Code, hd)
			}
			if strings.HasPrefix(tt.target, "/letter/0/") && tt.method == "POST" && auth && !strings.HasPrefix(hd.Get("Content-Type"), "application/json") {
				t.Errorf("%s %s answers %q", tt.method, tt.target, hd.Get("Content-Type"))
			}
		}
	}
}

// TestNoChangeByGet: the addresses that change a letter answer only a POST.
func TestNoChangeByGet(t *testing.T) {
	path := newsletter(t)
	h := newServer(t, language.English, path)
	before := approved(t, path)
	for _, target := range []string{"/letter/0/approve", "/letter/0/undo", "/letter/0/approve?id=" + safety} {
		if w := request(h, http.MethodGet, target, "", true); w.Code != http.StatusMethodNotAllowed {
			t.Errorf("GET %s = %d", target, w.Code)
		}
	}
	if after := approved(t, path); len(after) != len(before) {
		t.Errorf("a GET approved %d sentences", len(after)-len(before))
	}
}

// TestBodyLimit: a save larger than a letter could need is refused unread.
func TestBodyLimit(t *testing.T) {
	h := newServer(t, language.English, newsletter(t))
	body := `{"id":"` + safety + `","edited":true,"text":"` + strings.Repeat("a", 2<<20) + `"}`
	if w := request(h, http.MethodPost, "/letter/0/approve", body, true); w.Code != http.StatusBadRequest {
		t.Errorf("a 2 MB save = %d", w.Code)
	}
}

// TestTokenNotEchoed: a refusal never repeats what was sent, and no answer
// but the page itself carries the token.
func TestTokenNotEchoed(t *testing.T) {
	h := newServer(t, language.English, newsletter(t))
	const probe = "probe-<b>"
	for _, target := range []string{"/?token=" + probe, "/letter/0?token=" + token + probe} {
		w := request(h, http.MethodGet, target, "", false)
		if w.Code != http.StatusForbidden || strings.Contains(w.Body.String(), "probe") || strings.Contains(w.Body.String(), token) {
			t.Errorf("GET %s = %d %q", target, w.Code, w.Body)
		}
	}
	for _, target := range []string{"/letter/0/approve", "/letter/0/undo"} {
		w := request(h, http.MethodPost, target, `{"id":"`+safety+`"}`, true)
		if strings.Contains(w.Body.String(), token) {
			t.Errorf("POST %s answers with the token", target)
		}
	}
}

// TestNameEscaped: a letter's file name is shown as text in the title and
// the list of letters.
func TestNameEscaped(t *testing.T) {
	src := newsletter(t)
	dir := filepath.Dir(src)
	evil := filepath.Join(dir, `x"'><img src=x>.ko.md`)
	if err := os.Rename(src, evil); err != nil {
		t.Fatal(err)
	}
	translate(t, evil, pairs(t, filepath.Join(dir, pairsFile)))
	for _, letters := range [][]string{{evil}, {evil, newsletter(t)}} {
		page := request(newServer(t, language.English, letters...), http.MethodGet, "/", "", true).Body.String()
		if strings.Contains(page, "<img") || !strings.Contains(page, "&lt;img src=x&gt;") {
			t.Errorf("the name is not escaped: %.2000s", page)
		}
	}
}

// TestOnlyListedLetters: a request opens a letter the server listed, by
// its place in the list, and no other file.
func TestOnlyListedLetters(t *testing.T) {
	h := newServer(t, language.English, newsletter(t))
	for _, target := range []string{
		"/letter/1", "/letter/-1", "/letter/1e0", "/letter/0x0", "/letter/%2e%2e%2fetc%2fpasswd",
		"/letter/../../etc/passwd", "/letter/0/../../../etc/passwd",
		"/assets/page.html", "/assets/..%2fpage.go", "/assets/%2e%2e/page.go", "/assets/",
	} {
		w := request(h, http.MethodGet, target, "", true)
		if w.Code == http.StatusOK || strings.Contains(w.Body.String(), "package web") || strings.Contains(w.Body.String(), "root:") {
			t.Errorf("GET %s = %d %.200q", target, w.Code, w.Body)
		}
	}
}

// TestPreviewEscaped: the letter's <script> is text in the preview too.
func TestPreviewEscaped(t *testing.T) {
	w := request(newServer(t, language.English, newsletter(t)), http.MethodGet, "/letter/0/preview", "", true)
	if body := w.Body.String(); w.Code != http.StatusOK || strings.Contains(body, "<script") || !strings.Contains(body, "&lt;script&gt;") {
		t.Errorf("preview = %d %.3000s", w.Code, body)
	}
}
