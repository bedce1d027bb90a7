// Package locales holds everything epistle says to a person, in English and
// Korean, as go-i18n message files embedded in the binary.
//
// A message file is named AREA.LANG.toml (segment.en.toml, segment.ko.toml):
// each area of the tool keeps its own pair, and every id must be present in
// both languages (a test holds this). Core packages never format sentences
// for people; they return a [*Message], an error that carries a message id and
// its template data, and the command line renders it in the reader's language
// with [Printer]. Its Error method renders English, so a Message is still an
// ordinary error in logs and tests.
//
// Message ids are string literals at the call (New("input.empty", ...),
// WithHint, Printer.T, cmd's usage): a test reads the code for them and fails
// when an id is missing from either language or a catalog holds one nothing
// uses. The list of functions that take an id is idFuncs in catalog_test.go.
// Korean text never writes a particle straight after a value; it asks josa
// for the form that fits ({{josa .Path "을/를"}}), and the same test holds it.
package locales

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed *.toml
var files embed.FS

// Bundle returns the bundle of all embedded message files. It panics if one
// of them does not parse, which a test catches before any release.
var Bundle = sync.OnceValue(func() *i18n.Bundle { return loadBundle("*.toml") })

// englishBundle holds the English message files only: an English reader's
// command parses half the catalogs at start-up.
var englishBundle = sync.OnceValue(func() *i18n.Bundle { return loadBundle("*.en.toml") })

// bundleLoaded says whether Bundle has been built, so that the English
// printer of a reader of another language uses it rather than parsing the
// English files a second time.
var bundleLoaded atomic.Bool

func loadBundle(pattern string) *i18n.Bundle {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	names, err := fs.Glob(files, pattern)
	if err != nil {
		panic(err)
	}
	for _, name := range names {
		if _, err := b.LoadMessageFileFS(files, name); err != nil {
			panic(fmt.Errorf("locales: %s: %w", name, err))
		}
	}
	if pattern == "*.toml" {
		bundleLoaded.Store(true)
	}
	return b
}

// bundleFor returns a bundle that has tag's messages and English.
func bundleFor(tag language.Tag) *i18n.Bundle {
	if base, _ := tag.Base(); base.String() == "en" && !bundleLoaded.Load() {
		return englishBundle()
	}
	return Bundle()
}

// Message is a user-facing sentence not yet rendered: a message id from the
// catalogs and the values it names. As an error it may wrap a cause and carry
// a hint: what the reader can do about it.
type Message struct {
	ID   string
	Data map[string]any
	Hint *Message
	Err  error
}

// New returns a message with the given id and key/value pairs of template
// data: New("input.empty", "Path", path).
func New(id string, kv ...any) *Message {
	m := &Message{ID: id}
	if len(kv) > 0 {
		m.Data = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			m.Data[fmt.Sprint(kv[i])] = kv[i+1]
		}
	}
	return m
}

// Wrap records err as the cause of m and returns m.
func (m *Message) Wrap(err error) *Message {
	m.Err = err
	return m
}

// WithHint adds a hint line and returns m.
func (m *Message) WithHint(id string, kv ...any) *Message {
	m.Hint = New(id, kv...)
	return m
}

// Error renders the message in English.
func (m *Message) Error() string { return English.Sprint(m) }

func (m *Message) Unwrap() error { return m.Err }

// Printer renders messages in one language. It is safe for concurrent use.
type Printer struct {
	Tag       language.Tag
	once      sync.Once
	localizer *i18n.Localizer
}

// English is the printer used for errors in logs and tests.
var English = &Printer{Tag: language.English}

// NewPrinter returns a printer for tag, falling back to English for messages
// or languages the catalogs do not have.
func NewPrinter(tag language.Tag) *Printer {
	return &Printer{Tag: tag, localizer: i18n.NewLocalizer(bundleFor(tag), tag.String(), "en")}
}

// Sprint renders m. An id missing from the catalogs renders as the id itself
// followed by its data, so a mistake is visible but never fatal.
func (p *Printer) Sprint(m *Message) string {
	// English is built without a localizer, before the bundle is needed;
	// errors are rendered from many goroutines at once.
	p.once.Do(func() {
		if p.localizer == nil {
			p.localizer = i18n.NewLocalizer(bundleFor(p.Tag), p.Tag.String(), "en")
		}
	})
	data := m.Data
	if !p.english() {
		data = make(map[string]any, len(m.Data))
		for k, v := range m.Data {
			switch v := v.(type) {
			case error:
				// A message among the data is said in p's language too.
				data[k] = p.ErrorText(v)
			case string:
				data[k] = p.osText(v)
			default:
				data[k] = v
			}
		}
	}
	// A message whose data has a Count may have plural forms (one, other)
	// in its catalog; go-i18n picks the form by the language's rules.
	var count any
	if c, ok := m.Data["Count"]; ok {
		count = c
	}
	lc := &i18n.LocalizeConfig{MessageID: m.ID, TemplateData: data, PluralCount: count, Funcs: templateFuncs}
	s, err := p.localizer.Localize(lc)
	if err != nil && count != nil {
		// A message with only one form reads the same for every count.
		lc.PluralCount = nil
		s, err = p.localizer.Localize(lc)
	}
	if err != nil || s == "" {
		var b strings.Builder
		b.WriteString(m.ID)
		for k, v := range m.Data {
			fmt.Fprintf(&b, " %s=%v", k, v)
		}
		s = b.String()
	}
	return s
}

