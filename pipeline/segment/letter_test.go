package segment

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestSampleLetter splits the sample prayer letter the way the pipeline will (paragraph by
// paragraph, headings and list markers already taken off by the Markdown parser) and expects
// the Korean sentences of the English edition that was published for it.
func TestSampleLetter(t *testing.T) {
	letter, err := os.ReadFile("../../testdata/2023-06-3.ko.md")
	if err != nil {
		t.Fatal(err)
	}
	tm, err := os.ReadFile("../../testdata/2023-06-3.tm.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, line := range strings.Split(strings.TrimSpace(string(tm)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		ko, _, _ := strings.Cut(line, "\t")
		want = append(want, ko)
	}
	marker := regexp.MustCompile(`^(?:#+\s+|\d+\.\s+)`)
	s, err := New(language.Korean)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, para := range strings.Split(string(letter), "\n\n") {
		para = marker.ReplaceAllString(strings.TrimSpace(para), "")
		got = append(got, split(t, s, para)...)
	}
	if !slices.Equal(got, want) {
		t.Errorf("sample letter:\n got %q\nwant %q", got, want)
	}
}
