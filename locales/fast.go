package locales

import (
	"bytes"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/epistle-letters/epistle/internal/tomlstring"
)

// parseSimple reads a message file made only of comments and lines
// `"id" = text` (or id = text), the text a one-line basic string (with the
// escapes [tomlstring.Unquote] reads), a one-line literal string, or a
// multi-line literal or basic string without escapes. ok is false at anything else (a plural
// table, another escape), and the file then goes through go-i18n's TOML
// reading. Every file parseSimple accepts gives the messages go-i18n gives (a
// test holds it); a general TOML decoder was a fifth of a short command.
func parseSimple(data []byte) (msgs []*i18n.Message, ok bool) {
	s := string(data)
	var table *i18n.Message // the message of the ["id"] table the lines are in
	seen := map[string]bool{}
	for len(s) > 0 {
		line, rest, _ := strings.Cut(s, "\n")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || trimmed[0] == '#' {
			s = rest
			continue
		}
		if strings.HasPrefix(line, `["`) && strings.HasSuffix(line, `"]`) {
			id := line[2 : len(line)-2]
			if id == "" || strings.ContainsAny(id, "\"\\") || seen[id] {
				return nil, false
			}
			seen[id] = true
			table = &i18n.Message{ID: id}
			msgs = append(msgs, table)
			s = rest
			continue
		}
		id, value, found := strings.Cut(line, " = ")
		if !found {
			return nil, false
		}
		quoted := len(id) >= 2 && id[0] == '"' && id[len(id)-1] == '"'
		if quoted {
			id = id[1 : len(id)-1]
		}
		if id == "" || strings.ContainsAny(id, "\"\\' \t[]#=") || !quoted && strings.Contains(id, ".") {
			return nil, false // a dotted bare key is a table in TOML
		}
		var text string
		switch {
		case strings.HasPrefix(value, "'''") || strings.HasPrefix(value, `"""`):
			delim := value[:3]
			body := s[len(line)-len(value)+3:] // just after the opening delimiter
			end := strings.Index(body, delim)
			if end < 0 {
				return nil, false
			}
			text = strings.TrimPrefix(body[:end], "\n")
			after, next, _ := strings.Cut(body[end+3:], "\n")
			if after != "" || delim == `"""` && strings.ContainsRune(text, '\\') || strings.ContainsRune(text, '\r') {
				return nil, false
			}
			rest = next
		case len(value) >= 2 && value[0] == '\'' && value[len(value)-1] == '\'':
			text = value[1 : len(value)-1]
			if strings.ContainsRune(text, '\'') {
				return nil, false
			}
		case len(value) >= 2 && value[0] == '"' && value[len(value)-1] == '"':
			if text, ok = tomlstring.Unquote(value); !ok {
				return nil, false
			}
		default:
			return nil, false
		}
		if bytes.ContainsFunc([]byte(text), func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f }) {
			return nil, false
		}
		if table == nil {
			if seen[id] {
				return nil, false
			}
			seen[id] = true
			msgs = append(msgs, &i18n.Message{ID: id, Other: text})
		} else if !setForm(table, id, text) {
			return nil, false
		}
		s = rest
	}
	return msgs, true
}

// setForm sets the plural form or description key of a message's table.
func setForm(m *i18n.Message, key, text string) bool {
	forms := map[string]*string{"zero": &m.Zero, "one": &m.One, "two": &m.Two, "few": &m.Few,
		"many": &m.Many, "other": &m.Other, "description": &m.Description}
	f, ok := forms[key]
	if !ok || *f != "" {
		return false
	}
	*f = text
	return true
}
