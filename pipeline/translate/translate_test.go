package translate_test

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/pipeline/lettertest"
	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// recorder is a translator that keeps every request and answers each unit
// with a fixed English sentence that keeps its tags and placeholders.
type recorder struct {
	mu   sync.Mutex
	reqs []*translate.Request
	// answer overrides the default answer for a unit id.
	answer map[string]string
}

func (r *recorder) Translate(_ context.Context, req *translate.Request) (*translate.Response, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reqs = append(r.reqs, req)
	out := map[string]string{}
	for _, u := range req.Units {
		if a, ok := r.answer[u.ID]; ok {
			out[u.ID] = a
			continue
		}
		out[u.ID] = fakeEnglish(u.Text, req.Terms)
	}
	return &translate.Response{Translations: out, Requests: 1}, nil
}

// fakeEnglish keeps the tags and numbers of text and names every term.
func fakeEnglish(text string, terms []translate.TermHint) string {
	var b strings.Builder
	b.WriteString("Text")
	for _, t := range terms {
		if strings.Contains(text, t.Source) {
			b.WriteString(" " + t.Target)
		}
	}
	for _, f := range strings.Fields(text) {
		if strings.ContainsAny(f, "0123456789<") {
			b.WriteString(" " + strings.TrimRight(f, "을를이가은는의에도."))
		}
	}
	return b.String() + "."
}

func openLetter(t *testing.T, files map[string]string) (*store.Letter, *glossary.Glossary) {
	t.Helper()
	l := lettertest.Open(t, files)
	g, err := l.Config.LoadGlossary("")
	if err != nil {
		t.Fatal(err)
	}
	return l, g
}

const requestLetter = `첫 문단입니다. 탈북민을 위해 기도합니다.

둘째 문단은 천안 소식입니다. 김철수 형제가 왔습니다.
`

const requestGlossary = `source,target,kind,forbidden,note
탈북민,North Korean defectors,term,deserters,
천안,Cheonan,name,,city where 김철수 lives
공안,public security,term,,not in the letter
김철수,Cheolsu Kim,private,,
`

