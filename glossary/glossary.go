package glossary

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/epistle-letters/epistle/locales"
)

// Kind says how an entry is matched in the translation and whether it may
// leave the machine.
type Kind string

// The kinds of entry; DESIGN.md describes them.
const (
	KindTerm    Kind = "term"
	KindName    Kind = "name"
	KindDNT     Kind = "dnt"
	KindPrivate Kind = "private"
)

// Kinds lists the valid kinds in the order messages name them.
var Kinds = []Kind{KindTerm, KindName, KindDNT, KindPrivate}

func (k Kind) valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Entry is one line of a glossary.
type Entry struct {
	// Source is the term as the letter writes it, without particles.
	Source string
	// Targets are the accepted renderings, the preferred one first. For a
	// term they include irregular inflections (child|children).
	Targets []string
	Kind    Kind
	// Forbidden renderings must not appear in a translation.
	Forbidden []string
	// Note is for the translator and the reviewer.
	Note string
	// Line is where the entry starts in its file; 0 for entries made in code.
	Line int
	// Other holds the renderings in the newsletter's other target
	// languages, by base language code (ja, zh): Targets, Forbidden and
	// Note above are its first target language's.
	Other map[string]*Rendering
}

// Rendering is how an entry is rendered in one more target language.
type Rendering struct {
	Targets, Forbidden []string
	// Note, when set, replaces the entry's note for this language.
	Note string
}

// Target returns the preferred rendering.
func (e *Entry) Target() string {
	if len(e.Targets) == 0 {
		return e.Source
	}
	return e.Targets[0]
}

// Languages returns the target languages the entry has renderings in,
// the first target language first, the others in order of their codes.
func (e *Entry) Languages(first string) []string {
	var out []string
	if len(e.Targets) > 0 {
		out = append(out, first)
	}
	for _, l := range slices.Sorted(maps.Keys(e.Other)) {
		if len(e.Other[l].Targets) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// Glossary is a validated list of entries with an index for matching.
type Glossary struct {
	// Name is the file the glossary came from, as messages name it.
	Name    string
	Entries []*Entry
	index   *automaton
	langs   langs
}

// langs are the newsletter's source and first target languages (base
// codes: ko, en): a TBX file's language sets are read, and written, by
// them; an entry's renderings in any other language go to its Other.
// names are the languages as the user wrote them (zh-Hans, en-GB), by
// code: the first target as epistle.toml has it, another as its first
// column header or TBX language section has it. Messages name a language
// so and a written file keeps it (CSV → TBX → CSV keeps target:zh-Hans).
type langs struct {
	source, target string
	names          map[string]string
}

// name is how the user wrote the language of code, code when unknown.
func (l langs) name(code string) string {
	if n := l.names[code]; n != "" {
		return n
	}
	return code
}

// written records that code was written as tag, unless it was named
// before (the first target by epistle.toml, another by its first column).
func (l langs) written(code, tag string) {
	if _, ok := l.names[code]; !ok && code != l.source {
		l.names[code] = tag
	}
}

// writtenTag is how a language tag is named: as parsed (zh-Hans for
// zh-hans), or as given when it is no tag.
func writtenTag(tag string) string {
	if t, err := language.Parse(tag); err == nil {
		return t.String()
	}
	return tag
}

// Option changes how a glossary file is read.
type Option func(*langs)

// Languages says which languages the newsletter translates from and to
// (epistle.toml's source and first target); without it they are Korean
// and English. A TBX file is read by them: an entry's terms in source
// become the entries, those in target the renderings, whatever the file's
// own xml:lang says.
func Languages(source, target string) Option {
	return func(l *langs) {
		if source != "" {
			l.source = baseLang(source)
		}
		if target != "" {
			l.target = baseLang(target)
			l.names[l.target] = writtenTag(target)
		}
	}
}

func newLangs(opts []Option) langs {
	l := langs{source: "ko", target: "en", names: map[string]string{}}
	for _, o := range opts {
		o(&l)
	}
	return l
}

// Invalid is the error for a glossary with problems: every problem, each a
// message that begins with file:line. It unwraps to the first problem, so
// the command line prints that one with a hint to list them all.
type Invalid struct {
	Path     string
	Problems []*locales.Message
}

func (e *Invalid) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the first problem, carrying a hint when there are more.
func (e *Invalid) Unwrap() error {
	first := *e.Problems[0]
	if len(e.Problems) > 1 {
		first.Hint = locales.New("glossary.invalid.hint", "Path", e.Path, "Count", len(e.Problems))
	}
	return &first
}

// Load reads a glossary file; its extension (.csv, .tsv, .tbx) says the
// format. A file with problems gives an [*Invalid] listing them all; a file
// that cannot be read gives a *locales.Message naming it.
func Load(path string, opts ...Option) (*Glossary, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data, opts...)
}

// ReadFile reads a glossary file's bytes; one that cannot be read gives a
// *locales.Message naming it and why.
func ReadFile(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		why := err
		var pe *fs.PathError
		if errors.As(err, &pe) {
			why = pe.Err
		}
		return nil, locales.New("glossary.read", "Path", path, "Err", why.Error()).Wrap(err)
	}
	return data, nil
}

