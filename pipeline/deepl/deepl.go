// Package deepl translates with the DeepL API (https://developers.deepl.com),
// spoken directly over HTTP: POST /v2/translate with the segments of a batch
// as an array of texts, answered in the same order.
//
// DeepL is a translation engine, not a model that follows instructions: it
// takes no style guide and no examples. What it does take is markup and
// glossaries. Segments go out with tag_handling "xml", so the protected tags
// (<g1>…</g1>, <x2/>) and placeholders (<n1/>) come back in place, and any
// other '<' or '&' in the prose is escaped. The glossary entries of a batch
// become a DeepL glossary (POST /v2/glossaries), created once per distinct
// set of entries and reused; for language pairs DeepL has no glossaries for,
// translation goes on without one and the pipeline's glossary check catches
// what slips.
//
// Free keys end in ":fx" and use api-free.deepl.com; DEEPL_SERVER_URL
// (Config.ServerURL) points elsewhere. DeepL answers a bad key with 403 and
// an exhausted quota with 456; both are errors retrying does not fix. Usage
// is counted in characters, not tokens, so a response reports requests only.
package deepl

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/internal/backendhttp"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// The servers for paid and free keys.
const (
	ProURL  = "https://api.deepl.com"
	FreeURL = "https://api-free.deepl.com"
)

// maxTexts is how many texts DeepL takes in one request.
const maxTexts = 50

// Config says which account and server to use.
type Config struct {
	// AuthKey is the DeepL authentication key.
	AuthKey string
	// ServerURL overrides the server chosen by the key.
	ServerURL string
	// HTTPClient sends the requests; http.DefaultClient when nil.
	HTTPClient *http.Client
}

// Translator is a [translate.Translator] backed by DeepL. It is safe for
// concurrent use.
type Translator struct {
	key        string
	url        string
	client     *http.Client
	service    backendhttp.Service
	glossaries glossaries
}

// New returns a translator for cfg. It fails, with a message for the user,
// when there is no key.
func New(cfg Config) (*Translator, error) {
	if cfg.AuthKey == "" {
		return nil, locales.New("backend.key-missing", "Backend", "deepl", "Env", "DEEPL_AUTH_KEY").
			WithHint("backend.key-missing.deepl.hint")
	}
	url := strings.TrimRight(cfg.ServerURL, "/")
	if url == "" {
		url = ServerURL(cfg.AuthKey)
	}
	client := cfg.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	return &Translator{
		key: cfg.AuthKey, url: url, client: client,
		service: backendhttp.Service{Name: "deepl", KeyEnv: "DEEPL_AUTH_KEY", URLEnv: "DEEPL_SERVER_URL", URL: backendhttp.DisplayURL(url)},
	}, nil
}

// ServerURL is the server a key belongs to: free keys end in ":fx".
func ServerURL(key string) string {
	if strings.HasSuffix(key, ":fx") {
		return FreeURL
	}
	return ProURL
}

// Translate translates req's units, in requests of at most 50 texts, with a
// glossary of req's terms where DeepL supports one for the language pair.
func (t *Translator) Translate(ctx context.Context, req *translate.Request) (*translate.Response, error) {
	resp := &translate.Response{Translations: make(map[string]string, len(req.Units))}
	if len(req.Units) == 0 {
		return resp, nil
	}
	glossaryID, n, err := t.glossaries.id(ctx, t, req.Source, req.Target, req.Terms)
	resp.Requests += n
	if err != nil {
		return nil, err
	}
	for start := 0; start < len(req.Units); start += maxTexts {
		units := req.Units[start:min(start+maxTexts, len(req.Units))]
		body := translateRequest{
			SourceLang: SourceLang(req.Source), TargetLang: TargetLang(req.Target),
			TagHandling: "xml", GlossaryID: glossaryID,
		}
		for _, u := range units {
			body.Text = append(body.Text, escapeXML(u.Text))
		}
		body.Context = sharedContext(units)
		var answer struct {
			Translations []struct {
				Text *string `json:"text"`
			} `json:"translations"`
		}
		err := t.call(ctx, "/v2/translate", body, &answer)
		resp.Requests++
		if err != nil {
			return nil, err
		}
		if len(answer.Translations) != len(units) {
			return nil, t.service.Malformed(fmt.Sprintf("%d translations for %d texts", len(answer.Translations), len(units)))
		}
		for i, tr := range answer.Translations {
			if tr.Text == nil {
				return nil, t.service.Malformed(fmt.Sprintf("translation %d has no text", i+1))
			}
			resp.Translations[units[i].ID] = unescapeXML(*tr.Text)
		}
	}
	return resp, nil
}

