package edition

import (
	"testing"

	"golang.org/x/text/language"
)

// Japanese and Chinese sentences follow one another without a space; other
// languages, and what is not a space on one line, keep the letter's.
func TestSentenceGap(t *testing.T) {
	ja, zh, en := language.Japanese, language.MustParse("zh-Hans"), language.English
	tests := []struct {
		lang            language.Tag
		literal, before string
		want            string
	}{
		{ja, " ", "ハレルヤ！", ""},
		{ja, "  ", "祈ってください。", ""},
		{zh, " ", "为脱北者祷告。", ""},
		{zh, " ", "他说：“感谢主。”", ""},
		{ja, " ", "<g1>祈ってください。</g1>", ""},
		{ja, " ", "祈ってください。" + string(closeMark), ""},
		{ja, " ", "「ハレルヤ！」", ""},
		{ja, " ", "Zoom", " "},
		{ja, " ", "祈ってください.", " "},
		{ja, "\n", "祈ってください。", "\n"},
		{ja, "  \n", "祈ってください。", "  \n"},
		{ja, " ", "", " "},
		{en, " ", "Hallelujah!", " "},
		{en, " ", "ハレルヤ！", " "},
	}
	for _, tt := range tests {
		if got := sentenceGap(tt.literal, tt.before, tt.lang); got != tt.want {
			t.Errorf("sentenceGap(%q, %q, %s) = %q, want %q", tt.literal, tt.before, tt.lang, got, tt.want)
		}
	}
}
