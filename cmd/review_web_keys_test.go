package cmd

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/testenv"
)

// More sentences of the keys' letter (webKeysLetter).
const (
	webThanks = "e57a6b5a"
	// webTagged failed: its refused reply lacks the link and the bold.
	webTagged      = "3fe10567"
	webTaggedReply = "For details, see the page."
)

// webKeysLetter lays out testdata/web with a fourth paragraph whose one
// sentence holds a web address and a bold word, translates it, and records
// that sentence as failed with the reply the backend gave. Its third
// paragraph has one sentence QA refuses (the deserter) and one it accepts.
func webKeysLetter(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"letter.ko.md", "epistle.toml", "glossary.csv", "pairs.tsv"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "web", name))
		if err != nil {
			t.Fatal(err)
		}
		switch name {
		case "letter.ko.md":
			data = append(data, "\n자세한 내용은 <https://example.org/news>에서 **꼭** 보실 수 있습니다.\n"...)
		case "pairs.tsv":
			data = []byte(strings.Replace(string(data), `Thank you <script>alert("hi")</script>.`, "Thank you.", 1))
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	letter := filepath.Join(dir, "letter.ko.md")
	if err := epistle(context.Background(), io.Discard, io.Discard, "translate", letter); err != nil {
		t.Fatal(err)
	}
	l, err := store.Open(letter, store.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m := l.SourceCatalog.Get(webTagged)
	if m == nil {
		t.Fatalf("the letter has no sentence %s", webTagged)
	}
	failures := store.Failures{webTagged: {Hash: catalog.Hash(m.Description, m.Other),
		Reason: "the placeholder <x1/> is missing", Reply: webTaggedReply}}
	if err := os.WriteFile(l.FailuresPath(language.English), store.MarshalFailures(failures), 0o644); err != nil {
		t.Fatal(err)
	}
	return letter
}

// serveReview runs `review --web` on letter until the test ends and
// returns the address it printed.
func serveReview(t *testing.T, letter string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := epistle(ctx, outW, io.Discard, "review", letter, "--lang", "en", "--web", "--no-open")
		outW.Close()
		done <- err
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	out := bufio.NewReader(outR)
	first, err := out.ReadString('\n')
	if err != nil {
		t.Fatalf("no address on stdout: %v", err)
	}
	go func() { _, _ = io.Copy(io.Discard, out) }()
	url, _ := strings.CutPrefix(strings.TrimSpace(first), "review at ")
	return url
}

var chromiumSlow = flag.Float64("chromium-slow", 1, "run the browser tests' pages this many times slower (Chromium's CPU throttling), as on a loaded CI machine")

// A browser test waits for what it expects, never for a time: these bound
// the wait for one step and for a whole test only so that a page that
// never gets there fails instead of hanging, and are generous for a CI
// machine two cores shared by many (go test -chromium-slow=8 passes).
const (
	stepPatience    = 90 * time.Second
	browserPatience = 8 * time.Minute
)

// inSteps runs the actions one after the other, each given stepPatience.
func inSteps(ctx context.Context, actions ...chromedp.Action[chromedp.Void]) error {
	for i, a := range actions {
		sctx, cancel := context.WithTimeout(ctx, stepPatience)
		err := chromedp.Do(sctx, a)
		cancel()
		if err != nil {
			return fmt.Errorf("action %d: %w", i+1, err)
		}
	}
	return nil
}

// newBrowser starts headless Chromium for the test.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	bin := testenv.Tool(t, "chromium", "chromium-browser", "google-chrome")
	actx, cancel := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.WindowSize(1200, 900))...)
	t.Cleanup(cancel)
	bctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatal(err)
	}
	if *chromiumSlow > 1 {
		err := chromedp.Do(bctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: *chromiumSlow})
			return err
		}))
		if err != nil {
			t.Fatal(err)
		}
	}
	bctx, cancel = context.WithTimeout(bctx, browserPatience)
	t.Cleanup(cancel)
	return bctx
}

