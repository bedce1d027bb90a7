package store

import (
	"errors"
	"os"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/locales"
)

// SegmentList is what `epistle segment --json` prints; its field names are
// part of the contract in DESIGN.md.
type SegmentList struct {
	Source   string        `json:"source"`
	Segments []SegmentView `json:"segments"`
}

// SegmentView is one sentence with the glossary terms found in it.
type SegmentView struct {
	ID    string          `json:"id"`
	Block string          `json:"block"`
	Text  string          `json:"text"`
	Terms []glossary.Term `json:"terms"`
}

// Segments lists the letter's sentences in order with the terms of g (which
// may be nil) found in each. Each text is one line ([OneLine]), as the
// source catalog holds it, and the terms' places count in that line: a
// sentence the writer hard-wrapped is one sentence to a tool too.
func (l *Letter) Segments(g *glossary.Glossary) *SegmentList {
	sentences := l.Doc.Sentences()
	out := &SegmentList{Source: l.Source.String(), Segments: make([]SegmentView, 0, len(sentences))}
	for _, s := range sentences {
		text := OneLine(s.Text)
		v := SegmentView{ID: s.ID, Block: l.Doc.Blocks[s.Block].Kind, Text: text, Terms: []glossary.Term{}}
		if g != nil {
			v.Terms = append(v.Terms, g.Terms(text, l.Source)...)
		}
		out.Segments = append(out.Segments, v)
	}
	return out
}

// LoadGlossary reads the glossary named by path, or where path is "" the
// one epistle.toml names; nil when there is none. A TBX glossary is read
// from the newsletter's source language to its first target.
func (c *Config) LoadGlossary(path string) (*glossary.Glossary, error) {
	if path == "" {
		if c.Glossary == "" {
			return nil, nil
		}
		path = c.Resolve(c.Glossary)
	}
	return glossary.Load(path, c.GlossaryLanguages())
}

// GlossaryLanguages is the option that reads a glossary from the
// newsletter's source language to its first target.
func (c *Config) GlossaryLanguages() glossary.Option {
	target := ""
	if len(c.Targets) > 0 {
		target = c.Targets[0]
	}
	return glossary.Languages(c.Source, target)
}

// LoadStyle reads the style guide epistle.toml names: "" when it names
// none or the file is not there.
func (c *Config) LoadStyle() (string, error) {
	if c.Style == "" {
		return "", nil
	}
	path := c.Resolve(c.Style)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", locales.New("letter.read", "Path", path).Wrap(err)
	}
	return string(data), nil
}
