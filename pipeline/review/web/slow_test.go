package web

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/testenv"
)

// slowSaves plays a loaded computer: it answers a save only once the page
// has fetched itself again after the save was written (or, when the page
// waits for the answer first, after holdAtMost), so that the page's poll
// sees the save's new fingerprint before the save's own answer arrives.
type slowSaves struct {
	next    http.Handler
	mu      sync.Mutex
	waiting []chan struct{}
	// reads counts the page's reads of itself while a save was held.
	reads int
}

const holdAtMost = 2 * time.Second

func (h *slowSaves) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		h.next.ServeHTTP(w, r)
		if r.URL.Path == "/letter/0" {
			h.mu.Lock()
			if len(h.waiting) > 0 {
				h.reads++
			}
			for _, c := range h.waiting {
				close(c)
			}
			h.waiting = nil
			h.mu.Unlock()
		}
		return
	}
	rec := httptest.NewRecorder()
	h.next.ServeHTTP(rec, r)
	c := make(chan struct{})
	h.mu.Lock()
	h.waiting = append(h.waiting, c)
	h.mu.Unlock()
	select {
	case <-c:
	case <-time.After(holdAtMost):
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

// TestParagraphOnASlowComputer: a paragraph's approval goes on to the
// next paragraph even when the page's poll reads the files while the
// paragraph's saves are on their way: the page does not read itself again
// under a save, and the paragraph follows its sentences by id.
func TestParagraphOnASlowComputer(t *testing.T) {
	bin := testenv.Tool(t, "chromium", "chromium-browser", "google-chrome")
	path := newsletter(t)
	s, err := New(Options{Letters: []string{path}, Open: openReview, Printer: locales.NewPrinter(language.English)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	slow := &slowSaves{next: s.Handler(ln.Addr().String())}
	srv := &http.Server{Handler: slow}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })

	actx, cancel := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.WindowSize(1200, 900))...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(bctx); err != nil {
		t.Fatal(err)
	}
	focusIn := func(id string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			for {
				got, err := chromedp.Evaluate[string](`document.activeElement ? document.activeElement.id : ""`)(ctx, tg)
				if err != nil || got == id {
					return err
				}
				select {
				case <-ctx.Done():
					return fmt.Errorf("the focus is on %q, want %q: %w", got, id, ctx.Err())
				case <-time.After(50 * time.Millisecond):
				}
			}
		})
	}
	approved := func(id string) chromedp.Action[chromedp.Void] {
		return chromedp.WaitVisible(chromedp.CSS(`article[data-id="` + id + `"][data-status="approved"]`))
	}
	paragraph := chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl|chromedp.ModifierShift))
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.Navigate(s.URL(ln.Addr().String())),
		focusIn("t-" + title),
		paragraph,
		approved(title),
		focusIn("t-" + safety),
		paragraph,
		approved(safety),
		approved(cheonan),
		// the deserter's QA error keeps the next paragraph's focus there
		focusIn("t-" + deserter),
	}
	for i, step := range steps {
		ctx, cancel := context.WithTimeout(bctx, time.Minute)
		err := chromedp.Do(ctx, step)
		cancel()
		if err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
	}
	// the page read itself again (a poll during a save) only after the
	// saves were answered
	slow.mu.Lock()
	defer slow.mu.Unlock()
	if slow.reads > 0 {
		t.Errorf("the page read itself %d times while a save was on its way", slow.reads)
	}
}
