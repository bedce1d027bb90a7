package openai

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/epistle-letters/epistle/pipeline/translate"
)

// parseReply reads the model's reply: JSON of the shape the instructions
// ask for, or one of the shapes small and local models give instead when
// it is unambiguous what they mean:
//
//   - the JSON in a ``` fence, or with a sentence of chatter around it, or
//     after a reasoning model's <think>…</think>;
//   - a bare array of items instead of {"translations": […]};
//   - an item's text keyed "translation" or "translated" instead of "text";
//   - ids written as numbers: the id itself (12345678), or every item
//     numbered by its place in the batch, 1 to n or 0 to n-1.
//
// It refuses what could be read two ways: two answers in one reply, an item
// with two different texts, an item without one. It returns the
// translations of the batch's units; ids that name no unit are dropped, so a
// unit the model left out or renamed is simply missing.
func parseReply(content string, units []translate.Unit) (map[string]string, error) {
	s := strings.TrimSpace(content)
	// Reasoning models served by Ollama or vLLM think aloud first.
	if rest, ok := strings.CutPrefix(s, "<think>"); ok {
		_, s, _ = strings.Cut(rest, "</think>")
		s = strings.TrimSpace(s)
	}
	if !strings.ContainsAny(s, "{[") {
		return nil, fmt.Errorf("reply is not JSON: %q", clip(s))
	}
	items, err := replyItems(s)
	if err != nil {
		return nil, err
	}
	ids, err := itemIDs(items, units)
	if err != nil {
		return nil, err
	}
	want := make(map[string]bool, len(units))
	for _, u := range units {
		want[u.ID] = true
	}
	out := make(map[string]string, len(units))
	for i, it := range items {
		text, err := it.text()
		if err != nil {
			return nil, err
		}
		if _, dup := out[ids[i]]; want[ids[i]] && !dup {
			out[ids[i]] = text
		}
	}
	return out, nil
}

// replyItem is one translation as the model wrote it.
type replyItem struct {
	ID          json.RawMessage  `json:"id"`
	Text        *json.RawMessage `json:"text"`
	Translation *json.RawMessage `json:"translation"`
	Translated  *json.RawMessage `json:"translated"`
}

// text returns the item's translation, from whichever key holds it.
func (it replyItem) text() (string, error) {
	text, found := "", false
	for _, raw := range []*json.RawMessage{it.Text, it.Translation, it.Translated} {
		if raw == nil {
			continue
		}
		var t string
		if err := json.Unmarshal(*raw, &t); err != nil {
			return "", fmt.Errorf("reply has a translation that is not a string (id %s)", it.ID)
		}
		if found && t != text {
			return "", fmt.Errorf("reply has two different texts for id %s", it.ID)
		}
		text, found = t, true
	}
	if !found {
		return "", fmt.Errorf("reply has a translation without \"text\" (id %s)", it.ID)
	}
	return text, nil
}

// fence is a Markdown code fence and what it holds.
var fence = regexp.MustCompile("(?s)```[A-Za-z]*[ \t]*\n(.*?)```")

// replyItems finds the one JSON answer in a reply: inside a code fence when
// there is one, else anywhere among the chatter. An answer is an object
// with a "translations" array, or a bare array of objects with ids.
func replyItems(s string) ([]replyItem, error) {
	bodies := []string{s}
	if ms := fence.FindAllStringSubmatch(s, -1); ms != nil {
		bodies = bodies[:0]
		for _, m := range ms {
			bodies = append(bodies, m[1])
		}
	}
	var found [][]replyItem
	var first string
	for _, body := range bodies {
		for i := 0; i < len(body); i++ {
			if (body[i] != '{' && body[i] != '[') || insideJSON(body[:i]) {
				continue
			}
			dec := json.NewDecoder(strings.NewReader(body[i:]))
			var raw json.RawMessage
			if dec.Decode(&raw) != nil {
				continue
			}
			if items, ok := asAnswer(raw); ok {
				if len(found) > 0 && string(raw) != first {
					return nil, fmt.Errorf("reply holds more than one answer: %q", clip(s))
				}
				if len(found) == 0 {
					first = string(raw)
				}
				found = append(found, items)
			}
			i += int(dec.InputOffset()) - 1
		}
	}
	if len(found) == 0 {
		return nil, fmt.Errorf("reply is not JSON of the asked shape: %q", clip(s))
	}
	return found[0], nil
}

// insideJSON reports whether a value starting after before would be part
// of a larger JSON text — after a key's colon, a comma or an opening
// bracket — rather than a value of its own after chatter such as
// "Here you are:".
func insideJSON(before string) bool {
	t := strings.TrimRightFunc(before, unicode.IsSpace)
	switch {
	case t == "":
		return false
	case strings.HasSuffix(t, ",") || strings.HasSuffix(t, "["):
		return true
	case strings.HasSuffix(t, ":"):
		return strings.HasSuffix(strings.TrimRightFunc(t[:len(t)-1], unicode.IsSpace), `"`)
	}
	return false
}

// asAnswer reads raw as an answer and returns its items.
func asAnswer(raw json.RawMessage) ([]replyItem, bool) {
	var items []replyItem
	if raw[0] == '[' {
		if json.Unmarshal(raw, &items) != nil {
			return nil, false
		}
		for _, it := range items {
			if it.ID == nil {
				return nil, false
			}
		}
		return items, true
	}
	var obj struct {
		Translations *[]replyItem `json:"translations"`
	}
	if json.Unmarshal(raw, &obj) != nil || obj.Translations == nil {
		return nil, false
	}
	return *obj.Translations, true
}

// itemIDs returns the unit id each item names. An id is a string, or a
// number that is a unit's id; when every id is a number and none is a
// unit's, the numbers are the items' places in the batch if they are
// exactly 1 to n or 0 to n-1, n being the number of units, and otherwise
// name nothing.
func itemIDs(items []replyItem, units []translate.Unit) ([]string, error) {
	ids := make([]string, len(items))
	numbers := make([]int, len(items))
	allNumbers := len(items) > 0
	known := map[string]bool{}
	for _, u := range units {
		known[u.ID] = true
	}
	anyKnown := false
	for i, it := range items {
		var s string
		if err := json.Unmarshal(it.ID, &s); err == nil {
			ids[i], allNumbers = s, false
			anyKnown = anyKnown || known[s]
			continue
		}
		var n json.Number
		if err := json.Unmarshal(it.ID, &n); err != nil {
			return nil, fmt.Errorf("id %s is neither a string nor a number", it.ID)
		}
		ids[i] = n.String()
		anyKnown = anyKnown || known[ids[i]]
		k, err := strconv.Atoi(n.String())
		if err != nil {
			allNumbers = false
		}
		numbers[i] = k
	}
	if !allNumbers || anyKnown || len(items) != len(units) {
		return ids, nil
	}
	for _, base := range []int{1, 0} {
		seen := make([]bool, len(units))
		ok := true
		for _, k := range numbers {
			p := k - base
			if p < 0 || p >= len(units) || seen[p] {
				ok = false
				break
			}
			seen[p] = true
		}
		if ok {
			for i, k := range numbers {
				ids[i] = units[k-base].ID
			}
			return ids, nil
		}
	}
	return ids, nil
}

// clip shortens a reply for an error message.
func clip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}
