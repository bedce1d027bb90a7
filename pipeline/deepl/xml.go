package deepl

import (
	"regexp"
	"strings"
)

// protectedTag is a tag or placeholder the pipeline put into a segment.
var protectedTag = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9_]*/?>`)

// escapeXML makes text well-formed XML for tag_handling "xml": the protected
// tags stay markup and every other '<', '>' and '&' becomes a character
// reference, so "A & B" or "3 < 5" in the prose cannot break the request.
func escapeXML(text string) string {
	var b strings.Builder
	last := 0
	for _, loc := range protectedTag.FindAllStringIndex(text, -1) {
		b.WriteString(escapeText(text[last:loc[0]]))
		b.WriteString(text[loc[0]:loc[1]])
		last = loc[1]
	}
	b.WriteString(escapeText(text[last:]))
	return b.String()
}

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func escapeText(s string) string { return textEscaper.Replace(s) }

// xmlUnescaper undoes the escaping of escapeXML and the character
// references DeepL may write of its own accord.
var xmlUnescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'", "&amp;", "&")

func unescapeXML(s string) string { return xmlUnescaper.Replace(s) }
