package locales

import "testing"

func TestJosa(t *testing.T) {
	tests := []struct {
		word any
		pair string
		want string
	}{
		// Hangul: the last syllable's final consonant decides.
		{"파일", "을/를", "파일을"},
		{"글로서리", "을/를", "글로서리를"},
		{"편지", "이/가", "편지가"},
		{"서울", "이/가", "서울이"},
		{"편지", "은/는", "편지는"},
		{"목록", "은/는", "목록은"},
		{"선교사", "과/와", "선교사와"},
		{"센터", "이라는/라는", "센터라는"},
		{"천안", "이라는/라는", "천안이라는"},
		// 으로/로: a vowel or ㄹ takes 로, any other consonant 으로.
		{"서울", "으로/로", "서울로"},
		{"파일", "으로/로", "파일로"},
		{"편지", "으로/로", "편지로"},
		{"천안", "으로/로", "천안으로"},
		{"목록", "으로/로", "목록으로"},
		// Numbers by their Sino-Korean reading.
		{3, "을/를", "3을"},
		{2, "을/를", "2를"},
		{1, "으로/로", "1로"},
		{7, "으로/로", "7로"},
		{8, "으로/로", "8로"},
		{10, "으로/로", "10으로"},
		{10, "을/를", "10을"},
		{6, "이/가", "6이"},
		{5, "이/가", "5가"},
		{"1,000", "은/는", "1,000은"},
		{"20%", "을/를", "20%를"},
		// Latin letters: extensions and acronyms letter by letter, -le/-ng as words.
		{"letter.md", "을/를", "letter.md를"},
		{"glossary.csv", "을/를", "glossary.csv를"},
		{"epistle.toml", "을/를", "epistle.toml을"},
		{"epistle.toml", "으로/로", "epistle.toml로"},
		{"page.html", "으로/로", "page.html로"},
		{"Zoom", "을/를", "Zoom을"},
		{"Zoom", "으로/로", "Zoom으로"},
		{"URL", "이/가", "URL이"},
		{"OpenAI", "이/가", "OpenAI가"},
		{"deepl", "을/를", "deepl을"},
		{"memory", "을/를", "memory를"},
		{"style", "을/를", "style을"},
		{"Google", "으로/로", "Google로"},
		{"string", "을/를", "string을"},
		{"PNG", "을/를", "PNG를"},
		// Closing quotes, brackets and emoji are passed over.
		{"'letter.md'", "을/를", "'letter.md'를"},
		{"“파일”", "을/를", "“파일”을"},
		{"(천안)", "이/가", "(천안)이"},
		{"편지💌", "을/를", "편지💌를"},
		// A pair typed vowel-form first means the same pair.
		{"파일", "를/을", "파일을"},
		{"편지", "로/으로", "편지로"},
		// Nothing to judge: both forms.
		{"", "을/를", "을(를)"},
		{"東京", "이/가", "東京이(가)"},
		{"ㅋ", "을/를", "ㅋ을(를)"},
		// Not a pair: appended as written.
		{"파일", "의", "파일의"},
	}
	for _, tt := range tests {
		if got := Josa(tt.word, tt.pair); got != tt.want {
			t.Errorf("Josa(%v, %q) = %q, want %q", tt.word, tt.pair, got, tt.want)
		}
	}
}
