package translate

import (
	"strings"

	"github.com/epistle-letters/epistle/glossary"
)

// batch groups sentences by paragraph into batches of at most BatchTokens
// estimated tokens. A paragraph is split only when it alone exceeds the
// budget. A sentence whose paragraph is not wholly in its batch gets the
// rest of the paragraph as context.
func (j *job) batch(todo []*work) [][]*work {
	var batches [][]*work
	var cur []*work
	tokens := 0
	for i := 0; i < len(todo); {
		k := i
		for k < len(todo) && todo[k].block == todo[i].block {
			k++
		}
		para := todo[i:k]
		pt := 0
		for _, w := range para {
			pt += EstimateTokens(w.text)
		}
		if tokens > 0 && tokens+pt > j.opts.BatchTokens {
			batches = append(batches, cur)
			cur, tokens = nil, 0
		}
		for _, w := range para {
			wt := EstimateTokens(w.text)
			if tokens > 0 && tokens+wt > j.opts.BatchTokens {
				batches = append(batches, cur)
				cur, tokens = nil, 0
			}
			cur = append(cur, w)
			tokens += wt
		}
		i = k
	}
	if len(cur) > 0 {
		batches = append(batches, cur)
	}
	for _, b := range batches {
		j.addContext(b)
	}
	return batches
}

// addContext gives each sentence whose paragraph-mates are not all in the
// batch the paragraph's other sentences, so a lone edited sentence is still
// translated in its setting.
func (j *job) addContext(b []*work) {
	inBatch := map[string]bool{}
	for _, w := range b {
		inBatch[w.id] = true
	}
	for _, w := range b {
		if w.block < 0 {
			continue
		}
		blk := j.l.Doc.Blocks[w.block]
		var ctx []string
		complete := true
		for _, p := range j.l.Doc.Parts[blk.First:blk.Last] {
			if p.Sentence == nil || p.Sentence.ID == w.id {
				continue
			}
			if !inBatch[p.Sentence.ID] {
				complete = false
			}
			if m := j.l.SourceCatalog.Get(p.Sentence.ID); m != nil {
				ctx = append(ctx, j.redactor.Redact(m.Other))
			}
		}
		if !complete {
			w.context = strings.Join(ctx, " ")
		}
	}
}

// request builds the backend request for a batch: only the glossary
// entries that occur in it, and the closest approved translations as
// examples.
func (j *job) request(b []*work) *Request {
	// Everything a request carries goes through the redactor: a note, an
	// example or the style guide may name a person as well as a sentence.
	redact := j.redactor.Redact
	req := &Request{Source: j.l.Source, Target: j.lang, Style: redact(j.opts.Style)}
	seenTerm := map[*glossary.Entry]bool{}
	seenEx := map[string]bool{}
	for _, w := range b {
		req.Units = append(req.Units, Unit{ID: w.id, Text: w.text, Context: w.context, Problem: redact(w.problem)})
		if j.opts.Glossary != nil {
			for _, m := range j.opts.Glossary.Match(w.source, j.l.Source) {
				e := m.Entry
				if seenTerm[e] || e.Kind == glossary.KindPrivate {
					continue
				}
				seenTerm[e] = true
				forbidden := make([]string, len(e.Forbidden))
				for i, f := range e.Forbidden {
					forbidden[i] = redact(f)
				}
				hint := TermHint{Source: redact(e.Source), Forbidden: forbidden, Note: redact(e.Note), Keep: e.Kind == glossary.KindDNT}
				if e.Rendered() {
					hint.Target = redact(e.Target())
				}
				req.Terms = append(req.Terms, hint)
			}
		}
		if w.previous != nil {
			req.Examples = append(req.Examples, Example{Source: redact(w.previous.Source), Target: redact(w.previous.Target)})
			seenEx[w.previous.Source] = true
		}
		if j.opts.Memory != nil && len(req.Examples) < 3 {
			if ex, score, ok := j.opts.Memory.Fuzzy(w.source); ok && score < 1 && !seenEx[ex.Source] {
				seenEx[ex.Source] = true
				req.Examples = append(req.Examples, Example{Source: redact(ex.Source), Target: redact(ex.Target)})
			}
		}
	}
	return req
}

// prompt is the text a request carries, for estimates.
func (r *Request) prompt() string {
	var b strings.Builder
	b.WriteString(r.Style)
	for _, u := range r.Units {
		b.WriteString(u.ID + u.Text + u.Context + u.Problem)
	}
	for _, t := range r.Terms {
		b.WriteString(t.Source + t.Target + t.Note + strings.Join(t.Forbidden, ""))
	}
	for _, e := range r.Examples {
		b.WriteString(e.Source + e.Target)
	}
	return b.String()
}

// instructionTokens is about what a backend's fixed instructions cost per
// request, for a dry run's estimate.
const instructionTokens = 250

// EstimateTokens guesses how many tokens a text costs: about four bytes of
// English or one Hangul syllable and a half per token with today's
// tokenizers; close enough to plan batches and estimate a price.
func EstimateTokens(s string) int {
	hangul, other := 0, 0
	for _, r := range s {
		if r >= 0xAC00 && r <= 0xD7A3 {
			hangul++
		} else {
			other += len(string(r))
		}
	}
	return hangul*2/3 + other/4 + 1
}
