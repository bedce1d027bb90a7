package web

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"path/filepath"
	"slices"
	"strings"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/pipeline/document"
	"github.com/epistle-letters/epistle/pipeline/edition"
	"github.com/epistle-letters/epistle/pipeline/qa"
	"github.com/epistle-letters/epistle/pipeline/review"
	"github.com/epistle-letters/epistle/pipeline/store"
)

//go:embed assets
var assets embed.FS

func parseTemplates() (*template.Template, error) {
	return template.ParseFS(assets, "assets/*.html")
}

// pageView is a letter's review page.
type pageView struct {
	Texts  *Texts
	UILang string
	Token  string
	Title  string
	Index  int
	Many   bool
	Counts string
	Empty  bool
	// Needs counts the sentences a person must still decide; Stamp is the
	// fingerprint of the files the page was rendered from, which the page
	// polls to follow changes made elsewhere.
	Needs int
	Stamp string
	// Exports are the commands that make the editions, for the done state.
	Exports []string
	// Src and Tgt are the letter's languages, for the glossary offer's
	// fields.
	Src, Tgt string
}

// blockView is a paragraph, heading or list item of the letter.
type blockView struct {
	Kind      string
	Sentences []sentenceView
}

// sentenceView is one sentence as the page shows it.
type sentenceView struct {
	review.Item
	Texts    *Texts
	Src, Tgt string
	Seen     string
	// Text is what the translation box holds: the translation, or after a
	// refusal the reviewer's own text.
	Text      string
	StateName string
	Parts     []sourcePart
	// Terms are the glossary terms of the source, each once, listed
	// under it: the source itself reads unbroken. Unrendered says what a
	// term without a rendering in the target language is.
	Terms      []sourcePart
	Unrendered string
	SrcDiff    []editView
	TgtDiff    []editView
	Problems   []problemView
	Needs      bool
	HasErrors  bool
	Failure    string
	// Number is the sentence's place in the letter, from 1; Approve and
	// Skip name its buttons for a screen reader, with the sentence.
	Number        int
	Approve, Skip string
	// Tags say what each tag of the source stands for.
	Tags []tagView
	// Rejected is true when the box holds the machine's refused reply.
	Rejected bool
	// Message says what became of the last save, Hint what to do.
	Message, Hint string
	// Reused names the letter where a person approved the translation
	// word for word.
	Reused string
}

// sourcePart is a piece of the source: plain text, or a glossary term with
// the rendering it requires and Index, its place in the sentence's list of
// terms. A term without a rendering in the target language (Context) is
// marked and listed, but requires nothing.
type sourcePart struct {
	Text, Term string
	Context    bool
	Index      int
}

type editView struct{ Text, Op string }

// tagView is a tag of the source as the reviewer must keep it: Token, as
// typed (<x1/>, or <g1>…</g1> for a pair), what kind of markup it is, and
// the markup itself (a URL, **…**).
type tagView struct{ Token, Kind, Markup string }

type problemView struct {
	Error           bool
	Severity, Check string
	Text            string
}