type translateRequest struct {
	Text        []string `json:"text"`
	SourceLang  string   `json:"source_lang"`
	TargetLang  string   `json:"target_lang"`
	TagHandling string   `json:"tag_handling"`
	GlossaryID  string   `json:"glossary_id,omitempty"`
	// Context informs the translation without being translated or billed.
	Context string `json:"context,omitempty"`
}

// sharedContext is the context of units when they all have the same: DeepL
// takes one context per request, and a paragraph's sentences share theirs.
func sharedContext(units []translate.Unit) string {
	c := units[0].Context
	for _, u := range units[1:] {
		if u.Context != c {
			return ""
		}
	}
	return c
}

// call posts body as JSON to path and decodes the answer into out.
func (t *Translator) call(ctx context.Context, path string, body, out any) error {
	data, err := json.Marshal(body)
	if err != nil {
		return err
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, t.url+path, bytes.NewReader(data))
	if err != nil {
		return err
	}
	hr.Header.Set("Authorization", "DeepL-Auth-Key "+t.key)
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("User-Agent", "epistle")
	res, err := t.client.Do(hr)
	if err != nil {
		return t.service.TransportError(ctx, err)
	}
	defer res.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(res.Body, 64<<20))
	if err != nil {
		return t.service.TransportError(ctx, err)
	}
	if res.StatusCode/100 != 2 {
		return t.statusError(res, answer)
	}
	if err := json.Unmarshal(answer, out); err != nil {
		return t.service.Malformed(backendhttp.Redact(err.Error(), t.key))
	}
	return nil
}

// statusError classifies a failed answer. DeepL's error body is
// {"message": …, "detail": …}.
func (t *Translator) statusError(res *http.Response, body []byte) *translate.BackendError {
	var e struct{ Message, Detail string }
	detail := strings.TrimSpace(string(body))
	if json.Unmarshal(body, &e) == nil && e.Message != "" {
		detail = strings.TrimSpace(e.Message + ". " + e.Detail)
		detail = strings.TrimSuffix(detail, ".")
	}
	detail = backendhttp.Redact(detail, t.key)
	status := res.StatusCode
	switch status {
	case 456:
		err := t.service.StatusError(translate.ErrRejected, status, res.Header, detail)
		err.Err = locales.New("backend.quota", "Backend", "deepl", "Status", status).WithHint("backend.quota.deepl.hint")
		return err
	case 529:
		// DeepL's older "too many requests".
		return t.service.StatusError(translate.ErrRateLimit, status, res.Header, detail)
	}
	return t.service.StatusError(backendhttp.KindOf(status), status, res.Header, detail)
}

// SourceLang is DeepL's source language code for tag: the base language in
// capitals ("KO"), as source languages have no variants.
func SourceLang(tag language.Tag) string {
	base, _ := tag.Base()
	return strings.ToUpper(base.String())
}

// TargetLang is DeepL's target language code for tag. English and
// Portuguese must name a variant: American English (for the United States
// and Canada too) and Brazilian Portuguese unless the tag's region names
// another. Chinese is Simplified unless the
// tag names Traditional script or a region that writes it.
func TargetLang(tag language.Tag) string {
	base, _ := tag.Base()
	region, conf := tag.Region()
	explicit := conf == language.Exact
	switch base.String() {
	case "en":
		if explicit && region.String() != "US" && region.String() != "PR" && region.String() != "CA" {
			return "EN-GB"
		}
		return "EN-US"
	case "pt":
		if explicit && region.String() != "BR" {
			return "PT-PT"
		}
		return "PT-BR"
	case "zh":
		script, sconf := tag.Script()
		if (sconf == language.Exact && script.String() == "Hant") ||
			(explicit && (region.String() == "TW" || region.String() == "HK" || region.String() == "MO")) {
			return "ZH-HANT"
		}
		return "ZH-HANS"
	case "es":
		if explicit && region.String() == "419" {
			return "ES-419"
		}
	}
	return strings.ToUpper(base.String())
}
