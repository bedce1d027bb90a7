package exchange

import (
	"testing"

	"golang.org/x/text/language"
)

func TestSameLanguage(t *testing.T) {
	for _, c := range []struct {
		file, want string
		ok         bool
	}{
		{"en", "en-GB", true},
		{"en-US", "en-GB", true},
		{"zh", "zh-Hans", true},
		{"zh_CN", "zh-Hans", true},
		{"zh-Hant", "zh-Hans", false},
		{"zh-TW", "zh-Hans", false},
		{"zh", "en-GB", false},
		{"ja", "en", false},
		{"sr-Latn", "sr", false},
		{"not a tag", "en", true},
	} {
		if _, ok := sameLanguage(c.file, language.MustParse(c.want)); ok != c.ok {
			t.Errorf("sameLanguage(%q, %s) = %v, want %v", c.file, c.want, ok, c.ok)
		}
	}
}

func TestFileLanguage(t *testing.T) {
	for _, c := range []struct{ name, got, want string }{
		{"xliff 2.0", xliffLanguage([]byte(`<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko" trgLang="ja"><file id="f"/></xliff>`)), "ja"},
		{"xliff 2.0 without trgLang", xliffLanguage([]byte(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko"><file id="f"><unit id="u"/></file></xliff>`)), ""},
		{"xliff 1.2", xliffLanguage([]byte(`<xliff version="1.2"><file source-language="ko" target-language="zh-Hant"></file></xliff>`)), "zh-Hant"},
		{"po", poLanguage([]byte("# c\nmsgid \"\"\nmsgstr \"\"\n\"Project-Id-Version: x\\n\"\n\"Language: ja\\n\"\n\nmsgid \"a\"\nmsgstr \"b\"\n")), "ja"},
		{"po without Language", poLanguage([]byte("msgid \"\"\nmsgstr \"\"\n\"Project-Id-Version: x\\n\"\n\nmsgid \"a\"\nmsgstr \"Language: ja\"\n")), ""},
		{"po without header", poLanguage([]byte("msgctxt \"1\"\nmsgid \"\"\nmsgstr \"Language: ja\\n\"\n")), ""},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}
