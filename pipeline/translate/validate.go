package translate

// What comes back: every reply is validated in one place (validate), good
// translations are kept, failing sentences are sent again alone with the
// problem named.

import (
	"context"
	"strings"
	"unicode"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/qa"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// accept validates a response, saves the good translations and retries or
// fails the rest. A good translation beside a sentence the reply left out
// waits for that sentence's retry: see [job.unmerge].
func (j *job) accept(ctx context.Context, b []*work, resp *Response, retry int) error {
	var again []*work
	good := map[string]string{}
	failed := map[string]string{}
	// rejected keeps a reply validation refused: a reviewer of the failed
	// sentence starts from it rather than from nothing.
	rejected := map[string]string{}
	missing := map[string]bool{}
	dropped := map[int]bool{}
	// near are the lookup backend's near matches that QA finds differ in
	// numbers or terms: suggestions for a person, by id their provenance.
	near := map[string]string{}
	merged := mergedSentences(renderings(b, resp.Translations))
	for i, w := range b {
		text, ok := resp.Translations[w.id]
		var problem string
		switch {
		case !ok && j.opts.Lookup:
			missing[w.id] = true
			continue
		case !ok:
			problem = locales.English.T("translate.problem.missing")
			dropped[i] = true
		case merged[i] && !j.opts.Lookup:
			problem = locales.English.T("translate.problem.merged")
		default:
			var restored string
			restored, problem = j.validate(w, text)
			if problem == "" {
				good[w.id] = restored
				continue
			}
			if j.opts.Lookup && restored != "" {
				// Asking the memory again gives the same match: it is work
				// for a person, who sees how its source differs.
				good[w.id] = restored
				near[w.id] = j.nearMatch(w)
				continue
			}
			if restored != "" {
				rejected[w.id] = restored
			}
		}
		if retry < j.opts.Retries && j.opts.Batcher == nil {
			w2 := *w
			w2.problem = problem
			again = append(again, &w2)
			continue
		}
		failed[w.id] = problem
	}
	held := map[string]string{}
	if len(again) > 0 {
		for i := range dropped {
			for _, k := range []int{i - 1, i + 1} {
				if k >= 0 && k < len(b) && good[b[k].id] != "" {
					held[b[k].id] = good[b[k].id]
					delete(good, b[k].id)
				}
			}
		}
	}
	if err := j.record(b, good, failed, missing, near, rejected); err != nil {
		return err
	}
	for _, w := range again {
		if err := j.translateBatch(ctx, []*work{w}, retry+1); err != nil {
			return err
		}
	}
	return j.unmerge(ctx, b, dropped, held, retry)
}

// unmerge settles the translations held beside sentences a reply left out,
// now that those were sent again alone. A model that merges two short
// sentences into one item and drops the second leaves no trace a length
// test can see ("Autumn news. How are you?" for 가을 소식), but the retry
// of the dropped sentence can: a neighbour whose translation holds the
// dropped sentence's own is a merge, and is sent again alone too.
func (j *job) unmerge(ctx context.Context, b []*work, dropped map[int]bool, held map[string]string, retry int) error {
	if len(held) == 0 {
		return nil
	}
	var resend []*work
	keep := map[string]string{}
	for k, w := range b {
		text, ok := held[w.id]
		if !ok {
			continue
		}
		if j.holdsDropped(b, k, dropped, text) {
			w2 := *w
			w2.problem = locales.English.T("translate.problem.merged")
			resend = append(resend, &w2)
			continue
		}
		keep[w.id] = text
	}
	if err := j.record(b, keep, nil, nil, nil, nil); err != nil {
		return err
	}
	for _, w := range resend {
		if err := j.translateBatch(ctx, []*work{w}, retry+1); err != nil {
			return err
		}
	}
	return nil
}

// holdsDropped reports whether text, the translation of b[k], holds the
// translation the retry gave a dropped neighbour whose source b[k]'s does
// not hold.
func (j *job) holdsDropped(b []*work, k int, dropped map[int]bool, text string) bool {
	for _, i := range []int{k - 1, k + 1} {
		if !dropped[i] || strings.Contains(b[k].source, b[i].source) {
			continue
		}
		j.mu.Lock()
		m := j.trans.Machine.Get(b[i].id)
		_, failed := j.trans.Failures[b[i].id]
		j.mu.Unlock()
		if m == nil || failed || m.Hash != b[i].hash {
			continue
		}
		alone := strings.ToLower(strings.TrimSpace(m.Other))
		if alone != "" && hasLetter(alone) && strings.Contains(strings.ToLower(text), alone) {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// validate checks one translation and returns it with private names put
// back, and what is wrong with it; a translation QA finds errors in is
// returned too, with the errors.
func (j *job) validate(w *work, text string) (string, string) {
	if err := j.redactor.CheckPlaceholders(w.text, text); err != nil {
		return "", err.Error()
	}
	restored, err := j.redactor.Restore(text)
	if err != nil {
		return "", err.Error()
	}
	var msgs []string
	for _, p := range qa.Errors(qa.Check(qa.Input{ID: w.id, Source: w.source, Translation: restored, Src: j.l.Source, Tgt: j.lang, Glossary: j.opts.Glossary})) {
		msgs = append(msgs, p.Message)
	}
	if len(msgs) > 0 {
		return restored, strings.Join(msgs, "; ")
	}
	return restored, ""
}

// nearMatch is the provenance of a near match from the memory: the
// memory's source sentence, private names hidden, for the reviewer to see
// what differs.
func (j *job) nearMatch(w *work) string {
	desc := store.NearPrefix
	if j.opts.Memory != nil {
		if ex, _, ok := j.opts.Memory.Fuzzy(w.text); ok {
			desc += j.redactor.Redact(ex.Source)
		}
	}
	return desc
}

// plainReason is a failure as the catalogs record it.
func plainReason(err error) string {
	return locales.English.ErrorText(err)
}
