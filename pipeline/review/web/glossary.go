package web

import (
	"net/http"
	"path/filepath"
	"strings"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/review"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// termRequest is the pair a replace across the letter offers to keep:
// the Korean word the reviewer names, the rendering it now has, and the
// one it replaced.
type termRequest struct {
	Source    string `json:"source"`
	Target    string `json:"target"`
	Forbidden string `json:"forbidden"`
}

// termResponse says what became of the offer, in a line for the page.
type termResponse struct {
	OK      bool   `json:"ok"`
	Message string `json:"message"`
}

// addTerm adds the pair of a replace to the newsletter's glossary as a
// term, through the glossary's own checks: a pair already there, or a
// word there with another rendering, is refused with the line `epistle
// glossary check` says it with, and the file is left as it was.
func (s *Server) addTerm(w http.ResponseWriter, r *http.Request) {
	d, _, ok := s.desk(w, r)
	if !ok {
		return
	}
	var req termRequest
	if err := readJSON(w, r, &req); err != nil {
		http.Error(w, s.opts.Printer.T("web.bad-request"), http.StatusBadRequest)
		return
	}
	path, err := d.addTerm(req)
	if err != nil {
		text, hint := s.errorText(err)
		if hint != "" {
			text += " — " + hint
		}
		writeJSON(w, http.StatusConflict, termResponse{Message: text})
		return
	}
	writeJSON(w, http.StatusOK, termResponse{OK: true, Message: s.opts.Printer.T("web.glossary.added",
		"Source", strings.TrimSpace(req.Source), "Target", strings.TrimSpace(req.Target), "Path", filepath.Base(path))})
}

// addTerm writes the pair into the glossary the review reads, and reads
// the letter again with it, so that the page marks the new term.
func (d *desk) addTerm(req termRequest) (string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	g := d.r.Glossary
	if g == nil {
		return "", locales.New("web.glossary.none").WithHint("web.glossary.none.hint")
	}
	path := g.Name
	data, err := glossary.ReadFile(path)
	if err != nil {
		return "", err
	}
	e := termEntry(d.r, req)
	cfg := d.r.Letter.Config
	data, err = glossary.Add(path, data, e, cfg.GlossaryLanguages())
	if err != nil {
		return "", err
	}
	if err := store.WriteFile(path, data); err != nil {
		return "", locales.New("glossary.write", "Path", path, "Err", err.Error()).Wrap(err)
	}
	return path, d.reopen()
}

// termEntry is the pair as a glossary entry of the review's language: the
// newsletter's first target language has the target and forbidden
// columns, another its target:LANG and forbidden:LANG.
func termEntry(r *review.Reviewer, req termRequest) *glossary.Entry {
	var targets, forbidden []string
	if t := strings.TrimSpace(req.Target); t != "" {
		targets = []string{t}
	}
	if f := strings.TrimSpace(req.Forbidden); f != "" {
		forbidden = []string{f}
	}
	e := &glossary.Entry{Source: strings.TrimSpace(req.Source), Kind: glossary.KindTerm}
	first := r.Letter.Config.TargetLangs()
	lang, _ := r.Lang.Base()
	if len(first) > 0 {
		if base, _ := first[0].Base(); base != lang {
			e.Other = map[string]*glossary.Rendering{lang.String(): {Targets: targets, Forbidden: forbidden}}
			return e
		}
	}
	e.Targets, e.Forbidden = targets, forbidden
	return e
}
