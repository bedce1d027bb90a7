// Package backend chooses who translates and sets it up: the command
// line's choice wins over the environment, which wins over epistle.toml
// ([Resolve]); [Runs] then builds the translator for each target language,
// with the newsletter's translation memory beside it.
package backend

import (
	"context"
	"slices"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/deepl"
	"github.com/epistle-letters/epistle/pipeline/memory"
	"github.com/epistle-letters/epistle/pipeline/openai"
	"github.com/epistle-letters/epistle/pipeline/store"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// names are the backends epistle knows.
var names = []string{"openai", "deepl", "memory"}

// Known reports whether epistle knows the backend name.
func Known(name string) bool { return slices.Contains(names, name) }

// Choice is what the command line says; "" where it says nothing.
type Choice struct {
	Name, Model string
}

// Settings are a backend's settings once flags, environment and
// epistle.toml are layered.
type Settings struct {
	Name string
	// Model is the model asked for ("" for backends without models).
	Model string
	// BaseURL is the server's address; "" for the service's own.
	BaseURL string
	// Key is the API key, from the environment only: never a file.
	Key string
}

// Resolve layers the settings: flag, then environment (getenv), then
// epistle.toml, then the backend's default. An unknown backend name in
// epistle.toml is an error naming the file.
//
// The model and base_url of epistle.toml's [backend] belong to the backend
// it names: when the flag picks another one they are not used, so that
// --backend deepl never sends the DeepL key to the Ollama server the file
// configures for openai, nor --backend openai the OpenAI key to DeepL.
func Resolve(c Choice, cfg *store.Config, getenv func(string) string) (Settings, error) {
	s := Settings{Name: first(c.Name, cfg.Backend.Name)}
	if !Known(s.Name) {
		return Settings{}, locales.New("translate.backend.unknown.config", "Name", s.Name, "Path", cfg.Path).
			WithHint("translate.backend.unknown.hint")
	}
	var file store.BackendConfig
	if s.Name == cfg.Backend.Name {
		file = cfg.Backend
	}
	switch s.Name {
	case "openai":
		s.Model = first(c.Model, file.Model, openai.DefaultModel)
		s.BaseURL = first(getenv("OPENAI_BASE_URL"), file.BaseURL)
		s.Key = getenv("OPENAI_API_KEY")
	case "deepl":
		s.BaseURL = first(getenv("DEEPL_SERVER_URL"), file.BaseURL)
		s.Key = getenv("DEEPL_AUTH_KEY")
	}
	return s, nil
}

// backend is a translator ready for one target language, with the
// translation memory every backend draws exact matches and examples from.
type backend struct {
	Settings
	Translator translate.Translator
	Memory     *memory.Translator
	// Batcher translates through the service's batch API; nil where there
	// is none.
	Batcher func(ctx context.Context, reqs []*translate.Request, clock translate.Clock) ([]*translate.Response, error)
}

// open sets up the backend s for translating l into lang.
func open(s Settings, cfg *store.Config, l *store.Letter, lang language.Tag, hide []string) (*backend, error) {
	b, err := openMemory(s, cfg, l, lang, hide)
	if err != nil {
		return nil, err
	}
	switch s.Name {
	case "memory":
		b.Translator = b.Memory
	case "openai":
		t, err := openai.New(openai.Config{
			APIKey: s.Key, BaseURL: s.BaseURL, Model: s.Model,
			JSONSchema: openai.EnforcesSchema(s.BaseURL),
		})
		if err != nil {
			return nil, err
		}
		b.Translator = t
		poll := cfg.Backend.Poll.Duration
		if poll <= 0 {
			poll = openai.DefaultPoll
		}
		b.Batcher = func(ctx context.Context, reqs []*translate.Request, clock translate.Clock) ([]*translate.Response, error) {
			return t.TranslateBatch(ctx, reqs, poll, clock)
		}
	case "deepl":
		t, err := deepl.New(deepl.Config{AuthKey: s.Key, ServerURL: s.BaseURL})
		if err != nil {
			return nil, err
		}
		b.Translator = t
	}
	return b, nil
}

// openMemory sets up only the translation memory of the backend s, for a
// run that sends nothing.
func openMemory(s Settings, cfg *store.Config, l *store.Letter, lang language.Tag, hide []string) (*backend, error) {
	mem, err := memory.ForNewsletter(cfg, l.Source, lang, memory.Hide(hide...))
	if err != nil {
		return nil, err
	}
	return &backend{Settings: s, Memory: mem}, nil
}

// first returns the first of s that is not "".
func first(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// HasBatchAPI reports whether the backend can translate through a batch
// API (--batch-api).
func (s Settings) HasBatchAPI() bool { return s.Name == "openai" }

// Plan is what a translate run asks for besides the letter and backend.
type Plan struct {
	// Targets are the languages; nil for epistle.toml's.
	Targets []language.Tag
	// Glossary is the glossary's path; "" for the one epistle.toml names.
	Glossary          string
	Jobs, BatchTokens int
	Force, BatchAPI   bool
	// DryRun estimates and sends nothing: the runs get no translator, so
	// a service's key is not needed.
	DryRun bool
	// Clock is what the runs wait with; nil for the wall clock.
	Clock translate.Clock
	// Hide are translations the memory must not offer: the approved
	// translations `eval` scores against ([memory.Hide]), as the letter
	// has them and with its private names redacted, as a TMX epistle
	// exported keeps them.
	Hide []string
}

// Runs sets up one run per target language of p with the backend s:
// glossary, style guide, translation memory and the settings of
// epistle.toml. Every backend is set up, and every setting checked,
// before anything is written; the runs save nothing until their Save is
// set.
func Runs(l *store.Letter, s Settings, p Plan) ([]translate.Options, error) {
	cfg := l.Config
	targets := p.Targets
	if len(targets) == 0 {
		targets = cfg.TargetLangs()
	}
	g, err := cfg.LoadGlossary(p.Glossary)
	if err != nil {
		return nil, err
	}
	style, err := cfg.LoadStyle()
	if err != nil {
		return nil, err
	}
	runs := make([]translate.Options, len(targets))
	for i, lang := range targets {
		hide := hidden(p.Hide, g.In(lang))
		var b *backend
		if p.DryRun && s.Name != "memory" {
			b, err = openMemory(s, cfg, l, lang, hide)
		} else {
			b, err = open(s, cfg, l, lang, hide)
		}
		if err != nil {
			return nil, err
		}
		runs[i] = translate.Options{
			Target: lang, Translator: b.Translator, Backend: b.Name, Model: b.Model,
			Glossary: g.In(lang), Memory: b.Memory, Style: style,
			Jobs: p.Jobs, BatchTokens: p.BatchTokens, Force: p.Force, Lookup: b.Name == "memory",
			RPM: cfg.Backend.RPM, TPM: cfg.Backend.TPM,
			Attempts: cfg.Backend.Attempts, Backoff: cfg.Backend.Backoff.Duration, Timeout: cfg.Backend.Timeout.Duration,
			Clock: p.Clock,
		}
		if p.BatchAPI {
			runs[i].Batcher = b.Batcher
		}
	}
	return runs, nil
}

// hidden are the translations hide, each also with g's private names
// redacted: a TM file epistle exported holds an approved pair that way.
func hidden(hide []string, g *glossary.Glossary) []string {
	if len(hide) == 0 || g == nil {
		return hide
	}
	r := g.NewRedactor()
	out := slices.Clip(hide)
	for _, t := range hide {
		if red := r.Redact(t); red != t {
			out = append(out, red)
		}
	}
	return out
}
