package eval

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"sort"

	"github.com/epistle-letters/epistle/locales"
)

// reportTemplate is the page; the messages it names are these:
//
//locales:ids eval.col.reviewed eval.html.contrasts eval.html.lang eval.html.reference eval.html.source eval.html.summary eval.html.title eval.reviewed
//go:embed report.html.tmpl
var reportTemplate string

// chartScores are the scores the report draws a chart for, in order: the
// name of the message that titles it, and the value of a result.
var chartScores = []struct {
	title string
	value func(*Result) float64
	unit  string
}{
	{"eval.col.chrf", func(r *Result) float64 { return r.ChrF }, ""},
	{"eval.col.identical", func(r *Result) float64 { return 100 * r.Identical }, "%"},
	{"eval.col.distance", func(r *Result) float64 { return r.EditDistance }, ""},
	{"eval.col.glossary", func(r *Result) float64 { return 100 * r.Glossary }, "%"},
	{"eval.col.qa", func(r *Result) float64 { return float64(r.QAErrors) }, ""},
	{"eval.col.failed", func(r *Result) float64 { return float64(r.Failed) }, ""},
	{"eval.col.prompt", func(r *Result) float64 { return float64(r.PromptTokens) }, ""},
	{"eval.col.completion", func(r *Result) float64 { return float64(r.CompletionTokens) }, ""},
	{"eval.col.cost", func(r *Result) float64 { return dollars(r.Cost) }, "$"},
	{"eval.col.seconds", func(r *Result) float64 { return r.Seconds }, "s"},
}

// chart is one score drawn as horizontal bars, one per backend/model.
type chart struct {
	Title  string
	Height int
	Bars   []bar
}

type bar struct {
	Label, Value string
	Y, Width     int
}

// contrast is a sentence where the backends/models differ most.
type contrast struct {
	Letter, ID, Source, Reference string
	Translations                  []contrastCell
}

type contrastCell struct {
	Name, Text string
	ChrF       float64
}

// HTML renders the report as one self-contained page, in the language of
// p: a table of the scores, a chart per score, and the ten sentences where
// the backends/models differ most (with one, where it is furthest from the
// approved text), side by side. Everything from the letters is escaped;
// the page loads nothing.
func HTML(rep *Report, p *locales.Printer) ([]byte, error) {
	t, err := template.New("report").Funcs(template.FuncMap{"T": p.T, "dollars": dollars}).Parse(reportTemplate)
	if err != nil {
		return nil, err
	}
	data := struct {
		*Report
		Names     []string
		Charts    []chart
		Contrasts []contrast
	}{Report: rep, Charts: charts(rep, p), Contrasts: contrasts(rep, 10)}
	for _, r := range rep.Results {
		data.Names = append(data.Names, Name(r.Backend, r.Model))
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// dollars is a cost, 0 where there is no price.
func dollars(cost *float64) float64 {
	if cost == nil {
		return 0
	}
	return *cost
}

// barRow and barMax are the geometry of the charts, in SVG units.
const (
	barRow = 24
	barMax = 400
)

func charts(rep *Report, p *locales.Printer) []chart {
	var out []chart
	for _, s := range chartScores {
		//locales:ids eval.col.chrf eval.col.identical eval.col.distance eval.col.glossary eval.col.qa eval.col.failed eval.col.prompt eval.col.completion eval.col.cost eval.col.seconds
		c := chart{Title: p.T(s.title), Height: barRow * len(rep.Results)}
		top := 0.0
		for _, r := range rep.Results {
			top = max(top, s.value(r))
		}
		for i, r := range rep.Results {
			v := s.value(r)
			w := 0
			if top > 0 {
				w = int(v / top * barMax)
			}
			value := formatValue(v, s.unit)
			if s.unit == "$" && r.Cost == nil {
				value = "-" // no price for the model
			}
			c.Bars = append(c.Bars, bar{Label: Name(r.Backend, r.Model), Value: value, Y: i * barRow, Width: w})
		}
		out = append(out, c)
	}
	return out
}

func formatValue(v float64, unit string) string {
	switch unit {
	case "$":
		return fmt.Sprintf("$%.4f", v)
	case "":
		return fmt.Sprintf("%.4g", v)
	}
	return fmt.Sprintf("%.4g %s", v, unit)
}

// contrasts picks the n sentences whose sentence chrF++ differs most
// between the results (with a single result, those furthest from the
// approved text); sentences where all agree are left out.
func contrasts(rep *Report, n int) []contrast {
	if len(rep.Results) == 0 {
		return nil
	}
	type scored struct {
		i      int
		spread float64
	}
	var all []scored
	for i := range rep.Results[0].Sentences {
		lo, hi := 100.0, 0.0
		for _, r := range rep.Results {
			lo, hi = min(lo, r.Sentences[i].ChrF), max(hi, r.Sentences[i].ChrF)
		}
		spread := hi - lo
		if len(rep.Results) == 1 {
			spread = 100 - hi
		}
		if spread > 0 {
			all = append(all, scored{i, spread})
		}
	}
	sort.SliceStable(all, func(a, b int) bool { return all[a].spread > all[b].spread })
	var out []contrast
	for _, s := range all[:min(n, len(all))] {
		first := rep.Results[0].Sentences[s.i]
		c := contrast{Letter: first.Letter, ID: first.ID, Source: first.Source, Reference: first.Reference}
		for _, r := range rep.Results {
			c.Translations = append(c.Translations, contrastCell{Name: Name(r.Backend, r.Model), Text: r.Sentences[s.i].Translation, ChrF: r.Sentences[s.i].ChrF})
		}
		out = append(out, c)
	}
	return out
}
