package qa

import (
	"reflect"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/glossary"
)

// TestCheckLanguages: translations into Japanese and Chinese are held to
// their own script, punctuation, numbers and glossary.
func TestCheckLanguages(t *testing.T) {
	g, err := glossary.Parse("g.csv", []byte("source,target,kind,forbidden,note,target:ja,forbidden:ja,target:zh\n"+
		"탈북민,North Korean defector,term,deserter,,脱北者,脱走兵,脱北者\n"+
		"천안,Cheonan,name,,,,,\n"+
		"리명철,Myeongcheol Ri,private,,,,,\n"+
		"Zoom,,dnt,,,,,\n"))
	if err != nil {
		t.Fatal(err)
	}
	ja, zh := language.Japanese, language.Chinese
	tests := []struct {
		name        string
		tgt         language.Tag
		source, out string
		want        []string
	}{
		{"japanese", ja, "탈북민들을 위해 기도해 주십시오.", "脱北者のために祈ってください。", nil},
		{"japanese in kana only", ja, "감사합니다!", "ありがとうございます！", nil},
		{"english for japanese", ja, "탈북민들을 위해 기도해 주십시오.", "Please pray for the 脱北者.", []string{"language error"}},
		{"english for japanese, no term", ja, "기도해 주십시오.", "Please pray.", []string{"language error"}},
		{"forbidden japanese", ja, "탈북민들을 위해 기도해 주십시오.", "脱走兵のために祈ってください。", []string{"glossary error", "glossary error"}},
		{"names and numbers are exempt", ja, "천안 2023", "Cheonan 2023", nil},
		{"a private name in Latin", ja, "리명철 형제", "Myeongcheol Ri 兄弟", nil},
		{"a source without Korean", ja, "Caleb Mission (Seoul)", "Caleb Mission（Seoul）", nil},
		{"no rendering in zh: not checked", zh, "천안에서 기도합니다.", "在天安祷告。", nil},
		{"chinese", zh, "탈북민을 위해 기도합니다.", "为脱北者祷告。", nil},
		{"japanese for chinese is han too", zh, "기도합니다.", "祈ります。", nil},
		{"english for chinese", zh, "기도합니다.", "We pray.", []string{"language error"}},
		{"full-width numbers", ja, "27명이 모였습니다.", "２７人が集まりました。", nil},
		{"han units", ja, "1.5억 원이 필요합니다.", "1億5千万ウォンが必要です。", nil},
		{"a date", ja, "2024. 5. 12. 예배를 드렸습니다.", "2024年5月12日に礼拝しました。", nil},
		{"han numerals", ja, "27명이 모였습니다.", "二十七人が集まりました。", nil},
		{"han numerals digit by digit", zh, "2024년에 갑니다.", "我们二〇二四年去。", nil},
		{"han units", zh, "3,500명이 왔습니다.", "来了三千五百人。", nil},
		{"han large units", zh, "12,000명이 왔습니다.", "来了一万二千人。", nil},
		{"a han ordinal", zh, "6월 셋째 주 소식", "6月第三周消息", nil},
		{"a han ordinal in japanese", ja, "6월 셋째 주 소식", "6月第三週のお知らせ", nil},
		{"a wrong han numeral", ja, "27명이 모였습니다.", "二十八人が集まりました。", []string{"numbers error"}},
		{"scripture in chinese", zh, "요 3:16 말씀을 붙듭니다.", "我们持守约翰福音3章16节的话语。", nil},
		{"scripture in japanese", ja, "요 3:16 말씀을 붙듭니다.", "ヨハネ3章16節の御言葉にすがります。", nil},
		{"scripture lost in chinese", zh, "요 3:16 말씀을 붙듭니다.", "我们持守约翰福音3章17节的话语。", []string{"numbers error", "scripture error"}},
		{"a lost number", ja, "27명이 모였습니다.", "多くの人が集まりました。", []string{"numbers error"}},
		{"final punctuation missing", ja, "기도합니다.", "祈ります", []string{"punctuation warning"}},
		{"doubled words are not looked for", ja, "정말 정말 감사합니다.", "本当に本当に感謝します。", nil},
		{"doubled words are not looked for, spaced either", ja, "정말 정말 감사합니다.", "本当に 本当に 感謝します。", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Check(Input{ID: "a", Source: tt.source, Translation: tt.out, Src: language.Korean, Tgt: tt.tgt, Glossary: g.In(tt.tgt)})
			if got := found(ps); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Check(%q, %q) = %q, want %q", tt.source, tt.out, got, tt.want)
				for _, p := range ps {
					t.Log(p.Message)
				}
			}
		})
	}
	// English is held to Latin letters.
	ps := Check(Input{ID: "a", Source: "기도합니다.", Translation: "祈ります。", Src: language.Korean, Tgt: language.English, Glossary: g})
	if got := found(ps); !reflect.DeepEqual(got, []string{"language error"}) {
		t.Errorf("Japanese for English: %q", got)
	}
}
