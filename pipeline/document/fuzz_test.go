package document

import (
	"math/rand"
	"os"
	"testing"
)

// FuzzRoundTrip holds the promise every edition rests on: rendering the
// source text of every sentence gives back the letter, byte for byte, for
// any input the parser accepts. Its corpus runs with every `go test`.
func FuzzRoundTrip(f *testing.F) {
	for _, path := range []string{"../../testdata/letters/features.en.md", "../../testdata/2023-06-3.ko.md"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("**a. b.** c")
	f.Add("> x *y\n> z* w.\n")
	f.Add("1. [a](<b c>) d.\n   e `f` g.\n")
	f.Fuzz(func(t *testing.T, src string) {
		for _, format := range []string{"md", "txt"} {
			d := Parse(src, format, naiveSplitter)
			if got := d.Render(source); got != src {
				t.Fatalf("%s: render differs from the input:\n%s", format, firstDiff(src, got))
			}
			for _, s := range d.Sentences() {
				if s.Markup(s.Text) == "" {
					t.Fatalf("%s: sentence %q renders empty", format, s.Text)
				}
			}
		}
	})
}

// TestMutatedRoundTrip is FuzzRoundTrip's property over a fixed, seeded set
// of mutations of the feature letter — markup characters inserted, bytes
// cut, slices taken — so every `go test` explores more than the corpus.
func TestMutatedRoundTrip(t *testing.T) {
	data, err := os.ReadFile("../../testdata/letters/features.en.md")
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(2))
	chars := []byte("*_[]()`<>!\\ \n>#-1.a가\r\t")
	for i := 0; i < 3000; i++ {
		b := append([]byte(nil), data...)
		for k := 0; k < 1+rng.Intn(20); k++ {
			p := rng.Intn(len(b))
			switch rng.Intn(4) {
			case 0:
				b[p] = chars[rng.Intn(len(chars))]
			case 1:
				b = append(b[:p], b[min(len(b), p+rng.Intn(30)):]...)
			case 2:
				b = append(b[:p], append([]byte{chars[rng.Intn(len(chars))]}, b[p:]...)...)
			case 3:
				q := rng.Intn(len(b))
				b = b[min(p, q):max(p, q)]
			}
			if len(b) == 0 {
				b = []byte("x")
			}
		}
		src := string(b)
		for _, format := range []string{"md", "txt"} {
			if got := Parse(src, format, naiveSplitter).Render(source); got != src {
				t.Fatalf("%s: mutation %d: render differs from the input %q:\n%s", format, i, src, firstDiff(src, got))
			}
		}
	}
}

// FuzzMayProtect: a text mayProtect passes over holds nothing protectedInText
// would match, so skipping the regexp there changes no letter.
func FuzzMayProtect(f *testing.F) {
	for _, s := range []string{"see www.example.org.", "WwW.x.kr", "mail kim@example.com", "https://x.y/z",
		"<g1>기도</g1>", "<x2/>", "a.b.c www", "평범한 문장입니다. 둘째.", "ftp://x", "w.ww.", "ｗｗｗ.x.com"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !mayProtect(s) && protectedInText.MatchString(s) {
			t.Errorf("mayProtect(%q) = false, but protectedInText matches %q", s, protectedInText.FindString(s))
		}
	})
}