// waitJS waits until the expression is true in the page, as WaitVisible
// waits for an element.
func waitJS(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for {
			ok, err := chromedp.Evaluate[bool](expr)(ctx, t)
			if err != nil || ok {
				return err
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("waiting for %s: %w", expr, ctx.Err())
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
}

// focusIn waits until the focus is on the element with id.
func focusIn(id string) chromedp.Action[chromedp.Void] {
	return waitJS(`document.activeElement && document.activeElement.id === "` + id + `"`)
}

func row(id string) string { return `article[data-id="` + id + `"]` }

// status waits until the sentence id has the status.
func status(id, st string) chromedp.Action[chromedp.Void] {
	return chromedp.WaitVisible(chromedp.CSS(row(id) + `[data-status="` + st + `"]`))
}

// boxIs waits until the sentence's translation box holds text.
func boxIs(id, text string) chromedp.Action[chromedp.Void] {
	return waitJS(fmt.Sprintf(`document.querySelector(%q).value === %q`, row(id)+` textarea`, text))
}

// glossaryIs checks that the newsletter's glossary ends with tail.
func glossaryIs(t *testing.T, letter, tail string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(context.Context, *chromedp.Target) error {
		data, err := os.ReadFile(filepath.Join(filepath.Dir(letter), "glossary.csv"))
		if err == nil && !strings.HasSuffix(string(data), tail) {
			err = fmt.Errorf("glossary.csv =\n%s\nwant it to end with\n%s", data, tail)
		}
		return err
	})
}

// elsewhere runs an epistle command, as a person in a terminal would while
// the page is open.
func elsewhere(t *testing.T, args ...string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		if err := epistle(context.Background(), io.Discard, io.Discard, args...); err != nil {
			return fmt.Errorf("epistle %v: %w", args, err)
		}
		return nil
	})
}

var (
	ctrl      = chromedp.KeyModifiers(chromedp.ModifierCtrl)
	ctrlShift = chromedp.KeyModifiers(chromedp.ModifierCtrl | chromedp.ModifierShift)
	alt       = chromedp.KeyModifiers(chromedp.ModifierAlt)
)

