package document

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// naiveSplitter ends a sentence at . ! or ? followed by white space, and
// keeps closing tags with the sentence before. It stands in for the real
// segmenter so these tests check the document model alone.

var naiveEnd = regexp.MustCompile(`[.!?](?:</g[0-9]+>|<x[0-9]+/>)*\s+`)

func naiveSplitter(text string) []Span {
	var out []Span
	add := func(a, b int) {
		for a < b && strings.ContainsRune(" \t\n", rune(text[a])) {
			a++
		}
		for b > a && strings.ContainsRune(" \t\n", rune(text[b-1])) {
			b--
		}
		if a < b {
			out = append(out, Span{Start: a, End: b})
		}
	}
	start := 0
	for _, loc := range naiveEnd.FindAllStringIndex(text, -1) {
		add(start, loc[1])
		start = loc[1]
	}
	add(start, len(text))
	return out
}

func source(s *Sentence) (string, bool) { return s.Text, true }

func TestRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/letters/*")
	files = append(files, "../../testdata/2023-06-3.ko.md")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		format := "txt"
		if strings.HasSuffix(f, ".md") {
			format = "md"
		}
		d := Parse(string(data), format, naiveSplitter)
		if got := d.Render(source); got != string(data) {
			t.Errorf("%s: render differs from the input:\n%s", f, firstDiff(string(data), got))
		}
		if len(d.Sentences()) == 0 {
			t.Errorf("%s: no sentences", f)
		}
	}
}

func firstDiff(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	lo := max(0, i-40)
	return "want …" + want[lo:min(len(want), i+40)] + "…\n got …" + got[lo:min(len(got), i+40)] + "…"
}

func TestSentences(t *testing.T) {
	data, err := os.ReadFile("../../testdata/letters/features.en.md")
	if err != nil {
		t.Fatal(err)
	}
	d := Parse(string(data), "md", naiveSplitter)
	var got []string
	for _, s := range d.Sentences() {
		got = append(got, d.Blocks[s.Block].Kind+": "+s.Text)
	}
	want := []string{
		"h1: Prayer <g1>letter</g1> for May",
		"p: Dear friends, thank you for <g1>praying with us</g1>.",
		"p: Read <g1>our report</g1> first!",
		"p: We met on 2024.",
		"p: 5.",
		"p: 12.",
		"p: at 3 p.m.",
		"p: and read John 3:16 together.",
		"p: This line follows a hard break.",
		"blockquote: A quoted sentence with <x1/> inside.",
		"blockquote: Another one with <x1/>raw<x2/> HTML.",
		"blockquote: It continues here.",
		"li: First item.",
		"li: It has two sentences.",
		"li: Second item with <g1>a picture</g1> and <x2/>.",
		"li: Continued line.",
		"li: Write to <x1/> or visit <x2/> today.",
		"li: A line with \\*escaped\\* stars &amp; entities.",
		"h1: Setext heading",
		"p: <x1/>Bold first sentence.",
		"p: Bold second sentence.<x1/>",
		"p: Plain third.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMarkupTranslation(t *testing.T) {
	src := "Read **[our report](https://x.org)** now.\n"
	d := Parse(src, "md", naiveSplitter)
	got := d.Render(func(s *Sentence) (string, bool) {
		return "Lisez <g1>notre rapport</g1> maintenant.", true
	})
	want := "Lisez **[notre rapport](https://x.org)** maintenant.\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A long letter is split on several cores: its sentences come out in letter
// order, the same as each paragraph parsed alone, and it renders back.
func TestParseLongLetterInOrder(t *testing.T) {
	var src strings.Builder
	var want []string
	for i := range 400 {
		p := fmt.Sprintf("Paragraph %d opens. It has *two* sentences, see www.example.org/%d.", i, i)
		if i%7 == 0 {
			p = fmt.Sprintf("## Heading %d", i)
		}
		for _, s := range Parse(p, "md", naiveSplitter).Sentences() {
			want = append(want, s.Text)
		}
		src.WriteString(p + "\n\n")
	}
	d := Parse(src.String(), "md", naiveSplitter)
	var got []string
	for _, s := range d.Sentences() {
		got = append(got, s.Text)
	}
	if !slices.Equal(got, want) {
		t.Errorf("sentences differ from the paragraphs parsed one by one:\n got %q\nwant %q", got[:min(6, len(got))], want[:6])
	}
	if r := d.Render(source); r != src.String() {
		t.Errorf("render differs:\n%s", firstDiff(src.String(), r))
	}
}
