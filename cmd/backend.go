package cmd

import (
	"context"
	"os"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline"
	"github.com/epistle-letters/epistle/pipeline/deepl"
	"github.com/epistle-letters/epistle/pipeline/memory"
	"github.com/epistle-letters/epistle/pipeline/openai"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

var backendNames = []string{"openai", "deepl", "memory"}

func knownBackend(name string) bool {
	for _, n := range backendNames {
		if n == name {
			return true
		}
	}
	return false
}

// backendSpec chooses a backend: flags win over the environment, which wins
// over epistle.toml.
type backendSpec struct {
	Name, Model string
	Config      *pipeline.Config
}

// backend is a translator ready for one target language, with the
// translation memory every backend draws exact matches and examples from.
type backend struct {
	Name, Model string
	Translator  translate.Translator
	Memory      *memory.Translator
	Batcher     func(ctx context.Context, reqs []*translate.Request) ([]*translate.Response, error)
}

func (s backendSpec) open(l *pipeline.Letter, lang language.Tag) (*backend, error) {
	cfg := s.Config
	name := s.Name
	if name == "" {
		name = cfg.Backend.Name
	}
	if !knownBackend(name) {
		return nil, locales.New("translate.backend.unknown.config", "Name", name, "Path", cfg.Path).
			WithHint("translate.backend.unknown.hint")
	}
	model := s.Model
	if model == "" {
		model = cfg.Backend.Model
	}
	mem, err := memory.ForNewsletter(cfg, l.Source, lang)
	if err != nil {
		return nil, err
	}
	b := &backend{Name: name, Model: model, Memory: mem}
	switch name {
	case "memory":
		b.Translator, b.Model = mem, ""
	case "openai":
		base := firstNonEmpty(os.Getenv("OPENAI_BASE_URL"), cfg.Backend.BaseURL)
		if model == "" {
			model = "gpt-4o-mini"
			b.Model = model
		}
		t, err := openai.New(openai.Config{
			APIKey: os.Getenv("OPENAI_API_KEY"), BaseURL: base, Model: model,
			JSONSchema: openai.EnforcesSchema(base),
		})
		if err != nil {
			return nil, err
		}
		b.Translator = t
		poll := cfg.Backend.Poll.Duration
		if poll <= 0 {
			poll = openai.DefaultPoll
		}
		b.Batcher = func(ctx context.Context, reqs []*translate.Request) ([]*translate.Response, error) {
			return t.TranslateBatch(ctx, reqs, poll)
		}
	case "deepl":
		b.Model = ""
		t, err := deepl.New(deepl.Config{
			AuthKey:   os.Getenv("DEEPL_AUTH_KEY"),
			ServerURL: firstNonEmpty(os.Getenv("DEEPL_SERVER_URL"), cfg.Backend.BaseURL),
		})
		if err != nil {
			return nil, err
		}
		b.Translator = t
	}
	return b, nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
