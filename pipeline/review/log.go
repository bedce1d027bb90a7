package review

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// Log is what review.<lang>.json in NAME.epistle keeps: where the last
// interactive session stopped, so the next one starts there, and every
// approval, so that nothing a person approved is lost when a later approval
// replaces it, and so that `status --stats` can say which backend needed
// the fewest corrections.
type Log struct {
	// Next is the sentence the last interactive session stopped at; "" when
	// it went through to the end.
	Next      string     `json:"next,omitempty"`
	Decisions []Decision `json:"decisions"`
}

// Decision is one approval.
type Decision struct {
	ID string `json:"id"`
	// Hash is the hash of the source the translation was approved for.
	Hash string `json:"hash"`
	// Edited is true when the person changed the text before approving.
	Edited bool `json:"edited"`
	// Text is what was approved.
	Text string `json:"text"`
	// Backend is where the machine translation the person started from
	// came from ("openai gpt-4o-mini", "memory fuzzy 87%"), and Machine
	// that translation when the person changed it; both are empty when
	// the approval started from an earlier approval.
	Backend string `json:"backend,omitempty"`
	Machine string `json:"machine,omitempty"`
	// Distance is the edit distance from Machine to Text.
	Distance int `json:"distance"`
	// Replaced is the earlier approved translation this one replaced.
	Replaced string `json:"replaced,omitempty"`
	// Origin says how the approval was made when no person made it here:
	// "reviewed in letter.en.xlf", or [ReuseOrigin].
	Origin string `json:"origin,omitempty"`
}

// LogPath is where the review log of a letter in lang is kept.
func LogPath(l *store.Letter, lang language.Tag) string {
	return filepath.Join(l.Dir, "review."+lang.String()+".json")
}

// LoadLog reads a review log; a missing file is an empty log.
func LoadLog(path string) (*Log, error) {
	log := &Log{}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return log, nil
	case err != nil:
		return nil, &store.BadLetter{Err: locales.New("letter.read", "Path", path).Wrap(err)}
	}
	if err := json.Unmarshal(data, log); err != nil {
		return nil, &store.BadLetter{Err: locales.New("review.log.syntax", "Path", path, "Err", err.Error()).WithHint("review.log.syntax.hint")}
	}
	return log, nil
}

// redacted returns the log with private names hidden in every text; red
// may be nil.
func (log *Log) redacted(red *glossary.Redactor) *Log {
	if red == nil {
		return log
	}
	out := &Log{Next: log.Next, Decisions: make([]Decision, len(log.Decisions))}
	for i, d := range log.Decisions {
		for _, s := range []*string{&d.Text, &d.Machine, &d.Replaced} {
			*s = red.Redact(*s)
		}
		out.Decisions[i] = d
	}
	return out
}

// Marshal returns the log file's content.
func (log *Log) Marshal() []byte {
	if log.Decisions == nil {
		log.Decisions = []Decision{}
	}
	data, _ := json.MarshalIndent(log, "", "  ")
	return append(data, '\n')
}

// Stat sums up the approvals of machine translations from one backend and
// model: the evidence for choosing a backend.
type Stat struct {
	Backend string `json:"backend"`
	Model   string `json:"model"`
	// Approved counts approved machine translations; Unchanged those
	// approved exactly as the machine wrote them.
	Approved  int `json:"approved"`
	Unchanged int `json:"unchanged"`
	// Distance is the average edit distance, in characters, from machine
	// translation to approved text.
	Distance float64 `json:"distance"`
}

// UnchangedShare is the share of approvals that kept the machine's text.
func (s Stat) UnchangedShare() float64 {
	if s.Approved == 0 {
		return 0
	}
	return float64(s.Unchanged) / float64(s.Approved)
}

// percent strips the match score of a memory's provenance ("memory fuzzy
// 87%"), which differs from sentence to sentence.
var percent = regexp.MustCompile(`\s*\d+(\.\d+)?%$`)

// Stats sums up the approvals of every log by backend and model, in order
// of backend and model. Only the last approval of each sentence and source
// counts: a person who approves, goes back and edits has approved once.
func Stats(logs []*Log) []Stat {
	type key struct{ backend, model string }
	sums := map[key]*Stat{}
	total := map[key]int{}
	for _, log := range logs {
		last := map[string]Decision{}
		var order []string
		for _, d := range log.Decisions {
			k := d.ID + " " + d.Hash
			if _, ok := last[k]; !ok {
				order = append(order, k)
			}
			last[k] = d
		}
		for _, k := range order {
			d := last[k]
			if d.Backend == "" {
				continue
			}
			backend, model, _ := strings.Cut(percent.ReplaceAllString(d.Backend, ""), " ")
			kk := key{backend, model}
			s := sums[kk]
			if s == nil {
				s = &Stat{Backend: backend, Model: model}
				sums[kk] = s
			}
			s.Approved++
			if d.Distance == 0 {
				s.Unchanged++
			}
			total[kk] += d.Distance
		}
	}
	out := make([]Stat, 0, len(sums))
	for k, s := range sums {
		s.Distance = float64(total[k]) / float64(s.Approved)
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Backend != out[j].Backend {
			return out[i].Backend < out[j].Backend
		}
		return out[i].Model < out[j].Model
	})
	return out
}
