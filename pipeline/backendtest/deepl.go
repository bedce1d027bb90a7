package backendtest

import (
	"encoding/json"
	"net/http"
	"strings"
)

func (s *Server) serveDeepL(w http.ResponseWriter, r *http.Request, body []byte, f Failure) {
	if !deeplAuthorized(r) {
		writeJSON(w, http.StatusForbidden, map[string]any{"message": "Wrong endpoint or authorization key"})
		return
	}
	if s.fail(w, f, true) {
		return
	}
	var req struct {
		Text        []string `json:"text"`
		SourceLang  string   `json:"source_lang"`
		TargetLang  string   `json:"target_lang"`
		TagHandling string   `json:"tag_handling"`
		GlossaryID  string   `json:"glossary_id"`
	}
	if err := json.Unmarshal(body, &req); err != nil || req.TargetLang == "" || len(req.Text) == 0 {
		writeJSON(w, http.StatusBadRequest, map[string]any{"message": "Value for 'target_lang' or 'text' not supported or missing"})
		return
	}
	if req.GlossaryID != "" && req.SourceLang == "" {
		writeJSON(w, http.StatusBadRequest, map[string]any{"message": "Use of a glossary requires the source_lang parameter"})
		return
	}
	s.mu.Lock()
	terms, ok := s.glossaries[req.GlossaryID]
	s.mu.Unlock()
	if req.GlossaryID != "" && !ok {
		writeJSON(w, http.StatusNotFound, map[string]any{"message": "Glossary not found"})
		return
	}
	if f.chatOnly() {
		f = ""
	}
	if f == Prose {
		writeJSON(w, http.StatusOK, map[string]any{"message": "Sure! Here are your translations."})
		return
	}
	segs := make([]segment, len(req.Text))
	for i, t := range req.Text {
		segs[i] = segment{Text: t}
	}
	var out []map[string]string
	for _, seg := range translateSegments(segs, terms, tongueOf(req.TargetLang), f) {
		out = append(out, map[string]string{"detected_source_language": "KO", "text": seg.Text})
	}
	writeJSON(w, http.StatusOK, map[string]any{"translations": out})
}

// deeplAuthorized checks for DeepL's authorization header; DeepL answers a
// missing or wrong key with 403.
func deeplAuthorized(r *http.Request) bool {
	key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "DeepL-Auth-Key ")
	return ok && key != ""
}

func (s *Server) serveGlossary(w http.ResponseWriter, r *http.Request, body []byte) {
	if !deeplAuthorized(r) {
		writeJSON(w, http.StatusForbidden, map[string]any{"message": "Wrong endpoint or authorization key"})
		return
	}
	var req struct {
		Name          string `json:"name"`
		SourceLang    string `json:"source_lang"`
		TargetLang    string `json:"target_lang"`
		Entries       string `json:"entries"`
		EntriesFormat string `json:"entries_format"`
	}
	if err := json.Unmarshal(body, &req); err != nil || req.EntriesFormat != "tsv" || req.SourceLang == "" || req.TargetLang == "" {
		writeJSON(w, http.StatusBadRequest, map[string]any{"message": "Invalid glossary request"})
		return
	}
	var terms []term
	for _, line := range strings.Split(req.Entries, "\n") {
		src, tgt, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(src) == "" || strings.TrimSpace(tgt) == "" {
			writeJSON(w, http.StatusBadRequest, map[string]any{"message": "Invalid glossary entries: " + line})
			return
		}
		terms = append(terms, term{Source: src, Target: tgt})
	}
	s.mu.Lock()
	f := s.failure("glossary", body, 0)
	var id string
	if f == "" {
		id = s.newID("glossary")
		s.glossaries[id] = terms
	}
	s.mu.Unlock()
	if s.fail(w, f, true) {
		return
	}
	if f == GlossaryUnsupported {
		writeJSON(w, http.StatusBadRequest, map[string]any{"message": "Unsupported glossary language pair"})
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"glossary_id": id, "name": req.Name, "ready": true,
		"source_lang": req.SourceLang, "target_lang": req.TargetLang, "entry_count": len(terms)})
}
