package store

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"
)

func TestInitFiles(t *testing.T) {
	for _, lang := range []language.Tag{language.English, language.Korean} {
		t.Run(lang.String(), func(t *testing.T) {
			files := InitFiles(lang)
			var names []string
			content := map[string][]byte{}
			for _, f := range files {
				names = append(names, f.Name)
				content[f.Name] = f.Content
			}
			if got, want := strings.Join(names, " "), "epistle.toml glossary.csv style.md"; got != want {
				t.Fatalf("files = %s, want %s", got, want)
			}

			// The settings are the keys DESIGN.md names, and nothing else
			// is set: the alternatives stay comments.
			var cfg struct {
				Source   string
				Targets  []string
				Glossary string
				Style    string
				TM       []string `toml:"tm"`
				Reuse    string
				Backend  struct{ Name string }
			}
			md, err := toml.Decode(string(content["epistle.toml"]), &cfg)
			if err != nil {
				t.Fatalf("epistle.toml: %v", err)
			}
			if und := md.Undecoded(); len(und) > 0 {
				t.Errorf("epistle.toml sets keys nothing reads: %v", und)
			}
			if cfg.Source != "ko" || strings.Join(cfg.Targets, ",") != "en" || cfg.Glossary != "glossary.csv" ||
				cfg.Style != "style.md" || cfg.TM == nil || len(cfg.TM) != 0 || cfg.Reuse != "offer" || cfg.Backend.Name != "memory" {
				t.Errorf("epistle.toml = %+v", cfg)
			}
			for _, commented := range []string{`# name = "openai"`, `# model = "gpt-4o-mini"`, `# name = "deepl"`,
				`# base_url = "http://localhost:11434/v1"`, `# [segment]`, `# no_break = [`, `# [prices."gpt-4o-mini"]`, `# prompt = 0.15`, `# completion = 0.60`} {
				if !bytes.Contains(content["epistle.toml"], []byte(commented)) {
					t.Errorf("epistle.toml lacks the commented line %s", commented)
				}
			}

			rows, err := csv.NewReader(bytes.NewReader(content["glossary.csv"])).ReadAll()
			if err != nil {
				t.Fatalf("glossary.csv: %v", err)
			}
			if len(rows) != 3 || strings.Join(rows[0], ",") != "source,target,kind,forbidden,note" {
				t.Errorf("glossary.csv = %q, want the header and two rows", rows)
			}

			if !bytes.HasPrefix(content["style.md"], []byte("# ")) || !bytes.Contains(content["style.md"], []byte("ESV")) {
				t.Errorf("style.md does not look like the style guide template:\n%s", content["style.md"])
			}
			for name, c := range content {
				if !bytes.HasSuffix(c, []byte("\n")) || bytes.HasPrefix(c, []byte("\n")) {
					t.Errorf("%s should start with text and end with a newline", name)
				}
			}
		})
	}
}
