package catalog

import (
	"errors"
	"fmt"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

func TestMarshalParse(t *testing.T) {
	c := &Catalog{}
	c.Set(&Message{ID: "b2", Other: "둘째 \"문장\"\n\t끝\\"})
	c.Set(&Message{ID: "a1", Hash: Hash("", "첫째"), Description: "openai gpt-4o-mini", Other: "First"})
	c.Set(&Message{ID: "b2", Other: "replaced"})
	data := c.Marshal("test catalog\nsecond line")
	got, err := Parse("x.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Messages) != 2 || got.Messages[0].ID != "b2" || got.Messages[1].ID != "a1" {
		t.Fatalf("order not kept: %+v", got.Messages)
	}
	if *got.Get("a1") != *c.Get("a1") || got.Get("b2").Other != "replaced" {
		t.Errorf("got %+v", got.Messages)
	}
	// go-i18n itself loads the file.
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	if _, err := b.ParseMessageFileBytes(data, "translate.en.toml"); err != nil {
		t.Fatalf("go-i18n rejects the catalog: %v", err)
	}
}

func TestHashFollowsGoI18n(t *testing.T) {
	// goi18n merge: sha1 of description + other; this value is the one its
	// documentation shows for "Hello world".
	if got := Hash("", "Hello world"); got != "sha1-7b502c3a1f48c8609ae212cdfb639dee39673f5e" {
		t.Errorf("Hash = %s", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data, want string
	}{
		{"syntax", "[a]\nother = \"ok\"\n\n[b]\nother = \"unterminated\n", "x.toml:5: the catalog is not valid TOML"},
		{"unknown key", "[a]\nother = \"ok\"\nmodel = \"x\"\n", "x.toml:1: message a is not a go-i18n message (unknown key model)"},
		{"not a string", "[a]\nother = 3\n", "x.toml:1: message a is not a go-i18n message (unknown key other)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.toml", []byte(tc.data))
			var m *locales.Message
			if !errors.As(err, &m) {
				t.Fatalf("err = %v, want a message", err)
			}
			if got := err.Error(); len(got) < len(tc.want) || got[:len(tc.want)] != tc.want {
				t.Errorf("err = %q, want prefix %q", got, tc.want)
			}
		})
	}
}

// TestLocalizeLiterally: a letter's sentence that holds template
// delimiters (a pastor's note "{{이름}}", a code sample) comes back from
// go-i18n's Localize as it was written, not run as a template.
func TestLocalizeLiterally(t *testing.T) {
	texts := []string{
		"Dear {{name}}, thank you.",
		"Write {{.Name}} where the name goes.",
		"{{ template \"x\" }} and {{end}}",
		"an open {{ and nothing else",
		"a close }} alone",
		"<<{{both}}>> and <<<",
		"plain text",
	}
	c := &Catalog{}
	for i, text := range texts {
		c.Set(&Message{ID: fmt.Sprintf("m%d", i), Hash: Hash("", text), Other: text})
	}
	data := c.Marshal("")
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	if _, err := b.ParseMessageFileBytes(data, "active.en.toml"); err != nil {
		t.Fatalf("go-i18n rejects the catalog: %v", err)
	}
	loc := i18n.NewLocalizer(b, "en")
	for i, text := range texts {
		got, err := loc.Localize(&i18n.LocalizeConfig{MessageID: fmt.Sprintf("m%d", i)})
		if err != nil || got != text {
			t.Errorf("Localize(%q) = %q, %v", text, got, err)
		}
	}
	back, err := Parse("active.en.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range texts {
		if got := back.Messages[i].Other; got != text {
			t.Errorf("read back %q, want %q", got, text)
		}
	}
}

// TestGrow: making room keeps the messages there and where they stand, and
// Set still replaces by id after it.
func TestGrow(t *testing.T) {
	c := &Catalog{}
	c.Set(&Message{ID: "a", Other: "1"})
	c.Grow(10)
	c.Set(&Message{ID: "b", Other: "2"})
	c.Set(&Message{ID: "a", Other: "3"})
	if len(c.Messages) != 2 || c.Get("a").Other != "3" || c.Get("b").Other != "2" || c.Messages[0].ID != "a" {
		t.Fatalf("after Grow: %+v", c.Messages)
	}
}