// TestRequestCarriesOnlyWhatTheBatchNeeds checks what a backend is told:
// only the glossary entries of the batch, private names as placeholders,
// the paragraph around a sentence sent alone, the style guide.
func TestRequestCarriesOnlyWhatTheBatchNeeds(t *testing.T) {
	l, g := openLetter(t, map[string]string{
		"letter.ko.md": requestLetter, "glossary.csv": requestGlossary,
		"epistle.toml": "glossary = \"glossary.csv\"\n",
	})
	rec := &recorder{}
	opts := translate.Options{Target: language.English, Translator: rec, Backend: "test", Glossary: g,
		Style: "Use the NIV. 김철수 reads it first.", Save: store.WriteFiles}
	if _, err := translate.Run(context.Background(), l, opts); err != nil {
		t.Fatal(err)
	}
	if len(rec.reqs) != 1 {
		t.Fatalf("%d requests for a short letter, want 1", len(rec.reqs))
	}
	req := rec.reqs[0]
	if req.Style != "Use the NIV. <n1/> reads it first." {
		t.Errorf("style = %q", req.Style)
	}
	var terms []string
	for _, th := range req.Terms {
		terms = append(terms, th.Source)
	}
	if strings.Join(terms, ",") != "탈북민,천안" {
		t.Errorf("terms sent: %v, want only the two that occur (not 공안, never the private name)", terms)
	}
	for _, th := range req.Terms {
		if strings.Contains(th.Note, "김철수") {
			t.Errorf("the note of %s carries the private name: %q", th.Source, th.Note)
		}
	}
	for _, u := range req.Units {
		if strings.Contains(u.Text, "김철수") || strings.Contains(u.Context, "김철수") {
			t.Errorf("unit %s carries the private name: %q", u.ID, u.Text)
		}
		if u.Context != "" {
			t.Errorf("unit %s has context though its whole paragraph is in the batch", u.ID)
		}
	}

	// Edit one sentence: it goes alone, with its paragraph as context.
	edited := strings.Replace(requestLetter, "천안 소식입니다", "천안에서 온 소식입니다", 1)
	if err := os.WriteFile(l.Path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	l2 := lettertest.Reopen(t, l.Path)
	rec.reqs = nil
	r, err := translate.Run(context.Background(), l2, opts)
	if err != nil {
		t.Fatal(err)
	}
	if r.Translated != 1 || len(rec.reqs) != 1 || len(rec.reqs[0].Units) != 1 {
		t.Fatalf("after one edit: translated %d in %d requests", r.Translated, len(rec.reqs))
	}
	u := rec.reqs[0].Units[0]
	if !strings.Contains(u.Context, "형제가 왔습니다") || !strings.Contains(u.Context, "<n1/>") {
		t.Errorf("context of the lone sentence = %q, want its paragraph with the name hidden", u.Context)
	}
}

// TestStaleSentenceGetsItsOldTranslationAsExample checks that a sentence
// edited after approval is sent with its earlier version and the approved
// translation of it as an example.
func TestStaleSentenceGetsItsOldTranslationAsExample(t *testing.T) {
	l, g := openLetter(t, map[string]string{"letter.ko.md": "첫 문장입니다.\n"})
	id := l.Doc.Sentences()[0].ID
	approved := "[" + id + "]\nhash = \"" + l.Hash(id) + "\"\nother = \"This is the first sentence.\"\n"
	if err := os.WriteFile(l.CatalogPath("active", language.English), []byte(approved), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(l.Path, []byte("첫 문장을 고쳤습니다.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l2 := lettertest.Reopen(t, l.Path)
	rec := &recorder{}
	if _, err := translate.Run(context.Background(), l2, translate.Options{
		Target: language.English, Translator: rec, Backend: "test", Glossary: g, Save: store.WriteFiles}); err != nil {
		t.Fatal(err)
	}
	if len(rec.reqs) != 1 || len(rec.reqs[0].Examples) != 1 {
		t.Fatalf("requests %d; want one with one example", len(rec.reqs))
	}
	if ex := rec.reqs[0].Examples[0]; ex.Source != "첫 문장입니다." || ex.Target != "This is the first sentence." {
		t.Errorf("example = %+v", ex)
	}
}

// TestFailingSentenceIsRetriedAloneThenFails checks that a translation the
// checks reject goes back alone with the problem named, and is recorded as
// failed after the retries.
func TestFailingSentenceIsRetriedAloneThenFails(t *testing.T) {
	l, g := openLetter(t, map[string]string{
		"letter.ko.md": requestLetter, "glossary.csv": requestGlossary,
		"epistle.toml": "glossary = \"glossary.csv\"\n",
	})
	var id string
	for _, s := range l.Doc.Sentences() {
		if strings.Contains(s.Text, "탈북민") {
			id = s.ID
		}
	}
	rec := &recorder{answer: map[string]string{id: "We pray for the deserters."}}
	r, err := translate.Run(context.Background(), l, translate.Options{
		Target: language.English, Translator: rec, Backend: "test", Glossary: g, Save: store.WriteFiles})
	if err == nil || r.Failed != 1 || r.Translated != 3 {
		t.Fatalf("err %v, result %+v; want one failure and three translated", err, r)
	}
	if len(rec.reqs) != 3 {
		t.Fatalf("%d requests, want the batch and two retries", len(rec.reqs))
	}
	for _, req := range rec.reqs[1:] {
		if len(req.Units) != 1 || req.Units[0].ID != id || !strings.Contains(req.Units[0].Problem, "deserters") {
			t.Errorf("retry %+v: want the one sentence with the problem named", req.Units)
		}
	}
	trans, err := l.LoadTranslations(language.English)
	if err != nil {
		t.Fatal(err)
	}
	if f, ok := trans.Failures[id]; !ok || !strings.Contains(f.Reason, "deserters") {
		t.Errorf("failure recorded: %+v", trans.Failures)
	}
}
