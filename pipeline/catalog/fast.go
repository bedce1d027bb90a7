package catalog

import (
	"bytes"
	"unicode/utf8"

	"github.com/epistle-letters/epistle/internal/tomlstring"
)

// parseMarshaled reads a catalog written exactly as [Catalog.Marshal] writes
// one: comment lines, then per message a [bare-key] line and
// description/hash/other lines with basic strings. ok is false at the first
// line of any other shape (a hand edit, another tool's file), and [Parse]
// then hands the whole file to the TOML decoder, which gives the same
// messages or the error a person needs. Each command reads two to four
// catalogs, and on a letter of 10,000 sentences the TOML decoder alone
// takes over 100 ms more CPU per command (the README's "Standard decoders,
// and the one exception" has the benchmark).
func parseMarshaled(data []byte) (c *Catalog, ok bool) {
	if !utf8.Valid(data) {
		return nil, false
	}
	c = &Catalog{index: map[string]int{}}
	var m *Message
	seen := map[string]bool{}
	for len(data) > 0 {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		switch {
		case len(line) == 0:
		case line[0] == '#' && m == nil:
			if bytes.ContainsFunc(line, func(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7f }) {
				return nil, false // TOML allows no control character in a comment either
			}
		case line[0] == '[':
			id, found := bytes.CutSuffix(line[1:], []byte("]"))
			if _, dup := c.index[string(id)]; dup || !found || !bareKey(id) {
				return nil, false
			}
			m = &Message{ID: string(id)}
			c.index[m.ID] = len(c.Messages)
			c.Messages = append(c.Messages, m)
			clear(seen)
		default:
			field, value, found := bytes.Cut(line, []byte(" = "))
			if !found || m == nil || seen[string(field)] {
				return nil, false
			}
			seen[string(field)] = true
			text, ok := tomlstring.Unquote(value)
			if !ok {
				return nil, false
			}
			switch string(field) {
			case "description":
				m.Description = text
			case "hash":
				m.Hash = text
			case "other":
				m.Other = text
			default:
				return nil, false
			}
		}
	}
	return c, true
}

// bareKey reports whether id is a key Marshal writes without quotes.
func bareKey(id []byte) bool {
	if len(id) == 0 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}
