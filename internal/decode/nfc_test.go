package decode

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// FuzzNFC: nfc gives what normalizing the whole text gives.
func FuzzNFC(f *testing.F) {
	for _, s := range []string{
		"기도해 주세요. 🙏 감사합니다!", "cafe\u0301 au lait", "\u1100\u1161\u11a8", "가\u11a8 각",
		"e\u0301\u0323x", "\u0301a", "a\u0301", "ｶﾞ", "Å", "\u2000 \u00c5", "x\xffy", "\u0b47\u0b3e", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := nfc(s), norm.NFC.String(s); got != want {
			t.Errorf("nfc(%+q) = %+q, want %+q", s, got, want)
		}
	})
}
