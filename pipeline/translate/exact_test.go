package translate_test

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/memory"
	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// TestExactMatchWithAPrivateName: epistle's own TMX keeps a sentence with
// a private name as it is sent, with the name's placeholder. As the memory
// of the next letter it is an exact match for that sentence: reused
// without a request, the name put back.
func TestExactMatchWithAPrivateName(t *testing.T) {
	l, g := openLetter(t, map[string]string{
		"letter.ko.md": requestLetter, "glossary.csv": requestGlossary,
		"epistle.toml": "glossary = \"glossary.csv\"\n",
	})
	mem := memory.New([]translate.Example{{Source: "<n1/> 형제가 왔습니다.", Target: "Brother <n1/> came."}})
	rec := &recorder{}
	r, err := translate.Run(context.Background(), l, translate.Options{Target: language.English, Translator: rec,
		Backend: "test", Glossary: g, Memory: mem, Save: store.WriteFiles})
	if err != nil {
		t.Fatal(err)
	}
	if r.Reused != 1 {
		t.Errorf("reused %d, want the sentence with the name: %+v", r.Reused, r)
	}
	for _, req := range rec.reqs {
		for _, u := range req.Units {
			if strings.Contains(u.Text, "형제가 왔습니다") {
				t.Errorf("the sentence with the name was sent: %q", u.Text)
			}
		}
	}
	trans, err := l.LoadCatalog("translate", language.English)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range l.Doc.Sentences() {
		if m := trans.Get(s.ID); m != nil && m.Other == "Brother Cheolsu Kim came." {
			found = true
		}
	}
	if !found {
		t.Errorf("no sentence reads \"Brother Cheolsu Kim came.\"")
	}
}
