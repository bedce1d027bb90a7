// Package exchange writes a letter's sentences and translations in the
// files that translators' tools read — XLIFF 2.0 and 1.2, gettext PO and TMX 1.4b —
// and reads an edited XLIFF or PO back as reviewed translations, and a TMX's
// sentence pairs for the memory backend: each format is read and written here.
//
// These files leave the computer: they are mailed to a translator, uploaded
// to a translation platform. The catalogs keep the real names of the people
// in a letter; every exported text passes through the glossary's
// [glossary.Redactor] first, so that a private name travels only as a
// placeholder (<n1/>), and an import puts the names back.
//
// A segment keeps epistle's sentence id (XLIFF unit id, PO msgctxt, TMX
// tuid) and the hash of the source it was made from, so that an import
// can refuse a translation of a sentence that has changed since.
//
// How epistle's states map: an approved translation is XLIFF state
// "reviewed", PO without flags, and the only thing TMX carries; a machine
// translation is "translated" and "#, fuzzy"; a stale one (approved for an
// earlier version of the sentence) is "initial" with the old translation as
// its target, and in PO fuzzy with the old source as "#| msgid"; a missing
// one has no target.
package exchange

import (
	"net/url"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/pipeline/document"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// Format is an interchange file format.
type Format string

// The interchange formats.
const (
	XLIFF   Format = "xliff" // XLIFF 2.0
	XLIFF12 Format = "xliff12"
	PO      Format = "po"
	TMX     Format = "tmx"
)

// Formats lists the formats in the order help shows them.
var Formats = []Format{XLIFF, XLIFF12, PO, TMX}

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, bool) {
	switch strings.ToLower(s) {
	case "xliff", "xlf":
		return XLIFF, true
	case "xliff12":
		return XLIFF12, true
	case "po":
		return PO, true
	case "tmx":
		return TMX, true
	}
	return "", false
}

// FormatOf guesses a file's format from its extension.
func FormatOf(path string) (Format, bool) {
	return ParseFormat(strings.TrimPrefix(filepath.Ext(path), "."))
}

// Unit is one sentence as it goes out: every text redacted.
type Unit struct {
	ID    string
	Block string // the block kind: p, h1, li…
	Hash  string // the current source's hash
	// Source is the sentence, Target the translation going out with it
	// (approved, machine, or the stale approved one), "" for none.
	Source, Target string
	State          store.State
	// Previous is the source a stale translation was approved for.
	Previous string
	// Origin says where the target came from (a backend, a reviewer);
	// Failure why the last attempt to translate it failed.
	Origin, Failure string
	// Terms are the glossary's entries found in the source, "source →
	// targets; never forbidden (note)" (private entries are never listed).
	Terms []string
	Tags  []document.Tag
}

// Bundle is a letter's sentences in one target language, ready to write.
type Bundle struct {
	Letter         string // the letter's file name
	Source, Target language.Tag
	Units          []Unit
	redactor       *glossary.Redactor
}

// Build gathers the letter's sentences and their standing in t's language,
// redacting every text with g's private names (g may be nil; its terms are
// those of t's language). Texts are
// redacted in letter order, so that building again hands out the same
// placeholders: that is how an import maps them back.
func Build(l *store.Letter, t *store.Translations, g *glossary.Glossary) *Bundle {
	b := &Bundle{Letter: filepath.Base(l.Path), Source: l.Source, Target: t.Lang}
	g = g.In(t.Lang)
	if g != nil {
		b.redactor = g.NewRedactor()
	}
	sentences := map[string]*document.Sentence{}
	for _, s := range l.Doc.Sentences() {
		sentences[s.ID] = s
	}
	for _, st := range l.States(t) {
		u := Unit{ID: st.ID, Hash: st.Hash, State: st.State, Source: b.redact(st.Source)}
		if s := sentences[st.ID]; s != nil {
			u.Block = l.Doc.Blocks[s.Block].Kind
			u.Tags = b.redactTags(s.Tags)
		}
		switch st.State {
		case store.Approved:
			u.Target, u.Origin = b.redact(store.OneLine(st.Approved.Other)), b.redact(st.Approved.Description)
		case store.Machine:
			u.Target, u.Origin = b.redact(store.OneLine(st.Machine.Other)), b.redact(st.Machine.Description)
		case store.Stale:
			u.Target, u.Origin = b.redact(store.OneLine(st.Approved.Other)), b.redact(st.Approved.Description)
			u.Previous = b.redact(l.ArchivedSource(st.Approved.Hash))
		case store.Failed:
			u.Failure = b.redact(st.Failure)
		}
		if g != nil {
			for _, m := range g.Match(st.Source, l.Source) {
				if m.Entry.Kind == glossary.KindPrivate || len(m.Entry.Targets) == 0 {
					continue
				}
				term := m.Entry.Source + " → " + strings.Join(m.Entry.Targets, " | ")
				if len(m.Entry.Forbidden) > 0 {
					term += "; never " + strings.Join(m.Entry.Forbidden, " | ")
				}
				if m.Entry.Note != "" {
					term += " (" + oneLine(m.Entry.Note) + ")"
				}
				// A term may contain a private name (김승은 목사): its note
				// is redacted like the sentence.
				u.Terms = append(u.Terms, b.redact(term))
			}
		}
		b.Units = append(b.Units, u)
	}
	// The file name goes out too (XLIFF original, PO and TMX headers), and
	// a letter may be named after the person it is about; it is redacted
	// last, so that the sentences keep their placeholders in letter order.
	b.Letter = b.redact(b.Letter)
	return b
}

// redactTags returns the markup a sentence's tags stand for with private
// names hidden. The markup goes out too (XLIFF original data, TMX <ph>), and
// a link's URL, an image's alt text and title, or a code span can name a
// person as well as the prose. A URL may carry the name percent-encoded.
// Only the edition puts the markup back, from the letter itself, so an
// interchange file needs no more than the shape of it.
func (b *Bundle) redactTags(tags []document.Tag) []document.Tag {
	if b.redactor == nil || len(tags) == 0 {
		return tags
	}
	out := make([]document.Tag, len(tags))
	for i, t := range tags {
		t.Open, t.Close = b.redactMarkup(t.Open), b.redactMarkup(t.Close)
		out[i] = t
	}
	return out
}

func (b *Bundle) redactMarkup(s string) string {
	if s == "" {
		return s
	}
	if decoded, err := url.PathUnescape(s); err == nil && decoded != s {
		if hidden := b.redactor.Redact(decoded); hidden != decoded {
			return hidden
		}
	}
	return b.redactor.Redact(s)
}

func (b *Bundle) redact(s string) string {
	if b.redactor == nil || s == "" {
		return s
	}
	return b.redactor.Redact(s)
}

// Written counts the sentences Export(f) writes: every unit, but for a
// TMX memory only the approved ones.
func (b *Bundle) Written(f Format) int {
	if f != TMX {
		return len(b.Units)
	}
	n := 0
	for _, u := range b.Units {
		if u.State == store.Approved {
			n++
		}
	}
	return n
}

// Export writes the bundle in format f.
func (b *Bundle) Export(f Format) []byte {
	switch f {
	case PO:
		return b.po()
	case TMX:
		return b.tmx()
	case XLIFF12:
		return b.xliff12()
	default:
		return b.xliff()
	}
}
