package translate_test

import (
	"context"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/backendtest"
	"github.com/epistle-letters/epistle/pipeline/openai"
	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// runFake translates requestLetter with the openai backend against srv and
// returns the result and the machine catalog's texts by id.
func runFake(t *testing.T, srv *backendtest.Server) (*translate.Result, map[string]string) {
	t.Helper()
	l, g := openLetter(t, map[string]string{
		"letter.ko.md": requestLetter, "glossary.csv": requestGlossary,
		"epistle.toml": "glossary = \"glossary.csv\"\n",
	})
	tr, err := openai.New(openai.Config{APIKey: "k", BaseURL: srv.OpenAIURL(), Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := translate.Run(context.Background(), l, translate.Options{
		Target: language.English, Translator: tr, Backend: "openai", Model: "m", Glossary: g, Save: store.WriteFiles})
	if err != nil {
		t.Fatalf("translate: %v (%+v)", err, r)
	}
	trans, err := l.LoadTranslations(language.English)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, m := range trans.Machine.Messages {
		out[m.ID] = m.Other
	}
	return r, out
}

// TestMergingModelSavesNoMergedText: a model that runs each pair of
// sentences together in every reply gets each merged sentence sent again
// alone, and what is saved is what a model that never merges gives.
func TestMergingModelSavesNoMergedText(t *testing.T) {
	clean := backendtest.NewServer(backendtest.Options{})
	defer clean.Close()
	_, want := runFake(t, clean)
	for _, f := range []backendtest.Failure{backendtest.MergeAdjacent, backendtest.MergeDrop} {
		t.Run(string(f), func(t *testing.T) {
			srv := backendtest.NewServer(backendtest.Options{})
			defer srv.Close()
			srv.FailNext(f, -1)
			r, got := runFake(t, srv)
			if r.Translated != 4 || r.Failed != 0 || r.Requests != 5 {
				t.Errorf("result %+v; want 4 translated, the batch and four sent again alone", r)
			}
			for id, text := range want {
				if got[id] != text {
					t.Errorf("%s = %q, want %q", id, got[id], text)
				}
			}
		})
	}
}

// TestWeakModelShapesTranslateEverything: replies in the shapes of small
// local models are read, every sentence in the one request.
func TestWeakModelShapesTranslateEverything(t *testing.T) {
	for _, f := range []backendtest.Failure{backendtest.KeyTranslation, backendtest.KeyTranslated,
		backendtest.BareArray, backendtest.NumericIDs, backendtest.CodeFence, backendtest.Chatter} {
		t.Run(string(f), func(t *testing.T) {
			srv := backendtest.NewServer(backendtest.Options{})
			defer srv.Close()
			srv.FailNext(f, -1)
			r, _ := runFake(t, srv)
			if r.Translated != 4 || r.Requests != 1 {
				t.Errorf("result %+v; want 4 translated in 1 request", r)
			}
		})
	}
}
