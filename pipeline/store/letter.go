package store

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/internal/decode"
	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/document"
	"github.com/epistle-letters/epistle/pipeline/segment"
)

// Letter is a letter and everything epistle keeps for it.
type Letter struct {
	// Path is the letter file; Name is its name without language and
	// extension; Dir is the NAME.epistle folder beside it.
	Path, Name, Dir string
	Source          language.Tag
	Format          string // "md" or "txt"
	Config          *Config

	// Doc is the letter split into skeleton and sentences, with ids.
	Doc *document.Document
	// SourceCatalog holds the source sentences, in letter order.
	SourceCatalog *catalog.Catalog
	// Encoding is what the letter was found to be written in.
	Encoding string
	CRLF     bool
	// BOM is true when the letter began with a UTF-8 byte order mark, which
	// its own edition keeps.
	BOM bool

	// LockWait is how long [Letter.Lock] waits for another writer; zero
	// means EPISTLE_LOCK_WAIT or [DefaultLockWait].
	LockWait time.Duration

	// Warnings are doubts about the letter that do not stop a command:
	// NAME.zz.md, where zz looks like a language but is none.
	Warnings []*locales.Message

	// pending are the files refreshing the source made different.
	pending []File
	// sources maps the hash of every source text the letter has had to
	// the text, built on the first ArchivedSource.
	sources map[string]string
	// archived is archive.<src>.toml as opening the letter left it.
	archived *catalog.Catalog
	// rehash gives the approvals made for a source text as an earlier
	// epistle kept it, line breaks and all, the hash of the sentence now
	// ([Letter.LoadTranslations]).
	rehash Rehash
	// earlier maps a sentence id to the ids it merged or split off from
	// ([Letter.Earlier]).
	earlier map[string][]string
}

// OpenOptions are how to read a letter.
type OpenOptions struct {
	// Encoding forces the letter's encoding ("" sniffs).
	Encoding string
	// Config is the newsletter's settings; nil loads them from the
	// letter's folder.
	Config *Config
}

// skeletonName is the file in NAME.epistle that keeps the document structure.
const skeletonName = "skeleton.json"

// skeleton is what skeleton.json holds.
type skeleton struct {
	Letter   string `json:"letter"`
	Source   string `json:"source"`
	Encoding string `json:"encoding"`
	CRLF     bool   `json:"crlf,omitempty"`
	*document.Document
}

// Open reads the letter at path, splits it into sentences and gives every
// sentence its id, keeping the ids of the sentences it had before. What
// changed in the source catalog and skeleton is returned by Pending, for
// the caller to write; nothing is written here.
func Open(path string, opts OpenOptions) (*Letter, error) {
	return OpenContext(context.Background(), path, opts)
}

// OpenContext is [Open] for a caller that may be interrupted: splitting a
// long letter into sentences and aligning it with its previous version stop
// when ctx is done, with ctx's error.
func OpenContext(ctx context.Context, path string, opts OpenOptions) (*Letter, error) {
	l, err := read(ctx, path, opts)
	if err != nil {
		return nil, err
	}
	if err := l.identify(ctx); err != nil {
		return nil, err
	}
	return l, nil
}

// OpenLocked opens the letter like [Open] for a command that writes its
// folder: it takes the letter's lock ([Letter.Lock]) before it reads
// anything in NAME.epistle, so that what the command then writes is based
// on what the last writer left. The caller calls release when done.
func OpenLocked(ctx context.Context, path string, opts OpenOptions) (l *Letter, release func() error, err error) {
	if l, err = read(ctx, path, opts); err != nil {
		return nil, nil, err
	}
	if release, err = l.Lock(ctx); err != nil {
		return nil, nil, err
	}
	if err := l.identify(ctx); err != nil {
		_ = release()
		return nil, nil, err
	}
	return l, release, nil
}

// OpenTidy opens the letter like [OpenContext] for a command that only
// reads its folder (status, export, check), and writes what reading it
// changed in the source catalog and skeleton when no writer holds the
// letter's lock, so that the next command sees the ids this one saw. It
// never waits for a writer. A writer may have changed the letter or its
// folder between the first reading and the lock, so the letter is read
// again under the lock, and that reading is what is written and returned.
func OpenTidy(ctx context.Context, path string, opts OpenOptions) (*Letter, error) {
	l, err := OpenContext(ctx, path, opts)
	if err != nil || len(l.pending) == 0 {
		return l, err
	}
	if testHookBeforeTidyLock != nil {
		testHookBeforeTidyLock()
	}
	release, ok := l.TryLock()
	if !ok {
		return l, nil
	}
	defer release()
	if l, err = OpenContext(ctx, path, opts); err != nil {
		return nil, err
	}
	return l, bad(Save(l.pending))
}

