package backendtest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"mime"
	"mime/multipart"
	"net/http"
	"regexp"
	"strings"
)

type chatRequest struct {
	Model    string `json:"model"`
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
	ResponseFormat *struct {
		Type string `json:"type"`
	} `json:"response_format"`
}

type segment struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// tokenPattern counts tokens roughly as a byte-pair tokenizer does for
// English and Korean: a Latin word, up to three digits, a Hangul syllable or
// a symbol is one token.
var tokenPattern = regexp.MustCompile(`[A-Za-z]+|\d{1,3}|\p{Hangul}|[^\sA-Za-z\d\p{Hangul}]`)

// Tokens estimates how many tokens a language model would count in text;
// the fake reports usage with it, so that benchmarks compare prompt sizes.
func Tokens(text string) int { return len(tokenPattern.FindAllStringIndex(text, -1)) }

func (s *Server) serveChat(w http.ResponseWriter, r *http.Request, body []byte, f Failure) {
	if bearer := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "); bearer == "" && r.Header.Get("api-key") == "" {
		writeJSON(w, http.StatusUnauthorized, apiError("invalid_api_key", "no API key provided"))
		return
	}
	if s.fail(w, f, false) {
		return
	}
	status, answer := s.chat(body, f)
	writeJSON(w, status, answer)
}

// chat answers one chat completion request, failing content with f.
func (s *Server) chat(body []byte, f Failure) (int, any) {
	var req chatRequest
	if err := json.Unmarshal(body, &req); err != nil {
		return http.StatusBadRequest, apiError("invalid_json", "request is not JSON: "+err.Error())
	}
	if req.ResponseFormat != nil && s.opts.RejectResponseFormat {
		return http.StatusBadRequest, apiError("unsupported_parameter", "response_format is not supported by this server")
	}
	var system, user string
	prompt := 0
	for _, m := range req.Messages {
		prompt += 4 + Tokens(m.Content)
		switch m.Role {
		case "system":
			system += m.Content
		case "user":
			user = m.Content
		}
	}
	var in struct {
		Segments []segment `json:"segments"`
	}
	if err := json.Unmarshal([]byte(user), &in); err != nil {
		return http.StatusBadRequest, apiError("bad_user_message", "the last user message is not JSON segments")
	}
	terms := promptTerms(system)
	var content string
	if f == Prose {
		content = "Sure! Here are the translations you asked for, in a friendly tone."
	} else {
		segs := translateSegments(in.Segments, terms, promptTongue(system), f)
		for i := range segs {
			if degraded(req.Model) {
				segs[i].Text = degrade(segs[i].Text)
			}
		}
		content = replyContent(segs, f)
		if req.ResponseFormat == nil || f == CodeFence {
			// Models asked for JSON in the prompt alone like to fence it.
			content = "```json\n" + content + "\n```"
		}
		if f == Chatter {
			content = "Sure! Here are the translations:\n" + content + "\nLet me know if you need anything else."
		}
	}
	completion := Tokens(content)
	s.mu.Lock()
	id := s.newID("chatcmpl")
	s.mu.Unlock()
	return http.StatusOK, map[string]any{
		"id": id, "object": "chat.completion", "created": 0, "model": req.Model,
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": content}}},
		"usage": map[string]any{"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion},
	}
}

// replyContent writes the items as JSON in the shape f gives them.
func replyContent(items []segment, f Failure) string {
	var reply any = map[string]any{"translations": items}
	switch f {
	case KeyTranslation, KeyTranslated, NumericIDs:
		key := map[Failure]string{KeyTranslation: "translation", KeyTranslated: "translated", NumericIDs: "text"}[f]
		shaped := make([]map[string]any, len(items))
		for i, it := range items {
			var id any = it.ID
			if f == NumericIDs {
				id = i + 1
			}
			shaped[i] = map[string]any{"id": id, key: it.Text}
		}
		reply = map[string]any{"translations": shaped}
	case BareArray:
		reply = items
	}
	// A model writes tags as they are, not as JSON's \u003c escapes.
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(reply)
	return strings.TrimSuffix(b.String(), "\n")
}

// translateSegments translates segs into tg, spoiling the result as f
// says.
func translateSegments(segs []segment, terms []term, tg *tongue, f Failure) []segment {
	out := make([]segment, 0, len(segs))
	dropped := false
	if f == English {
		tg = englishTongue
	}
	for _, seg := range segs {
		drop := f == DropTag && !dropped && hasTag(seg.Text)
		dropped = dropped || drop
		fk := fake{terms: terms, tongue: tg, ignoreTerms: f == IgnoreTerm || f == English, forbidden: f == UseForbidden, dropTag: drop}
		t := segment{ID: seg.ID, Text: fk.translate(seg.Text)}
		if f == WrongIDs {
			t.ID = "x-" + t.ID
		}
		out = append(out, t)
	}
	if f == MissingID && len(out) > 0 {
		out = out[:len(out)-1]
	}
	if f == MergeAdjacent || f == MergeDrop {
		out = merge(out, f == MergeDrop)
	}
	return out
}

// merge puts the translation of each odd-numbered item into the item
// before it, and leaves the item itself its last word, or out.
func merge(items []segment, drop bool) []segment {
	var out []segment
	for i := 0; i < len(items); i++ {
		if i%2 == 1 || i+1 == len(items) {
			out = append(out, items[i])
			continue
		}
		next := items[i+1]
		out = append(out, segment{ID: items[i].ID, Text: items[i].Text + " " + next.Text})
		if words := strings.Fields(next.Text); !drop && len(words) > 0 {
			out = append(out, segment{ID: next.ID, Text: words[len(words)-1]})
		}
		i++
	}
	return out
}

func (s *Server) serveUpload(w http.ResponseWriter, r *http.Request, body []byte) {
	_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || params["boundary"] == "" {
		writeJSON(w, http.StatusBadRequest, apiError("bad_upload", "want multipart/form-data"))
		return
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var purpose, name string
	var content []byte
	for {
		part, err := mr.NextPart()
		if err != nil {
			break
		}
		var buf bytes.Buffer
		buf.ReadFrom(part)
		switch part.FormName() {
		case "purpose":
			purpose = buf.String()
		case "file":
			name, content = part.FileName(), buf.Bytes()
		}
	}
	if purpose != "batch" || content == nil {
		writeJSON(w, http.StatusBadRequest, apiError("bad_upload", "want a file with purpose batch"))
		return
	}
	s.mu.Lock()
	id := s.newID("file")
	s.files[id] = content
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"id": id, "object": "file", "bytes": len(content),
		"filename": name, "purpose": purpose, "status": "processed"})
}

