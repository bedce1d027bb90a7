package openai

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/backendtest"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// sampleLetter is the sample letter's sentences and the glossary terms each
// one contains, read from the repository's testdata.
func sampleLetter(b *testing.B) ([]translate.Unit, [][]translate.TermHint) {
	tm, err := os.ReadFile("../../testdata/2023-06-3.tm.tsv")
	if err != nil {
		b.Fatal(err)
	}
	f, err := os.Open("../../testdata/glossary.csv")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	// The sample glossary writes notes with bare quotes, as spreadsheets do.
	r.LazyQuotes = true
	rows, err := r.ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	var units []translate.Unit
	var terms [][]translate.TermHint
	for i, line := range strings.Split(string(tm), "\n") {
		src, _, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		units = append(units, translate.Unit{ID: fmt.Sprintf("s%d", i), Text: src})
		var hints []translate.TermHint
		for _, r := range rows[1:] {
			if strings.Contains(src, r[0]) && r[2] != "private" {
				hints = append(hints, translate.TermHint{Source: r[0], Target: r[1], Note: r[4], Keep: r[2] == "dnt"})
			}
		}
		terms = append(terms, hints)
	}
	return units, terms
}

// BenchmarkPromptTokens translates the sample letter through the fake
// service one segment a request and all in one batch, and reports the
// prompt tokens each segment costs: the instructions are paid once per
// request, so batching is what makes them cheap.
func BenchmarkPromptTokens(b *testing.B) {
	units, terms := sampleLetter(b)
	srv := backendtest.NewServer(backendtest.Options{})
	defer srv.Close()
	tr, err := New(Config{APIKey: "k", BaseURL: srv.OpenAIURL(), Model: "m", JSONSchema: true})
	if err != nil {
		b.Fatal(err)
	}
	batch := func(lo, hi int) *translate.Request {
		req := &translate.Request{Source: language.Korean, Target: language.English, Units: units[lo:hi]}
		seen := map[string]bool{}
		for _, ts := range terms[lo:hi] {
			for _, t := range ts {
				if !seen[t.Source] {
					seen[t.Source] = true
					req.Terms = append(req.Terms, t)
				}
			}
		}
		return req
	}
	for _, size := range []int{1, 8, len(units)} {
		b.Run(fmt.Sprintf("batch=%d", size), func(b *testing.B) {
			prompt, completion := 0, 0
			for b.Loop() {
				prompt, completion = 0, 0
				for lo := 0; lo < len(units); lo += size {
					resp, err := tr.Translate(context.Background(), batch(lo, min(lo+size, len(units))))
					if err != nil {
						b.Fatal(err)
					}
					prompt += resp.PromptTokens
					completion += resp.CompletionTokens
				}
			}
			b.ReportMetric(float64(prompt)/float64(len(units)), "prompt-tokens/segment")
			b.ReportMetric(float64(completion)/float64(len(units)), "completion-tokens/segment")
		})
	}
}