// T renders the message id with key/value data.
func (p *Printer) T(id string, kv ...any) string { return p.Sprint(New(id, kv...)) }

// ErrorText renders err for a person: a Message in p's language, its cause
// appended when the cause is not itself part of the message, anything else
// as Go formats it.
func (p *Printer) ErrorText(err error) string {
	var m *Message
	if !errors.As(err, &m) {
		return p.osText(err.Error())
	}
	s := p.Sprint(m)
	if m.Err != nil {
		var inner *Message
		if errors.As(m.Err, &inner) {
			s += ": " + p.ErrorText(m.Err)
		} else if _, shown := m.Data["Err"]; !shown {
			s += ": " + p.osText(m.Err.Error())
		}
	}
	return s
}

func (p *Printer) english() bool {
	base, _ := p.Tag.Base()
	return base.String() == "en"
}

// osReasons are the operating system's words for the file failures a
// person meets most. A printer in another language replaces them, where
// they end an error's text, with the catalog's: "open x.csv: no such file or
// directory" becomes "open x.csv: 파일이나 폴더가 없습니다".
var osReasons = []struct {
	err error
	id  string
}{
	{syscall.ENOENT, "os.not-exist"},
	{fs.ErrNotExist, "os.not-exist"},
	{syscall.EACCES, "os.permission"},
	{fs.ErrPermission, "os.permission"},
	{syscall.EEXIST, "os.exist"},
	{fs.ErrExist, "os.exist"},
	{syscall.ENOTDIR, "os.not-dir"},
	{syscall.EISDIR, "os.is-dir"},
	{syscall.ENOSPC, "os.no-space"},
	{syscall.ECONNREFUSED, "os.refused"},
}

// osText returns s with an operating-system reason at its end said in p's
// language.
func (p *Printer) osText(s string) string {
	if p.english() {
		return s
	}
	for _, r := range osReasons {
		if text := r.err.Error(); strings.HasSuffix(s, text) {
			//locales:ids os.not-exist os.permission os.exist os.not-dir os.is-dir os.no-space os.refused
			return strings.TrimSuffix(s, text) + p.T(r.id)
		}
	}
	return s
}

// HintText returns the rendered hint of the outermost message in err that
// has one, or "".
func (p *Printer) HintText(err error) string {
	for err != nil {
		var m *Message
		if !errors.As(err, &m) {
			return ""
		}
		if m.Hint != nil {
			return p.Sprint(m.Hint)
		}
		err = m.Err
	}
	return ""
}

// Speaks reports whether s names a language epistle's messages come in:
// English or Korean, as a tag or a POSIX locale (ko, en-US, ko_KR.UTF-8).
func Speaks(s string) bool {
	s, _, _ = strings.Cut(s, ".")
	tag, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	if err != nil {
		return false
	}
	base, _ := tag.Base()
	return base.String() == "ko" || base.String() == "en"
}

// Detect picks the interface language: the flag value, then EPISTLE_LANG,
// then LC_ALL, LC_MESSAGES and LANG, then on Windows the display language;
// English when none names Korean or English.
func Detect(flag string) language.Tag {
	candidates := []string{flag, os.Getenv("EPISTLE_LANG"), os.Getenv("LC_ALL"), os.Getenv("LC_MESSAGES"), os.Getenv("LANG"), systemLanguage()}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		// POSIX locales look like ko_KR.UTF-8@euro; C and POSIX mean English.
		c, _, _ = strings.Cut(c, ".")
		c, _, _ = strings.Cut(c, "@")
		if c == "C" || c == "POSIX" {
			return language.English
		}
		tag, err := language.Parse(strings.ReplaceAll(c, "_", "-"))
		if err != nil {
			continue
		}
		base, _ := tag.Base()
		switch base.String() {
		case "ko":
			return language.Korean
		case "en":
			return language.English
		}
		return language.English
	}
	return language.English
}
