// Package catalog reads and writes the go-i18n v2 message files in which
// epistle keeps a letter's sentences and their translations.
//
// A catalog is a TOML file named for its role and language:
// active.ko.toml holds the source sentences, translate.en.toml the machine
// translations awaiting review, active.en.toml the approved ones. Each
// message is a table named by the sentence id:
//
//	[3f2a9c1b]
//	hash = "sha1-…"
//	other = "Please pray for the safety of North Korean defectors."
//
// hash follows go-i18n: "sha1-" and the hex SHA-1 of the source message's
// description and text. A translation records the hash of the source it was
// made for; when the source changes, the hashes differ and the translation
// is stale. Because the files are ordinary go-i18n message files,
// i18n.Bundle loads them and `goi18n merge` accepts them. A sentence that
// holds "{{" gets leftDelim and rightDelim keys that occur nowhere in it,
// so that go-i18n gives it back literally instead of running it as a
// template. Messages are kept
// in the order of the letter, so a reviewer reading the file reads the letter.
package catalog

import (
	"bytes"
	"crypto/sha1"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/epistle-letters/epistle/locales"
)

// Message is one entry of a catalog. Only go-i18n's own keys are used, so
// that go-i18n accepts the file; Description carries where a translation
// came from ("openai gpt-4o-mini").
type Message struct {
	ID          string
	Description string
	Hash        string
	Other       string
}

// Catalog is the messages of one file, in file order.
type Catalog struct {
	Messages []*Message
	index    map[string]int
}

// Hash returns go-i18n's hash of a source message.
func Hash(description, text string) string {
	return fmt.Sprintf("sha1-%x", sha1.Sum([]byte(description+text)))
}

// Get returns the message with id, or nil.
func (c *Catalog) Get(id string) *Message {
	if i, ok := c.lookup()[id]; ok {
		return c.Messages[i]
	}
	return nil
}

func (c *Catalog) lookup() map[string]int {
	if c.index == nil || len(c.index) != len(c.Messages) {
		c.index = make(map[string]int, len(c.Messages))
		for i, m := range c.Messages {
			c.index[m.ID] = i
		}
	}
	return c.index
}

// Grow makes room for n more messages, so that adding a long letter's
// sentences one by one does not rebuild the index again and again.
func (c *Catalog) Grow(n int) {
	old := c.lookup()
	c.Messages = slices.Grow(c.Messages, n)
	c.index = make(map[string]int, len(old)+n)
	maps.Copy(c.index, old)
}

// Set adds m, or replaces the message with the same id where it stands.
func (c *Catalog) Set(m *Message) {
	if i, ok := c.lookup()[m.ID]; ok {
		c.Messages[i] = m
		return
	}
	c.Messages = append(c.Messages, m)
	c.index[m.ID] = len(c.Messages) - 1
}

// Delete removes the message with id, if any.
func (c *Catalog) Delete(id string) {
	if i, ok := c.lookup()[id]; ok {
		c.Messages = append(c.Messages[:i], c.Messages[i+1:]...)
		c.index = nil
	}
}

// DeleteFunc removes every message del returns true for, in one pass, and
// reports whether it removed any.
func (c *Catalog) DeleteFunc(del func(*Message) bool) bool {
	n := len(c.Messages)
	c.Messages = slices.DeleteFunc(c.Messages, del)
	if len(c.Messages) == n {
		return false
	}
	c.index = nil
	return true
}

// Len returns the number of messages.
func (c *Catalog) Len() int { return len(c.Messages) }

// Parse reads a catalog. A file that is not TOML, or holds something other
// than go-i18n messages, is a [*SyntaxError] naming the file and line, so
// that a hand edit gone wrong is easy to find.
func Parse(path string, data []byte) (*Catalog, error) {
	if c, ok := parseMarshaled(data); ok {
		return c, nil
	}
	return parseTOML(path, data)
}

// parseTOML reads a catalog with a TOML decoder.
func parseTOML(path string, data []byte) (*Catalog, error) {
	var raw map[string]any
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &SyntaxError{Msg: locales.New("catalog.syntax", "Path", path, "Line", pe.Position.Line, "Err", pe.Message).
				WithHint("catalog.syntax.hint")}
		}
		return nil, &SyntaxError{Msg: locales.New("catalog.syntax", "Path", path, "Line", 1, "Err", err.Error()).WithHint("catalog.syntax.hint")}
	}
	c := &Catalog{}
	seen := map[string]bool{}
	for _, key := range md.Keys() {
		if len(key) != 1 || seen[key[0]] {
			continue
		}
		id := key[0]
		seen[id] = true
		m := &Message{ID: id}
		switch v := raw[id].(type) {
		case string:
			m.Other = v
		case map[string]any:
			for k, field := range v {
				s, ok := field.(string)
				if !ok {
					return nil, badMessage(path, data, id, k)
				}
				switch strings.ToLower(k) {
				case "description":
					m.Description = s
				case "hash":
					m.Hash = s
				case "other":
					m.Other = s
				case "id", "zero", "one", "two", "few", "many", "leftdelim", "rightdelim":
					// go-i18n keys epistle does not use; plural forms have no
					// place in a letter's sentences.
				default:
					return nil, badMessage(path, data, id, k)
				}
			}
		default:
			return nil, badMessage(path, data, id, "")
		}
		c.Messages = append(c.Messages, m)
	}
	return c, nil
}

