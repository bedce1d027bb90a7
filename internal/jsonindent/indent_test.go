package jsonindent

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// Indent writes what json.Indent writes, on random values with every
// kind of JSON and strings full of escapes and structural characters.
func TestIndent(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	strs := []string{"", "a", `"`, `\`, `\"`, "{[,:]}", "기도\n제목", "<g1>", "\u2028", "\x01", `\\"x`}
	var value func(depth int) any
	value = func(depth int) any {
		switch k := rng.IntN(8); {
		case depth > 3 || k == 0:
			return strs[rng.IntN(len(strs))] + strs[rng.IntN(len(strs))]
		case k == 1:
			return rng.IntN(1000) - 500
		case k == 2:
			return rng.IntN(2) == 0
		case k == 3:
			return nil
		case k == 4:
			m := map[string]any{}
			for range rng.IntN(4) {
				m[strs[rng.IntN(len(strs))]] = value(depth + 1)
			}
			return m
		default:
			var l []any
			for range rng.IntN(4) {
				l = append(l, value(depth+1))
			}
			if l == nil && rng.IntN(2) == 0 {
				return []any{}
			}
			return l
		}
	}
	for round := range 2000 {
		v := value(0)
		var compact bytes.Buffer
		enc := json.NewEncoder(&compact)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		enc = json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		if got := Indent(compact.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("round %d:\n got %s\nwant %s", round, got, want.Bytes())
		}
	}
}
