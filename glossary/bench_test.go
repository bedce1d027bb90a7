package glossary

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// benchCorpus reads the Korean sentence-split gold texts from ../shared and
// repeats them to about 1 MB.
func benchCorpus(b *testing.B) string {
	dir := "../../shared/eval/external/kiwipiepy-sentence-split"
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Skip("../shared/eval/external/kiwipiepy-sentence-split is absent: no corpus to measure on")
	}
	var once strings.Builder
	for _, f := range files {
		if strings.HasSuffix(f, "LICENSE.txt") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		once.Write(data)
	}
	var corpus strings.Builder
	for corpus.Len() < 1<<20 {
		corpus.WriteString(once.String())
	}
	return corpus.String()
}

// benchGlossary is the sample glossary plus Hangul words of the corpus up
// to n entries, so that the glossary is large and its terms do occur.
func benchGlossary(b *testing.B, corpus string, n int) *Glossary {
	g, err := Load("../testdata/glossary.csv")
	if err != nil {
		b.Fatal(err)
	}
	entries := append([]*Entry{}, g.Entries...)
	seen := map[string]bool{}
	for _, e := range entries {
		seen[string(matchKey(e.Source))] = true
	}
	for _, word := range strings.Fields(corpus) {
		if len(entries) == n {
			break
		}
		rs := []rune(word)
		k := 0
		for k < len(rs) && isHangulSyllable(rs[k]) {
			k++
		}
		if k < 2 || seen[string(rs[:k])] {
			continue
		}
		seen[string(rs[:k])] = true
		entries = append(entries, &Entry{Source: string(rs[:k]), Targets: []string{"t" + strconv.Itoa(len(entries))}})
	}
	if len(entries) < n {
		b.Fatalf("only %d distinct words for a %d-entry glossary", len(entries), n)
	}
	g, err = New("bench", entries)
	if err != nil {
		b.Fatal(err)
	}
	return g
}

// BenchmarkMatch5000 matches a 5,000-entry glossary over 1 MB of Korean in
// one pass; MB/s is the figure to watch (the goal is 20 MB/s or more).
func BenchmarkMatch5000(b *testing.B) {
	corpus := benchCorpus(b)
	g := benchGlossary(b, corpus, 5000)
	b.SetBytes(int64(len(corpus)))
	b.ResetTimer()
	var matches int
	for i := 0; i < b.N; i++ {
		matches = len(g.Match(corpus, language.Korean))
	}
	b.ReportMetric(float64(matches), "matches")
}

// BenchmarkRedact measures hiding private names in the same megabyte.
func BenchmarkRedact(b *testing.B) {
	corpus := benchCorpus(b)
	g := benchGlossary(b, corpus, 5000)
	for _, e := range g.Entries[len(g.Entries)-50:] {
		e.Kind = KindPrivate
	}
	g, _ = New("bench", g.Entries)
	r := g.NewRedactor()
	b.SetBytes(int64(len(corpus)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Redact(corpus)
	}
}
