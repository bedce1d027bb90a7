// Package openai translates with a chat model behind the OpenAI chat
// completions API: OpenAI itself, Azure OpenAI, and the servers that speak
// the same protocol (Ollama, vLLM, LM Studio, llama.cpp) at another base URL.
// It is the only package that imports go-openai.
//
// A batch of segments goes out as one chat request: the system prompt holds
// the instructions, the newsletter's style guide, the glossary entries that
// occur in the batch and approved examples; the user message is the segments
// as JSON; the model answers JSON {"translations":[{"id","text"}]}. Where the
// server supports it the answer's shape is enforced with a strict JSON
// schema (response_format json_schema) or JSON mode (json_object); a server
// that rejects response_format is asked again with the prompt alone, and
// remembered.
//
// Each call makes one attempt. What went wrong comes back as a
// *[translate.BackendError] classified by HTTP status, with Retry-After read
// for 429, so the pipeline decides whether and when to retry. The key is
// never part of an error.
package openai

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/internal/backendhttp"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// DefaultModel is the model asked for when neither --model nor
// epistle.toml names one: small, cheap and good at Korean.
const DefaultModel = "gpt-4o-mini"

// DefaultBaseURL is OpenAI's own API.
const DefaultBaseURL = "https://api.openai.com/v1"

// DefaultAzureAPIVersion is the Azure OpenAI API version used when none is
// configured: the first stable version with structured outputs.
const DefaultAzureAPIVersion = "2024-10-21"

// Config says which server and model to use.
type Config struct {
	// APIKey is the bearer key (the api-key for Azure). Local servers take
	// none; OpenAI and Azure require one.
	APIKey string
	// BaseURL is the API's address up to and including /v1 (for Azure the
	// resource endpoint, https://NAME.openai.azure.com); DefaultBaseURL when
	// empty.
	BaseURL string
	// Model is the model name (for Azure the deployment name).
	Model string
	// Organization is sent as OpenAI-Organization when set.
	Organization string
	// Azure selects Azure OpenAI's URLs and api-key header; APIVersion is
	// its api-version, DefaultAzureAPIVersion when empty.
	Azure      bool
	APIVersion string
	// HTTPClient sends the requests; a client without a timeout of its own
	// is fine, as every call has a context.
	HTTPClient *http.Client
	// JSONSchema asks for the reply's shape as a strict JSON schema, which
	// OpenAI, Azure and recent vLLM and Ollama enforce; otherwise JSON mode
	// is asked for.
	JSONSchema bool
}

// Translator is a [translate.Translator] backed by a chat model. It is safe
// for concurrent use.
type Translator struct {
	client  *goopenai.Client
	model   string
	key     string
	azure   bool
	service backendhttp.Service
	// format is how the reply's shape is asked for; it drops to
	// formatPrompt for good once the server rejects response_format.
	format atomic.Int32
}

// How the JSON shape of the reply is asked for.
const (
	formatSchema int32 = iota // response_format json_schema, strict
	formatObject              // response_format json_object
	formatPrompt              // the instructions alone
)

// EnforcesSchema reports whether the server at baseURL is known to enforce a
// strict JSON schema (response_format json_schema): OpenAI itself. Other
// OpenAI-compatible servers get JSON mode, which all of them accept, and the
// reply's shape is checked either way.
func EnforcesSchema(baseURL string) bool {
	return baseURL == "" || strings.Contains(baseURL, "api.openai.com")
}

// New returns a translator for cfg. It fails, with a message for the user,
// when the model is missing or when OpenAI or Azure is used without a key.
func New(cfg Config) (*Translator, error) {
	if cfg.Model == "" {
		return nil, locales.New("backend.model-missing", "Backend", "openai").
			WithHint("backend.model-missing.hint")
	}
	base := strings.TrimRight(cfg.BaseURL, "/")
	if base == "" {
		base = DefaultBaseURL
	}
	if cfg.APIKey == "" && (cfg.Azure || base == DefaultBaseURL) {
		return nil, locales.New("backend.key-missing", "Backend", "openai", "Env", "OPENAI_API_KEY").
			WithHint("backend.key-missing.openai.hint")
	}
	var cc goopenai.ClientConfig
	if cfg.Azure {
		cc = goopenai.DefaultAzureConfig(cfg.APIKey, base)
		cc.APIVersion = cfg.APIVersion
		if cc.APIVersion == "" {
			cc.APIVersion = DefaultAzureAPIVersion
		}
		// The model name is the deployment name as the user configured it.
		cc.AzureModelMapperFunc = func(model string) string { return model }
	} else {
		cc = goopenai.DefaultConfig(cfg.APIKey)
		cc.BaseURL = base
	}
	cc.OrgID = cfg.Organization
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	cc.HTTPClient = headerRecorder{hc}
	t := &Translator{
		client:  goopenai.NewClientWithConfig(cc),
		model:   cfg.Model,
		key:     cfg.APIKey,
		azure:   cfg.Azure,
		service: backendhttp.Service{Name: "openai", KeyEnv: "OPENAI_API_KEY", URLEnv: "OPENAI_BASE_URL", URL: backendhttp.DisplayURL(base)},
	}
	if !cfg.JSONSchema {
		t.format.Store(formatObject)
	}
	return t, nil
}

