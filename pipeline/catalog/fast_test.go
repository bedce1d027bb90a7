package catalog

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// The fast reader of Marshal's output gives the messages the TOML decoder
// gives, on random catalogs and on hand-edited ones, which it leaves to the
// decoder.
func TestParseMarshaledAgreesWithTOML(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"기도", "Pray", " ", "\"", "\\", "\n", "\r", "\t", "\x01", "\x7f", "é", "😀", "=", "[x]", "#", "'", "\\u0041", "<g1>"}
	text := func() string {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for round := range 300 {
		c := &Catalog{}
		for i := range rng.IntN(8) {
			id := []string{"3f2a9c1b", "a-b_C", "id" + string(rune('0'+i)), "has space", "점"}[rng.IntN(5)]
			c.Set(&Message{ID: id, Description: text(), Hash: text(), Other: text()})
		}
		data := c.Marshal("comment\nsecond line")
		fast, ok := parseMarshaled(data)
		slow, err := parseTOML("x.toml", data)
		if err != nil {
			t.Fatalf("round %d: TOML decoder: %v\n%s", round, err, data)
		}
		if ok && !sameMessages(fast, slow) {
			t.Fatalf("round %d: fast %+v\nTOML %+v\n%s", round, fast.Messages, slow.Messages, data)
		}
		if !ok && strings.Contains(string(data), `"has space"`) == false && !strings.Contains(string(data), `"점"`) {
			t.Errorf("round %d: fast reader gave up on Marshal's own output\n%s", round, data)
		}
	}
	handEdited := []string{
		"[a]\nother = \"x\" # note\n",
		"[a]\nother = 'literal'\n",
		"[a]\r\nother = \"x\"\r\n",
		"[a]\nOther = \"x\"\n",
		"[a]\nother=\"x\"\n",
		"a = \"top-level\"\n",
		"[a]\nother = \"\"\"multi\nline\"\"\"\n",
		"[a]\nother = \"x\"\n[a]\nother = \"y\"\n",
		"[a]\nother = \"x\"\nother = \"y\"\n",
		"[a]\nzero = \"x\"\nother = \"y\"\n",
		"[a]\nother = \"bad \\q escape\"\n",
		"[a]\nother = \"tab\there\"\n",
		"[a]\n# comment inside\nother = \"x\"\n",
	}
	for _, in := range handEdited {
		fast, ok := parseMarshaled([]byte(in))
		slow, err := parseTOML("x.toml", []byte(in))
		if ok && (err != nil || !sameMessages(fast, slow)) {
			t.Errorf("%q: fast reader read %+v, the TOML decoder %v (err %v)", in, fast.Messages, slow, err)
		}
	}
}

func sameMessages(a, b *Catalog) bool {
	return len(a.Messages) == len(b.Messages) && (len(a.Messages) == 0 || reflect.DeepEqual(a.Messages, b.Messages))
}