func (s *Server) sentence(r *review.Reviewer, it review.Item, at place) sentenceView {
	p := s.opts.Printer
	v := sentenceView{Item: it, Texts: &s.texts, Src: r.Letter.Source.String(), Tgt: r.Lang.String(),
		Seen: it.Seen(), Text: it.Translation, Needs: it.State != store.Approved,
		SrcDiff: edits(it.SourceDiff), TgtDiff: edits(it.TranslationDiff), Number: at.number}
	label := plainSource(it.Source)
	v.Approve = p.T("web.approve.name", "N", at.number, "Source", label)
	v.Skip = p.T("web.skip.name", "N", at.number, "Source", label)
	if at.sentence != nil {
		v.Tags = s.tags(at.sentence.Tags)
	}
	if v.Text == "" && it.Rejected != "" {
		v.Text, v.Rejected = it.Rejected, true
	}
	v.Parts, v.Terms = sourceParts(it.Source, it.Terms)
	if slices.ContainsFunc(v.Terms, func(t sourcePart) bool { return t.Context }) {
		v.Unrendered = p.T("web.term.unrendered", "Lang", v.Tgt)
	}
	if letter, ok := strings.CutPrefix(it.From, store.ReusedPrefix); ok && it.State == store.Machine {
		v.Reused = letter
	}
	v.StateName = s.texts.States[it.State]
	switch {
	case it.Failure != "":
		v.Failure = p.T("status.failed", "Reason", it.Failure)
	case it.State == store.Missing && it.Translation == "":
		// an empty box says why it is empty
		v.Failure = p.T("web.missing", "Path", filepath.Base(r.Letter.Path), "Lang", v.Tgt)
	}
	v.setProblems(s, it.Problems)
	return v
}

// place is where a sentence stands in the letter.
type place struct {
	number   int
	sentence *document.Sentence
}

// placeOf finds the sentence id in the letter.
func placeOf(r *review.Reviewer, id string) place {
	for i, sen := range r.Letter.Doc.Sentences() {
		if sen.ID == id {
			return place{i + 1, sen}
		}
	}
	return place{}
}

// plainSource is a sentence as a screen reader names it: without tags,
// on one line, at most 60 characters.
func plainSource(text string) string {
	text = strings.Join(strings.Fields(document.TagPattern.ReplaceAllString(text, " ")), " ")
	if r := []rune(text); len(r) > 60 {
		text = string(r[:59]) + "…"
	}
	return text
}

// tags explains a sentence's tags.
func (s *Server) tags(tags []document.Tag) []tagView {
	var out []tagView
	for _, t := range tags {
		v := tagView{Token: "<" + t.Name + "/>", Markup: t.Open}
		if t.Close != "" || strings.HasPrefix(t.Name, "g") {
			v.Token = "<" + t.Name + ">…</" + t.Name + ">"
			v.Markup = t.Open + "…" + t.Close
		}
		switch t.Kind {
		case "em", "strong", "link", "code", "image", "url", "html", "br":
			//locales:ids web.tag.em web.tag.strong web.tag.link web.tag.code web.tag.image web.tag.url web.tag.html web.tag.br
			v.Kind = s.opts.Printer.T("web.tag." + t.Kind)
		}
		out = append(out, v)
	}
	return out
}

func (v *sentenceView) setProblems(s *Server, ps []qa.Problem) {
	v.Problems, v.HasErrors = nil, false
	for _, pr := range ps {
		pv := problemView{Error: pr.Severity == qa.Error, Severity: s.texts.Warning, Check: pr.Check, Text: s.opts.Printer.Sprint(pr.Msg)}
		if pv.Error {
			pv.Severity, v.HasErrors = s.texts.Error, true
		}
		v.Problems = append(v.Problems, pv)
	}
}

// sourceParts cuts the source into plain text and glossary terms, and
// lists each term once with its rendering.
func sourceParts(text string, terms []glossary.Term) (parts, list []sourcePart) {
	seen := map[sourcePart]int{}
	for _, p := range glossary.Pieces(text, terms) {
		if p.Term == nil {
			parts = append(parts, sourcePart{Text: p.Text})
			continue
		}
		target, _, _ := strings.Cut(p.Term.Target, "|")
		term := sourcePart{Text: p.Text, Term: target, Context: target == ""}
		n, ok := seen[term]
		if !ok {
			n = len(list)
			seen[term] = n
			list = append(list, sourcePart{Text: term.Text, Term: term.Term, Context: term.Context, Index: n})
		}
		term.Index = n
		parts = append(parts, term)
	}
	return parts, list
}

