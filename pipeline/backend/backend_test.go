package backend

import (
	"testing"

	"github.com/epistle-letters/epistle/pipeline/openai"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// The flag wins over the environment, which wins over epistle.toml, which
// wins over the backend's default; keys come from the environment only.
func TestResolve(t *testing.T) {
	env := map[string]string{
		"OPENAI_BASE_URL": "http://env:1/v1", "OPENAI_API_KEY": "sk-env",
		"DEEPL_SERVER_URL": "http://deepl-env", "DEEPL_AUTH_KEY": "k:fx",
	}
	noEnv := map[string]string{}
	file := store.BackendConfig{Name: "openai", Model: "file-model", BaseURL: "http://file/v1"}
	for _, tc := range []struct {
		name   string
		choice Choice
		file   store.BackendConfig
		env    map[string]string
		want   Settings
	}{
		{"flags win", Choice{Name: "openai", Model: "flag-model"}, file, env,
			Settings{Name: "openai", Model: "flag-model", BaseURL: "http://env:1/v1", Key: "sk-env"}},
		{"file below the environment", Choice{}, file, env,
			Settings{Name: "openai", Model: "file-model", BaseURL: "http://env:1/v1", Key: "sk-env"}},
		{"file alone", Choice{}, file, noEnv,
			Settings{Name: "openai", Model: "file-model", BaseURL: "http://file/v1"}},
		{"default model", Choice{Name: "openai"}, store.BackendConfig{}, noEnv,
			Settings{Name: "openai", Model: openai.DefaultModel}},
		{"flag picks another backend than the file", Choice{Name: "deepl", Model: "ignored"}, file, env,
			Settings{Name: "deepl", BaseURL: "http://deepl-env", Key: "k:fx"}},
		{"the file's server is not another backend's", Choice{Name: "deepl"}, file, noEnv,
			Settings{Name: "deepl"}},
		{"nor its model", Choice{Name: "openai"}, store.BackendConfig{Name: "deepl", Model: "m", BaseURL: "https://api.deepl.com"}, env,
			Settings{Name: "openai", Model: openai.DefaultModel, BaseURL: "http://env:1/v1", Key: "sk-env"}},
		{"the flag naming the file's backend keeps its settings", Choice{Name: "openai"}, file, noEnv,
			Settings{Name: "openai", Model: "file-model", BaseURL: "http://file/v1"}},
		{"deepl from the file", Choice{}, store.BackendConfig{Name: "deepl", BaseURL: "http://deepl-file"}, noEnv,
			Settings{Name: "deepl", BaseURL: "http://deepl-file"}},
		{"memory has no model", Choice{}, store.BackendConfig{Name: "memory", Model: "m"}, env,
			Settings{Name: "memory"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := &store.Config{Backend: tc.file}
			got, err := Resolve(tc.choice, cfg, func(k string) string { return tc.env[k] })
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestResolveUnknownBackend(t *testing.T) {
	cfg := &store.Config{Path: "epistle.toml", Backend: store.BackendConfig{Name: "google"}}
	if _, err := Resolve(Choice{}, cfg, func(string) string { return "" }); err == nil {
		t.Fatal("an unknown backend in epistle.toml was accepted")
	}
}
