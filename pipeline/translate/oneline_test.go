package translate_test

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/translate"
)

// A hard-wrapped sentence goes to the translator as one line, and a
// translation that comes back with line breaks of its own is kept as one
// line: a translator copying the letter's breaks would break the edition's
// lines at random points.
func TestTranslatorSeesOneLine(t *testing.T) {
	l, _ := openLetter(t, map[string]string{"letter.ko.md": "사랑하는 동역자 여러분께\n문안\u00a0드립니다.  감사합니다.\n"})
	var sent []string
	tr := &scripted{answer: func(_ int, req *translate.Request) (*translate.Response, error) {
		out := map[string]string{}
		for _, u := range req.Units {
			sent = append(sent, u.Text, u.Context)
			out[u.ID] = "Greetings to\nyou,  dear friends."
		}
		return &translate.Response{Translations: out, Requests: 1}, nil
	}}
	if _, err := translate.Run(context.Background(), l, options(tr, nil)); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(sent, "|"); got != "사랑하는 동역자 여러분께 문안 드립니다.|감사합니다.|감사합니다.|사랑하는 동역자 여러분께 문안 드립니다." {
		t.Errorf("sent %q", got)
	}
	tr2, err := l.LoadTranslations(language.English)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range tr2.Machine.Messages {
		if m.Other != "Greetings to you, dear friends." {
			t.Errorf("machine translation %q, want it as one line", m.Other)
		}
	}
}