// TestReviewWebKeysInChromium drives the review page with the keys alone:
// a paragraph per key, undo, tags, replace across the letter, done, and
// changes made elsewhere while the page is open.
func TestReviewWebKeysInChromium(t *testing.T) {
	bctx := newBrowser(t)
	letter := webKeysLetter(t)
	url := serveReview(t, letter)
	const fixed = "The North Korean defector brothers worshipped together."
	const tagged = "Details are at <x1/>; <g2>do</g2> look."
	steps := []struct {
		what string
		do   []chromedp.Action[chromedp.Void]
	}{
		{"the page opens on the first sentence that needs a person", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(url),
			chromedp.WaitVisible(chromedp.CSS(row(webTagged) + ` textarea`)),
			focusIn("t-" + webTitle),
			// a screen reader names each button with its sentence
			waitJS(`document.querySelector('` + row(webThanks) + ` [data-action="approve"]').getAttribute("aria-label") === "Approve sentence 5: 감사합니다."`),
		}},
		{"Alt+S skips to the next sentence that needs a person, Alt+↑ goes back one", []chromedp.Action[chromedp.Void]{
			chromedp.KeyEvent("s", alt),
			focusIn("t-" + webSafety),
			chromedp.KeyEvent(kb.ArrowUp, alt),
			focusIn("t-" + webTitle),
		}},
		{"Ctrl+Shift+Enter approves the heading, then the next paragraph's two sentences", []chromedp.Action[chromedp.Void]{
			chromedp.KeyEvent("\r", ctrlShift),
			status(webTitle, "approved"),
			focusIn("t-" + webSafety),
			chromedp.KeyEvent("\r", ctrlShift),
			status(webSafety, "approved"),
			status(webCheonan, "approved"),
			focusIn("t-" + webDeserter),
		}},
		{"in the third paragraph the sentence with a QA error stays, with the focus", []chromedp.Action[chromedp.Void]{
			chromedp.KeyEvent("\r", ctrlShift),
			status(webThanks, "approved"),
			status(webDeserter, "machine"),
			focusIn("t-" + webDeserter),
		}},
		{"Alt+Z undoes the last approval and focuses it; again, the one before", []chromedp.Action[chromedp.Void]{
			chromedp.KeyEvent("z", alt),
			status(webThanks, "machine"),
			focusIn("t-" + webThanks),
			chromedp.KeyEvent("z", alt),
			status(webCheonan, "machine"),
			focusIn("t-" + webCheonan),
		}},
		{"Ctrl+Z outside a text box undoes too", []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(`header h1`)),
			focusIn(""),
			chromedp.KeyEvent("z", ctrl),
			status(webSafety, "machine"),
			focusIn("t-" + webSafety),
		}},
		{"a failed sentence: its refused reply in the box, its tags explained", []chromedp.Action[chromedp.Void]{
			status(webTagged, "failed"),
			boxIs(webTagged, webTaggedReply),
			chromedp.WaitVisible(chromedp.CSS(row(webTagged) + ` .problems .error`)),
			waitJS(`document.querySelector('` + row(webTagged) + ` .tags').textContent.includes("<x1/> = web address <https://example.org/news>")`),
			waitJS(`document.querySelector('` + row(webTagged) + ` .tags').textContent.includes("<g2>…</g2> = bold **…**")`),
		}},
		{"Alt+T inserts the next tag the translation lacks at the caret", []chromedp.Action[chromedp.Void]{
			chromedp.Focus(chromedp.CSS(row(webTagged) + ` textarea`)),
			chromedp.KeyEvent(kb.End, ctrl),
			chromedp.KeyEvent("t", alt),
			boxIs(webTagged, webTaggedReply+"<x1/>"),
			chromedp.KeyEvent("t", alt),
			chromedp.KeyEvent("t", alt),
			boxIs(webTagged, webTaggedReply+"<x1/><g2></g2>"),
		}},
		{"replace across the letter: the changes shown, then made", []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(`.replace summary`)),
			// the glossary offer waits for a replace
			chromedp.WaitNotVisible(chromedp.CSS(`#replace-glossary`)),
			chromedp.Focus(chromedp.CSS(`#replace-from`)),
			chromedp.KeyEvent("meeting"),
			chromedp.KeyEvent(kb.Tab),
			chromedp.KeyEvent("gathering"),
			chromedp.KeyEvent("\r"),
			chromedp.WaitVisible(chromedp.CSS(`#replace-diff li[data-id="` + webCheonan + `"] del`)),
			waitJS(`document.querySelector('#replace-diff').textContent === "There was a meetinggathering in Cheonan."`),
			boxIs(webCheonan, "There was a meeting in Cheonan."),
			waitJS(`document.activeElement.dataset.action === "replace-apply"`),
			chromedp.KeyEvent("\r"),
			boxIs(webCheonan, "There was a gathering in Cheonan."),
		}},
		{"the pair goes into the glossary: the Korean word typed, Enter", []chromedp.Action[chromedp.Void]{
			focusIn("glossary-source"),
			waitJS(`document.getElementById("glossary-target").value === "gathering" && document.getElementById("glossary-forbidden").value === "meeting"`),
			chromedp.KeyEvent("모임"),
			chromedp.KeyEvent("\r"),
			waitJS(`document.getElementById("glossary-result").textContent === "added to glossary.csv: 모임 → gathering"`),
			glossaryIs(t, letter, "천안,Cheonan,name,,city\n모임,gathering,term,meeting,\n"),
		}},
		{"the same pair again is refused with the glossary's line", []chromedp.Action[chromedp.Void]{
			chromedp.Focus(chromedp.CSS(`#glossary-source`)),
			chromedp.KeyEvent("\r"),
			waitJS(`/glossary\.csv:5: 모임 is listed twice, first on line 4$/.test(document.getElementById("glossary-result").textContent)`),
			glossaryIs(t, letter, "천안,Cheonan,name,,city\n모임,gathering,term,meeting,\n"),
		}},
		{"done: approving the last sentence that needs a person focuses the done state", []chromedp.Action[chromedp.Void]{
			chromedp.Focus(chromedp.CSS(row(webSafety) + ` textarea`)),
			chromedp.KeyEvent("\r", ctrlShift),
			focusIn("t-" + webDeserter),
			// approved, the replaced sentence shows the glossary's new term
			status(webCheonan, "approved"),
			waitJS(`Array.from(document.querySelectorAll('` + row(webCheonan) + ` .terms li')).some((e) => e.textContent.includes("모임 → gathering"))`),
			chromedp.KeyEvent("a", ctrl),
			chromedp.KeyEvent(fixed),
			chromedp.KeyEvent("\r", ctrlShift),
			status(webDeserter, "approved"),
			status(webThanks, "approved"),
			focusIn("t-" + webTagged),
			chromedp.KeyEvent("a", ctrl),
			chromedp.KeyEvent(tagged),
			chromedp.KeyEvent("\r", ctrl),
			status(webTagged, "approved"),
			focusIn("done"),
			chromedp.WaitVisible(chromedp.CSS(`[data-state="done"]`)),
			waitJS(`document.querySelector('[data-state="done"]').textContent.includes("epistle export ` + letter + ` --lang en")`),
			chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				checkContrast(t, ctx, "when done")
				if err := chromedp.Do(ctx, colorScheme("dark")); err != nil {
					return err
				}
				checkContrast(t, ctx, "when done, in dark mode")
				return chromedp.Do(ctx, colorScheme(""))
			}),
		}},
		{"undo from done: the sentence needs a person again", []chromedp.Action[chromedp.Void]{
			chromedp.KeyEvent("z", alt),
			status(webTagged, "failed"),
			focusIn("t-" + webTagged),
			chromedp.WaitNotVisible(chromedp.CSS(`[data-state="done"]`)),
			chromedp.KeyEvent("z", alt),
			focusIn("t-" + webThanks),
			chromedp.KeyEvent("z", alt),
			focusIn("t-" + webDeserter),
			chromedp.KeyEvent("z", alt),
			focusIn("t-" + webCheonan),
			status(webCheonan, "machine"),
		}},
		{"an approval in the terminal shows on the page, with the counts", []chromedp.Action[chromedp.Void]{
			// its machine translation ("meeting") breaks the glossary's new
			// term since the replace: approved as it is, forced
			elsewhere(t, "approve", letter, "--lang", "en", "--force", webCheonan),
			status(webCheonan, "approved"),
			waitJS(`document.getElementById("counts").textContent.includes("3 of 6 approved")`),
		}},
		{"a sentence being edited is not overwritten: it says it changed", []chromedp.Action[chromedp.Void]{
			chromedp.Focus(chromedp.CSS(row(webThanks) + ` textarea`)),
			chromedp.KeyEvent(kb.End, ctrl),
			chromedp.KeyEvent(" Amen."),
			elsewhere(t, "approve", letter, "--lang", "en", webThanks),
			chromedp.WaitVisible(chromedp.CSS(row(webThanks) + ` .changed`)),
			waitJS(`document.getElementById("counts").textContent.includes("4 of 6 approved")`),
			status(webThanks, "machine"),
			boxIs(webThanks, "Thank you. Amen."),
			focusIn("t-" + webThanks),
		}},
		{"an edit of the letter shows its new sentence", []chromedp.Action[chromedp.Void]{
			chromedp.Func(func(context.Context, *chromedp.Target) error {
				f, err := os.OpenFile(letter, os.O_APPEND|os.O_WRONLY, 0)
				if err != nil {
					return err
				}
				_, err = f.WriteString("\n기도해 주셔서 고맙습니다.\n")
				if cerr := f.Close(); err == nil {
					err = cerr
				}
				return err
			}),
			waitJS(`Array.from(document.querySelectorAll("article.sentence .source .text")).some((e) => e.textContent === "기도해 주셔서 고맙습니다.")`),
			waitJS(`document.getElementById("counts").textContent.includes("4 of 7 approved")`),
			// its box is empty, and says why
			waitJS(`Array.from(document.querySelectorAll('article.sentence[data-status="missing"] .problems')).some((e) => e.textContent.startsWith("not translated yet"))`),
			boxIs(webThanks, "Thank you. Amen."),
		}},
	}
	for _, step := range steps {
		if err := inSteps(bctx, step.do...); err != nil {
			t.Fatalf("%s, %v", step.what, err)
		}
	}
}

