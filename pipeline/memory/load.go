package memory

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/document"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// LoadTSV reads sentence pairs from a UTF-8 file with one pair a line, the
// source sentence and its translation separated by a tab. Blank lines and
// lines starting with # are skipped. A malformed line is an error naming
// the file and line.
func LoadTSV(path string) ([]translate.Example, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, locales.New("memory.read", "Path", path).Wrap(err).WithHint("memory.read.hint")
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var pairs []translate.Example
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) {
			return nil, locales.New("memory.encoding", "Path", path, "Line", n).WithHint("memory.encoding.hint")
		}
		fields := strings.Split(line, "\t")
		got := 0
		for _, f := range fields {
			if strings.TrimSpace(f) != "" {
				got++
			}
		}
		if len(fields) != 2 || got != 2 {
			return nil, locales.New("memory.row", "Path", path, "Line", n, "Got", got).WithHint("memory.row.hint")
		}
		pairs = append(pairs, translate.Example{Source: strings.TrimSpace(fields[0]), Target: strings.TrimSpace(fields[1])})
	}
	if len(pairs) == 0 {
		return nil, locales.New("memory.none", "Path", path).WithHint("memory.row.hint")
	}
	return pairs, nil
}

// LoadTMX reads the sentence pairs from src to tgt out of a TMX file (the
// translation memory exchange format, version 1.4b): each translation unit
// <tu> that has a variant <tuv> in both languages gives a pair. Languages
// match by their base language, so a memory in en-US serves a letter in
// English. Inline codes (<bpt>, <ept>, <ph>, <it>, <ut>) hold the original
// document's markup, not text, and are left out, except one that holds an
// epistle tag (<g1>, </g1>, <x2/>, <n1/>), as epistle's own TMX writes:
// that is the tag, so that a sentence with markup matches exactly.
func LoadTMX(path string, src, tgt language.Tag) ([]translate.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, locales.New("memory.read", "Path", path).Wrap(err).WithHint("memory.read.hint")
	}
	defer f.Close()
	pairs, err := readTMX(f, src, tgt)
	if err != nil {
		return nil, locales.New("memory.tmx", "Path", path, "Err", err).WithHint("memory.tmx.hint")
	}
	if len(pairs) == 0 {
		return nil, locales.New("memory.empty", "Path", path, "Source", src, "Target", tgt).WithHint("memory.empty.hint")
	}
	return pairs, nil
}

const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

// epistleTag is a whole inline code that is one of epistle's tags.
var epistleTag = regexp.MustCompile(`^(?:` + document.TagPattern.String() + `)$`)

func readTMX(r io.Reader, src, tgt language.Tag) ([]translate.Example, error) {
	srcBase, _ := src.Base()
	tgtBase, _ := tgt.Base()
	d := xml.NewDecoder(r)
	var (
		pairs      []translate.Example
		root       = true
		lang       string          // language of the current <tuv>
		seg        strings.Builder // text of the current <seg>
		inSeg      bool
		codeDepth  int             // > 0 inside an inline code
		code       strings.Builder // text of the current inline code
		source     string
		target     string
		sourceSeen bool
		targetSeen bool
	)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if root {
				return nil, errors.New("no <tmx> element")
			}
			return pairs, nil
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root {
				if tok.Name.Local != "tmx" {
					return nil, fmt.Errorf("the document is <%s>, not <tmx>", tok.Name.Local)
				}
				root = false
			}
			switch tok.Name.Local {
			case "tu":
				source, target, sourceSeen, targetSeen = "", "", false, false
			case "tuv":
				lang = ""
				for _, a := range tok.Attr {
					// TMX 1.4 uses xml:lang, TMX 1.1 a plain lang.
					if a.Name.Local == "lang" && (a.Name.Space == xmlNamespace || a.Name.Space == "xml" || a.Name.Space == "") {
						lang = a.Value
					}
				}
			case "seg":
				inSeg = true
				seg.Reset()
			case "bpt", "ept", "ph", "it", "ut":
				if inSeg {
					if codeDepth == 0 {
						code.Reset()
					}
					codeDepth++
				}
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "seg":
				inSeg = false
				text := strings.TrimSpace(seg.String())
				tag, err := language.Parse(lang)
				if err != nil || text == "" {
					continue
				}
				base, _ := tag.Base()
				if base == srcBase && !sourceSeen {
					source, sourceSeen = text, true
				} else if base == tgtBase && !targetSeen {
					target, targetSeen = text, true
				}
			case "bpt", "ept", "ph", "it", "ut":
				if inSeg && codeDepth > 0 {
					codeDepth--
					// A code that holds one of epistle's tags (our own
					// TMX writes them so) is that tag in the text.
					if c := code.String(); codeDepth == 0 && epistleTag.MatchString(c) {
						seg.WriteString(c)
					}
				}
			case "tu":
				if sourceSeen && targetSeen {
					pairs = append(pairs, translate.Example{Source: source, Target: target})
				}
			}
		case xml.CharData:
			switch {
			case inSeg && codeDepth == 0:
				seg.Write(tok)
			case inSeg:
				code.Write(tok)
			}
		}
	}
}