// Format is a glossary file format.
type Format string

// The formats Load reads and Marshal writes.
const (
	CSV Format = "csv"
	TSV Format = "tsv"
	TBX Format = "tbx" // TBX-Basic (TBX v3, ISO 30042:2019)
	// TBX2 is TBX 2 (martif, ISO 30042:2008), what OmegaT and
	// translate-toolkit read. It is only written: a .tbx file of either
	// generation is read as TBX.
	TBX2 Format = "tbx2"
)

// ParseFormat returns the format named by s (csv, tsv, tbx, tbx2).
func ParseFormat(s string) (Format, bool) {
	switch f := Format(strings.ToLower(s)); f {
	case CSV, TSV, TBX, TBX2:
		return f, true
	}
	return "", false
}

// FormatOf returns the format a file name's extension names.
func FormatOf(path string) (Format, bool) {
	return ParseFormat(strings.TrimPrefix(filepath.Ext(path), "."))
}

// Parse reads a glossary from data; name is the file name, whose extension
// says the format, and which problems name.
func Parse(name string, data []byte, opts ...Option) (*Glossary, error) {
	f, ok := FormatOf(name)
	if !ok {
		return nil, locales.New("glossary.format", "Path", name).
			WithHint("glossary.format.hint")
	}
	text, err := decodeText(name, data)
	if err != nil {
		return nil, err
	}
	var entries []*Entry
	var problems []*locales.Message
	l := newLangs(opts)
	switch f {
	case TBX, TBX2:
		entries, problems = parseTBX(name, text, l)
	case TSV:
		entries, problems = parseDelimited(name, text, '\t', l)
	default:
		entries, problems = parseDelimited(name, text, ',', l)
	}
	g, err := build(name, entries, problems)
	if g != nil {
		g.langs = l
	}
	return g, err
}

// New validates entries made in code and indexes them; name is what
// problems call the glossary.
func New(name string, entries []*Entry) (*Glossary, error) {
	return build(name, entries, nil)
}

func build(name string, entries []*Entry, problems []*locales.Message) (*Glossary, error) {
	problems = append(problems, validate(name, entries)...)
	if len(problems) > 0 {
		return nil, &Invalid{Path: name, Problems: problems}
	}
	return &Glossary{Name: name, Entries: entries, index: newAutomaton(entries), langs: newLangs(nil)}, nil
}

// problem is a message about one line of a glossary file.
func problem(file string, line int, id string, kv ...any) *locales.Message {
	return locales.New(id, append([]any{"File", file, "Line", line}, kv...)...)
}