func edits(es []review.Edit) []editView {
	out := make([]editView, len(es))
	for i, e := range es {
		switch e.Op {
		case review.Delete:
			out[i] = editView{Text: e.Text, Op: "del"}
		case review.Insert:
			out[i] = editView{Text: e.Text, Op: "ins"}
		default:
			out[i] = editView{Text: e.Text}
		}
	}
	return out
}

// counts says how much of the letter is left to review, counted as
// `status` counts it ([review.Standing]), and how many sentences need a
// person.
func (s *Server) counts(r *review.Reviewer) (string, int) {
	states := review.Standing(r.Letter, r.Translations)
	c := store.Count(states)
	return s.opts.Printer.T("web.counts", "Machine", c.Machine, "Stale", c.Stale, "Failed", c.Failed,
		"Missing", c.Missing, "Approved", c.Approved, "Total", len(states)), c.Machine + c.Stale + c.Failed + c.Missing
}

func (s *Server) pageView(d *desk, r *review.Reviewer, n int) pageView {
	v := pageView{Texts: &s.texts, UILang: s.opts.Printer.Tag.String(), Token: s.token, Index: n, Many: len(s.desks) > 1,
		Title: s.opts.Printer.T("web.title", "Letter", filepath.Base(r.Letter.Path), "Lang", r.Lang.String()),
		Empty: r.Letter.SourceCatalog.Len() == 0, Stamp: d.stampText()}
	v.Counts, v.Needs = s.counts(r)
	lang := r.Lang.String()
	v.Src, v.Tgt = r.Letter.Source.String(), lang
	v.Exports = []string{
		"epistle export " + d.path + " --lang " + lang,
		"epistle export " + d.path + " --lang " + lang + " --bilingual --format html",
	}
	return v
}

// blocks groups the letter's sentences by the block they stand in and
// calls fn with each block in turn.
func (s *Server) blocks(r *review.Reviewer, fn func(blockView) error) error {
	items := r.All()
	byID := make(map[string]review.Item, len(items))
	for _, it := range items {
		byID[it.ID] = it
	}
	var b blockView
	last := -1
	for i, sen := range r.Letter.Doc.Sentences() {
		it, ok := byID[sen.ID]
		if !ok {
			continue
		}
		if sen.Block != last && len(b.Sentences) > 0 {
			if err := fn(b); err != nil {
				return err
			}
			b = blockView{}
		}
		if len(b.Sentences) == 0 && sen.Block >= 0 && sen.Block < len(r.Letter.Doc.Blocks) {
			b.Kind = r.Letter.Doc.Blocks[sen.Block].Kind
		}
		last = sen.Block
		b.Sentences = append(b.Sentences, s.sentence(r, it, place{i + 1, sen}))
	}
	if len(b.Sentences) > 0 {
		return fn(b)
	}
	return nil
}

