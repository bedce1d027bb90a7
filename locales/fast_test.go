package locales

import (
	"io/fs"
	"reflect"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// parseSimple reads what go-i18n reads: every embedded file it accepts gives
// the messages go-i18n's own reading gives, and so do hand-written files in
// every shape it must either read right or leave to go-i18n.
func TestParseSimple(t *testing.T) {
	inputs := map[string]string{}
	names, _ := fs.Glob(files, "*.toml")
	for _, name := range names {
		data, _ := files.ReadFile(name)
		inputs[name] = string(data)
	}
	for i, in := range []string{
		"\"a.b\" = \"x\"\n", "a.b = \"x\"\n", "a = \"x\" # c\n", "a = 'lit'\n", "a = \"\"\"\nmulti\nline\"\"\"\n",
		"a = '''\n  raw \\n {{.X}}\n'''\n", "a = '''x''''\n", "a = \"\"\"x\\\ny\"\"\"\n", "[a]\nother = \"x\"\n",
		"a = \"tab\there\"\n", "a = \"\"\n", "a=\"x\"\n", "# only a comment\n", "a = \"x\"\nb = '''\ny'''\nc = \"z\"",
		"\"a\" = \"\"\"\"quoted\" start\"\"\"\n", "a = '''never closed\n",
		"[\"p\"]\none = \"1 x\"\nother = \"{{.Count}} x\"\n", "[\"p\"]\none = \"1\"\nbad = \"2\"\n", "a = \"x\"\na = \"y\"\n",
		"[\"p\"]\nother = \"x\"\n[\"q\"]\none = '''\nmulti\n'''\nother = \"y\"\ndescription = \"d\"\n", "a = 'it''s'\n",
	} {
		inputs[string(rune('A'+i))+".en.toml"] = in
	}
	for name, in := range inputs {
		fast, ok := parseSimple([]byte(in))
		if !ok {
			continue
		}
		want, err := i18n.ParseMessageFileBytes([]byte(in), name, map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
		if err != nil {
			t.Errorf("%s: parseSimple read %d messages, go-i18n refuses the file: %v", name, len(fast), err)
			continue
		}
		got := map[string]*i18n.Message{}
		for _, m := range fast {
			got[m.ID] = m
		}
		wantByID := map[string]*i18n.Message{}
		for _, m := range want.Messages {
			wantByID[m.ID] = m
		}
		if !reflect.DeepEqual(got, wantByID) {
			t.Errorf("%s:\n parseSimple %v\n go-i18n    %v", name, fast, want.Messages)
		}
	}
}
