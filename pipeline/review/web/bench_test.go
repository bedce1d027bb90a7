package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/http/httptrace"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

// longLetter writes a letter of n sentences, four to a paragraph, each
// with its machine translation, and returns its path.
func longLetter(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	var letter strings.Builder
	en := map[string]string{}
	for i := range n {
		ko := fmt.Sprintf("%d번째 형제가 기도 모임에서 감사를 나누었습니다.", i+1)
		en[ko] = fmt.Sprintf("Brother number %d shared his thanks at the prayer meeting.", i+1)
		letter.WriteString(ko)
		if i%4 == 3 {
			letter.WriteString("\n\n")
		} else {
			letter.WriteString(" ")
		}
	}
	files := map[string]string{
		"epistle.toml": "source = \"ko\"\ntargets = [\"en\"]\n",
		"long.ko.md":   letter.String(),
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	path := filepath.Join(dir, "long.ko.md")
	translate(b, path, en)
	return path
}

// BenchmarkPage measures the review page of a 1,000-sentence letter over
// real HTTP: the time to its first byte (first-byte-ms; target 300 ms) and
// to its end (ns/op).
func BenchmarkPage(b *testing.B) {
	srv, err := New(Options{Letters: []string{longLetter(b, 1000)}, Open: openReview, Printer: locales.English, Token: token})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(nil)
	ts.Config.Handler = srv.Handler(ts.Listener.Addr().String())
	ts.Start()
	defer ts.Close()
	// The first load trades the token in the address for a cookie and a
	// redirect to the clean address; the reviewer's browser then loads
	// that, which is what is measured.
	client := ts.Client()
	client.Jar, _ = cookiejar.New(nil)
	resp, err := client.Get(srv.URL(ts.Listener.Addr().String()))
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatal(resp, err)
	}
	resp.Body.Close()
	url := resp.Request.URL.String()
	var firstByte time.Duration
	b.ResetTimer()
	for b.Loop() {
		var start time.Time
		trace := &httptrace.ClientTrace{GotFirstResponseByte: func() { firstByte += time.Since(start) }}
		req, err := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), trace), http.MethodGet, url, nil)
		if err != nil {
			b.Fatal(err)
		}
		start = time.Now()
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, resp.Body); err != nil || resp.StatusCode != http.StatusOK {
			b.Fatal(resp.StatusCode, err)
		}
		resp.Body.Close()
	}
	b.ReportMetric(float64(firstByte.Milliseconds())/float64(b.N), "first-byte-ms")
}

var (
	seenAttr    = regexp.MustCompile(`data-seen="([0-9a-f]+)"`)
	translation = regexp.MustCompile(`data-id="([0-9a-f]+)"[^>]* data-translation="([^"]*)"`)
)

// BenchmarkApprove measures one approval from the page, written to disk
// under the letter's lock, in letters of 100 and 1,000 sentences. Target:
// 50 ms, the same for both.
func BenchmarkApprove(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("sentences=%d", n), func(b *testing.B) {
			h := newServer(b, language.English, longLetter(b, n))
			s := seen(b, h)
			machine := map[string]string{}
			var ids []string
			for _, m := range translation.FindAllStringSubmatch(request(h, http.MethodGet, "/", "", true).Body.String(), -1) {
				machine[m[1]] = m[2]
				ids = append(ids, m[1])
			}
			i := 0
			b.ResetTimer()
			for b.Loop() {
				id := ids[i%len(ids)]
				code, resp := approve(b, h, saveRequest{ID: id, Seen: s[id][1], Text: fmt.Sprintf("%s Amen %d.", machine[id], i), Edited: true})
				if code != http.StatusOK {
					b.Fatalf("approve = %d %+v", code, resp)
				}
				b.StopTimer()
				s[id] = [2]string{"approved", seenAttr.FindStringSubmatch(resp.HTML)[1]}
				i++
				b.StartTimer()
			}
		})
	}
}
