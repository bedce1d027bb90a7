package edition

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/testenv"
)

var screenshot = flag.String("screenshot", "", "also write a PNG of the sample's bilingual issue to this path")

// sampleEnglish gives each sentence of the sample letter its published
// English. The letter's sentences and the published pairs are not always
// cut at the same places: a sentence that begins a published one takes its
// translation, one that ends it takes nothing, one that joins several takes
// theirs joined.
func sampleEnglish(t testing.TB, l *store.Letter) *Side {
	t.Helper()
	tm := pairs(t, filepath.Join("..", "..", "testdata", "2023-06-3.tm.tsv"))
	side := &Side{Lang: language.English, Texts: map[string]Sentence{}}
	for _, m := range l.SourceCatalog.Messages {
		side.Texts[m.ID] = Sentence{Text: publishedFor(m.Other, tm)}
	}
	return side
}

func publishedFor(s string, tm map[string]string) string {
	if en, ok := tm[s]; ok {
		return en
	}
	for ko, en := range tm {
		if strings.HasPrefix(ko, s) {
			return en
		}
	}
	for ko := range tm {
		if strings.HasSuffix(ko, s) {
			return ""
		}
	}
	var parts []string
	rest := s
	for rest != "" {
		found := false
		for ko, en := range tm {
			if strings.HasPrefix(rest, ko) {
				parts, rest, found = append(parts, en), strings.TrimSpace(rest[len(ko):]), true
				break
			}
		}
		if !found {
			parts = append(parts, rest)
			break
		}
	}
	return strings.Join(parts, " ")
}

func chromium(t *testing.T) string {
	return testenv.Tool(t, "chromium", "chromium-browser", "google-chrome")
}

func runChromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	out, err := exec.Command(bin, append(base, args...)...).Output()
	if err != nil {
		t.Fatalf("chromium %v: %v", args, err)
	}
	return out
}

func TestBilingualInChromium(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	letter, err := os.ReadFile(filepath.Join("..", "..", "testdata", "2023-06-3.ko.md"))
	if err != nil {
		t.Fatal(err)
	}
	planted, err := os.ReadFile(filepath.Join("..", "..", "testdata", "browser", "planted.md"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "2023-06-3.ko.md")
	if err := os.WriteFile(path, append(letter, planted...), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := store.Open(path, store.OpenOptions{Config: &store.Config{Source: "ko"}})
	if err != nil {
		t.Fatal(err)
	}
	issue := Write(&Letter{Name: "2023-06-3.ko.md", Doc: l.Doc, Source: SourceSide(l), Target: sampleEnglish(t, l)}, HTML, true)

	// Nothing in the file may name something to load.
	style := issue[:bytes.Index(issue, []byte("</style>"))]
	for _, re := range []string{`(?i)url\(`, `(?i)@import`} {
		if regexp.MustCompile(re).Match(style) {
			t.Errorf("the style sheet contains %q", re)
		}
	}
	for _, re := range []string{`(?i)<[a-z][^>]*\ssrc=`, `(?i)<link`, `(?i)<script`, `(?i)<img`, `(?i)<iframe`, `(?i)<object`, `(?i)<embed`} {
		if loc := regexp.MustCompile(re).FindIndex(issue); loc != nil {
			t.Errorf("the issue contains %q: %s", re, issue[max(0, loc[0]-60):min(len(issue), loc[1]+60)])
		}
	}
	page := filepath.Join(dir, "issue.html")
	if err := os.WriteFile(page, issue, 0o644); err != nil {
		t.Fatal(err)
	}
	netlog := filepath.Join(dir, "net.json")
	dom := string(runChromium(t, bin, "--log-net-log="+netlog, "--dump-dom", "file://"+page))

	// Every block is a row: the Korean cell, then the English one.
	rows := regexp.MustCompile(`(?s)<div class="pair" data-block="\d+">\s*<div lang="ko">(.*?)</div>\s*<div lang="en">(.*?)</div>\s*</div>`).FindAllStringSubmatch(dom, -1)
	if len(rows) != len(l.Doc.Blocks) {
		t.Errorf("the DOM has %d rows of Korean beside English, the letter %d blocks", len(rows), len(l.Doc.Blocks))
	}
	if n := strings.Count(dom, `<div class="pair"`); n != len(rows) {
		t.Errorf("%d rows, of which %d hold a Korean and an English cell", n, len(rows))
	}
	tags := regexp.MustCompile(`<[^>]*>`)
	for i, r := range rows {
		ko, en := strings.TrimSpace(tags.ReplaceAllString(r[1], "")), strings.TrimSpace(tags.ReplaceAllString(r[2], ""))
		if ko == "" || (en == "" && i > 1) {
			t.Errorf("row %d: Korean %q beside English %q", i+1, ko, en)
		}
	}

	// The planted markup is text, and ran nothing.
	body := dom[strings.Index(dom, "<body"):]
	if regexp.MustCompile(`(?i)<body[^>]*data-pwned`).MatchString(body) {
		t.Error("a planted script ran: <body data-pwned>")
	}
	for _, el := range []string{"<script", "<img", "<link", "<iframe"} {
		if strings.Contains(body, el) {
			t.Errorf("the page body has a %s element", el)
		}
	}
	if !strings.Contains(body, "&lt;script&gt;document.body.setAttribute") {
		t.Error("the planted <script> is not shown as text")
	}

	// No request left the page.
	log, err := os.ReadFile(netlog)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(log), "beacon.invalid") || strings.Contains(string(log), "example.org") {
		t.Error("chromium's network log shows a request the page made")
	}

	if *screenshot != "" {
		out, err := filepath.Abs(*screenshot)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, letter, 0o644); err != nil {
			t.Fatal(err)
		}
		sample, err := store.Open(path, store.OpenOptions{Config: &store.Config{Source: "ko"}})
		if err != nil {
			t.Fatal(err)
		}
		clean := Write(&Letter{Name: "2023-06-3.ko.md", Doc: sample.Doc, Source: SourceSide(sample), Target: sampleEnglish(t, sample)}, HTML, true)
		if err := os.WriteFile(page, clean, 0o644); err != nil {
			t.Fatal(err)
		}
		runChromium(t, bin, "--hide-scrollbars", "--window-size=1000,1250", "--screenshot="+out, "file://"+page)
	}
}
