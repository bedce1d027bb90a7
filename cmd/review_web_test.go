package cmd

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/review"
	"github.com/epistle-letters/epistle/pipeline/store"
)

var webScreenshot = flag.String("web-screenshot", "", "also write a PNG of the review page to this path (docs/review-web.png)")

// The sentences of testdata/web/letter.ko.md.
const (
	webTitle    = "d3157b32"
	webSafety   = "428c7e95"
	webCheonan  = "193855f4" // approved, then edited by the pastor: stale
	webDeserter = "268a4bf2" // its English breaks the glossary
)

// epistle runs one command in this process, in English.
func epistle(ctx context.Context, out, errw io.Writer, args ...string) error {
	o := &IO{In: strings.NewReader(""), Out: out, Err: errw, Printer: locales.NewPrinter(language.English)}
	root := newRootCmd(o)
	root.SetArgs(args)
	return root.ExecuteContext(ctx)
}

// webNewsletter lays out testdata/web, translates the letter, approves one
// sentence and then edits it in the letter, so that it is stale.
func webNewsletter(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"letter.ko.md", "letter.edited.ko.md", "epistle.toml", "glossary.csv", "pairs.tsv"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "web", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	letter := filepath.Join(dir, "letter.ko.md")
	for _, args := range [][]string{{"translate", letter}, {"approve", letter, "--lang", "en", webCheonan}} {
		if err := epistle(context.Background(), io.Discard, io.Discard, args...); err != nil {
			t.Fatalf("epistle %v: %v", args, err)
		}
	}
	if err := os.Rename(filepath.Join(dir, "letter.edited.ko.md"), letter); err != nil {
		t.Fatal(err)
	}
	return letter
}

