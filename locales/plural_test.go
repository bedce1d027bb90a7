package locales

import (
	"testing"

	"golang.org/x/text/language"
)

// TestPluralForms: a message with a Count picks its form by the language's
// plural rules; a message with one form reads the same for every count.
func TestPluralForms(t *testing.T) {
	ko := NewPrinter(language.Korean)
	for _, tc := range []struct {
		p    *Printer
		n    int
		want string
	}{
		{English, 1, "1 segment failed to translate"},
		{English, 2, "2 segments failed to translate"},
		{English, 0, "0 segments failed to translate"},
		{ko, 1, "문장 1개를 번역하지 못했습니다"},
		{ko, 3, "문장 3개를 번역하지 못했습니다"},
	} {
		if got := tc.p.T("translate.partial", "Count", tc.n); got != tc.want {
			t.Errorf("%v %d: %q, want %q", tc.p.Tag, tc.n, got, tc.want)
		}
	}
	if got := English.T("check.summary", "Count", 1, "Errors", 1, "Warnings", 0); got != "1 error(s), 0 warning(s)" {
		t.Errorf("a one-form message with a Count: %q", got)
	}
}
