package exchange

import (
	"bufio"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/epistle-letters/epistle/pipeline/store"
)

func (b *Bundle) po() []byte {
	var w strings.Builder
	w.WriteString("# Sentences of " + b.Letter + " for translation into " + b.Target.String() + ", written by epistle.\n")
	w.WriteString("# msgctxt is the sentence id; keep it. Tags like <g1>…</g1> and <x2/> stand for\n")
	w.WriteString("# the letter's markup and <n1/> for a name: keep each one in the translation.\n")
	w.WriteString("msgid \"\"\nmsgstr \"\"\n")
	for _, h := range []string{
		"Project-Id-Version: " + b.Letter,
		// No dates: the file is derived from the catalogs and says the
		// same thing whenever it is written.
		"PO-Revision-Date: ",
		"Last-Translator: ",
		"Language-Team: ",
		"Language: " + b.Target.String(),
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=UTF-8",
		"Content-Transfer-Encoding: 8bit",
		"X-Generator: epistle",
		"X-Source-Language: " + b.Source.String(),
	} {
		w.WriteString(poQuote(h+"\n") + "\n")
	}
	for _, u := range b.Units {
		w.WriteString("\n")
		w.WriteString("#. hash: " + u.Hash + "\n")
		if u.Block != "" {
			w.WriteString("#. block: " + u.Block + "\n")
		}
		for _, t := range u.Terms {
			w.WriteString("#. glossary: " + t + "\n")
		}
		if u.Origin != "" {
			w.WriteString("#. origin: " + oneLine(u.Origin) + "\n")
		}
		if u.Failure != "" {
			w.WriteString("#. failure: " + oneLine(u.Failure) + "\n")
		}
		w.WriteString("#: " + strings.ReplaceAll(b.Letter, " ", "\u00a0") + "\n")
		if u.State == store.Machine || u.State == store.Stale {
			w.WriteString("#, fuzzy\n")
		}
		if u.Previous != "" {
			for i, line := range strings.Split(poString("msgid", u.Previous), "\n") {
				if i == 0 || line != "" {
					w.WriteString("#| " + line + "\n")
				}
			}
		}
		w.WriteString(poString("msgctxt", u.ID))
		w.WriteString(poString("msgid", u.Source))
		w.WriteString(poString("msgstr", u.Target))
	}
	return []byte(w.String())
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// poString writes a keyword and its string, split after each newline the
// way gettext's tools do.
func poString(keyword, s string) string {
	if !strings.Contains(strings.TrimSuffix(s, "\n"), "\n") {
		return keyword + " " + poQuote(s) + "\n"
	}
	var b strings.Builder
	b.WriteString(keyword + " \"\"\n")
	for _, part := range strings.SplitAfter(s, "\n") {
		if part != "" {
			b.WriteString(poQuote(part) + "\n")
		}
	}
	return b.String()
}

func poQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// poEntry is one message read back from a PO file.
type poEntry struct {
	line                   int
	ctxt, id, str          string
	fuzzy                  bool
	hash                   string
	hasCtxt, hasID, hasStr bool
	refs                   []string // the "#:" references
}

// locationContext reports whether the entry's msgctxt is its location,
// as translate-toolkit's xliff2po writes one when it merges the copies of
// a sentence the letter has twice. From our PO that location is the
// letter's name, which names no sentence; from our XLIFF 1.2 it is the
// unit's resname, the sentence id.
func (e *poEntry) locationContext() bool {
	return e.hasCtxt && len(e.refs) > 0 && (slices.Contains(e.refs, e.ctxt) || e.ctxt == strings.Join(e.refs, " "))
}

// readPO reads the messages of a PO file, the header left out.
func readPO(data []byte) ([]poEntry, error) {
	var out []poEntry
	var cur poEntry
	var field *string // the string a continuation line adds to
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if cur.hasStr && startsEntry(line) {
			out, cur, field = appendEntry(out, cur), poEntry{}, nil
		}
		switch {
		case strings.HasPrefix(line, "#"):
			cur.comment(line)
		case strings.HasPrefix(line, "\""):
			if field == nil {
				return nil, &syntaxError{Line: n, Err: "a string outside any message"}
			}
			s, err := strconv.Unquote(line)
			if err != nil {
				return nil, &syntaxError{Line: n, Err: "bad string " + line}
			}
			*field += s
		case line != "":
			var err error
			if field, err = cur.keyword(line, n); err != nil {
				return nil, err
			}
		}
	}
	if cur.hasStr {
		out = appendEntry(out, cur)
	}
	return out, nil
}

// startsEntry reports whether line, after a msgstr, begins the next
// message: a blank line, a comment, msgctxt or msgid.
func startsEntry(line string) bool {
	kw, _, _ := strings.Cut(line, " ")
	return line == "" || strings.HasPrefix(line, "#") || kw == "msgctxt" || kw == "msgid"
}

// appendEntry adds e to out when it is a message, not the header.
func appendEntry(out []poEntry, e poEntry) []poEntry {
	if e.hasID && (e.hasCtxt || e.id != "") {
		out = append(out, e)
	}
	return out
}

// comment reads a comment line into the entry: its flags, its hash, its
// references; other comments say nothing epistle reads.
func (e *poEntry) comment(line string) {
	switch {
	case strings.HasPrefix(line, "#,"):
		for _, f := range strings.Split(line[2:], ",") {
			if strings.TrimSpace(f) == "fuzzy" {
				e.fuzzy = true
			}
		}
	case strings.HasPrefix(line, "#. hash:"):
		e.hash = strings.TrimSpace(strings.TrimPrefix(line, "#. hash:"))
	case strings.HasPrefix(line, "#:"):
		// References are separated by ASCII spaces; a no-break space
		// is part of a name (epistle writes a letter's spaces so).
		e.refs = append(e.refs, strings.FieldsFunc(line[2:], func(r rune) bool { return r == ' ' || r == '\t' })...)
	}
}

// keyword reads line n, a keyword and its string, into the entry, and
// returns the field its continuation lines add to.
func (e *poEntry) keyword(line string, n int) (field *string, err error) {
	kw, rest, _ := strings.Cut(line, " ")
	s, err := strconv.Unquote(strings.TrimSpace(rest))
	if err != nil {
		return nil, &syntaxError{Line: n, Err: "bad string after " + kw}
	}
	switch kw {
	case "msgctxt":
		e.line, e.hasCtxt, e.ctxt = n, true, s
		return &e.ctxt, nil
	case "msgid":
		if !e.hasCtxt {
			e.line = n
		}
		e.hasID, e.id = true, s
		return &e.id, nil
	case "msgstr":
		e.hasStr, e.str = true, s
		return &e.str, nil
	case "msgid_plural", "msgstr[0]", "msgstr[1]":
		return nil, &syntaxError{Line: n, Err: "plural forms have no place in a letter"}
	default:
		return nil, &syntaxError{Line: n, Err: fmt.Sprintf("unknown keyword %s", kw)}
	}
}