// Translate sends req as one chat request (two when the server first
// rejects response_format) and returns the translations the model gave for
// req's units.
func (t *Translator) Translate(ctx context.Context, req *translate.Request) (*translate.Response, error) {
	resp := &translate.Response{Translations: map[string]string{}}
	if len(req.Units) == 0 {
		return resp, nil
	}
	format := t.format.Load()
	completion, err := t.complete(ctx, t.chatRequest(req, format))
	resp.Requests++
	if format != formatPrompt && isStatus(err, http.StatusBadRequest) {
		completion, err = t.complete(ctx, t.chatRequest(req, formatPrompt))
		resp.Requests++
		if err == nil {
			// Only a success proves that response_format was the problem.
			t.format.Store(formatPrompt)
		}
	}
	if err != nil {
		return nil, err
	}
	// A reply is billed whether or not it can be read: its usage goes back
	// with the error.
	resp.PromptTokens, resp.CompletionTokens = completion.Usage.PromptTokens, completion.Usage.CompletionTokens
	resp.Translations, err = t.reply(completion, req.Units)
	if err != nil {
		return resp, err
	}
	return resp, nil
}

// chatRequest is the chat completion request for a batch.
func (t *Translator) chatRequest(req *translate.Request, format int32) goopenai.ChatCompletionRequest {
	cr := goopenai.ChatCompletionRequest{
		Model: t.model,
		Messages: []goopenai.ChatCompletionMessage{
			{Role: goopenai.ChatMessageRoleSystem, Content: systemPrompt(req)},
			{Role: goopenai.ChatMessageRoleUser, Content: userMessage(req)},
		},
	}
	switch format {
	case formatSchema:
		cr.ResponseFormat = &goopenai.ChatCompletionResponseFormat{
			Type: goopenai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &goopenai.ChatCompletionResponseFormatJSONSchema{
				Name: "translations", Schema: replySchema, Strict: true},
		}
	case formatObject:
		cr.ResponseFormat = &goopenai.ChatCompletionResponseFormat{Type: goopenai.ChatCompletionResponseFormatTypeJSONObject}
	}
	return cr
}

// complete sends one chat request and classifies what went wrong.
func (t *Translator) complete(ctx context.Context, cr goopenai.ChatCompletionRequest) (goopenai.ChatCompletionResponse, error) {
	var header http.Header
	resp, err := t.client.CreateChatCompletion(withHeaderRecord(ctx, &header), cr)
	if err != nil {
		return resp, t.classify(ctx, err, header)
	}
	return resp, nil
}

// reply reads the translations out of a completion.
func (t *Translator) reply(c goopenai.ChatCompletionResponse, units []translate.Unit) (map[string]string, error) {
	if len(c.Choices) == 0 {
		return nil, t.service.Malformed("the answer has no choices")
	}
	choice := c.Choices[0]
	if choice.Message.Refusal != "" || choice.FinishReason == goopenai.FinishReasonContentFilter {
		why := choice.Message.Refusal
		if why == "" {
			why = "the content filter stopped the reply"
		}
		return nil, t.service.StatusError(translate.ErrRejected, 0, nil, backendhttp.Redact(why, t.key))
	}
	if choice.FinishReason == goopenai.FinishReasonLength {
		// The cut reply may still parse if it happens to end well; it is
		// never complete, and a smaller batch is what helps.
		return nil, t.service.Malformed("the reply was cut off at the model's output limit; smaller batches help")
	}
	out, err := parseReply(choice.Message.Content, units)
	if err != nil {
		return nil, t.service.Malformed(backendhttp.Redact(err.Error(), t.key))
	}
	return out, nil
}

// classify turns an error of go-openai into a *translate.BackendError, or
// ctx's error when the call was cancelled.
func (t *Translator) classify(ctx context.Context, err error, header http.Header) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var (
		status       int
		detail, code string
		apiErr       *goopenai.APIError
		reqErr       *goopenai.RequestError
	)
	switch {
	case errors.As(err, &apiErr):
		status, detail = apiErr.HTTPStatusCode, apiErr.Message
		if apiErr.Code != nil {
			code = fmt.Sprint(apiErr.Code)
		}
	case errors.As(err, &reqErr):
		status, detail = reqErr.HTTPStatusCode, string(reqErr.Body)
	case errors.Is(err, goopenai.ErrChatCompletionInvalidModel):
		return t.service.StatusError(translate.ErrRejected, 0, nil, err.Error())
	}
	if status == 0 {
		return t.service.TransportError(ctx, err)
	}
	detail = backendhttp.Redact(detail, t.key)
	if status == http.StatusTooManyRequests && code == "insufficient_quota" {
		// Waiting does not refill a quota: not a rate limit to retry.
		e := t.service.StatusError(translate.ErrRejected, status, header, detail)
		e.Err = locales.New("backend.quota", "Backend", "openai", "Status", status).WithHint("backend.quota.openai.hint")
		return e
	}
	return t.service.StatusError(backendhttp.KindOf(status), status, header, detail)
}

// isStatus reports whether err is a backend error with HTTP status status.
func isStatus(err error, status int) bool {
	var be *translate.BackendError
	return errors.As(err, &be) && be.Status == status
}

// headerRecorder is the HTTP client go-openai sends through. go-openai does
// not return the headers of a failed answer, and a 429's Retry-After is one;
// each call passes, in its context, where to keep the headers of its own
// answer, so concurrent calls never see each other's.
type headerRecorder struct{ client *http.Client }

type headerRecordKey struct{}

func withHeaderRecord(ctx context.Context, h *http.Header) context.Context {
	return context.WithValue(ctx, headerRecordKey{}, h)
}

func (r headerRecorder) Do(req *http.Request) (*http.Response, error) {
	resp, err := r.client.Do(req)
	if h, ok := req.Context().Value(headerRecordKey{}).(*http.Header); ok && resp != nil {
		*h = resp.Header
	}
	return resp, err
}
