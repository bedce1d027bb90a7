package eval

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

// report has two models over twelve sentences; sentence i has chrF i*8 in
// the first and 100 in the second, so the spread falls as i grows. The
// texts carry markup that must reach the page as text.
func report() *Report {
	rep := &Report{Lang: "en", Letters: 1, Sentences: 12}
	for m, name := range []string{"a<b>", `q"m`} {
		r := &Result{Backend: "openai", Model: name}
		if m == 0 {
			cost := 0.0123
			r.Cost = &cost
		}
		for i := range 12 {
			chrf := 100.0
			if m == 0 {
				chrf = float64(i * 8)
			}
			r.Sentences = append(r.Sentences, Sentence{Letter: "l.ko.md", ID: fmt.Sprint("s", i),
				Source: "<script>alert(1)</script>", Reference: "R&D <b>", Translation: "</td><img src=x>", ChrF: chrf})
		}
		rep.Results = append(rep.Results, r)
	}
	return rep
}

func TestHTMLEscapes(t *testing.T) {
	page, err := HTML(report(), locales.NewPrinter(language.English))
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, raw := range []string{"<script>", "<img", "<b>", `q"m`} {
		if strings.Contains(s, raw) {
			t.Errorf("page contains %q unescaped", raw)
		}
	}
	for _, escaped := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "R&amp;D &lt;b&gt;", "openai a&lt;b&gt;", "<svg"} {
		if !strings.Contains(s, escaped) {
			t.Errorf("page lacks %q", escaped)
		}
	}
	for _, cost := range []string{`<td class="num">0.0123</td>`, `<td class="num">-</td>`, `>$0.0123</text>`, `>-</text>`} {
		if !strings.Contains(s, cost) {
			t.Errorf("page lacks %q: a cost where there is a price, - where there is none", cost)
		}
	}
	if n := strings.Count(s, "<svg"); n != len(chartScores) {
		t.Errorf("%d charts, want one per score (%d)", n, len(chartScores))
	}
}

func TestContrasts(t *testing.T) {
	got := contrasts(report(), 10)
	if len(got) != 10 {
		t.Fatalf("%d contrasts, want 10", len(got))
	}
	for i, c := range got {
		if want := fmt.Sprint("s", i); c.ID != want {
			t.Errorf("contrast %d is %s, want %s (largest spread first)", i, c.ID, want)
		}
	}
	rep := report()
	rep.Results = rep.Results[1:] // one model at 100 everywhere: nothing differs
	if got := contrasts(rep, 10); len(got) != 0 {
		t.Errorf("a model equal to every reference gives %d contrasts, want none", len(got))
	}
}
