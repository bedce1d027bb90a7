package backendtest_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/pipeline/backendtest"
	"github.com/epistle-letters/epistle/pipeline/deepl"
	"github.com/epistle-letters/epistle/pipeline/openai"
	"github.com/epistle-letters/epistle/pipeline/qa"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// The fake's translations of the sample letter pass every check the
// pipeline makes, through both wire formats and in every language it
// speaks, so the pipeline's tests succeed unless they ask for a failure.
func TestFakeTranslationsPassChecks(t *testing.T) {
	all, err := glossary.Load("../../testdata/glossary.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, tgt := range []language.Tag{language.English, language.Japanese, language.SimplifiedChinese} {
		t.Run(tgt.String(), func(t *testing.T) { fakePassesChecks(t, all.In(tgt), tgt) })
	}
}

func fakePassesChecks(t *testing.T, g *glossary.Glossary, tgt language.Tag) {
	tm, err := os.ReadFile("../../testdata/2023-06-3.tm.tsv")
	if err != nil {
		t.Fatal(err)
	}
	req := &translate.Request{Source: language.Korean, Target: tgt}
	seen := map[string]bool{}
	for i, line := range strings.Split(string(tm), "\n") {
		src, _, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		// A tag and a placeholder, as the pipeline puts them in.
		if i == 3 {
			src = "<g1>" + src + "</g1> <n1/>"
		}
		req.Units = append(req.Units, translate.Unit{ID: fmt.Sprint(i), Text: src})
		for _, m := range g.Match(src, language.Korean) {
			if e := m.Entry; !seen[e.Source] {
				seen[e.Source] = true
				req.Terms = append(req.Terms, translate.TermHint{Source: e.Source, Target: strings.Join(e.Targets, "|"),
					Forbidden: e.Forbidden, Note: e.Note, Keep: e.Kind == glossary.KindDNT})
			}
		}
	}
	srv := backendtest.NewServer(backendtest.Options{})
	defer srv.Close()
	o, err := openai.New(openai.Config{APIKey: "k", BaseURL: srv.OpenAIURL(), Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := deepl.New(deepl.Config{AuthKey: "k:fx", ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	for name, tr := range map[string]translate.Translator{"openai": o, "deepl": d} {
		resp, err := tr.Translate(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range req.Units {
			got, ok := resp.Translations[u.ID]
			if !ok {
				t.Errorf("%s: %s not translated", name, u.ID)
				continue
			}
			in := qa.Input{ID: u.ID, Source: u.Text, Translation: got, Src: language.Korean, Tgt: tgt, Glossary: g}
			for _, p := range qa.Check(in) {
				// A warning is for the reviewer; an error fails the segment.
				report := t.Logf
				if p.Severity == qa.Error {
					report = t.Errorf
				}
				report("%s: %s %q → %q: %s %s: %s", name, u.ID, u.Text, got, p.Severity, p.Check, p.Message)
			}
		}
	}
}

// The spoiled replies fail the check they are meant for.
func TestSpoiledTranslationsFailChecks(t *testing.T) {
	g, err := glossary.Load("../../testdata/glossary.csv")
	if err != nil {
		t.Fatal(err)
	}
	src := "<g1>탈북민들의</g1> 안전을 위해 기도해 주십시오."
	req := &translate.Request{Source: language.Korean, Target: language.English,
		Units: []translate.Unit{{ID: "a", Text: src}},
		Terms: []translate.TermHint{{Source: "탈북민", Target: "North Korean defector|North Korean defectors"}}}
	srv := backendtest.NewServer(backendtest.Options{})
	defer srv.Close()
	tr, err := openai.New(openai.Config{APIKey: "k", BaseURL: srv.OpenAIURL(), Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		failure backendtest.Failure
		check   string
	}{
		{backendtest.IgnoreTerm, "glossary"},
		{backendtest.DropTag, "tags"},
	} {
		srv.FailNext(tc.failure, 1)
		resp, err := tr.Translate(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		in := qa.Input{ID: "a", Source: src, Translation: resp.Translations["a"], Src: language.Korean, Tgt: language.English, Glossary: g}
		var checks []string
		for _, p := range qa.Errors(qa.Check(in)) {
			checks = append(checks, p.Check)
		}
		if !slices.Contains(checks, tc.check) {
			t.Errorf("%s: %q fails checks %v, want %s", tc.failure, resp.Translations["a"], checks, tc.check)
		}
	}
}

// Asked for Japanese, the fake answers in Japanese with the glossary's
// Japanese rendering; spoiled, in English or with the forbidden rendering,
// and the checks catch each.
func TestJapaneseReplies(t *testing.T) {
	g, err := glossary.Parse("g.csv", []byte("source,target,kind,forbidden,note,target:ja,forbidden:ja\n탈북민,North Korean defector,term,deserter,,脱北者,脱走兵\n"))
	if err != nil {
		t.Fatal(err)
	}
	ja := g.In(language.Japanese)
	src := "탈북민들의 안전을 위해 기도해 주십시오."
	req := &translate.Request{Source: language.Korean, Target: language.Japanese,
		Units: []translate.Unit{{ID: "a", Text: src}},
		Terms: []translate.TermHint{{Source: "탈북민", Target: "脱北者", Forbidden: []string{"脱走兵"}}}}
	srv := backendtest.NewServer(backendtest.Options{})
	defer srv.Close()
	tr, err := openai.New(openai.Config{APIKey: "k", BaseURL: srv.OpenAIURL(), Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		failure backendtest.Failure
		want    []string // the checks that fail, in order
	}{
		{"", nil},
		{backendtest.English, []string{"glossary", "language"}},
		{backendtest.UseForbidden, []string{"glossary", "glossary"}},
	} {
		if tc.failure != "" {
			srv.FailNext(tc.failure, 1)
		}
		resp, err := tr.Translate(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		got := resp.Translations["a"]
		var checks []string
		for _, p := range qa.Errors(qa.Check(qa.Input{ID: "a", Source: src, Translation: got, Src: language.Korean, Tgt: language.Japanese, Glossary: ja})) {
			checks = append(checks, p.Check)
		}
		if !slices.Equal(checks, tc.want) {
			t.Errorf("%s: %q fails checks %v, want %v", tc.failure, got, checks, tc.want)
		}
		if tc.failure == "" && (!strings.Contains(got, "脱北者") || !strings.HasSuffix(got, "。")) {
			t.Errorf("a Japanese reply: %q", got)
		}
	}
}