func badMessage(path string, data []byte, id, key string) error {
	return &SyntaxError{Msg: locales.New("catalog.message", "Path", path, "Line", lineOf(data, id), "ID", id, "Key", key).
		WithHint("catalog.syntax.hint")}
}

// SyntaxError is a catalog that cannot be read: not TOML, or something
// other than go-i18n messages. Msg names the file and line for a person,
// with a hint a caller may replace.
type SyntaxError struct{ Msg *locales.Message }

func (e *SyntaxError) Error() string { return e.Msg.Error() }

// Unwrap gives the message, so that it is rendered in the reader's language.
func (e *SyntaxError) Unwrap() error { return e.Msg }

// lineOf finds the line where the table or key id is defined, for messages.
func lineOf(data []byte, id string) int {
	for i, line := range bytes.Split(data, []byte("\n")) {
		l := strings.TrimSpace(string(line))
		if strings.HasPrefix(l, "["+id+"]") || strings.HasPrefix(l, "[\""+id+"\"]") ||
			strings.HasPrefix(l, id+" ") || strings.HasPrefix(l, id+"=") || strings.HasPrefix(l, "\""+id+"\"") {
			return i + 1
		}
	}
	return 1
}

// Marshal writes the catalog as TOML, messages in order, after a comment
// that says what the file is.
func (c *Catalog) Marshal(comment string) []byte {
	var b bytes.Buffer
	size := len(comment) + 16
	for _, m := range c.Messages {
		size += len(m.ID) + len(m.Description) + len(m.Hash) + len(m.Other) + 64
	}
	b.Grow(size) // a long letter's catalog is tens of megabytes: grow it once
	for _, line := range strings.Split(strings.TrimRight(comment, "\n"), "\n") {
		if comment != "" {
			b.WriteString("# " + commentText(line) + "\n")
		}
	}
	for _, m := range c.Messages {
		b.WriteString("\n[")
		b.WriteString(key(m.ID))
		b.WriteString("]\n")
		if m.Description != "" {
			writeField(&b, "description", m.Description)
		}
		if m.Hash != "" {
			writeField(&b, "hash", m.Hash)
		}
		if left, right, ok := delims(m.Other); ok {
			writeField(&b, "leftDelim", left)
			writeField(&b, "rightDelim", right)
		}
		writeField(&b, "other", m.Other)
	}
	return b.Bytes()
}

// commentText is line as a TOML comment may hold it: the comment names the
// letter's file, and a file name may hold invalid UTF-8 or a control
// character, which the TOML decoder refuses even in a comment.
func commentText(line string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r == 0x7f {
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(line, "\uFFFD"))
}

func writeField(b *bytes.Buffer, name, value string) {
	b.WriteString(name)
	b.WriteString(" = ")
	if utf8.ValidString(value) && !hasEscapeByte(value) {
		b.WriteByte('"')
		b.WriteString(value)
		b.WriteByte('"')
	} else {
		b.WriteString(quote(value))
	}
	b.WriteByte('\n')
}

// delims returns template delimiters for a message whose text holds
// go-i18n's default left delimiter "{{": a letter's sentence is text, never
// a template, and go-i18n executes a message as a Go template only when
// its text contains the left delimiter. The pair returned occurs nowhere in
// text, so i18n.Localizer gives the sentence back as it is.
func delims(text string) (left, right string, ok bool) {
	if !strings.Contains(text, "{{") {
		return "", "", false
	}
	left, right = "<<", ">>"
	for strings.Contains(text, left) || strings.Contains(text, right) {
		left, right = left+"<", right+">"
	}
	return left, right, true
}

// SortedIDs returns the ids in sorted order, for stable reports.
func (c *Catalog) SortedIDs() []string {
	ids := make([]string, len(c.Messages))
	for i, m := range c.Messages {
		ids[i] = m.ID
	}
	sort.Strings(ids)
	return ids
}

// writeEscape writes the escape of r, one of the runes needsEscape names.
func writeEscape(b *strings.Builder, r rune) {
	switch r {
	case '"':
		b.WriteString(`\"`)
	case '\\':
		b.WriteString(`\\`)
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	case '\t':
		b.WriteString(`\t`)
	default:
		fmt.Fprintf(b, `\u%04X`, r)
	}
}

// needsEscape reports whether quote writes r as an escape.
func needsEscape(r rune) bool { return r == '"' || r == '\\' || r < 0x20 || r == 0x7f }

// hasEscapeByte reports whether valid UTF-8 s holds a rune needsEscape
// escapes: all of them are ASCII, so its bytes are looked at, not decoded.
func hasEscapeByte(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b < utf8.RuneSelf && needsEscape(rune(b)) {
			return true
		}
	}
	return false
}

func key(id string) string {
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return quote(id)
		}
	}
	return id
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	if utf8.ValidString(s) && !hasEscapeByte(s) {
		return `"` + s + `"`
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteByte('"')
	if utf8.ValidString(s) {
		// Only ASCII bytes are escaped: copy the runs between them whole.
		start := 0
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c == 0x7f {
				b.WriteString(s[start:i])
				writeEscape(&b, rune(c))
				start = i + 1
			}
		}
		b.WriteString(s[start:])
		b.WriteByte('"')
		return b.String()
	}
	for _, r := range s { // invalid bytes become U+FFFD
		if needsEscape(r) {
			writeEscape(&b, r)
		} else {
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
