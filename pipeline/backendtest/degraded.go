package backendtest

import (
	"regexp"
	"strings"
)

// DegradedModel is the prefix of the models that translate worse: a chat
// request for a model named degraded… (degraded-model) gets the fake's
// translation with every one of its English words swapped for the next in
// its word list. The reply still passes every check the pipeline makes, so
// `epistle eval` has a model to rank below a faithful one.
const DegradedModel = "degraded"

var latinWord = regexp.MustCompile(`[a-z]+`)

// degrade swaps each of the fake's words in text for the next one in its
// list; two different words never become the same, so no word is doubled.
func degrade(text string) string {
	return latinWord.ReplaceAllStringFunc(text, func(w string) string {
		for i, x := range words {
			if x == w {
				return words[(i+1)%len(words)]
			}
		}
		return w
	})
}

// degraded reports whether model is one of the degraded models.
func degraded(model string) bool { return strings.HasPrefix(model, DegradedModel) }