func (s *Server) render(w http.ResponseWriter, name string, data any) {
	var b bytes.Buffer
	if err := s.tmpl.ExecuteTemplate(&b, name, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(b.Bytes())
}

// letterView is a letter in the folder's list.
type letterView struct {
	Index        int
	Name, Counts string
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	if len(s.desks) == 1 {
		s.servePage(w, s.desks[0], 0)
		return
	}
	var letters []letterView
	for n, d := range s.desks {
		err := d.read(func(rv *review.Reviewer) error {
			counts, _ := s.counts(rv)
			letters = append(letters, letterView{Index: n, Name: d.path, Counts: counts})
			return nil
		})
		if err != nil {
			s.fail(w, err)
			return
		}
	}
	s.render(w, "index", struct {
		Texts   *Texts
		UILang  string
		Letters []letterView
	}{&s.texts, s.opts.Printer.Tag.String(), letters})
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	d, n, ok := s.desk(w, r)
	if ok {
		s.servePage(w, d, n)
	}
}

// servePage writes the page as it goes: the header with the counts leaves
// at once, then each paragraph as it is rendered, so that the reviewer of
// a long letter sees the page begin before its end is ready.
func (s *Server) servePage(w http.ResponseWriter, d *desk, n int) {
	started := false
	err := d.read(func(r *review.Reviewer) error {
		v := s.pageView(d, r, n)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		started = true
		if err := s.tmpl.ExecuteTemplate(w, "page-head", v); err != nil {
			return err
		}
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		err := s.blocks(r, func(b blockView) error { return s.tmpl.ExecuteTemplate(w, "block", b) })
		if err != nil {
			return err
		}
		return s.tmpl.ExecuteTemplate(w, "page-foot", v)
	})
	if err != nil && !started {
		s.fail(w, err)
	}
}

// preview shows the bilingual issue as `export --bilingual --format html
// --include-unreviewed` would write it.
func (s *Server) preview(w http.ResponseWriter, r *http.Request) {
	d, _, ok := s.desk(w, r)
	if !ok {
		return
	}
	var res *edition.Result
	err := d.read(func(rv *review.Reviewer) error {
		var err error
		res, err = edition.Export(rv.Letter, edition.Options{Lang: rv.Lang, Format: edition.HTML, Bilingual: true, IncludeUnreviewed: true})
		return err
	})
	if err != nil {
		s.fail(w, err)
		return
	}
	// The edition carries its own style sheet and no script.
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(res.Data)
}

func (s *Server) fail(w http.ResponseWriter, err error) {
	text, hint := s.errorText(err)
	if hint != "" {
		text += "\n" + hint
	}
	http.Error(w, text, http.StatusInternalServerError)
}

func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	data, err := fs.ReadFile(assets, "assets/"+name)
	if err != nil || strings.HasSuffix(name, ".html") {
		http.NotFound(w, r)
		return
	}
	switch filepath.Ext(name) {
	case ".js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	case ".css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
	}
	_, _ = w.Write(data)
}

// saveRequest is what the page posts to approve a sentence.
type saveRequest struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Edited is true when the reviewer changed the text.
	Edited bool `json:"edited"`
	Force  bool `json:"force"`
	// Seen is the [review.Item.Seen] of the sentence the page showed.
	Seen string `json:"seen"`
	// Stamp is the page's fingerprint of the files (see [desk.stampText]).
	Stamp string `json:"stamp"`
}

// saveResponse is the sentence as it now stands, rendered, and the counts.
type saveResponse struct {
	OK     bool   `json:"ok"`
	ID     string `json:"id"`
	HTML   string `json:"html"`
	Counts string `json:"counts"`
	Needs  int    `json:"needs"`
	// Stamp is the files' new fingerprint when the page was up to date
	// before the save, and "" when something else changed them too: then
	// the page reads them again.
	Stamp string `json:"stamp,omitempty"`
	Error string `json:"error,omitempty"`
}

// readJSON decodes the JSON body of one of the page's requests into v; a
// body over a megabyte is refused, which no page of a letter sends.
func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	return json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(v)
}

func (s *Server) approve(w http.ResponseWriter, r *http.Request) {
	d, _, ok := s.desk(w, r)
	if !ok {
		return
	}
	var req saveRequest
	if err := readJSON(w, r, &req); err != nil || req.ID == "" {
		http.Error(w, s.opts.Printer.T("web.bad-request"), http.StatusBadRequest)
		return
	}
	var resp saveResponse
	status := http.StatusOK
	stamp, err := d.write(r.Context(), req.Stamp, func(rv *review.Reviewer) (bool, error) {
		mark := rv.Mark(req.ID)
		changed, err := rv.ApproveSeen(review.Approval{ID: req.ID, Text: req.Text, Edited: req.Edited, Force: req.Force}, req.Seen)
		if changed {
			d.undo = append(d.undo, mark)
		}
		status, resp, err = s.saved(rv, req, err)
		return changed, err
	})
	if err != nil {
		s.failSave(w, req.ID, err)
		return
	}
	resp.Stamp = stamp
	writeJSON(w, status, resp)
}

