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
	var field *string
	flush := func() {
		if cur.hasID && (cur.hasCtxt || cur.id != "") {
			out = append(out, cur)
		}
		cur, field = poEntry{}, nil
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
			if cur.hasStr {
				flush()
			}
		case strings.HasPrefix(line, "#,"):
			if cur.hasStr {
				flush()
			}
			for _, f := range strings.Split(line[2:], ",") {
				if strings.TrimSpace(f) == "fuzzy" {
					cur.fuzzy = true
				}
			}
		case strings.HasPrefix(line, "#. hash:"):
			if cur.hasStr {
				flush()
			}
			cur.hash = strings.TrimSpace(strings.TrimPrefix(line, "#. hash:"))
		case strings.HasPrefix(line, "#:"):
			if cur.hasStr {
				flush()
			}
			// References are separated by ASCII spaces; a no-break space
			// is part of a name (epistle writes a letter's spaces so).
			cur.refs = append(cur.refs, strings.FieldsFunc(line[2:], func(r rune) bool { return r == ' ' || r == '\t' })...)
		case strings.HasPrefix(line, "#"):
			if cur.hasStr {
				flush()
			}
		case strings.HasPrefix(line, "\""):
			if field == nil {
				return nil, &syntaxError{Line: n, Err: "a string outside any message"}
			}
			s, err := strconv.Unquote(line)
			if err != nil {
				return nil, &syntaxError{Line: n, Err: "bad string " + line}
			}
			*field += s
		default:
			kw, rest, _ := strings.Cut(line, " ")
			s, err := strconv.Unquote(strings.TrimSpace(rest))
			if err != nil {
				return nil, &syntaxError{Line: n, Err: "bad string after " + kw}
			}
			switch kw {
			case "msgctxt":
				if cur.hasStr {
					flush()
				}
				cur.line, cur.hasCtxt, cur.ctxt, field = n, true, s, &cur.ctxt
			case "msgid":
				if cur.hasStr {
					flush()
				}
				if !cur.hasCtxt {
					cur.line = n
				}
				cur.hasID, cur.id, field = true, s, &cur.id
			case "msgstr":
				cur.hasStr, cur.str, field = true, s, &cur.str
			case "msgid_plural", "msgstr[0]", "msgstr[1]":
				return nil, &syntaxError{Line: n, Err: "plural forms have no place in a letter"}
			default:
				return nil, &syntaxError{Line: n, Err: fmt.Sprintf("unknown keyword %s", kw)}
			}
		}
	}
	if cur.hasStr {
		flush()
	}
	return out, nil
}
