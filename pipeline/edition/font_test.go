package edition

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// Each column of the email is set in a font of its script: Han characters
// are drawn differently in Korean, Japanese and Chinese.
func TestFontFor(t *testing.T) {
	for tag, want := range map[string]string{
		"ko": "'Noto Sans KR'", "ja": "'Noto Sans JP'", "zh": "'Noto Sans SC'",
		"zh-Hant": "'Noto Sans TC'", "zh-TW": "'Noto Sans TC'", "en": "Georgia",
	} {
		if got := fontFor(language.MustParse(tag)); !strings.HasPrefix(got, want) || strings.Contains(got, `"`) {
			t.Errorf("fontFor(%s) = %s, want %s…", tag, got, want)
		}
	}
	for _, lang := range []string{"ja", "zh"} {
		if !strings.Contains(pageCSS, ":lang("+lang+") { font-family:") {
			t.Errorf("the page has no font for %s", lang)
		}
	}
}
