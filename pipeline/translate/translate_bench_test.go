package translate_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/pipeline/backendtest"
	"github.com/epistle-letters/epistle/pipeline/openai"
	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// bigLetter writes the sample letter repeated to about n sentences.
func bigLetter(tb testing.TB, dir string, n int) string {
	data, err := os.ReadFile("../../testdata/2023-06-3.ko.md")
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	for i := 0; i*27 < n; i++ {
		b.Write(data)
		b.WriteString("\n")
	}
	path := filepath.Join(dir, "big.ko.md")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

type runFigures struct {
	segments, requests, promptTokens int
	wall                             time.Duration
}

// translateAgainst translates a fresh copy of the big letter against a
// fake service with the given latency.
func translateAgainst(tb testing.TB, segments, jobs, batch int, latency time.Duration) runFigures {
	srv := backendtest.NewServer(backendtest.Options{Latency: latency})
	defer srv.Close()
	dir := tb.TempDir()
	path := bigLetter(tb, dir, segments)
	l, err := store.Open(path, store.OpenOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	if err := store.WriteFiles(l.Pending()); err != nil {
		tb.Fatal(err)
	}
	g, err := glossary.Load("../../testdata/glossary.csv")
	if err != nil {
		tb.Fatal(err)
	}
	tr, err := openai.New(openai.Config{APIKey: "k", BaseURL: srv.OpenAIURL(), Model: "m", JSONSchema: true})
	if err != nil {
		tb.Fatal(err)
	}
	start := time.Now()
	r, err := translate.Run(context.Background(), l, translate.Options{
		Target: language.English, Translator: tr, Backend: "openai", Model: "m", Glossary: g,
		Jobs: jobs, BatchTokens: batch, Save: store.WriteFiles,
	})
	if err != nil {
		tb.Fatal(err)
	}
	return runFigures{segments: r.Translated, requests: r.Requests, promptTokens: r.PromptTokens, wall: time.Since(start)}
}

// BenchmarkTranslate translates the sample letter repeated to about 1,000
// sentences against the fake OpenAI service answering after 200 ms, with
// four requests in flight. It reports the requests made, prompt tokens per
// sentence, and the wall time against the ideal ceil(requests/jobs) ×
// latency; and prompt tokens per sentence when every sentence is its own
// request with the same prompt, for comparison.
func BenchmarkTranslate(b *testing.B) {
	const latency, jobs = 200 * time.Millisecond, 4
	for i := 0; i < b.N; i++ {
		f := translateAgainst(b, 1000, jobs, 1500, latency)
		ideal := time.Duration(math.Ceil(float64(f.requests)/jobs)) * latency
		one := translateAgainst(b, 100, 16, 1, 0)
		perSeg := float64(f.promptTokens) / float64(f.segments)
		perSegAlone := float64(one.promptTokens) / float64(one.segments)
		b.ReportMetric(float64(f.segments), "segments")
		b.ReportMetric(float64(f.requests), "requests")
		b.ReportMetric(perSeg, "prompt-tokens/segment")
		b.ReportMetric(perSegAlone, "prompt-tokens/segment-alone")
		b.ReportMetric(perSegAlone/perSeg, "token-saving-x")
		b.ReportMetric(f.wall.Seconds(), "wall-s")
		b.ReportMetric(f.wall.Seconds()/ideal.Seconds(), "ratio-to-ideal")
	}
}