// validate fills in defaults (kind term; a dnt entry's target is its
// source) and reports what would make matching or verification wrong.
func validate(name string, entries []*Entry) []*locales.Message {
	var problems []*locales.Message
	seen := map[string]*Entry{}
	for _, e := range entries {
		// Files are normalised as they are decoded; entries made in code
		// are normalised here, so that both match NFC letters.
		e.Source = strings.TrimSpace(norm.NFC.String(e.Source))
		for i := range e.Targets {
			e.Targets[i] = norm.NFC.String(e.Targets[i])
		}
		for i := range e.Forbidden {
			e.Forbidden[i] = norm.NFC.String(e.Forbidden[i])
		}
		for _, r := range e.Other {
			for i := range r.Targets {
				r.Targets[i] = norm.NFC.String(r.Targets[i])
			}
			for i := range r.Forbidden {
				r.Forbidden[i] = norm.NFC.String(r.Forbidden[i])
			}
		}
		if e.Kind == "" {
			e.Kind = KindTerm
		}
		if e.Source == "" {
			problems = append(problems, problem(name, e.Line, "glossary.source.empty"))
			continue
		}
		if !e.Kind.valid() {
			problems = append(problems, problem(name, e.Line, "glossary.kind.unknown", "Kind", string(e.Kind), "Source", e.Source))
			continue
		}
		// A term or a name may have renderings in other languages only;
		// a private name needs one in the first, which stands in for it
		// in any language that has none.
		if len(e.Targets) == 0 && (e.Kind == KindPrivate || !e.renderedElsewhere()) {
			if e.Kind != KindDNT {
				problems = append(problems, problem(name, e.Line, "glossary.target.empty", "Source", e.Source, "Kind", string(e.Kind)))
				continue
			}
			e.Targets = []string{e.Source}
		}
		problems = append(problems, bothWays(name, e, e.Targets, e.Forbidden)...)
		for _, l := range slices.Sorted(maps.Keys(e.Other)) {
			problems = append(problems, bothWays(name, e, e.Other[l].Targets, e.Other[l].Forbidden)...)
		}
		key := string(matchKey(e.Source))
		if prev, ok := seen[key]; ok {
			id := "glossary.duplicate"
			if !sameRenderings(prev, e) {
				id = "glossary.conflict"
			}
			problems = append(problems, problem(name, e.Line, id, "Source", e.Source, "Other", prev.Line))
			continue
		}
		seen[key] = e
	}
	return problems
}

func (e *Entry) renderedElsewhere() bool {
	for _, r := range e.Other {
		if len(r.Targets) > 0 {
			return true
		}
	}
	return false
}

// bothWays reports renderings that are both accepted and forbidden.
func bothWays(name string, e *Entry, targets, forbidden []string) []*locales.Message {
	var problems []*locales.Message
	for _, t := range targets {
		for _, f := range forbidden {
			if strings.EqualFold(t, f) {
				problems = append(problems, problem(name, e.Line, "glossary.target.forbidden", "Source", e.Source, "Target", t))
			}
		}
	}
	return problems
}

func sameRenderings(a, b *Entry) bool {
	if a.Kind != b.Kind || !slices.Equal(a.Targets, b.Targets) || len(a.Other) != len(b.Other) {
		return false
	}
	for l, r := range a.Other {
		if o, ok := b.Other[l]; !ok || !slices.Equal(r.Targets, o.Targets) {
			return false
		}
	}
	return true
}

// Languages returns the target languages the glossary has renderings in:
// the newsletter's first target language first, then the others in order
// of their codes.
func (g *Glossary) Languages() []string {
	seen := map[string]bool{}
	for _, e := range g.Entries {
		for l := range e.Other {
			seen[l] = true
		}
	}
	delete(seen, g.langs.target)
	return append([]string{g.langs.target}, slices.Sorted(maps.Keys(seen))...)
}

