package qa

import (
	"regexp"
	"sort"
	"strings"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/document"
)

// rawMarkup finds markup written as text: an HTML tag or comment, a
// Markdown link or image, a code span's backtick. The letter's own markup
// travels as protected tags (<g1>, <x2/>), never as text, so raw markup in
// a translation came from somewhere else: a model, or an imported file
// (<script> in an XLIFF target). It would become live markup in the
// Markdown edition and in whatever site renders it.
var rawMarkup = regexp.MustCompile("</?[A-Za-z][A-Za-z0-9:-]*(\\s[^<>]*)?/?>|<!--|\\]\\(|`")

// checkMarkup flags raw markup in the translation that the source does not
// have as text itself.
func checkMarkup(r *report, in Input) {
	src := markupCounts(in.Source)
	var extra []string
	for m, n := range markupCounts(in.Translation) {
		if n > src[m] {
			extra = append(extra, m)
		}
	}
	if len(extra) == 0 {
		return
	}
	sort.Strings(extra)
	r.add("markup", Error, locales.New("qa.markup", "Markup", strings.Join(extra, " ")))
}

func markupCounts(s string) map[string]int {
	s = document.TagPattern.ReplaceAllString(s, "")
	m := map[string]int{}
	for _, t := range rawMarkup.FindAllString(s, -1) {
		m[t]++
	}
	return m
}