var (
	webScreenshotDark  = flag.String("web-screenshot-dark", "", "also write a PNG of the review page in dark mode to this path (docs/review-web-dark.png)")
	webScreenshotPhone = flag.String("web-screenshot-phone", "", "also write a PNG of the review page on a phone to this path (docs/review-web-phone.png)")
)

// colorScheme makes the page's prefers-color-scheme scheme ("" for the
// browser's own).
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		var features []*emulation.MediaFeature
		if scheme != "" {
			features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}
		}
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features})
		return err
	})
}

// screenshot writes what the browser shows to path, when path is given.
func screenshot(t *testing.T, ctx context.Context, path string, full bool) {
	t.Helper()
	if path == "" {
		return
	}
	shot := chromedp.CaptureScreenshot()
	if full {
		shot = chromedp.FullScreenshot(100)
	}
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// pinnedJS measures, with the page scrolled down, the share of the
// screen's height that stays in view at its top, and whether the key hints
// are shown.
const pinnedJS = `(() => {
  window.scrollTo(0, document.body.scrollHeight);
  const main = document.querySelector("main");
  main.scrollTop = main.scrollHeight;
  let pinned = 0;
  for (const el of document.querySelectorAll("header, header *")) {
    const r = el.getBoundingClientRect();
    if (r.height > 0 && r.bottom > 0 && r.top < window.innerHeight / 2) pinned = Math.max(pinned, r.bottom);
  }
  const keys = document.querySelector(".keys").getClientRects().length > 0;
  return { pinned: pinned / window.innerHeight, keys: keys };
})()`

type pinned struct {
	Pinned float64 `json:"pinned"`
	Keys   bool    `json:"keys"`
}

// checkDarkAndPhone looks at the page at night and on a phone: in dark
// mode every text keeps 4.5:1; on a 390×844 touch screen at most 15 % of
// the height stays pinned and the key hints are hidden. It leaves the
// browser as it found it.
func checkDarkAndPhone(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Do(ctx, colorScheme("dark")); err != nil {
		t.Fatal(err)
	}
	bg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`))
	if err != nil || bg != "rgb(18, 18, 18)" {
		t.Errorf("in dark mode the page's background is %q (%v)", bg, err)
	}
	checkContrast(t, ctx, "in dark mode")
	screenshot(t, ctx, *webScreenshotDark, true)
	if err := chromedp.Do(ctx, colorScheme("")); err != nil {
		t.Fatal(err)
	}

	desk, err := chromedp.Run(ctx, chromedp.Evaluate[pinned](pinnedJS))
	if err != nil {
		t.Fatal(err)
	}
	if !desk.Keys {
		t.Error("the key hints are hidden on a computer")
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait, chromedp.EmulateScale(2))); err != nil {
		t.Fatal(err)
	}
	phone, err := chromedp.Run(ctx, chromedp.Evaluate[pinned](pinnedJS))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("on a 390×844 phone %.0f%% of the height stays pinned (on a computer %.0f%%)", phone.Pinned*100, desk.Pinned*100)
	if phone.Pinned > 0.15 {
		t.Errorf("on a phone %.0f%% of the height stays pinned, want at most 15%%", phone.Pinned*100)
	}
	if phone.Keys {
		t.Error("the key hints show on a touch screen")
	}
	checkContrast(t, ctx, "on a phone")
	if *webScreenshotPhone != "" {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`window.scrollTo(0, 0); document.querySelector("article.sentence:nth-of-type(1)").scrollIntoView(); window.scrollBy(0, -200); true`)); err != nil {
			t.Fatal(err)
		}
		screenshot(t, ctx, *webScreenshotPhone, false)
	}
	if err := chromedp.Do(ctx, chromedp.ResetViewport(), chromedp.EmulateViewport(1200, 900)); err != nil {
		t.Fatal(err)
	}
}

// TestReviewWebLongLetterInChromium measures how soon a 1,000-sentence
// letter's page answers in Chromium: the time from the request to the end
// of DOMContentLoaded, by which the page's script has run and put the
// focus in the first sentence (a forced layout), and the time one
// Ctrl+Enter takes to approve and move on. It reports them (README.md,
// "Reviewing in a browser") and asserts no time.
func TestReviewWebLongLetterInChromium(t *testing.T) {
	bctx := newBrowser(t)
	dir := t.TempDir()
	var letter, pairs strings.Builder
	letter.WriteString("# 긴 기도 편지\n")
	for p := 0; p < 250; p++ {
		letter.WriteString("\n")
		for s := 0; s < 4; s++ {
			n := p*4 + s
			fmt.Fprintf(&letter, "%d번 형제의 건강을 위해 기도해 주십시오. ", n)
			fmt.Fprintf(&pairs, "%d번 형제의 건강을 위해 기도해 주십시오.\tPlease pray for the health of brother %d.\n", n, n)
		}
		letter.WriteString("\n")
	}
	files := map[string]string{
		"letter.ko.md": letter.String(),
		"pairs.tsv":    "긴 기도 편지\tA long prayer letter\n" + pairs.String(),
		"epistle.toml": "source = \"ko\"\ntargets = [\"en\"]\ntm = [\"pairs.tsv\"]\n[backend]\nname = \"memory\"\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "letter.ko.md")
	if err := epistle(context.Background(), io.Discard, io.Discard, "translate", path); err != nil {
		t.Fatal(err)
	}
	url := serveReview(t, path)
	ctx := bctx
	if err := inSteps(ctx, chromedp.Navigate(url), focusIn("t-"+pipelineID(t, path, 1))); err != nil {
		t.Fatal(err)
	}
	ready, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(() => { const n = performance.getEntriesByType("navigation")[0]; return n.domContentLoadedEventEnd - n.requestStart; })()`))
	if err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("article.sentence").length`))
	if err != nil || n != 1001 {
		t.Fatalf("the page shows %d sentences (%v), want 1001", n, err)
	}
	start := time.Now()
	if err := inSteps(ctx, chromedp.KeyEvent("\r", ctrl), focusIn("t-"+pipelineID(t, path, 2))); err != nil {
		t.Fatal(err)
	}
	t.Logf("a 1,001-sentence letter: interactive %.0f ms after the request; Ctrl+Enter approved and moved on in %d ms",
		ready, time.Since(start).Milliseconds())
}

// pipelineID is the id of the letter's n-th sentence, from 1.
func pipelineID(t *testing.T, path string, n int) string {
	t.Helper()
	l, err := store.Open(path, store.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return l.Doc.Sentences()[n-1].ID
}

// TestReviewWebSampleInChromium reviews the sample letter as the README
// says: with the memory's translations, which QA finds no error in, one
// Ctrl+Shift+Enter per paragraph approves all 27 sentences in 14 keys, and
// the page ends on the done state.
func TestReviewWebSampleInChromium(t *testing.T) {
	bctx := newBrowser(t)
	dir := t.TempDir()
	for from, to := range map[string]string{
		"2023-06-3.ko.md": "letter.ko.md", "2023-06-3.tm.tsv": "pairs.tsv", "review/edits.tsv": "edits.tsv",
		"glossary.csv": "glossary.csv", "review/memory.toml": "epistle.toml",
	} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", from))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, to), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	letter := filepath.Join(dir, "letter.ko.md")
	if err := epistle(context.Background(), io.Discard, io.Discard, "translate", letter, "--to", "en"); err != nil {
		t.Fatal(err)
	}
	url := serveReview(t, letter)
	ctx := bctx
	if err := inSteps(ctx, chromedp.Navigate(url), waitJS(`document.activeElement.tagName === "TEXTAREA"`)); err != nil {
		t.Fatal(err)
	}
	keys := 0
	for ; keys < 40; keys++ {
		at, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`))
		if err != nil {
			t.Fatal(err)
		}
		if at == "done" {
			break
		}
		if err := inSteps(ctx, chromedp.KeyEvent("\r", ctrlShift), waitJS(`(document.activeElement.tagName === "TEXTAREA" || document.activeElement.id === "done") && document.activeElement.id !== "`+at+`"`)); err != nil {
			t.Fatalf("after %d keys: %v", keys, err)
		}
	}
	if keys != 14 {
		t.Errorf("the sample took %d keys, want 14 (one a paragraph)", keys)
	}
	if err := inSteps(ctx, waitJS(`document.getElementById("counts").textContent.includes("27 of 27 approved")`)); err != nil {
		t.Error(err)
	}
}
