package locales

import "golang.org/x/sys/windows"

// systemLanguage is the display language Windows shows its user in
// ("ko-KR"): Windows sets no LANG, and a volunteer on a Korean Windows
// should not have to set EPISTLE_LANG to read epistle in Korean.
func systemLanguage() string {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil || len(langs) == 0 {
		return ""
	}
	return langs[0]
}
