package glossary

import (
	"os"
	"strings"
	"testing"
)

// TestRedactSampleLetter makes the pastor's name private and sends the
// sample letter through the redactor, as the pipeline does before any
// request: no segment, Korean or English, keeps a trace of the name, and
// the published English comes back intact.
func TestRedactSampleLetter(t *testing.T) {
	g := testGlossary(t, &Entry{Source: "김승은", Targets: []string{"Seungeun Kim"}, Kind: KindPrivate})
	data, err := os.ReadFile("../testdata/2023-06-3.tm.tsv")
	if err != nil {
		t.Fatal(err)
	}
	letter, err := os.ReadFile("../testdata/2023-06-3.ko.md")
	if err != nil {
		t.Fatal(err)
	}
	traces := []string{"김승은", "승은", "Seungeun", "seungeun"}
	r := g.NewRedactor()
	named := 0
	for _, line := range strings.Split(string(data), "\n") {
		ko, en, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		rko, ren := r.Redact(ko), r.Redact(en)
		for _, s := range []string{rko, ren} {
			for _, tr := range traces {
				if strings.Contains(s, tr) {
					t.Errorf("redacted segment %q still contains %q", s, tr)
				}
			}
		}
		if rko != ko {
			named++
			if !strings.Contains(rko, "<n1/>") || !strings.Contains(ren, "<n1/>") {
				t.Errorf("the name's placeholder is not <n1/>: %q / %q", rko, ren)
			}
		}
		if err := r.CheckPlaceholders(rko, ren); err != nil {
			t.Errorf("CheckPlaceholders(%q, %q): %v", rko, ren, err)
		}
		back, err := r.Restore(ren)
		if err != nil || back != en {
			t.Errorf("Restore(%q) = %q, %v; want %q", ren, back, err, en)
		}
	}
	if named == 0 {
		t.Fatal("no segment of the sample names the pastor: the test proves nothing")
	}
	whole := r.Redact(string(letter))
	for _, tr := range traces {
		if strings.Contains(whole, tr) {
			t.Errorf("the redacted letter still contains %q", tr)
		}
	}
	if !strings.Contains(whole, "💌 갈렙선교회 <n1/> 목사 선교 소식") {
		t.Errorf("redacted title: %q", strings.SplitN(whole, "\n", 2)[0])
	}
}

func TestRedactor(t *testing.T) {
	g := testGlossary(t,
		&Entry{Source: "리명철", Targets: []string{"Myeongcheol Ri"}, Kind: KindPrivate},
		&Entry{Source: "박은혜", Targets: []string{"Eunhye Park"}, Kind: KindPrivate},
		&Entry{Source: "은혜", Targets: []string{"Eunhye"}, Kind: KindPrivate},
	)
	r := g.NewRedactor()
	for _, c := range []struct{ in, want string }{
		{"박은혜 자매와 리명철 형제", "<n1/> 자매와 <n2/> 형제"},
		{"리명철이 은혜를 받았습니다", "<n2/>이 <n3/>를 받았습니다"},
		{"리명철형제, 리 명철", "<n2/>형제, <n2/>"},
		{"Myeongcheol Ri's family and Eunhye", "<n2/>'s family and <n3/>"},
		{"during the trip", "during the trip"},
		{"Myeongcheol Ri님과 형제Myeongcheol Ri", "<n2/>님과 형제<n2/>"},
		{"李Myeongcheol Ri2", "李<n2/>2"},
		{"AMyeongcheol Rib", "AMyeongcheol Rib"},
		{"李Myeongcheol Ri, Myeongcheol Ri's", "李<n2/>, <n2/>'s"},
		{"탈북민 공동체 센터", "탈북민 공동체 센터"},
	} {
		if got := r.Redact(c.in); got != c.want {
			t.Errorf("Redact(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, want, err string }{
		{"<n2/> met <n1/>.", "Myeongcheol Ri met Eunhye Park.", ""},
		{"<n2 /> and <n3/>", "Myeongcheol Ri and Eunhye", ""},
		{"<n9/> came", "", "the translation has placeholder(s) <n9/> that the source does not have"},
	} {
		got, err := r.Restore(c.in)
		if got != c.want || errText(err) != c.err {
			t.Errorf("Restore(%q) = %q, %q; want %q, %q", c.in, got, errText(err), c.want, c.err)
		}
	}
	src := "<n1/> 자매와 <n2/> 형제, 다시 <n2/>"
	for _, c := range []struct{ tr, err string }{
		{"<n1/> and <n2/>, again <n2/>", ""},
		{"<n1/> and brother Ri, again <n2/>", "the translation dropped the placeholder(s) <n2/>: keep each exactly once as in the source"},
		{"<n1/> and <n1/> and <n2/>, again <n2/>", "the translation repeats the placeholder(s) <n1/>: keep each exactly once as in the source"},
		{"<n1/> and <n2/> <n2/> with <n4/>", "the translation has placeholder(s) <n4/> that the source does not have"},
		{"sister and brother", "the translation dropped the placeholder(s) <n1/>, <n2/>: keep each exactly once as in the source"},
	} {
		if got := errText(r.CheckPlaceholders(src, c.tr)); got != c.err {
			t.Errorf("CheckPlaceholders(%q)\n got %q\nwant %q", c.tr, got, c.err)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