// saved renders the answer to a save: the sentence as it now stands, with
// what became of the save. An error that is not a [*review.Refusal] is not
// the sentence's: it is returned, and the save fails.
func (s *Server) saved(rv *review.Reviewer, req saveRequest, err error) (int, saveResponse, error) {
	var refusal *review.Refusal
	if err != nil && !errors.As(err, &refusal) {
		return 0, saveResponse{}, err
	}
	status := http.StatusOK
	if kerr := rv.Known(req.ID); kerr != nil {
		return http.StatusNotFound, saveResponse{ID: req.ID, Error: s.opts.Printer.ErrorText(kerr)}, nil
	}
	it, _ := rv.Item(req.ID)
	v := s.sentence(rv, it, placeOf(rv, req.ID))
	var refused *review.QAError
	var changed *review.ChangedError
	switch {
	case errors.As(err, &refused):
		status = http.StatusUnprocessableEntity
		if req.Edited {
			v.Text = req.Text
		}
		v.setProblems(s, refused.Problems)
		err = refused.Message().WithHint("web.refused.hint")
	case errors.As(err, &changed):
		status = http.StatusConflict
	case err != nil:
		status = http.StatusBadRequest
		if req.Edited {
			v.Text = req.Text
		}
	}
	if err != nil {
		v.Message, v.Hint = s.errorText(err)
	}
	var b bytes.Buffer
	if terr := s.tmpl.ExecuteTemplate(&b, "sentence", v); terr != nil {
		return http.StatusInternalServerError, saveResponse{ID: req.ID, Error: terr.Error()}, nil
	}
	counts, needs := s.counts(rv)
	return status, saveResponse{OK: err == nil, ID: req.ID, HTML: b.String(), Counts: counts, Needs: needs, Error: v.Message}, nil
}

// undo withdraws the page's last approval.
func (s *Server) undo(w http.ResponseWriter, r *http.Request) {
	d, _, ok := s.desk(w, r)
	if !ok {
		return
	}
	// The body, if any, carries the page's stamp.
	var req saveRequest
	if err := readJSON(w, r, &req); err != nil && !errors.Is(err, io.EOF) {
		http.Error(w, s.opts.Printer.T("web.bad-request"), http.StatusBadRequest)
		return
	}
	var resp saveResponse
	status := http.StatusOK
	stamp, err := d.write(r.Context(), req.Stamp, func(rv *review.Reviewer) (bool, error) {
		if len(d.undo) == 0 {
			status, resp = http.StatusConflict, saveResponse{Error: s.opts.Printer.T("web.undo.empty")}
			return false, nil
		}
		m := d.undo[len(d.undo)-1]
		d.undo = d.undo[:len(d.undo)-1]
		refused := rv.Undo(m)
		var err error
		status, resp, err = s.saved(rv, saveRequest{ID: m.ID}, refused)
		if refused != nil {
			status = http.StatusConflict
		}
		return refused == nil, err
	})
	if err != nil {
		s.failSave(w, "", err)
		return
	}
	resp.Stamp = stamp
	writeJSON(w, status, resp)
}

// stampResponse is the fingerprint of the letter's files now.
type stampResponse struct {
	Stamp string `json:"stamp"`
}

// stamp answers the page's poll: the fingerprint of the letter's files, so
// that a page learns within a poll of an approval made elsewhere, a new
// translate, or an edit of the letter, and reads itself again.
func (s *Server) stamp(w http.ResponseWriter, r *http.Request) {
	d, _, ok := s.desk(w, r)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, stampResponse{Stamp: d.current()})
}

// failSave answers a save that could not be made: the letter is locked by
// another writer, or a file could not be read or written.
func (s *Server) failSave(w http.ResponseWriter, id string, err error) {
	text, hint := s.errorText(err)
	if hint != "" {
		text += " — " + hint
	}
	writeJSON(w, http.StatusServiceUnavailable, saveResponse{ID: id, Error: text})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
