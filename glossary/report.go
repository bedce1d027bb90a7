package glossary

import (
	"golang.org/x/text/language"
)

// Segment is a piece of a letter to look for entries in: its id, as the
// letter's catalog names it, and its text.
type Segment struct {
	ID, Text string
}

// Hit is a segment that contains an entry, and where.
type Hit struct {
	Segment Segment
	Matches []Match
}

// Occurrence is an entry and the segments it occurs in.
type Occurrence struct {
	Entry *Entry
	Hits  []Hit
}

// Occurrences returns every entry, in glossary order, with the segments it
// occurs in: what a glossary owner reads to see whether the glossary
// catches what the letter says (and what it wrongly catches).
func (g *Glossary) Occurrences(segments []Segment, src language.Tag) []Occurrence {
	byEntry := make(map[*Entry]int, len(g.Entries))
	out := make([]Occurrence, len(g.Entries))
	for i, e := range g.Entries {
		out[i].Entry = e
		byEntry[e] = i
	}
	for _, s := range segments {
		var per map[*Entry][]Match
		for _, m := range g.Match(s.Text, src) {
			if per == nil {
				per = map[*Entry][]Match{}
			}
			per[m.Entry] = append(per[m.Entry], m)
		}
		// Each entry's hits stay in segment order whatever order the map
		// gives the entries in.
		for e, ms := range per {
			o := &out[byEntry[e]]
			o.Hits = append(o.Hits, Hit{Segment: s, Matches: ms})
		}
	}
	return out
}

// Conversion is a glossary file rendered in another format.
type Conversion struct {
	Data []byte
	// Entries is how many entries Data holds; LeftOut how many private
	// entries were left out of it.
	Entries, LeftOut int
}

// Convert reads the glossary at path and renders it in format f. Unless
// keepPrivate, private entries are left out: a converted glossary usually
// goes to a terminology tool or a colleague, and the names must not.
func Convert(path string, f Format, keepPrivate bool, opts ...Option) (*Conversion, error) {
	g, err := Load(path, opts...)
	if err != nil {
		return nil, err
	}
	left := 0
	if !keepPrivate {
		g, left = g.Public()
	}
	data, err := g.Marshal(f)
	if err != nil {
		return nil, err
	}
	return &Conversion{Data: data, Entries: len(g.Entries), LeftOut: left}, nil
}