// testHookBeforeTidyLock lets a test act as another writer in the moment
// between OpenTidy's first reading and its lock.
var testHookBeforeTidyLock func()

// read reads and splits the letter itself, touching nothing in its folder.
// Every error but ctx's is a [*BadLetter].
func read(ctx context.Context, path string, opts OpenOptions) (*Letter, error) {
	l, err := readInput(ctx, path, opts)
	if err != nil {
		return nil, bad(err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return l, nil
}

// readInput is [read] but for ctx's error: interrupted, it returns a letter
// left partly split.
func readInput(ctx context.Context, path string, opts OpenOptions) (*Letter, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, locales.New("letter.missing", "Path", path).WithHint("letter.missing.hint")
	case err != nil:
		return nil, locales.New("letter.read", "Path", path).Wrap(err)
	case info.IsDir():
		return nil, locales.New("letter.dir", "Path", path).WithHint("letter.dir.hint", "Path", path)
	}
	cfg := opts.Config
	if cfg == nil {
		if cfg, err = LoadConfig(filepath.Dir(path)); err != nil {
			return nil, err
		}
	}
	l := &Letter{Path: path, Config: cfg, rehash: Rehash{}}
	if err := l.parseName(); err != nil {
		return nil, err
	}
	if err := l.checkFolderOwner(); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, locales.New("letter.read", "Path", path).Wrap(err)
	}
	dec, err := decode.Decode(path, data, opts.Encoding)
	if err != nil {
		return nil, err
	}
	l.Encoding, l.CRLF, l.BOM = dec.Encoding, dec.CRLF, dec.BOM
	seg, err := segment.New(l.Source, segment.WithNoBreak(cfg.Segment.NoBreak...))
	if err != nil {
		return nil, err
	}
	split := Splitter(seg)
	l.Doc = document.Parse(dec.Text, l.Format, func(text string) []document.Span {
		if ctx.Err() != nil {
			// Interrupted: the rest is not split, and the letter is
			// thrown away below.
			return []document.Span{{Start: 0, End: len(text)}}
		}
		return split(text)
	})
	return l, nil
}

// Splitter adapts a segmenter to the document model.
func Splitter(s *segment.Segmenter) document.Splitter {
	return func(text string) []document.Span {
		spans := s.Split(text)
		out := make([]document.Span, len(spans))
		for i, sp := range spans {
			out[i] = document.Span{Start: sp.Start, End: sp.End}
		}
		return out
	}
}

// parseName reads NAME.LANG.EXT; a name without a language takes the
// configured source language.
func (l *Letter) parseName() error {
	switch strings.ToLower(filepath.Ext(l.Path)) {
	case ".md", ".markdown":
		l.Format = "md"
	case ".docx", ".docm", ".dotx":
		// A Word letter is converted first (issue 24): its bytes are a
		// zip archive, which would only be refused as binary.
		return locales.New("letter.word", "Path", l.Path).WithHint("letter.word.hint", "Path", l.Path)
	case ".doc", ".hwp", ".hwpx", ".odt", ".rtf":
		return locales.New("letter.office", "Path", l.Path).WithHint("letter.office.hint")
	default:
		l.Format = "txt"
	}
	var ok bool
	if l.Name, l.Source, ok = SplitName(l.Path); !ok {
		l.Source = l.Config.SourceLang()
		if i := strings.LastIndexByte(l.Name, '.'); i > 0 && looksLikeLang.MatchString(l.Name[i+1:]) {
			l.Warnings = append(l.Warnings, locales.New("letter.lang.unknown", "Path", l.Path, "Lang", l.Name[i+1:],
				"Name", l.Name, "Source", l.Source.String()).WithHint("letter.lang.unknown.hint", "Lang", l.Name[i+1:]))
		}
	}
	l.Dir = filepath.Join(filepath.Dir(l.Path), l.Name+".epistle")
	return nil
}

// checkFolderOwner refuses a letter whose NAME.epistle folder another letter
// beside it also names: x.ko.md and x.ko.txt (or x.md, when the source is
// ko) would share x.epistle/, each seeing the other's approvals as its own
// stale ones and overwriting them. An edition in another language
// (x.en.md beside x.ko.md) is not a letter and shares nothing.
func (l *Letter) checkFolderOwner() error {
	dir := filepath.Dir(l.Path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil // reading the letter itself says what is wrong
	}
	for _, e := range entries {
		other := filepath.Join(dir, e.Name())
		if e.IsDir() || e.Name() == filepath.Base(l.Path) || !strings.HasPrefix(e.Name(), l.Name+".") || !isLetterExt(other) {
			continue
		}
		name, lang, ok := SplitName(other)
		if !ok {
			lang = l.Config.SourceLang()
		}
		if name == l.Name && lang == l.Source {
			return locales.New("letter.folder.shared", "Path", l.Path, "Other", other, "Folder", l.Name+".epistle").
				WithHint("letter.folder.shared.hint", "Other", other)
		}
	}
	return nil
}