func (s *Server) serveFileContent(w http.ResponseWriter, id string) {
	s.mu.Lock()
	content, ok := s.files[id]
	s.mu.Unlock()
	if !ok {
		writeJSON(w, http.StatusNotFound, apiError("file_not_found", "no such file"))
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Write(content)
}

// serveCreateBatch runs the whole batch at once, line by line through the
// same translation as the chat endpoint, and lets the client poll for it.
func (s *Server) serveCreateBatch(w http.ResponseWriter, r *http.Request, body []byte) {
	var req struct {
		InputFileID string `json:"input_file_id"`
		Endpoint    string `json:"endpoint"`
		Window      string `json:"completion_window"`
	}
	if err := json.Unmarshal(body, &req); err != nil || !strings.HasSuffix(req.Endpoint, "/chat/completions") || req.Window != "24h" {
		writeJSON(w, http.StatusBadRequest, apiError("bad_batch", "want a chat completions batch with a 24h window"))
		return
	}
	s.mu.Lock()
	input, ok := s.files[req.InputFileID]
	f := s.failure("batch", body, 0)
	b := &batch{ID: s.newID("batch"), Object: "batch", Endpoint: req.Endpoint, InputFileID: req.InputFileID,
		Window: req.Window, Status: "validating"}
	s.batches[b.ID] = b
	if f == BatchFailed {
		b.Status = "failed"
		b.Errors = map[string]any{"object": "list", "data": []any{map[string]any{"code": "invalid_request", "message": "fake batch failure"}}}
	}
	s.mu.Unlock()
	if !ok {
		writeJSON(w, http.StatusNotFound, apiError("file_not_found", "no such input file"))
		return
	}
	if f == BatchFailed {
		s.respondBatch(w, b)
		return
	}
	var out bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(input))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var line struct {
			CustomID string          `json:"custom_id"`
			Body     json.RawMessage `json:"body"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			continue
		}
		s.mu.Lock()
		f := s.failure("translate", line.Body, 0)
		s.mu.Unlock()
		status, answer := http.StatusOK, any(nil)
		switch f {
		case RateLimit, ServerError, Unavailable, BadRequest, Unauthorized, Forbidden, NotFound, QuotaExceeded, Malformed, Hangup:
			status, answer = http.StatusInternalServerError, apiError(string(f), "fake failure "+string(f))
		default:
			status, answer = s.chat(line.Body, f)
		}
		b, _ := json.Marshal(map[string]any{"id": "req-" + line.CustomID, "custom_id": line.CustomID,
			"response": map[string]any{"status_code": status, "body": answer}, "error": nil})
		out.Write(b)
		out.WriteByte('\n')
	}
	s.mu.Lock()
	outID := s.newID("file")
	s.files[outID] = out.Bytes()
	b.OutputFileID = &outID
	s.mu.Unlock()
	s.respondBatch(w, b)
}

func (s *Server) serveBatch(w http.ResponseWriter, r *http.Request, rest string) {
	id, action, _ := strings.Cut(rest, "/")
	s.mu.Lock()
	b, ok := s.batches[id]
	if ok {
		switch {
		case r.Method == http.MethodPost && action == "cancel":
			b.Status = "cancelled"
		case r.Method == http.MethodGet && action == "" && b.Status != "failed" && b.Status != "cancelled":
			b.polls++
			b.Status = "in_progress"
			if b.polls > s.opts.BatchPolls {
				b.Status = "completed"
			}
		}
	}
	s.mu.Unlock()
	if !ok {
		writeJSON(w, http.StatusNotFound, apiError("batch_not_found", "no such batch"))
		return
	}
	s.respondBatch(w, b)
}

func (s *Server) respondBatch(w http.ResponseWriter, b *batch) {
	s.mu.Lock()
	data, _ := json.Marshal(b)
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Write(data)
}