// LanguageName is the language of code (one of [Glossary.Languages]) as
// the user wrote it: the first target as epistle.toml names it, another
// as the glossary's column header (target:zh-Hans) or TBX names it.
func (g *Glossary) LanguageName(code string) string { return g.langs.name(code) }

// In returns the glossary as it applies to translations into lang: each
// entry's renderings, forbidden renderings and note in that language. An
// entry without a rendering there keeps no Targets (see [Entry.Rendered]):
// it is still matched and shown to the translator, but nothing is checked
// for it. Other keeps every language's renderings, the first's included,
// so that a private name is hidden in every language it is written in. A dnt entry is the same in every language, and a private name
// without a rendering there comes back as its first language's. In of a
// nil glossary is nil.
func (g *Glossary) In(lang language.Tag) *Glossary {
	if g == nil {
		return nil
	}
	code := baseLang(lang.String())
	if code == g.langs.target {
		return g
	}
	entries := make([]*Entry, len(g.Entries))
	for i, e := range g.Entries {
		c := *e
		c.Other = map[string]*Rendering{g.langs.target: {Targets: e.Targets, Forbidden: e.Forbidden, Note: e.Note}}
		for l, r := range e.Other {
			c.Other[l] = r
		}
		switch r := e.Other[code]; {
		case r != nil && len(r.Targets) > 0:
			c.Targets, c.Forbidden = r.Targets, r.Forbidden
			if r.Note != "" {
				c.Note = r.Note
			}
		case e.Kind == KindDNT || e.Kind == KindPrivate:
		default:
			c.Targets, c.Forbidden = nil, nil
		}
		entries[i] = &c
	}
	return &Glossary{Name: g.Name, Entries: entries, index: g.index, langs: langs{source: g.langs.source, target: code, names: g.langs.names}}
}

// Rendered says whether the entry has a rendering in the glossary's
// language, so that translations are checked for it.
func (e *Entry) Rendered() bool { return len(e.Targets) > 0 }

// Unrendered returns the entries that have no rendering in the glossary's
// language: they go to the translator as context only.
func (g *Glossary) Unrendered() []*Entry {
	var out []*Entry
	for _, e := range g.Entries {
		if !e.Rendered() {
			out = append(out, e)
		}
	}
	return out
}

// Marshal renders the glossary in format f. Private entries are included:
// leaving them out of a file that leaves the machine is the caller's
// decision, see [Glossary.Public].
func (g *Glossary) Marshal(f Format) ([]byte, error) {
	switch f {
	case TSV:
		return g.marshalTSV()
	case TBX:
		return g.marshalTBX(tbxBasic), nil
	case TBX2:
		return g.marshalTBX(tbx2), nil
	default:
		return g.marshalCSV()
	}
}

// Public returns the glossary without its private entries, for a file that
// will be shared, and how many entries it left out.
func (g *Glossary) Public() (*Glossary, int) {
	// An entry that stays may still name a private person (a note "as in
	// 리명철 형제"): its texts go out with the name as a placeholder.
	red := g.NewRedactor()
	var kept []*Entry
	for _, e := range g.Entries {
		if e.Kind == KindPrivate {
			continue
		}
		c := *e
		c.Source, c.Note = red.Redact(e.Source), red.Redact(e.Note)
		c.Targets, c.Forbidden = redactAll(red, e.Targets), redactAll(red, e.Forbidden)
		if e.Other != nil {
			c.Other = map[string]*Rendering{}
			for l, r := range e.Other {
				c.Other[l] = &Rendering{Targets: redactAll(red, r.Targets), Forbidden: redactAll(red, r.Forbidden), Note: red.Redact(r.Note)}
			}
		}
		kept = append(kept, &c)
	}
	return &Glossary{Name: g.Name, Entries: kept, index: newAutomaton(kept), langs: g.langs}, len(g.Entries) - len(kept)
}

func redactAll(red *Redactor, texts []string) []string {
	if texts == nil {
		return nil
	}
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = red.Redact(t)
	}
	return out
}
