package store

import (
	"maps"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
	"github.com/epistle-letters/epistle/pipeline/catalog"
)

func TestOneLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"문안 드립니다.", "문안 드립니다."},
		{"문안\n드립니다.", "문안 드립니다."},
		{"문안\r\n드립니다.", "문안 드립니다."},
		{"문안  드립니다.", "문안 드립니다."},
		{"문안\t드립니다.", "문안 드립니다."},
		{"문안\u00a0드립니다.", "문안 드립니다."},
		{"문안\u3000드립니다.", "문안 드립니다."},
		{"문안 \n\t 드립니다.", "문안 드립니다."},
		{" 문안 드립니다. ", "문안 드립니다."},
		{"\n", ""},
		{" ", ""},
		{"a <g1>b</g1>\nc", "a <g1>b</g1> c"},
		{"a\u200bb", "a\u200bb"}, // a zero-width space is no white space
	} {
		if got := OneLine(tc.in); got != tc.want {
			t.Errorf("OneLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// testdataLetters are every letter in the repository's testdata.
func testdataLetters(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, pattern := range []string{"../../testdata/*.ko.md", "../../testdata/*/*.ko.md", "../../testdata/letters/*"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, files...)
	}
	if len(out) < 6 {
		t.Fatalf("found %d testdata letters: %v", len(out), out)
	}
	return out
}

// rewrap fills the prose lines of a letter to width characters as an
// e-mail program or an editor's fill command does: a word that does not fit
// on a line starts the next one (a word wider than the line has one to
// itself). It also writes the white space between some words as a tab, a
// double space, an NBSP or an ideographic space. It leaves alone what a
// break would give another meaning: fenced code and front matter, headings,
// tables, HTML and indented lines. A numbered line ("2. Second item …",
// "2024. 11. 17. 주일에는 …") is wrapped like any other; it breaks only
// where the next line begins with a word (see [breakable]), never a list
// marker or an emoji.
func rewrap(letter string, width int) string {
	lines := strings.SplitAfter(letter, "\n")
	fence := false
	var b strings.Builder
	odd := []string{"\t", "  ", "\u00a0", "\u3000"}
	n := 0
	for _, line := range lines {
		if strings.HasPrefix(line, "```") || strings.HasPrefix(line, "---") {
			fence = !fence
		}
		first, _ := utf8.DecodeRuneInString(line)
		if fence || first == utf8.RuneError || strings.ContainsRune("#|<`~= \t\n", first) {
			b.WriteString(line)
			continue
		}
		body, nl := strings.CutSuffix(line, "\n")
		runes := []rune(body)
		// The words between the spaces a line may break at.
		var words [][]rune
		from := 0
		for i, r := range runes {
			if r == ' ' && breakable(runes, i) {
				words = append(words, runes[from:i])
				from = i + 1
			}
		}
		words = append(words, runes[from:])
		col := len(words[0])
		b.WriteString(string(words[0]))
		for _, w := range words[1:] {
			n++
			space := " "
			if n%5 == 0 {
				space = odd[n/5%len(odd)]
			}
			if gap := utf8.RuneCountInString(space); col+gap+len(w) > width {
				space = " " // the odd space may be why the word does not fit
			}
			if col+utf8.RuneCountInString(space)+len(w) <= width {
				b.WriteString(space)
				col += utf8.RuneCountInString(space) + len(w)
			} else {
				b.WriteByte('\n')
				col = len(w)
			}
			b.WriteString(string(w))
		}
		if nl {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// breakable reports whether a line may break at the space runes[i] and
// stay what it was: not after the line's marker ("-", "①", "가.") or a
// backslash (a hard break), and not before what would open a list item, a
// block or a line of emoji ("* ", "2.", "1)", "#", ">", "<div>", "🙏"). A
// date ("2024. 5. 12.", "5. 12.") may begin a line: in a letter it is no
// list. Nor does it break where what a person reads changes too: after a
// date that opens the line ("2024. 11. 17." alone on a line is a date line)
// or before a label and a colon ("3) 현지 사역자" / "훈련: 매주 …" reads as
// a field, as "전화: …" does); at 12 columns, where these happen, no line
// can tell a wrap from the writer's.
func breakable(runes []rune, i int) bool {
	if i == 0 || i+2 >= len(runes) || unicode.IsSpace(runes[i-1]) || runes[i-1] == '\\' {
		return false
	}
	if first := string(runes[:i]); !strings.Contains(first, " ") &&
		(!strings.ContainsFunc(first, unicode.IsLetter) || koreanMarker.MatchString(first)) {
		return false
	}
	rest := string(runes[i+1:])
	if dateOnly.MatchString(string(runes[:i])) || fieldStart.MatchString(rest) {
		return false
	}
	switch next := runes[i+1]; {
	case unicode.IsLetter(next) || strings.ContainsRune("\"'“‘[\\", next):
		return true
	case next == '!':
		return runes[i+2] == '[' // an image
	case next == '*' || next == '_':
		return !unicode.IsSpace(runes[i+2])
	case next == '`':
		return runes[i+2] != '`'
	case next == '<':
		return inlineTag.MatchString(rest)
	case unicode.IsDigit(next):
		return !listNumber.MatchString(rest) || dateStart.MatchString(rest)
	}
	return false
}

var (
	koreanMarker = regexp.MustCompile(`^[가-하][.)]$`)
	inlineTag    = regexp.MustCompile(`^(?:</?(?:a|b|i|em|strong|span|code)[ >]|<(?:https?|mailto):)`)
	listNumber   = regexp.MustCompile(`^[0-9]{1,9}[.)](?:\s|$)`)
	dateStart    = regexp.MustCompile(`^[0-9]{1,4}\.\s+[0-9]{1,2}\.(?:[^0-9]|$)`)
	dateOnly     = regexp.MustCompile(`^[0-9]{2,4}\.\s*[0-9]{1,2}\.\s*[0-9]{1,2}\.?$`)
	fieldStart   = regexp.MustCompile(`^\p{Hangul}+(?: \p{Hangul}+)?[:：]`)
)

// approveAll approves a translation of every sentence of l into lang, as a
// reviewer would, and returns the catalog's path.
func approveAll(t *testing.T, l *Letter, lang language.Tag) string {
	t.Helper()
	c := &catalog.Catalog{}
	for _, m := range l.SourceCatalog.Messages {
		c.Set(&catalog.Message{ID: m.ID, Hash: l.Hash(m.ID), Description: "approved", Other: "EN " + m.ID})
	}
	path := l.CatalogPath("active", lang)
	if err := WriteFiles([]File{{Path: path, Data: c.Marshal("")}}); err != nil {
		t.Fatal(err)
	}
	return path
}

// Re-wrapping a letter, or writing its spaces otherwise, is no edit: every
// approval of every testdata letter stays an approval of the same sentence,
// and the letter itself still comes back byte for byte. The widths, in
// characters, run from one no program uses (12: every line of a sentence is
// a wrapped one, and titles, dates and signatures must still stand alone)
// through 30 and 36 (an e-mail's 72 columns of Korean) to 72 (of English),
// one after another in one folder, so that ids carry from each to the next.
func TestRewrapKeepsEveryApproval(t *testing.T) {
	for _, f := range testdataLetters(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data := string(mustRead(t, f))
			dir := t.TempDir()
			l := openIn(t, dir, filepath.Base(f), []byte(data), "")
			lang := language.English
			if l.Source == lang {
				lang = language.French
			}
			approveAll(t, l, lang)
			before := texts(l)
			for _, width := range []int{12, 20, 30, 36, 72} {
				wrapped := rewrap(data, width)
				if wrapped == data {
					continue
				}
				l2 := openIn(t, dir, filepath.Base(f), []byte(wrapped), "")
				if got := l2.SourceEdition(); got != wrapped {
					t.Errorf("width %d: the re-wrapped letter does not come back byte for byte", width)
				}
				if after := texts(l2); !maps.Equal(after, before) {
					t.Errorf("width %d: re-wrapping changed the sentences:\nbefore %q\nafter  %q", width, before, after)
				}
				tr, err := l2.LoadTranslations(lang)
				if err != nil {
					t.Fatal(err)
				}
				if c := Count(l2.States(tr)); c.Approved != len(before) {
					t.Errorf("width %d: %+v after re-wrapping, want all %d approved", width, c, len(before))
				}
			}
		})
	}
}

// What `segment` prints is each sentence as one line, as the source
// catalog holds it, and a glossary term the writer's line break cut in two
// is found in it, its place counted in that line.
func TestSegmentsAreOneLine(t *testing.T) {
	dir := t.TempDir()
	gpath := filepath.Join(dir, "glossary.csv")
	if err := WriteFiles([]File{{Path: gpath, Data: []byte("source,target,kind,forbidden,note\n동남아 센터,Southeast Asia Center,name,,\n")}}); err != nil {
		t.Fatal(err)
	}
	g, err := glossary.Load(gpath)
	if err != nil {
		t.Fatal(err)
	}
	letter := "# 소식\n\n탈북민들의 안전을 위해 기도해 주십시오. 또한 동남아\n센터가　복음 사역 지도자를 세우는 곳이\t되고, 탈북민들이\n예수 그리스도를 만나는 곳이  되도록 기도해 주십시오.\n"
	l := openIn(t, dir, "letter.ko.md", []byte(letter), "")
	list := l.Segments(g)
	if len(list.Segments) != 3 {
		t.Fatalf("segments %+v", list.Segments)
	}
	s := list.Segments[2]
	if want := "또한 동남아 센터가 복음 사역 지도자를 세우는 곳이 되고, 탈북민들이 예수 그리스도를 만나는 곳이 되도록 기도해 주십시오."; s.Text != want {
		t.Errorf("text %q, want %q", s.Text, want)
	}
	if m := l.SourceCatalog.Get(s.ID); m == nil || m.Other != s.Text {
		t.Errorf("the catalog holds %v for %s, segment prints %q", m, s.ID, s.Text)
	}
	if len(s.Terms) != 1 || string([]rune(s.Text)[s.Terms[0].Start:s.Terms[0].End]) != "동남아 센터" {
		t.Errorf("terms %+v in %q, want 동남아 센터 at its place", s.Terms, s.Text)
	}
}