// TestReviewWebInChromium reviews a letter in headless Chromium as a
// person would, stops the server with Ctrl-C and finds exactly the
// person's decisions on disk.
func TestReviewWebInChromium(t *testing.T) {
	bctx := newBrowser(t)
	letter := webNewsletter(t)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	outR, outW := io.Pipe()
	var errBuf bytes.Buffer
	done := make(chan error, 1)
	go func() {
		err := epistle(ctx, outW, &errBuf, "review", letter, "--lang", "en", "--web", "--no-open")
		outW.Close()
		done <- err
	}()
	out := bufio.NewReader(outR)
	first, err := out.ReadString('\n')
	if err != nil {
		t.Fatalf("no address on stdout: %v", err)
	}
	url, ok := strings.CutPrefix(strings.TrimSpace(first), "review at ")
	if !ok || !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.Contains(url, "/?token=") {
		t.Fatalf("the first line of stdout is %q", first)
	}
	go func() { _, _ = io.Copy(io.Discard, out) }()

	article := func(id string) string { return `article[data-id="` + id + `"]` }
	const edit = "Please pray for the health of North Korean defectors."
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(article(webSafety) + ` textarea`)),
		// the stale sentence shows the pastor's edit
		chromedp.WaitVisible(chromedp.CSS(article(webCheonan) + `[data-status="stale"] ins`)),
		// the first sentence that needs a person has the focus; Alt+Down
		// moves to the next
		focusIn("t-" + webTitle),
		chromedp.KeyEvent(kb.ArrowDown, chromedp.KeyModifiers(chromedp.ModifierAlt)),
		focusIn("t-" + webSafety),
		// edit one sentence and approve it with the keyboard
		chromedp.Focus(chromedp.CSS(article(webSafety) + ` textarea`)),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(edit),
		chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.WaitVisible(chromedp.CSS(article(webSafety) + `[data-status="approved"]`)),
		// approve another unchanged
		chromedp.Click(chromedp.CSS(article(webTitle) + ` [data-action="approve"]`)),
		chromedp.WaitVisible(chromedp.CSS(article(webTitle) + `[data-status="approved"]`)),
		// refused for its QA error, then forced, after confirming
		chromedp.Click(chromedp.CSS(article(webDeserter) + ` [data-action="approve"]`)),
		chromedp.WaitVisible(chromedp.CSS(article(webDeserter) + `[data-status="machine"] .message`)),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			checkContrast(t, ctx, "with a refusal shown")
			return nil
		}),
		chromedp.Click(chromedp.CSS(article(webDeserter) + ` [data-action="force"]`)),
		chromedp.Click(chromedp.CSS(article(webDeserter) + ` [data-action="force-yes"]`)),
		chromedp.WaitVisible(chromedp.CSS(article(webDeserter) + `[data-status="approved"]`)),
	}
	if err := inSteps(bctx, steps...); err != nil {
		t.Fatalf("in the browser, %v", err)
	}
	// the token left the address once it became a cookie
	if href, err := chromedp.Run(bctx, chromedp.Evaluate[string](`location.href`)); err != nil || strings.Contains(href, "token") {
		t.Errorf("the address is %q (%v)", href, err)
	}
	// the glossary's term is marked in place: the Korean reads unbroken
	source, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.querySelector('article[data-id="`+webSafety+`"] .source .text').textContent`))
	if err != nil || source != "탈북민들의 안전을 위해 기도해 주십시오." {
		t.Errorf("the source sentence reads %q (%v)", source, err)
	}
	diff, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS(article(webCheonan)+` ins`)))
	if err != nil || diff != "작은 " {
		t.Errorf("the stale sentence's diff inserts %q (%v), want \"작은 \"", diff, err)
	}
	counts, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS(`#counts`)))
	if err != nil || !strings.Contains(counts, "3 of 5 approved") {
		t.Errorf("the counts say %q (%v)", counts, err)
	}
	if *webScreenshot != "" {
		if _, err := chromedp.Run(bctx, chromedp.Evaluate[any](`document.querySelector("main").scrollTop = 0`)); err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*webScreenshot, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	checkDarkAndPhone(t, bctx)
	checkTabOrder(t, bctx)

	// the filter leaves only what needs a person
	for i, step := range []chromedp.Action[chromedp.Void]{
		chromedp.Click(chromedp.CSS(`#filter`)),
		chromedp.WaitNotVisible(chromedp.CSS(article(webTitle))),
		chromedp.WaitVisible(chromedp.CSS(article(webCheonan))),
	} {
		if err := chromedp.Do(bctx, step); err != nil {
			t.Fatalf("the filter, step %d: %v", i+1, err)
		}
	}

	// Ctrl-C stops the server; the command ends well. (os.Interrupt is
	// SIGINT on Unix; Windows cannot send it to a process, and its Ctrl-C
	// reaches Go as the same os.Interrupt, which Main listens for.)
	self, err := os.FindProcess(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if err := self.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if code := report(&IO{Err: io.Discard, Printer: locales.English}, err, true); code != exitOK {
			t.Errorf("after Ctrl-C the command ended with %v, exit %d", err, code)
		}
	case <-time.After(stepPatience):
		t.Fatal("the server did not stop on SIGINT")
	}
	if !strings.Contains(errBuf.String(), "epistle: review page closed; every approval is saved\n") {
		t.Errorf("stderr = %q", errBuf.String())
	}

	l, err := store.Open(letter, store.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	active, err := l.LoadCatalog("active", language.English)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		webSafety:   edit,
		webTitle:    "Prayer letter",
		webDeserter: "The deserter brothers worshipped together.",
		webCheonan:  "There was a meeting in Cheonan.", // approved before, now stale
	}
	if active.Len() != len(want) {
		t.Errorf("active.en.toml holds %d translations, want %d", active.Len(), len(want))
	}
	for id, text := range want {
		if m := active.Get(id); m == nil || m.Other != text {
			t.Errorf("active.en.toml: %s = %+v, want %q", id, m, text)
		}
	}
	log, err := review.LoadLog(review.LogPath(l, language.English))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range log.Decisions {
		got = append(got, d.ID+" "+d.Text)
	}
	wantLog := []string{
		webCheonan + " There was a meeting in Cheonan.",
		webSafety + " " + edit,
		webTitle + " Prayer letter",
		webDeserter + " The deserter brothers worshipped together.",
	}
	if strings.Join(got, "\n") != strings.Join(wantLog, "\n") {
		t.Errorf("the review log holds\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantLog, "\n"))
	}
	if len(log.Decisions) == 4 && (!log.Decisions[1].Edited || log.Decisions[2].Edited) {
		t.Errorf("the log's edited flags are wrong: %+v", log.Decisions)
	}
}

// TestReviewWebPortInUse: a port another program holds is named, with
// what to do, and without the operating system's words twice over.
func TestReviewWebPortInUse(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	addr := busy.Addr().String()
	letter := webNewsletter(t)
	err = epistle(context.Background(), io.Discard, io.Discard, "review", letter, "--lang", "en", "--web", "--no-open", "--addr", addr)
	var stderr bytes.Buffer
	if code := report(&IO{Err: &stderr, Printer: locales.English}, err, false); code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	want := "epistle: error: " + addr + " is in use by another program\n" +
		"epistle: hint: choose another port with --addr, or leave --addr out for a free one\n"
	if stderr.String() != want {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
}

// contrastJS lists each visible element of the page's text (statuses,
// buttons, labels, QA errors, the keys line, ...) whose WCAG contrast
// ratio against the background it sits on is below 4.5:1.
const contrastJS = `(() => {
  const rgba = (s) => { const m = s.match(/[\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  // the background an element sits on: its own and its ancestors', laid
  // over each other down to the first opaque one (white if none)
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let out = [255, 255, 255];
    for (let i = layers.length - 1; i >= 0; i--) {
      const [r, g, b, a] = layers[i];
      out = [r * a + out[0] * (1 - a), g * a + out[1] * (1 - a), b * a + out[2] * (1 - a)];
    }
    return out;
  };
  const selectors = ["h1", "#counts", ".tools label", ".tools a", "button", ".keys", ".keys-title", "kbd",
    ".state", ".label", ".id", ".source .text", "mark", ".terms", "textarea", "ins", "del",
    ".problems .error", ".problems .warning", ".message", ".hint", ".confirm p", "#notice",
    ".tags", ".tags code", ".changed", "#done h2", "#done p", "#done code", ".replace summary", "#replace-diff", "#replace-glossary"];
  const bad = [];
  let seen = 0;
  for (const sel of selectors) {
    for (const el of document.querySelectorAll(sel)) {
      if (el.getClientRects().length === 0 || el.textContent.trim() === "") continue;
      seen++;
      const a = lum(rgba(getComputedStyle(el).color)), b = lum(background(el));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) bad.push(sel + " " + JSON.stringify(el.textContent.trim().slice(0, 30)) + ": " + ratio.toFixed(2) + ":1");
    }
  }
  return seen < 20 ? ["only " + seen + " elements checked"] : bad;
})()`

// tabJS describes the element that has the focus, as "OK tag#id name",
// and says what is wrong with it instead of OK: no accessible name, or a
// place before the element focused last.
const tabJS = `(() => {
  const el = document.activeElement;
  const name = (el.getAttribute("aria-label") ||
    (el.getAttribute("aria-labelledby") || "").split(/\s+/).map((id) => (document.getElementById(id) || {}).textContent || "").join(" ") ||
    (el.labels && el.labels.length ? el.labels[0].textContent : "") ||
    el.textContent || el.title || "").trim().replace(/\s+/g, " ");
  let verdict = "OK";
  if (!name) verdict = "NONAME";
  if (window.lastTab && window.lastTab !== el && !(window.lastTab.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) verdict = "BACKWARDS";
  window.lastTab = el;
  return verdict + " " + el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.dataset.action ? "[" + el.dataset.action + "]" : "") +
    (el.closest("article") ? "@" + el.closest("article").dataset.id : "") + " " + name;
})()`

// interactiveJS counts what a person can reach on the page: links,
// buttons, fields and disclosures that are shown (not in a closed
// details).
const interactiveJS = `Array.from(document.querySelectorAll("a[href], button, input, textarea, select, summary")).filter((e) =>
  e.getClientRects().length > 0 && !e.closest("details:not([open]) > :not(summary)")).length`

// checkContrast fails the test for each text below 4.5:1.
func checkContrast(t *testing.T, ctx context.Context, when string) {
	t.Helper()
	bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](contrastJS))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bad {
		t.Errorf("%s, contrast below 4.5:1: %s", when, b)
	}
}

// checkTabOrder walks the page with Tab from its start: every link,
// button and field is reached once, in the order it stands on the page,
// and each has an accessible name.
func checkTabOrder(t *testing.T, ctx context.Context) {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](interactiveJS))
	if err != nil {
		t.Fatal(err)
	}
	// a click on the title moves where Tab starts to the page's top
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`document.activeElement.blur(); window.lastTab = null; true`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`header h1`))); err != nil {
		t.Fatal(err)
	}
	reached := map[string]bool{}
	for i := 0; i < n; i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](tabJS))
		if err != nil {
			t.Fatal(err)
		}
		verdict, what, _ := strings.Cut(got, " ")
		if verdict != "OK" {
			t.Errorf("Tab %d: %s", i+1, got)
		}
		reached[strings.SplitN(what, " ", 2)[0]] = true
	}
	if len(reached) != n {
		t.Errorf("Tab reached %d distinct elements of %d", len(reached), n)
	}
}
