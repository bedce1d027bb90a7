package openai

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/epistle-letters/epistle/pipeline/translate"
)

// The instructions are the part of every prompt that does not depend on the
// batch. They are sent once per request, so every word costs tokens times
// the number of batches: keep them short.
const instructions = `Input is JSON {"segments":[{"id","text","context"?,"problem"?}]}. Reply with JSON only: {"translations":[{"id","text"}]}, every id exactly once.
- Keep tags like <g1>…</g1>, <x2/>, <n1/> exactly as written; they may move.
- Keep all numbers and scripture references.
- "context" is the surrounding text, for reference only; a segment without it shares the previous one's. "problem" says what was wrong with your last attempt.
- No commentary.`

// systemPrompt tells the model what to do with this batch: the
// instructions, then the newsletter's style guide, the glossary entries that
// occur in the batch and examples of approved translations.
func systemPrompt(req *translate.Request) string {
	src, tgt := languageName(req.Source), languageName(req.Target)
	var b strings.Builder
	fmt.Fprintf(&b, "Translate segments of a letter from %s to %s.\n%s\n", src, tgt, instructions)
	if style := strings.TrimSpace(req.Style); style != "" {
		fmt.Fprintf(&b, "\nStyle guide:\n%s\n", style)
	}
	var keep []string
	glossary := false
	for _, t := range req.Terms {
		if t.Keep {
			keep = append(keep, t.Source)
			continue
		}
		if !glossary {
			b.WriteString("\nGlossary (use these renderings):\n")
			glossary = true
		}
		// The line format is read back by backendtest's fake model. A
		// term the glossary has no rendering for in this language is
		// context only.
		if t.Target == "" {
			fmt.Fprintf(&b, "- %s (no fixed rendering)", t.Source)
		} else {
			fmt.Fprintf(&b, "- %s => %s", t.Source, strings.ReplaceAll(t.Target, "|", " / "))
		}
		if len(t.Forbidden) > 0 {
			fmt.Fprintf(&b, " (never: %s)", strings.Join(t.Forbidden, ", "))
		}
		if t.Note != "" {
			fmt.Fprintf(&b, " — %s", t.Note)
		}
		b.WriteByte('\n')
	}
	if len(keep) > 0 {
		fmt.Fprintf(&b, "\nKeep unchanged: %s\n", strings.Join(keep, ", "))
	}
	if len(req.Examples) > 0 {
		b.WriteString("\nExamples:\n")
		for _, e := range req.Examples {
			fmt.Fprintf(&b, "%s: %s\n%s: %s\n", src, e.Source, tgt, e.Target)
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// languageName is the English name of a language ("Korean"), which models
// follow better than a bare tag, with the tag where a region or script
// matters ("English (en-GB)").
func languageName(tag language.Tag) string {
	name := display.English.Tags().Name(tag)
	if name == "" {
		return tag.String()
	}
	if base, _ := tag.Base(); base.String() != tag.String() {
		return fmt.Sprintf("%s (%s)", name, tag)
	}
	return name
}

// wireSegment is a unit as the model reads it.
type wireSegment struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Context string `json:"context,omitempty"`
	Problem string `json:"problem,omitempty"`
}

// userMessage is the batch's units as JSON. The context of consecutive units
// of one paragraph is usually the same and is sent only once; a context that
// is the segment itself says nothing and is left out.
func userMessage(req *translate.Request) string {
	segs := make([]wireSegment, len(req.Units))
	prev := ""
	for i, u := range req.Units {
		segs[i] = wireSegment{ID: u.ID, Text: u.Text, Problem: u.Problem}
		if u.Context != prev && u.Context != u.Text {
			segs[i].Context = u.Context
		}
		prev = u.Context
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Tags must reach the model as written, not as \u003c escapes that
	// cost tokens and tempt it to answer in kind.
	enc.SetEscapeHTML(false)
	enc.Encode(map[string]any{"segments": segs})
	return strings.TrimSuffix(buf.String(), "\n")
}

// replySchema is the strict JSON schema of the reply.
var replySchema = json.RawMessage(`{"type":"object","properties":{"translations":{"type":"array","items":{"type":"object","properties":{"id":{"type":"string"},"text":{"type":"string"}},"required":["id","text"],"additionalProperties":false}}},"required":["translations"],"additionalProperties":false}`)
