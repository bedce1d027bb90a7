package store

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

func readSample(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/2023-06-3.ko.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// openIn writes content as name in a fresh folder (or dir when given),
// opens it and writes what opening changed, as the command line does.
func openIn(t *testing.T, dir, name string, content []byte, encoding string) *Letter {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Open(path, OpenOptions{Encoding: encoding})
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteFiles(l.Pending()); err != nil {
		t.Fatal(err)
	}
	return l
}

func TestRoundTripEncodings(t *testing.T) {
	sample := readSample(t)
	// CP949 has syllables EUC-KR lacks; the letter must survive them.
	// EUC-KR has no emoji: the legacy letter is the sample without them.
	cp949Text := strings.Map(func(r rune) rune {
		if _, err := korean.EUCKR.NewEncoder().String(string(r)); err != nil {
			return -1
		}
		return r
	}, strings.Replace(sample, "할렐루야!", "할렐루야! 똠방각하 햏햏.", 1))
	euckr, err := korean.EUCKR.NewEncoder().String(cp949Text)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(sample)
	if err != nil {
		t.Fatal(err)
	}
	utf16be, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(sample)
	if err != nil {
		t.Fatal(err)
	}
	crlf := strings.ReplaceAll(sample, "\n", "\r\n")
	for _, tc := range []struct {
		name     string
		input    []byte
		encoding string
		want     string
	}{
		{"utf-8", []byte(sample), "", sample},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, sample...), "", "\uFEFF" + sample},
		{"utf-8 forced, with BOM", append([]byte{0xEF, 0xBB, 0xBF}, sample...), "utf-8", "\uFEFF" + sample},
		{"cp949 sniffed", []byte(euckr), "", cp949Text},
		{"euc-kr forced", []byte(euckr), "euc-kr", cp949Text},
		{"utf-16le BOM", []byte(utf16), "", sample},
		{"utf-16be BOM", []byte(utf16be), "", sample},
		{"crlf", []byte(crlf), "", crlf},
		{"nfd", []byte(norm.NFD.String(sample)), "", sample},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := openIn(t, t.TempDir(), "letter.ko.md", tc.input, tc.encoding)
			if got := l.SourceEdition(); got != tc.want {
				t.Errorf("export differs from the input (as NFC UTF-8)")
			}
			if n := len(l.Doc.Sentences()); n < 25 {
				t.Errorf("%d sentences, want the sample's 27 or so", n)
			}
		})
	}
}

func TestRoundTripTestdataLetters(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/letters/*")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		l := openIn(t, t.TempDir(), filepath.Base(f), data, "")
		if got := l.SourceEdition(); got != string(data) {
			t.Errorf("%s: export differs from the input", f)
		}
	}
}

// texts maps id → source text.
func texts(l *Letter) map[string]string {
	out := map[string]string{}
	for _, m := range l.SourceCatalog.Messages {
		out[m.ID] = m.Other
	}
	return out
}

func TestIDsSurviveAnEdit(t *testing.T) {
	dir := t.TempDir()
	sample := readSample(t)
	before := texts(openIn(t, dir, "letter.ko.md", []byte(sample), ""))
	edited := strings.Replace(sample, "뉴스에 보도된 사례는 극히 일부에 불과합니다.", "뉴스에 보도된 사례는 실제의 아주 작은 일부일 뿐입니다.", 1)
	after := texts(openIn(t, dir, "letter.ko.md", []byte(edited), ""))
	if len(after) != len(before) {
		t.Fatalf("%d ids before, %d after", len(before), len(after))
	}
	changed := 0
	for id, text := range before {
		got, ok := after[id]
		if !ok {
			t.Errorf("id %s (%q) vanished", id, text)
		}
		if got != text {
			changed++
			if !strings.Contains(got, "아주 작은 일부") {
				t.Errorf("id %s changed to %q", id, got)
			}
		}
	}
	if changed != 1 {
		t.Errorf("%d ids changed text, want exactly 1", changed)
	}
}

func TestIDsSurviveAnInsertedParagraph(t *testing.T) {
	dir := t.TempDir()
	sample := readSample(t)
	before := texts(openIn(t, dir, "letter.ko.md", []byte(sample), ""))
	inserted := "새로 넣은 문단입니다. 두 문장입니다.\n\n" + sample
	after := texts(openIn(t, dir, "letter.ko.md", []byte(inserted), ""))
	for id, text := range before {
		if after[id] != text {
			t.Errorf("id %s was %q, now %q", id, text, after[id])
		}
	}
	if len(after) != len(before)+2 {
		t.Errorf("%d ids after inserting two sentences to %d", len(after), len(before))
	}
}

func TestIdenticalSentencesKeepDistinctIDs(t *testing.T) {
	dir := t.TempDir()
	letter := "기도해 주세요.\n\n첫째 소식입니다.\n\n기도해 주세요.\n\n둘째 소식입니다.\n"
	l := openIn(t, dir, "letter.ko.md", []byte(letter), "")
	var ids []string
	for _, s := range l.Doc.Sentences() {
		if s.Text == "기도해 주세요." {
			ids = append(ids, s.ID)
		}
	}
	if len(ids) != 2 || ids[0] == ids[1] {
		t.Fatalf("identical sentences got ids %v", ids)
	}
	edited := strings.Replace(letter, "첫째 소식입니다.", "첫째 소식을 고쳤습니다.", 1)
	l2 := openIn(t, dir, "letter.ko.md", []byte(edited), "")
	var ids2 []string
	for _, s := range l2.Doc.Sentences() {
		if s.Text == "기도해 주세요." {
			ids2 = append(ids2, s.ID)
		}
	}
	if len(ids2) != 2 || ids2[0] != ids[0] || ids2[1] != ids[1] {
		t.Errorf("after editing another sentence the ids are %v, were %v", ids2, ids)
	}
}

func TestOpenWritesNothingWhenNothingChanged(t *testing.T) {
	dir := t.TempDir()
	sample := readSample(t)
	openIn(t, dir, "letter.ko.md", []byte(sample), "")
	l, err := Open(filepath.Join(dir, "letter.ko.md"), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p := l.Pending(); len(p) != 0 {
		t.Errorf("a second open wants to write %d files", len(p))
	}
}

func TestArchiveKeepsEarlierSource(t *testing.T) {
	dir := t.TempDir()
	l := openIn(t, dir, "letter.ko.md", []byte("처음 문장입니다.\n"), "")
	id := l.Doc.Sentences()[0].ID
	oldHash := l.Hash(id)
	l2 := openIn(t, dir, "letter.ko.md", []byte("고친 문장입니다.\n"), "")
	if l2.Doc.Sentences()[0].ID != id {
		t.Fatalf("the only sentence changed id")
	}
	if got := l2.ArchivedSource(oldHash); got != "처음 문장입니다." {
		t.Errorf("ArchivedSource = %q", got)
	}
	if !bytes.Contains(mustRead(t, filepath.Join(dir, "letter.epistle", "archive.ko.toml")), []byte("처음 문장입니다.")) {
		t.Error("archive.ko.toml lacks the earlier sentence")
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
