package locales

import (
	"testing"

	"golang.org/x/text/language"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name                                      string
		flag, epistleLang, lcAll, lcMessages, lng string
		want                                      language.Tag
	}{
		{name: "nothing set", want: language.English},
		{name: "LANG Korean", lng: "ko_KR.UTF-8", want: language.Korean},
		{name: "LANG Korean without encoding", lng: "ko_KR", want: language.Korean},
		{name: "LANG Korean with modifier", lng: "ko_KR.UTF-8@euro", want: language.Korean},
		{name: "LANG C", lng: "C", want: language.English},
		{name: "LANG C.UTF-8", lng: "C.UTF-8", want: language.English},
		{name: "LANG POSIX", lng: "POSIX", want: language.English},
		{name: "LANG en_US", lng: "en_US.UTF-8", want: language.English},
		{name: "LANG French falls back to English", lng: "fr_FR.UTF-8", want: language.English},
		{name: "LC_MESSAGES over LANG", lcMessages: "ko_KR.UTF-8", lng: "en_US.UTF-8", want: language.Korean},
		{name: "LC_ALL over LC_MESSAGES", lcAll: "C", lcMessages: "ko_KR.UTF-8", lng: "ko_KR.UTF-8", want: language.English},
		{name: "LC_ALL French is not skipped", lcAll: "fr_FR", lng: "ko_KR.UTF-8", want: language.English},
		{name: "EPISTLE_LANG over LC_ALL", epistleLang: "ko", lcAll: "en_US.UTF-8", want: language.Korean},
		{name: "EPISTLE_LANG BCP 47", epistleLang: "ko-KR", want: language.Korean},
		{name: "flag over EPISTLE_LANG", flag: "en", epistleLang: "ko", lng: "ko_KR.UTF-8", want: language.English},
		{name: "flag Korean", flag: "ko", lng: "C", want: language.Korean},
		{name: "unparsable flag falls through", flag: "!!", lng: "ko_KR.UTF-8", want: language.Korean},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("EPISTLE_LANG", tt.epistleLang)
			t.Setenv("LC_ALL", tt.lcAll)
			t.Setenv("LC_MESSAGES", tt.lcMessages)
			t.Setenv("LANG", tt.lng)
			if got := Detect(tt.flag); got != tt.want {
				t.Errorf("Detect(%q) = %v, want %v", tt.flag, got, tt.want)
			}
		})
	}
}
