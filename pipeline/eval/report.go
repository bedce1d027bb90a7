package eval

import (
	"math"

	"github.com/epistle-letters/epistle/pipeline/review"
)

// Report is what `eval --json` prints (DESIGN.md): the letters' approved
// translations as references, a result per backend/model.
type Report struct {
	Lang      string    `json:"lang"`
	Letters   int       `json:"letters"`
	Sentences int       `json:"sentences"`
	Results   []*Result `json:"results"`
}

// Result is the scores of one backend/model.
type Result struct {
	Backend string `json:"backend"`
	Model   string `json:"model"`
	// ChrF is corpus chrF++ (0–100); Identical the share of sentences
	// word for word as approved; EditDistance the mean number of
	// characters a reviewer would change; Glossary the share of term
	// occurrences rendered as the glossary requires.
	ChrF         float64 `json:"chrf"`
	Identical    float64 `json:"identical"`
	EditDistance float64 `json:"edit_distance"`
	Glossary     float64 `json:"glossary"`
	// QAErrors counts the problems of severity error; QA every problem,
	// errors and warnings, by check.
	QAErrors int            `json:"qa_errors"`
	QA       map[string]int `json:"qa"`
	// Failed counts sentences left without a translation.
	Failed           int `json:"failed"`
	Requests         int `json:"requests"`
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	// Cost is in US dollars at epistle.toml's prices; absent without a
	// price for the model.
	Cost    *float64 `json:"cost,omitempty"`
	Seconds float64  `json:"seconds"`
	// Reviewed is what reviewers changed in the backend/model's past
	// output, from the letters' review logs; absent when they never
	// approved any.
	Reviewed  *review.Stat `json:"reviewed,omitempty"`
	Sentences []Sentence   `json:"sentences"`
}

// Sentence is one reference sentence and its translation.
type Sentence struct {
	Letter      string  `json:"letter"`
	ID          string  `json:"id"`
	Source      string  `json:"source"`
	Reference   string  `json:"reference"`
	Translation string  `json:"translation"`
	ChrF        float64 `json:"chrf"`
}

// Plan is what `eval --dry-run` shows: the sentences, and per
// backend/model the requests and estimated cost.
type Plan struct {
	Lang     string            `json:"lang"`
	Letters  int               `json:"letters"`
	Models   []ModelPlan       `json:"models"`
	Segments []PlannedSentence `json:"sentences"`
}

// PlannedSentence is a sentence a dry run would send.
type PlannedSentence struct {
	Letter string `json:"letter"`
	ID     string `json:"id"`
	Source string `json:"source"`
}

// ModelPlan is what one backend/model would be sent.
type ModelPlan struct {
	Backend string `json:"backend"`
	Model   string `json:"model"`
	// Sentences would be sent; Reused come from the memory.
	Sentences       int      `json:"sentences"`
	Reused          int      `json:"reused"`
	Requests        int      `json:"requests"`
	EstimatedTokens int      `json:"estimated_tokens"`
	Cost            *float64 `json:"cost,omitempty"`
}

// Name is how eval names a backend and model, as the review log does: the
// backend alone when no model is named.
func Name(backend, model string) string {
	if model == "" {
		return backend
	}
	return backend + " " + model
}

// round rounds x to places decimal places, for scores a person reads.
func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}
