package translate

// Recording: results go into the catalogs in memory and are saved as
// batches finish; usage is counted.

import (
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// record stores good translations and failures (with the reply rejected,
// if any), and saves the catalogs.
// A sentence in none of good, failed and missing is still being tried. An
// error saving ends the run: every request after it would be paid for and
// lost.
func (j *job) record(b []*work, good, failed map[string]string, missing map[string]bool, near, rejected map[string]string) error {
	j.mu.Lock()
	desc := j.opts.Backend
	if j.opts.Model != "" {
		desc += " " + j.opts.Model
	}
	for _, w := range b {
		if t, ok := good[w.id]; ok {
			d := desc
			if n, ok := near[w.id]; ok {
				d = n
			}
			j.trans.Machine.Set(&catalog.Message{ID: w.id, Hash: w.hash, Description: d, Other: store.OneLine(t)})
			delete(j.trans.Failures, w.id)
			j.result.Translated++
			j.done++
		} else if r, ok := failed[w.id]; ok {
			j.trans.Failures[w.id] = store.Failure{Hash: w.hash, Reason: r, Reply: rejected[w.id]}
			j.result.Failed++
			j.done++
		} else if missing[w.id] {
			j.result.Missing++
			j.done++
		}
	}
	j.version++
	j.progress()
	files, version := j.snapshotLocked()
	j.mu.Unlock()
	return j.write(files, version)
}

func (j *job) progress() {
	if j.opts.Progress != nil {
		j.opts.Progress(j.done, j.total)
	}
}

func (j *job) save() error {
	j.mu.Lock()
	j.version++
	files, version := j.snapshotLocked()
	j.mu.Unlock()
	return j.write(files, version)
}

// snapshotLocked renders the catalogs as they are now; j.mu is held.
func (j *job) snapshotLocked() ([]store.File, int) {
	if j.opts.Save == nil {
		return nil, j.version
	}
	files := []store.File{{
		Path: j.l.CatalogPath("translate", j.lang),
		Data: j.trans.Machine.Marshal(locales.English.T("catalog.comment.machine", "Letter", j.l.Name, "Lang", j.lang.String())),
	}}
	files = append(files, store.File{Path: j.l.FailuresPath(j.lang), Data: store.MarshalFailures(j.trans.Failures)})
	return files, j.version
}

// write saves a snapshot outside j.mu, so other batches go on while the
// disk works; a snapshot older than one already written is dropped, so the
// files never go back in time.
func (j *job) write(files []store.File, version int) error {
	if files == nil {
		return nil
	}
	j.saveMu.Lock()
	defer j.saveMu.Unlock()
	if version <= j.saved {
		return nil
	}
	j.saved = version
	if err := j.opts.Save(files); err != nil {
		return locales.New("translate.save", "Letter", j.l.Name).Wrap(err)
	}
	return nil
}

// count adds what one request cost. A failed request was still made, and a
// reply that could not be read was still billed: the backend returns its
// usage with the error.
func (j *job) count(resp *Response, err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if resp == nil {
		if err != nil && ctxErr(err) == nil {
			j.result.Requests++ // a failed request was still made
		}
		return
	}
	j.result.Requests += resp.Requests
	j.result.PromptTokens += resp.PromptTokens
	j.result.CompletionTokens += resp.CompletionTokens
}
