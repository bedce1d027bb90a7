package openai

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/translate"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// smallRequest is a batch of two sentences of one paragraph with a term, a
// do-not-translate name, a placeholder, an example and a retry.
func smallRequest() *translate.Request {
	para := "탈북민들의 안전을 위해 기도해 주십시오. <n1/> 형제가 <g1>Zoom</g1>으로 인사합니다."
	return &translate.Request{
		Source: language.Korean, Target: language.English,
		Units: []translate.Unit{
			{ID: "p3.s1", Text: "탈북민들의 안전을 위해 기도해 주십시오.", Context: para},
			{ID: "p3.s2", Text: "<n1/> 형제가 <g1>Zoom</g1>으로 인사합니다.", Context: para,
				Problem: "the placeholder <n1/> is missing"},
		},
		Style: "Warm and plain. Quote the ESV.",
		Terms: []translate.TermHint{
			{Source: "탈북민", Target: "North Korean defector|North Korean defectors", Forbidden: []string{"deserter", "escapee"}, Note: "never \"deserter\""},
			{Source: "Zoom", Target: "Zoom", Keep: true},
			{Source: "<n1/>", Target: "<n1/>", Keep: true},
		},
		Examples: []translate.Example{{Source: "탈북민들의 안전과, 그들이 북한으로 송환되지 않도록 기도해 주십시오.",
			Target: "Please pray for the safety of the North Korean defectors and that they will not be repatriated to North Korea."}},
	}
}

// TestPromptGolden pins the prompt of a small batch: the prompt is sent with
// every request, and a change to it changes cost and quality, so its diff
// is reviewed like code. Run with -update to rewrite it.
func TestPromptGolden(t *testing.T) {
	req := smallRequest()
	got := "--- system\n" + systemPrompt(req) + "\n--- user\n" + userMessage(req) + "\n"
	golden := filepath.Join("testdata", "prompt.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("prompt differs from %s (run go test -update and review the diff):\n%s", golden, got)
	}
}

func TestLanguageName(t *testing.T) {
	for _, tc := range []struct{ tag, want string }{
		{"ko", "Korean"},
		{"en", "English"},
		{"en-GB", "British English (en-GB)"},
		{"zh-Hant", "Traditional Chinese (zh-Hant)"},
		{"pt-BR", "Brazilian Portuguese (pt-BR)"},
	} {
		if got := languageName(language.MustParse(tc.tag)); got != tc.want {
			t.Errorf("languageName(%s) = %q, want %q", tc.tag, got, tc.want)
		}
	}
}

func TestUserMessageSendsSharedContextOnce(t *testing.T) {
	req := &translate.Request{Units: []translate.Unit{
		{ID: "a", Text: "A.", Context: "A. B."},
		{ID: "b", Text: "B.", Context: "A. B."},
		{ID: "c", Text: "C.", Context: "C. D."},
		{ID: "e", Text: "E.", Context: "E."},
	}}
	want := `{"segments":[{"id":"a","text":"A.","context":"A. B."},{"id":"b","text":"B."},{"id":"c","text":"C.","context":"C. D."},{"id":"e","text":"E."}]}`
	if got := userMessage(req); got != want {
		t.Errorf("userMessage =\n%s\nwant\n%s", got, want)
	}
}

