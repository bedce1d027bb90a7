package web

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/review"
)

// Options say what to serve.
type Options struct {
	// Letters are the paths of the letters to review, in order.
	Letters []string
	// Open reads a letter's review the way a command that only reads
	// does; the server takes the letter's lock itself around each write.
	Open func(path string) (*review.Reviewer, error)
	// Printer speaks the reviewer's language.
	Printer *locales.Printer
	// Token is the secret every request carries; "" draws a random one.
	Token string
}

// Server is the review of some letters in one language, as a web page.
type Server struct {
	opts  Options
	token string
	desks []*desk
	texts Texts
	tmpl  *template.Template
}

// TokenHeader is the header that carries the token on every change.
const TokenHeader = "X-Epistle-Token"

const tokenCookie = "epistle_token"

// New opens every letter for review; a letter that cannot be read is an
// error before anything is served.
func New(opts Options) (*Server, error) {
	s := &Server{opts: opts, token: opts.Token, texts: newTexts(opts.Printer)}
	if s.token == "" {
		b := make([]byte, 24)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		s.token = hex.EncodeToString(b)
	}
	for _, path := range opts.Letters {
		d, err := openDesk(path, opts.Open)
		if err != nil {
			return nil, err
		}
		s.desks = append(s.desks, d)
	}
	tmpl, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	s.tmpl = tmpl
	return s, nil
}

// Token is the run's secret.
func (s *Server) Token() string { return s.token }

// URL is the address to open, with the token, for a server listening on
// addr.
func (s *Server) URL(addr string) string {
	return "http://" + addr + "/?token=" + s.token
}

// Loopback checks that addr is a loopback address and port, the only
// kind the page listens on: the letters never leave the computer. ""
// means a free port on 127.0.0.1.
func Loopback(addr string) (string, error) {
	if addr == "" {
		return "127.0.0.1:0", nil
	}
	host, port, err := net.SplitHostPort(addr)
	if host == "localhost" {
		host = "127.0.0.1"
	}
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		return "", locales.New("web.addr", "Addr", addr).WithHint("web.addr.hint")
	}
	return net.JoinHostPort(host, port), nil
}

// Listen listens on addr, which must be a loopback address (see
// [Loopback]).
func Listen(addr string) (net.Listener, error) {
	addr, err := Loopback(addr)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, locales.New("web.listen.busy", "Addr", addr).WithHint("web.listen.busy.hint")
	}
	if err != nil {
		return nil, locales.New("web.listen", "Addr", addr).Wrap(err)
	}
	return ln, nil
}

// Serve serves on ln until ctx is done, then lets the requests under way
// finish (a save in progress is completed, never cut) and returns nil.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{Handler: s.Handler(ln.Addr().String()), ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Handler answers requests addressed to host (the address listened on).
func (s *Server) Handler(host string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("GET /letter/{n}", s.page)
	mux.HandleFunc("GET /letter/{n}/preview", s.preview)
	mux.HandleFunc("POST /letter/{n}/approve", s.approve)
	mux.HandleFunc("POST /letter/{n}/undo", s.undo)
	mux.HandleFunc("GET /letter/{n}/stamp", s.stamp)
	mux.HandleFunc("POST /letter/{n}/glossary", s.addTerm)
	mux.HandleFunc("GET /assets/{name}", s.asset)
	return s.guard(host, mux)
}

// guard lets through only requests for host that carry the token, and
// changes only when the token is in the header and no browser says they
// come from another site. The first load trades the token in the address
// for a cookie and is sent on without it, out of the browser's history.
func (s *Server) guard(host string, next http.Handler) http.Handler {
	name := cookieName(host)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", pageCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cache-Control", "no-store")
		query := r.URL.Query()
		switch {
		case !sameHost(r.Host, host):
			s.forbid(w, "web.forbidden.host")
			return
		case r.Method == http.MethodPost && !s.valid(r.Header.Get(TokenHeader)):
			s.forbid(w, "web.forbidden.header")
			return
		case r.Method == http.MethodPost && !sameOrigin(r):
			s.forbid(w, "web.forbidden.origin")
			return
		case !s.valid(query.Get("token")) && !s.valid(cookie(r, name)) && !s.valid(r.Header.Get(TokenHeader)):
			s.forbid(w, "web.forbidden.token")
			return
		}
		if query.Has("token") && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			http.SetCookie(w, &http.Cookie{Name: name, Value: s.token, Path: "/",
				HttpOnly: true, SameSite: http.SameSiteStrictMode})
			query.Del("token")
			// Cleaned, the path stays on this host ("//evil.example" is a
			// path here, and a host in a Location).
			to := url.URL{Path: path.Clean("/" + r.URL.Path), RawQuery: query.Encode()}
			if strings.HasSuffix(r.URL.Path, "/") && to.Path != "/" {
				to.Path += "/"
			}
			http.Redirect(w, r, to.String(), http.StatusSeeOther)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// cookieName is the token's cookie for a server listening on host: a
// browser sends the cookies of 127.0.0.1 to every port, and two reviews
// at once must not take each other's.
func cookieName(host string) string {
	_, port, _ := net.SplitHostPort(host)
	return tokenCookie + "_" + port
}

// sameHost reports whether a request's Host names the address listened
// on; a browser leaves out port 80.
func sameHost(got, host string) bool {
	return got == host || strings.TrimSuffix(host, ":80") == got
}

// sameOrigin reports whether the browser, if it says where a request
// comes from, says it comes from the page itself (the Host is checked).
func sameOrigin(r *http.Request) bool {
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
		return false
	}
	site := r.Header.Get("Sec-Fetch-Site")
	return site == "" || site == "same-origin"
}

// pageCSP allows the page only its own script, style and requests.
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"

func cookie(r *http.Request, name string) string {
	c, err := r.Cookie(name)
	if err != nil {
		return ""
	}
	return c.Value
}

func (s *Server) valid(token string) bool {
	return token != "" && subtle.ConstantTimeCompare([]byte(token), []byte(s.token)) == 1
}

func (s *Server) forbid(w http.ResponseWriter, id string) {
	//locales:ids web.forbidden.host web.forbidden.header web.forbidden.origin web.forbidden.token
	http.Error(w, s.opts.Printer.T(id), http.StatusForbidden)
}

// desk finds the letter a request names.
func (s *Server) desk(w http.ResponseWriter, r *http.Request) (*desk, int, bool) {
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 0 || n >= len(s.desks) {
		http.NotFound(w, r)
		return nil, 0, false
	}
	return s.desks[n], n, true
}

// errorText renders err and its hint for the page.
func (s *Server) errorText(err error) (string, string) {
	return s.opts.Printer.ErrorText(err), s.opts.Printer.HintText(err)
}