// isLetterExt reports whether path has the extension of a letter.
func isLetterExt(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".txt":
		return true
	}
	return false
}

// looksLikeLang matches what a letter's name may mean as its language: two
// or three letters, with a region or script perhaps (zz, xx-YY, zh_Hant).
var looksLikeLang = regexp.MustCompile(`^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$`)

// SplitName reads a file name NAME.LANG.EXT (2024-05.ko.md, archive.en.tsv)
// into NAME and LANG; ok is false when the name carries no language, and
// NAME is then the name without its extension.
func SplitName(path string) (name string, lang language.Tag, ok bool) {
	base := filepath.Base(path)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	if i := strings.LastIndexByte(stem, '.'); i > 0 {
		if tag, err := ParseLang(stem[i+1:]); err == nil {
			return stem[:i], tag, true
		}
	}
	return stem, language.Und, false
}

// CatalogPath returns the path of a catalog in NAME.epistle: role is
// "active" or "translate".
func (l *Letter) CatalogPath(role string, lang language.Tag) string {
	return filepath.Join(l.Dir, role+"."+lang.String()+".toml")
}

// LoadCatalog reads a catalog of the letter; a missing file is an empty
// catalog. Its errors are [*BadLetter]s.
func (l *Letter) LoadCatalog(role string, lang language.Tag) (*catalog.Catalog, error) {
	path := l.CatalogPath(role, lang)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &catalog.Catalog{}, nil
	}
	if err != nil {
		return nil, bad(locales.New("letter.read", "Path", path).Wrap(err))
	}
	c, err := catalog.Parse(path, data)
	var syntax *catalog.SyntaxError
	if errors.As(err, &syntax) && (role != "active" || lang == l.Source) {
		// The source catalog and the machine translations are rebuilt by
		// the next run; approved translations are not, and the default hint
		// says never to delete them.
		syntax.Msg.WithHint("catalog.syntax.rebuild.hint")
	}
	return c, bad(err)
}

// identify gives the sentences their ids from the previous source catalog
// and skeleton, and builds the new source catalog.
func (l *Letter) identify(ctx context.Context) error {
	skelPath := filepath.Join(l.Dir, skeletonName)
	oldSkel, _ := os.ReadFile(skelPath)
	old, err := l.previous(oldSkel)
	if err != nil {
		return err
	}
	sentences := l.Doc.Sentences()
	texts := make([]string, len(sentences))
	for i, s := range sentences {
		texts[i] = OneLine(s.Text)
	}
	pairs, err := align(ctx, old, texts)
	if err != nil {
		return err
	}
	ids, err := assignIDsAligned(ctx, old, texts, pairs)
	if err != nil {
		return err
	}
	l.SourceCatalog = &catalog.Catalog{}
	l.SourceCatalog.Grow(len(sentences))
	for i, s := range sentences {
		s.ID = ids[i]
		l.SourceCatalog.Set(&catalog.Message{ID: s.ID, Other: texts[i]})
	}

	// The skeleton is written on another core meanwhile: on a long letter
	// it takes as long as the catalogs.
	skelDone := make(chan []byte, 1)
	go func() {
		// strings, ints and bools only: marshalling cannot fail
		data, _ := IndentJSON(skeleton{
			Letter: filepath.Base(l.Path), Source: l.Source.String(),
			Encoding: l.Encoding, CRLF: l.CRLF, Document: l.Doc,
		}, true)
		skelDone <- data
	}()
	if err := l.archive(old); err != nil {
		return err
	}
	l.keepEarlier(relate(old, texts, ids, pairs))
	cat := l.SourceCatalog.Marshal(locales.English.T("catalog.comment.source", "Letter", filepath.Base(l.Path)))
	if old, _ := os.ReadFile(l.CatalogPath("active", l.Source)); string(old) != string(cat) {
		l.pending = append(l.pending, File{Path: l.CatalogPath("active", l.Source), Data: cat})
	}
	skel := <-skelDone
	if string(oldSkel) != string(skel) {
		l.pending = append(l.pending, File{Path: skelPath, Data: skel})
	}
	return nil
}

