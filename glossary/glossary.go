package glossary

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

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
}

// Target returns the preferred rendering.
func (e *Entry) Target() string {
	if len(e.Targets) == 0 {
		return e.Source
	}
	return e.Targets[0]
}

// Glossary is a validated list of entries with an index for matching.
type Glossary struct {
	// Name is the file the glossary came from, as messages name it.
	Name    string
	Entries []*Entry
	index   *automaton
	langs   langs
}

// langs are the newsletter's source and target languages (base codes: ko,
// en): a TBX file's language sets are read, and written, by them.
type langs struct{ source, target string }

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
		}
	}
}

func newLangs(opts []Option) langs {
	l := langs{source: "ko", target: "en"}
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
	data, err := os.ReadFile(path)
	if err != nil {
		why := err
		var pe *fs.PathError
		if errors.As(err, &pe) {
			why = pe.Err
		}
		return nil, locales.New("glossary.read", "Path", path, "Err", why.Error()).Wrap(err)
	}
	return Parse(path, data, opts...)
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
		entries, problems = parseDelimited(name, text, '\t')
	default:
		entries, problems = parseDelimited(name, text, ',')
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
		if len(e.Targets) == 0 {
			if e.Kind != KindDNT {
				problems = append(problems, problem(name, e.Line, "glossary.target.empty", "Source", e.Source, "Kind", string(e.Kind)))
				continue
			}
			e.Targets = []string{e.Source}
		}
		for _, t := range e.Targets {
			for _, f := range e.Forbidden {
				if strings.EqualFold(t, f) {
					problems = append(problems, problem(name, e.Line, "glossary.target.forbidden", "Source", e.Source, "Target", t))
				}
			}
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

func sameRenderings(a, b *Entry) bool {
	if a.Kind != b.Kind || len(a.Targets) != len(b.Targets) {
		return false
	}
	for i := range a.Targets {
		if a.Targets[i] != b.Targets[i] {
			return false
		}
	}
	return true
}

// Marshal renders the glossary in format f. Private entries are included:
// leaving them out of a file that leaves the machine is the caller's
// decision, see [Glossary.Public].
func (g *Glossary) Marshal(f Format) ([]byte, error) {
	switch f {
	case TSV:
		return g.marshalTSV()
	case TBX:
		return g.marshalTBX()
	case TBX2:
		return g.marshalTBX2()
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