func TestParseReply(t *testing.T) {
	units := []translate.Unit{{ID: "a"}, {ID: "b"}}
	for _, tc := range []struct {
		name, content string
		want          map[string]string
		wantErr       bool
	}{
		{"plain", `{"translations":[{"id":"a","text":"A"},{"id":"b","text":"B"}]}`, map[string]string{"a": "A", "b": "B"}, false},
		{"fenced", "```json\n{\"translations\":[{\"id\":\"a\",\"text\":\"A\"}]}\n```", map[string]string{"a": "A"}, false},
		{"fence without language", "```\n{\"translations\":[]}\n```", map[string]string{}, false},
		{"thinking first", "<think>hmm {maybe}</think>\n{\"translations\":[{\"id\":\"b\",\"text\":\"B\"}]}", map[string]string{"b": "B"}, false},
		{"chatter around", "Here you are:\n{\"translations\":[{\"id\":\"b\",\"text\":\"B\"}]}\nEnjoy!", map[string]string{"b": "B"}, false},
		{"numeric id", `{"translations":[{"id":1,"text":"one"},{"id":"a","text":"A"}]}`, map[string]string{"a": "A"}, false},
		{"unknown and duplicate ids", `{"translations":[{"id":"z","text":"Z"},{"id":"a","text":"A1"},{"id":"a","text":"A2"}]}`, map[string]string{"a": "A1"}, false},
		{"tags kept", `{"translations":[{"id":"a","text":"<g1>Hi</g1> <n1/>"}]}`, map[string]string{"a": "<g1>Hi</g1> <n1/>"}, false},
		{"prose", "Sure! Here are the translations.", nil, true},
		{"wrong shape", `{"segments":[{"id":"a","text":"A"}]}`, nil, true},
		{"missing text", `{"translations":[{"id":"a"}]}`, nil, true},
		{"text not a string", `{"translations":[{"id":"a","text":3}]}`, nil, true},
		{"truncated", `{"translations":[{"id":"a","text":"A"},{"id":"b","te`, nil, true},
		// The shapes of weak models, read where they are unambiguous.
		{"keyed translation and translated", `{"translations":[{"id":"a","translation":"A"},{"id":"b","translated":"B"}]}`, map[string]string{"a": "A", "b": "B"}, false},
		{"two keys that agree", `{"translations":[{"id":"a","text":"A","translation":"A"}]}`, map[string]string{"a": "A"}, false},
		{"bare array", `[{"id":"a","text":"A"},{"id":"b","text":"B"}]`, map[string]string{"a": "A", "b": "B"}, false},
		{"bare array with chatter", "Here you go: [{\"id\":\"a\",\"text\":\"A\"}] Hope that helps!", map[string]string{"a": "A"}, false},
		{"fence after chatter", "Here is the JSON:\n```json\n[{\"id\":\"b\",\"text\":\"B\"}]\n```\nDone.", map[string]string{"b": "B"}, false},
		{"chatter with braces", `Here {is} the reply: {"translations":[{"id":"a","text":"A"}]}`, map[string]string{"a": "A"}, false},
		{"numbered from 1", `{"translations":[{"id":1,"text":"A"},{"id":2,"text":"B"}]}`, map[string]string{"a": "A", "b": "B"}, false},
		{"numbered from 0, out of order", `[{"id":1,"text":"B"},{"id":0,"text":"A"}]`, map[string]string{"a": "A", "b": "B"}, false},
		{"the same answer twice", "```json\n[{\"id\":\"a\",\"text\":\"A\"}]\n```\nAgain:\n```json\n[{\"id\":\"a\",\"text\":\"A\"}]\n```", map[string]string{"a": "A"}, false},
		// What could be read two ways is refused or names nobody.
		{"numbers that are not places", `[{"id":1,"text":"A"},{"id":3,"text":"B"}]`, map[string]string{}, false},
		{"fewer numbers than units", `[{"id":1,"text":"A"}]`, map[string]string{}, false},
		{"numbers and ids mixed", `[{"id":1,"text":"A"},{"id":"b","text":"B"}]`, map[string]string{"b": "B"}, false},
		{"two different texts", `{"translations":[{"id":"a","text":"A","translation":"B"}]}`, nil, true},
		{"two answers", `{"translations":[{"id":"a","text":"A"}]} or maybe {"translations":[{"id":"a","text":"B"}]}`, nil, true},
		{"array inside a cut object", `{"translations":[{"id":"a","text":"A"}],"note":`, nil, true},
		{"array without ids", `[{"text":"A"}]`, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseReply(tc.content, units)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			if tc.wantErr {
				return
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for k, v := range tc.want {
				if got[k] != v {
					t.Errorf("got[%q] = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

// Into Japanese, the prompt names the language, gives the Japanese
// rendering, and a term without one as context only.
func TestPromptJapanese(t *testing.T) {
	req := &translate.Request{Source: language.Korean, Target: language.Japanese,
		Units: []translate.Unit{{ID: "a", Text: "탈북민과 공안"}},
		Terms: []translate.TermHint{
			{Source: "탈북민", Target: "脱北者", Forbidden: []string{"脱走兵"}},
			{Source: "공안", Note: "Chinese police"},
		}}
	got := systemPrompt(req)
	for _, want := range []string{
		"Translate segments of a letter from Korean to Japanese.\n",
		"\n- 탈북민 => 脱北者 (never: 脱走兵)\n",
		"\n- 공안 (no fixed rendering) — Chinese police",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the prompt has no %q:\n%s", want, got)
		}
	}
}