// previous returns the sentences of the letter as epistle last saw them, in
// letter order: the skeleton gives the order, the source catalog the texts
// (in the catalog's order when there is no skeleton).
func (l *Letter) previous(skelData []byte) ([]known, error) {
	var prev skeleton
	if len(skelData) > 0 && json.Unmarshal(skelData, &prev) != nil {
		prev = skeleton{} // an unreadable skeleton is rebuilt; ids then follow the catalog
	}
	if prev.Source != "" && prev.Source != l.Source.String() {
		// An edition in another language (2024-05.en.md beside
		// 2024-05.ko.md) shares NAME.epistle with the letter; reading it
		// as a letter would write its sentences over the letter's
		// approved translations.
		return nil, bad(locales.New("letter.foreign", "Path", l.Path, "Dir", l.Dir, "Other", prev.Letter, "Lang", prev.Source).
			WithHint("letter.foreign.hint", "Other", prev.Letter))
	}
	cat, err := l.LoadCatalog("active", l.Source)
	if err != nil {
		return nil, err
	}
	var old []known
	if prev.Document != nil {
		for _, s := range prev.Document.Sentences() {
			if m := cat.Get(s.ID); m != nil {
				old = append(old, l.known(m))
			}
		}
		return old, nil
	}
	for _, m := range cat.Messages {
		old = append(old, l.known(m))
	}
	return old, nil
}

// known is the source sentence m as the previous version had it, compared
// as [OneLine]; a text an earlier epistle kept with its line breaks is kept
// as it was too, for the approvals of it.
func (l *Letter) known(m *catalog.Message) known {
	k := known{ID: m.ID, Text: OneLine(m.Other)}
	if k.Text != m.Other {
		k.Raw = m.Other
		l.rehash.Add(m.Other)
	}
	return k
}

// Pending returns the files that opening the letter changed — its source
// catalog and skeleton — for the caller to write.
func (l *Letter) Pending() []File { return l.pending }

// Hash returns the go-i18n hash of the source sentence id, "" if the letter
// has no such sentence.
func (l *Letter) Hash(id string) string {
	if m := l.SourceCatalog.Get(id); m != nil {
		return catalog.Hash(m.Description, m.Other)
	}
	return ""
}

// SourceEdition returns the letter rebuilt from its skeleton and its
// sentences as the letter writes them (the source catalog holds them as
// [OneLine]), as UTF-8 with the letter's own line endings.
func (l *Letter) SourceEdition() string {
	text := l.Doc.Render(func(s *document.Sentence) (string, bool) { return "", false })
	if l.CRLF {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	if l.BOM {
		text = "\uFEFF" + text
	}
	return text
}

// archive keeps every source text the letter has had, by hash, in
// archive.<src>.toml, so that a reviewer of a stale translation sees the
// sentence as it was when it was approved beside the sentence as it is now.
func (l *Letter) archive(old []known) error {
	arch, err := l.LoadCatalog("archive", l.Source)
	if err != nil {
		return err
	}
	l.archived = arch
	for _, m := range arch.Messages {
		l.rehash.Add(m.Other)
	}
	if len(old) == 0 {
		return nil // a first segmentation retires nothing
	}
	current := make(map[string]bool, len(l.SourceCatalog.Messages))
	for _, m := range l.SourceCatalog.Messages {
		current[m.Other] = true
	}
	changed := false
	for _, k := range old {
		// A text an earlier epistle kept with its line breaks is kept as
		// it was, so that its approvals stay approvals after the source
		// catalog holds it as one line.
		text := k.Text
		if k.Raw != "" {
			text = k.Raw
		}
		h := catalog.Hash("", text)
		if (k.Raw != "" || !current[k.Text]) && arch.Get(h) == nil {
			arch.Set(&catalog.Message{ID: h, Other: text})
			changed = true
		}
	}
	if changed {
		l.pending = append(l.pending, File{
			Path: l.CatalogPath("archive", l.Source),
			Data: arch.Marshal(locales.English.T("catalog.comment.archive", "Letter", filepath.Base(l.Path))),
		})
	}
	return nil
}

// ArchivedSource returns the source text whose hash is hash, as the letter
// had it at some time, or "" when it was never seen. The texts are indexed
// on the first call, so asking for every stale sentence stays linear.
func (l *Letter) ArchivedSource(hash string) string {
	if l.sources == nil {
		l.sources = make(map[string]string, len(l.SourceCatalog.Messages))
		if l.archived == nil {
			l.archived, _ = l.LoadCatalog("archive", l.Source)
		}
		if l.archived != nil {
			for _, m := range l.archived.Messages {
				l.sources[m.ID] = OneLine(m.Other)
				l.sources[catalog.Hash("", OneLine(m.Other))] = OneLine(m.Other)
			}
		}
		for _, m := range l.SourceCatalog.Messages {
			l.sources[catalog.Hash(m.Description, m.Other)] = m.Other
		}
	}
	return l.sources[hash]
}
