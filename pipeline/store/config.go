package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

// MaxAttempts bounds [backend] attempts: beyond it a failing service only
// makes a run longer.
const MaxAttempts = 20

// ConfigName is the settings file of a newsletter folder.
const ConfigName = "epistle.toml"

// Config is a newsletter folder's epistle.toml. Flags override environment
// variables, which override it; the command line does that layering.
type Config struct {
	// Dir is the folder that holds epistle.toml; relative paths in the file
	// are relative to it. Path is the file, or "" when there is none.
	Dir  string `toml:"-"`
	Path string `toml:"-"`

	// Source and Targets are the languages as the file writes them; the
	// tags parsed from them are SourceLang and TargetLangs.
	Source   string   `toml:"source"`
	Targets  []string `toml:"targets"`
	source   language.Tag
	targets  []language.Tag
	Glossary string `toml:"glossary"`
	Style    string `toml:"style"`
	// Reuse says what becomes of a sentence a person approved word for
	// word in another letter of the newsletter: offered for review
	// ([ReuseOffer], the default) or approved at translate ([ReuseApprove]).
	Reuse string `toml:"reuse"`
	// TM lists translation-memory files: TSV sentence pairs or TMX.
	TM      []string         `toml:"tm"`
	Backend BackendConfig    `toml:"backend"`
	Segment SegmentConfig    `toml:"segment"`
	Prices  map[string]Price `toml:"prices"`
}

// BackendConfig chooses who translates.
type BackendConfig struct {
	Name  string `toml:"name"`
	Model string `toml:"model"`
	// BaseURL is the OpenAI-compatible server, or DeepL's; the environment
	// (OPENAI_BASE_URL, DEEPL_SERVER_URL) and flags override it.
	BaseURL string `toml:"base_url"`
	// Requests and tokens per minute, 0 for no limit.
	RPM int `toml:"rpm"`
	TPM int `toml:"tpm"`
	// Attempts is how often a request is tried before its sentences fail
	// (1 to MaxAttempts); Backoff the first wait between attempts, doubled
	// each time.
	Attempts int      `toml:"attempts"`
	Backoff  Duration `toml:"backoff"`
	// Poll is how often --batch-api asks whether the batch is done.
	Poll Duration `toml:"poll"`
	// Timeout is how long one request may take (default 2m).
	Timeout Duration `toml:"timeout"`
}

// Duration is a time.Duration written in TOML as "1s", "500ms".
type Duration struct{ time.Duration }

// UnmarshalText reads a duration such as "1s".
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	d.Duration = v
	return err
}

// SegmentConfig holds the user's own segmentation rules.
type SegmentConfig struct {
	// NoBreak lists abbreviations after which a sentence never ends.
	NoBreak []string `toml:"no_break"`
}

// Price is what a model costs in US dollars per million tokens.
type Price struct {
	Prompt     float64 `toml:"prompt"`
	Completion float64 `toml:"completion"`
}

// Cost is what prompt and completion tokens cost at p, in US dollars.
func (p Price) Cost(prompt, completion int) float64 {
	return float64(prompt)*p.Prompt/1e6 + float64(completion)*p.Completion/1e6
}

// LoadConfig finds epistle.toml in dir or the nearest folder above it and
// reads it. Without one, the defaults apply: Korean source, English target,
// the memory backend.
func LoadConfig(dir string) (*Config, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	for d := abs; ; d = filepath.Dir(d) {
		path := filepath.Join(d, ConfigName)
		data, err := os.ReadFile(path)
		if err == nil {
			return parseConfig(path, data)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, locales.New("config.read", "Path", path).Wrap(err)
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	c := &Config{Dir: abs}
	c.defaults()
	return c, nil
}

func parseConfig(path string, data []byte) (*Config, error) {
	c := &Config{Dir: filepath.Dir(path), Path: path}
	md, err := toml.Decode(string(data), c)
	if err != nil {
		var pe toml.ParseError
		line := 1
		msg := err.Error()
		if errors.As(err, &pe) {
			line, msg = pe.Position.Line, pe.Message
		}
		return nil, locales.New("config.syntax", "Path", path, "Line", line, "Err", msg).WithHint("config.hint")
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, locales.New("config.unknown-key", "Path", path, "Key", und[0].String()).WithHint("config.hint")
	}
	if c.Source != "" {
		if c.source, err = ParseLang(c.Source); err != nil {
			return nil, locales.New("config.lang", "Path", path, "Lang", c.Source).WithHint("lang.hint")
		}
	}
	for _, s := range c.Targets {
		t, err := ParseLang(s)
		if err != nil {
			return nil, locales.New("config.lang", "Path", path, "Lang", s).WithHint("lang.hint")
		}
		c.targets = append(c.targets, t)
	}
	if md.IsDefined("backend", "attempts") && (c.Backend.Attempts < 1 || c.Backend.Attempts > MaxAttempts) {
		return nil, locales.New("config.attempts", "Path", path, "Max", MaxAttempts, "Got", c.Backend.Attempts).WithHint("config.attempts.hint")
	}
	if c.Reuse != "" && c.Reuse != ReuseOffer && c.Reuse != ReuseApprove {
		return nil, locales.New("config.reuse", "Path", path, "Got", c.Reuse).WithHint("config.reuse.hint")
	}
	c.defaults()
	return c, nil
}

func (c *Config) defaults() {
	if c.Source == "" {
		c.Source, c.source = "ko", language.Korean
	}
	if len(c.Targets) == 0 {
		c.Targets, c.targets = []string{"en"}, []language.Tag{language.English}
	}
	if c.Backend.Name == "" {
		c.Backend.Name = "memory"
	}
}

// Resolve returns path relative to the config's folder, "" for "".
func (c *Config) Resolve(path string) string {
	if path == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(c.Dir, path)
}

// SourceLang returns the configured source language, parsed once when
// the file was read.
func (c *Config) SourceLang() language.Tag { return c.source }

// TargetLangs returns the configured target languages, parsed once when
// the file was read.
func (c *Config) TargetLangs() []language.Tag { return slices.Clone(c.targets) }

// ParseLang parses a BCP 47 language tag as users write it (en, ko,
// pt-BR, zh_Hant). Only well-formed tags naming a known language pass: a typo
// like "eng" or "kr" must not create catalogs nobody can find.
func ParseLang(s string) (language.Tag, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", "-")
	t, err := language.Parse(s)
	if err != nil {
		return language.Und, err
	}
	if base, conf := t.Base(); conf != language.Exact || base.String() == "und" || len(base.String()) > 3 {
		return language.Und, errors.New("unknown language")
	}
	if strings.EqualFold(s, "kr") {
		return language.Und, errors.New("unknown language")
	}
	return t, nil
}
