package exchange

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"

	"golang.org/x/text/language"
)

// xliffLanguage is the target language an XLIFF file says it holds: 2.0's
// trgLang on <xliff>, 1.2's target-language on its first <file>; "" when
// it says none.
func xliffLanguage(data []byte) string {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch t.Name.Local {
		case "xliff":
			if l := attrOf(t, "trgLang"); l != "" {
				return l
			}
		case "file":
			return attrOf(t, "target-language")
		default:
			return ""
		}
	}
}

// poLanguage is the Language field of a PO file's header, "" when it has
// no header or the header names no language.
func poLanguage(data []byte) string {
	var header poEntry
	var field *string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if header.hasStr && startsEntry(line) {
			break
		}
		switch {
		case strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "\""):
			if field == nil {
				return ""
			}
			s, err := strconv.Unquote(line)
			if err != nil {
				return ""
			}
			*field += s
		case line != "":
			var err error
			if field, err = header.keyword(line, n); err != nil {
				return ""
			}
		}
	}
	if !header.hasStr || header.hasCtxt || header.id != "" {
		return ""
	}
	for _, l := range strings.Split(header.str, "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "Language" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// sameLanguage reports whether a file in language file may be imported as
// a translation into want: the same base language in the same script, so
// that an en or en-US file serves en-GB, and zh-Hant does not serve
// zh-Hans. It also returns the file's language as a tag (zh-CN for
// zh_CN). A file whose language is no language tag is not judged by it.
func sameLanguage(file string, want language.Tag) (string, bool) {
	t, err := language.Parse(file)
	if err != nil {
		return file, true
	}
	fb, _ := t.Base()
	wb, _ := want.Base()
	fs, _ := t.Script()
	ws, _ := want.Script()
	return t.String(), fb == wb && fs == ws
}
