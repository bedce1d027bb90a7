package cmd

import (
	"errors"
	"reflect"
	"testing"

	"github.com/spf13/pflag"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

// --lang and --to are read into tags as the command line is parsed; an
// unknown language is a usage error that names the flag and the value.
func TestLangFlags(t *testing.T) {
	tests := []struct {
		args    []string
		lang    language.Tag
		to      []language.Tag
		badFlag string // the flag the usage error names, "" for none
		badLang string
	}{
		{args: nil, lang: language.Und},
		{args: []string{"--lang", "en"}, lang: language.English},
		{args: []string{"--lang", "pt_BR"}, lang: language.MustParse("pt-BR")},
		{args: []string{"--lang", ""}, lang: language.Und},
		{args: []string{"--to", "en,ja", "--to", "ko"}, to: []language.Tag{language.English, language.Japanese, language.Korean}},
		{args: []string{"--to", ""}},
		{args: []string{"--lang", "xx-notalang"}, badFlag: "--lang", badLang: "xx-notalang"},
		{args: []string{"--to", "en,klingon"}, badFlag: "--to", badLang: "klingon"},
	}
	for _, tt := range tests {
		var lang language.Tag
		var to []language.Tag
		fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
		langVar(fs, &lang, "lang", "")
		langsVar(fs, &to, "to", "")
		err := fs.Parse(tt.args)
		var ue *usageError
		var m *locales.Message
		switch {
		case tt.badFlag == "" && err != nil:
			t.Errorf("%q: %v", tt.args, err)
		case tt.badFlag != "" && !(errors.As(err, &ue) && errors.As(ue, &m) && m.ID == "usage.lang"):
			t.Errorf("%q: error %v, want a usage error usage.lang", tt.args, err)
		case tt.badFlag != "" && (m.Data["Flag"] != tt.badFlag || m.Data["Lang"] != tt.badLang):
			t.Errorf("%q: usage.lang names %v %v, want %s %s", tt.args, m.Data["Flag"], m.Data["Lang"], tt.badFlag, tt.badLang)
		case tt.badFlag == "" && (lang != tt.lang || !reflect.DeepEqual(to, tt.to)):
			t.Errorf("%q: --lang %v --to %v, want %v %v", tt.args, lang, to, tt.lang, tt.to)
		}
	}
}
