package backendtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// chat posts a chat completion of one segment and returns the status and
// the reply's content.
func chat(t *testing.T, s *Server, id, text string) (int, string) {
	t.Helper()
	user, _ := json.Marshal(map[string]any{"segments": []segment{{ID: id, Text: text}}})
	body, _ := json.Marshal(map[string]any{"model": "m", "messages": []map[string]string{
		{"role": "system", "content": "Glossary (use these renderings):\n- 탈북민 => North Korean defector / North Korean defectors (never: deserter) — note\n- 천안 => Cheonan"},
		{"role": "user", "content": string(user)},
	}, "response_format": map[string]string{"type": "json_object"}})
	req, _ := http.NewRequest(http.MethodPost, s.OpenAIURL()+"/chat/completions", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer k")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	var answer struct {
		Choices []struct{ Message struct{ Content string } }
	}
	if json.Unmarshal(data, &answer) != nil || len(answer.Choices) == 0 {
		return resp.StatusCode, string(data)
	}
	return resp.StatusCode, answer.Choices[0].Message.Content
}

func TestDefaultTranslation(t *testing.T) {
	s := NewServer(Options{})
	defer s.Close()
	status, content := chat(t, s, "a", "천안의 탈북민 <g1>3</g1>명과 <n1/> 형제, Zoom 12:30")
	want := `{"translations":[{"id":"a","text":"Cheonan road North Korean defector <g1>3</g1> bridge <n1/> journey, Zoom 12:30"}]}`
	if status != 200 || content != want {
		t.Errorf("got %d %s\nwant %s", status, content, want)
	}
}

func TestRules(t *testing.T) {
	s := NewServer(Options{})
	defer s.Close()
	s.FailAt(3, ServerError)
	s.FailNext(RateLimit, 1)
	s.FailMatching(`secret`, NotFound, -1)
	var got []string
	for i, text := range []string{"가", "나", "다", "secret", "라", "secret"} {
		status, _ := chat(t, s, fmt.Sprint(i), text)
		got = append(got, fmt.Sprint(status))
	}
	if want := "[429 200 500 404 200 404]"; fmt.Sprint(got) != want {
		t.Errorf("statuses %v, want %s", got, want)
	}
	if s.Requests() != 6 || s.Translations() != 6 || len(s.Bodies()) != 6 || s.Log()[0] != "POST /v1/chat/completions" {
		t.Errorf("counted %d requests, %d translations, %d bodies, log %v", s.Requests(), s.Translations(), len(s.Bodies()), s.Log())
	}
}

func TestContentFailures(t *testing.T) {
	for _, tc := range []struct {
		failure Failure
		want    string
	}{
		{MissingID, `{"translations":[]}`},
		{WrongIDs, `{"translations":[{"id":"x-a","text":"North Korean defector <g1>news</g1>"}]}`},
		{DropTag, `{"translations":[{"id":"a","text":"North Korean defector news</g1>"}]}`},
		{IgnoreTerm, `{"translations":[{"id":"a","text":"letter <g1>news</g1>"}]}`},
		{Prose, "Sure! Here are the translations you asked for, in a friendly tone."},
	} {
		s := NewServer(Options{})
		s.FailNext(tc.failure, 1)
		if _, got := chat(t, s, "a", "탈북민 <g1>기도</g1>"); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.failure, got, tc.want)
		}
		s.Close()
	}
}

func TestHangupAndMalformed(t *testing.T) {
	s := NewServer(Options{})
	defer s.Close()
	s.FailNext(Hangup, 1)
	s.FailNext(Malformed, 1)
	if status, msg := chat(t, s, "a", "가"); status != 0 || !strings.Contains(msg, "EOF") {
		t.Errorf("hangup: %d %s", status, msg)
	}
	if status, body := chat(t, s, "a", "가"); status != 200 || json.Valid([]byte(body)) {
		t.Errorf("malformed: %d %s", status, body)
	}
}

func TestTokens(t *testing.T) {
	for text, want := range map[string]int{
		"":                    0,
		"Hello, world!":       4,
		"기도해 주십시오.":           8,
		"<g1>2023</g1>":       11,
		"Psalm 23:1 — 시편 23편": 9,
	} {
		if got := Tokens(text); got != want {
			t.Errorf("Tokens(%q) = %d, want %d", text, got, want)
		}
	}
}

// A request waiting out the latency is already counted, so a test can
// interrupt a run while a request is in flight.
func TestCountedOnArrival(t *testing.T) {
	s := NewServer(Options{Latency: time.Minute})
	defer s.Close()
	done := make(chan struct{})
	go func() {
		chat(t, s, "a", "가")
		close(done)
	}()
	for s.Translations() == 0 {
		time.Sleep(time.Millisecond)
	}
	select {
	case <-done:
		t.Fatal("the request was answered before its latency")
	default:
	}
	s.Close()
	<-done
}

// chatSegments posts a chat completion of segs in JSON mode and returns
// the reply's content.
func chatSegments(t *testing.T, s *Server, segs []segment) string {
	t.Helper()
	user, _ := json.Marshal(map[string]any{"segments": segs})
	body, _ := json.Marshal(map[string]any{"model": "m", "messages": []map[string]string{
		{"role": "system", "content": "Translate."}, {"role": "user", "content": string(user)},
	}, "response_format": map[string]string{"type": "json_object"}})
	req, _ := http.NewRequest(http.MethodPost, s.OpenAIURL()+"/chat/completions", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer k")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var answer struct {
		Choices []struct{ Message struct{ Content string } }
	}
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil || len(answer.Choices) == 0 {
		t.Fatalf("no answer: %v", err)
	}
	return answer.Choices[0].Message.Content
}

func TestWeakModelShapes(t *testing.T) {
	segs := []segment{{ID: "a", Text: "감사"}, {ID: "b", Text: "기도 부탁"}, {ID: "c", Text: "은혜"}}
	const plain = `[{"id":"a","text":"bread"},{"id":"b","text":"news word"},{"id":"c","text":"family"}]`
	for _, tc := range []struct {
		f    Failure
		want string
	}{
		{"", `{"translations":` + plain + `}`},
		{KeyTranslation, `{"translations":[{"id":"a","translation":"bread"},{"id":"b","translation":"news word"},{"id":"c","translation":"family"}]}`},
		{KeyTranslated, `{"translations":[{"id":"a","translated":"bread"},{"id":"b","translated":"news word"},{"id":"c","translated":"family"}]}`},
		{BareArray, plain},
		{NumericIDs, `{"translations":[{"id":1,"text":"bread"},{"id":2,"text":"news word"},{"id":3,"text":"family"}]}`},
		{CodeFence, "```json\n{\"translations\":" + plain + "}\n```"},
		{Chatter, "Sure! Here are the translations:\n{\"translations\":" + plain + "}\nLet me know if you need anything else."},
		{MergeAdjacent, `{"translations":[{"id":"a","text":"bread news word"},{"id":"b","text":"word"},{"id":"c","text":"family"}]}`},
		{MergeDrop, `{"translations":[{"id":"a","text":"bread news word"},{"id":"c","text":"family"}]}`},
	} {
		t.Run(string(tc.f)+"/", func(t *testing.T) {
			s := NewServer(Options{})
			defer s.Close()
			if tc.f != "" {
				s.FailNext(tc.f, 1)
			}
			if got := chatSegments(t, s, segs); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}
