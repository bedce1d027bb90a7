package segment

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func split(t *testing.T, s *Segmenter, text string) []string {
	t.Helper()
	return sentences(text, s.Split(text))
}

// splitCase is a text and the sentences it must split into.
type splitCase struct {
	name string
	in   string
	want []string
}

func checkSplits(t *testing.T, s *Segmenter, tests []splitCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := split(t, s, tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplitKorean(t *testing.T) {
	s, err := New(language.Korean)
	if err != nil {
		t.Fatal(err)
	}
	tests := []splitCase{
		{"endings with period", "감사합니다. 기도해 주세요. 어떻게 지내셨어요? 그렇죠.",
			[]string{"감사합니다.", "기도해 주세요.", "어떻게 지내셨어요?", "그렇죠."}},
		{"exclamation and question runs", "정말 놀라웠어요!! 믿어지세요?! 그럴까요? 네!",
			[]string{"정말 놀라웠어요!!", "믿어지세요?!", "그럴까요?", "네!"}},
		{"quoted sentence continues", `그는 "내일 가겠다."라고 말했습니다. 다음 날 왔어요.`,
			[]string{`그는 "내일 가겠다."라고 말했습니다.`, "다음 날 왔어요."}},
		{"quote then particle", `"두려워하지 말라"는 말씀을 붙듭니다. 아멘.`,
			[]string{`"두려워하지 말라"는 말씀을 붙듭니다.`, "아멘."}},
		{"single quotes", "‘하나님이 하셨다.’라고 고백했어요. 감사해요.",
			[]string{"‘하나님이 하셨다.’라고 고백했어요.", "감사해요."}},
		{"corner brackets", "「주님께 감사하라.」를 읽었다. 은혜였다.",
			[]string{"「주님께 감사하라.」를 읽었다.", "은혜였다."}},
		{"quoted sentence standing alone", "“정말 감사합니다.” 그가 말했어요.",
			[]string{"“정말 감사합니다.”", "그가 말했어요."}},
		{"bracketed sentence", "예배를 드렸어요. (사진은 나중에 올릴게요.) 다들 건강하세요.",
			[]string{"예배를 드렸어요.", "(사진은 나중에 올릴게요.)", "다들 건강하세요."}},
		{"ellipsis after connective", "바빴지만... 그래도 감사했어요… 다음에 또 봬요.",
			[]string{"바빴지만... 그래도 감사했어요…", "다음에 또 봬요."}},
		{"date without year, with weekday", "지난 4. 27.(주일) 새 가족이 왔어요. 환영했어요.",
			[]string{"지난 4. 27.(주일) 새 가족이 왔어요.", "환영했어요."}},
		{"date with weekday before a word", "2025. 1. 4.(토) 오전에 떠납니다. 기도해 주세요.",
			[]string{"2025. 1. 4.(토) 오전에 떠납니다.", "기도해 주세요."}},
		{"Korean item markers", "가. 첫째 날\n나. 둘째 날입니다.",
			[]string{"가. 첫째 날\n나. 둘째 날입니다."}}, // the document cuts the lines
		{"hearsay ending at a line end", "사촌 동생이 다음 봄에 드디어 결혼을 한대요\n모두 축하해 주세요🙏",
			[]string{"사촌 동생이 다음 봄에 드디어 결혼을 한대요", "모두 축하해 주세요🙏"}},
		{"date", "2024. 5. 12. 주일에 세례식이 있었습니다. 모두 기뻐했어요.",
			[]string{"2024. 5. 12. 주일에 세례식이 있었습니다.", "모두 기뻐했어요."}},
		{"decimals", "예산이 1.5억 원이고 작년의 2.5배입니다. 기도해 주세요.",
			[]string{"예산이 1.5억 원이고 작년의 2.5배입니다.", "기도해 주세요."}},
		{"scripture references", "요 3:16 말씀과 롬 8:28, 시 23:1을 나눴어요. John 3:16도 읽었어요.",
			[]string{"요 3:16 말씀과 롬 8:28, 시 23:1을 나눴어요.", "John 3:16도 읽었어요."}},
		{"english abbreviations", "Dr. Kim은 Ph.D.를 받았고 L.A.와 U.S. 여러 곳을 다녔어요. 오후 3 p.m.에 만나요.",
			[]string{"Dr. Kim은 Ph.D.를 받았고 L.A.와 U.S. 여러 곳을 다녔어요.", "오후 3 p.m.에 만나요."}},
		{"numero", "No. 5 찬양을 불렀다. 좋았다.", []string{"No. 5 찬양을 불렀다.", "좋았다."}},
		{"email and url", "문의는 kim.pastor@example.org로 주세요. 자세한 건 https://example.org/news.html 에 있어요. 감사합니다.",
			[]string{"문의는 kim.pastor@example.org로 주세요.", "자세한 건 https://example.org/news.html 에 있어요.", "감사합니다."}},
		{"emoticon after ending", "잘 도착했어요^^ 감사합니다🙏 너무 웃겼어요 ㅋㅋ 또 봐요 ㅎㅎ",
			[]string{"잘 도착했어요^^", "감사합니다🙏", "너무 웃겼어요 ㅋㅋ", "또 봐요 ㅎㅎ"}},
		{"no punctuation", "저희는 잘 있어요 많이 기도해 주세요",
			[]string{"저희는 잘 있어요", "많이 기도해 주세요"}},
		{"noun-form endings", "오늘 예배 드림 내일 심방 예정임 기도 부탁함",
			[]string{"오늘 예배 드림 내일 심방 예정임", "기도 부탁함"}},
		{"quotative verb after ending", "그 사람이 간다 하더라고요. 이게 뭐지?? 하고 찾아봤어요.",
			[]string{"그 사람이 간다 하더라고요.", "이게 뭐지?? 하고 찾아봤어요."}},
		{"full-width punctuation", "감사합니다．기도해 주세요！정말요？",
			[]string{"감사합니다．", "기도해 주세요！", "정말요？"}},
		{"numbered list text", "1. 하나님께 감사 2. 가족의 건강",
			[]string{"1. 하나님께 감사", "2. 가족의 건강"}},
		{"soft line break", "우리는 오늘\n예배를 드렸습니다. 감사해요.",
			[]string{"우리는 오늘\n예배를 드렸습니다.", "감사해요."}},
		{"blank line", "첫 문단입니다\n\n두 번째 문단", []string{"첫 문단입니다", "두 번째 문단"}},
		{"blank line with spaces", "하나\n \t\n둘", []string{"하나", "둘"}},
		{"footnotes", "이다.[1] 그러나 달랐다.[2][3] 끝.", []string{"이다.[1]", "그러나 달랐다.[2][3]", "끝."}},
		{"missing space", "기억한다.기억해야 한다.", []string{"기억한다.", "기억해야 한다."}},
		{"noun looking like an ending", "필요 없어요. 게임 중이었음", []string{"필요 없어요.", "게임 중이었음"}},
		{"negation after -지", "쉽지 않았지만 했어요", []string{"쉽지 않았지만 했어요"}},
		{"interjection with ellipsis", "아... 길었다. 이제 쉬어요", []string{"아... 길었다.", "이제 쉬어요"}},
		{"trailing ellipsis ends", "정말 교사들 어쩌나... 지식의 학교는 어디로", []string{"정말 교사들 어쩌나...", "지식의 학교는 어디로"}},
		{"aside in brackets", "다행히도(?) 잘 끝났어요. 감사해요", []string{"다행히도(?) 잘 끝났어요.", "감사해요"}},
		{"question glued to quotative", "내가 했다면?라는 상상을 했다. 끝", []string{"내가 했다면?라는 상상을 했다.", "끝"}},
		{"quotation holding sentences", `그는 "문제없어. 꼭 성공할 거야!" 하며 웃었다. 우리도 웃었다.`,
			[]string{`그는 "문제없어. 꼭 성공할 거야!" 하며 웃었다.`, "우리도 웃었다."}},
		{"-게 되다 is not -ㄹ게", "천문학을 알게 되었고 사랑했다", []string{"천문학을 알게 되었고 사랑했다"}},
		{"promise -ㄹ게", "내일 연락할게 기다려 줘", []string{"내일 연락할게", "기다려 줘"}},
		{"consonant abbreviation", "정신차리면 ㄱㅊ은데 아니면 답없거든", []string{"정신차리면 ㄱㅊ은데 아니면 답없거든"}},
		{"emphasis spelled out", "감. 사. 합. 니. 다! 진.짜.최.고 좋아요", []string{"감. 사. 합. 니. 다!", "진.짜.최.고 좋아요"}},
		{"speaker labels", `철수:"어디 가?" 영희:"교회."`, []string{`철수:"어디 가?"`, `영희:"교회."`}},
		{"emoticon glued to next sentence", "도착했어요^^내일은 쉬어요", []string{"도착했어요^^", "내일은 쉬어요"}},
		{"dialect and notice endings", "그렇다니께 참고하시길 바람 다음 주에 봐요", []string{"그렇다니께", "참고하시길 바람", "다음 주에 봐요"}},
		{"negative imperative", "걱정하지 마 다 잘될 거야", []string{"걱정하지 마", "다 잘될 거야"}},
		{"decorative emoji between words", "6월 소식 💌 선교회 편지입니다. 감사해요", []string{"6월 소식 💌 선교회 편지입니다.", "감사해요"}},
		{"opening laughter", "ㅋㅋㅋ 그래서 웃었어요", []string{"ㅋㅋㅋ 그래서 웃었어요"}},
		{"ellipsis glued to next sentence", "좋겠다......내일은 쉬어요", []string{"좋겠다......", "내일은 쉬어요"}},
		{"trailing clause glued to a particle", "다 끝났다…는 것은 착각이었다. 그래요", []string{"다 끝났다…는 것은 착각이었다.", "그래요"}},
		{"apostrophe years are not quotes", "'23년 여름에 왔습니다. 감사합니다. '24년에도 와요", []string{"'23년 여름에 왔습니다.", "감사합니다.", "'24년에도 와요"}},
		{"abbreviation then a word", "저는 M.Div. 과정을 마쳤습니다. Th.M. 학위도 받았어요",
			[]string{"저는 M.Div. 과정을 마쳤습니다.", "Th.M. 학위도 받았어요"}},
		{"abbreviation then a particle", "그는 U.S.에서 공부했고 워싱턴 D.C.의 교회에 다닙니다. Ph.D.를 마쳤어요",
			[]string{"그는 U.S.에서 공부했고 워싱턴 D.C.의 교회에 다닙니다.", "Ph.D.를 마쳤어요"}},
		{"abbreviation at a sentence end", "미국 U.S.입니다. 감사합니다.", []string{"미국 U.S.입니다.", "감사합니다."}},
		{"remark in brackets after no end mark", "예배는 11시입니다. 누구나 오시면 됩니다 (주차는 교회 뒤편에 하십시오)",
			[]string{"예배는 11시입니다.", "누구나 오시면 됩니다 (주차는 교회 뒤편에 하십시오)"}},
		{"remark in brackets, then a sentence", "누구나 오시면 됩니다 (주차 가능) 다음 주에 뵙겠습니다.",
			[]string{"누구나 오시면 됩니다 (주차 가능)", "다음 주에 뵙겠습니다."}},
		{"long bracketed sentence stands alone", "겨우 하나 깠습니다 (접시가 아까 빵 놔뒀던 그 접시에 빵가루만 턴 것 처럼 보인다면 정답입니다)",
			[]string{"겨우 하나 깠습니다", "(접시가 아까 빵 놔뒀던 그 접시에 빵가루만 턴 것 처럼 보인다면 정답입니다)"}},
		{"empty", "", nil},
		{"spaces only", " \n ", nil},
	}
	checkSplits(t, s, tests)
}

func TestSplitEnglish(t *testing.T) {
	s, err := New(language.English)
	if err != nil {
		t.Fatal(err)
	}
	tests := []splitCase{
		{"simple", "We arrived safely. Thank you for praying! Will you come?",
			[]string{"We arrived safely.", "Thank you for praying!", "Will you come?"}},
		{"titles", "Dr. Kim and Mrs. Lee met Rev. Park. They prayed.",
			[]string{"Dr. Kim and Mrs. Lee met Rev. Park.", "They prayed."}},
		{"abbreviation ends sentence", "We moved to the U.S. The church welcomed us.",
			[]string{"We moved to the U.S.", "The church welcomed us."}},
		{"abbreviation inside", "He has a Ph.D. in theology and lives in L.A. near us.",
			[]string{"He has a Ph.D. in theology and lives in L.A. near us."}},
		{"times", "We meet at 7 p.m. on Fridays.", []string{"We meet at 7 p.m. on Fridays."}},
		{"scripture", "Read John 3:16 and Rom. 8:28 today. Amen.",
			[]string{"Read John 3:16 and Rom. 8:28 today.", "Amen."}},
		{"number sign", "See No. 5 in the hymnal.", []string{"See No. 5 in the hymnal."}},
		{"soft line break", "It was a cold\nnight. We stayed in.", []string{"It was a cold\nnight.", "We stayed in."}},
		{"blank line", "Dear friends\n\nGreetings from Seoul", []string{"Dear friends", "Greetings from Seoul"}},
	}
	checkSplits(t, s, tests)
}

func TestWithNoBreak(t *testing.T) {
	text := "We thank Bro. Smith for his help. He came."
	plain, err := New(language.English)
	if err != nil {
		t.Fatal(err)
	}
	if got := split(t, plain, text); len(got) != 3 {
		t.Fatalf("without the exception: got %q, want the text cut after \"Bro.\"", got)
	}
	s, err := New(language.English, WithNoBreak("Bro.", " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"We thank Bro. Smith for his help.", "He came."}
	if got := split(t, s, text); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	// A user's word matches whole words only.
	if got, want := split(t, s, "It was a Hobro. Then we left."), []string{"It was a Hobro.", "Then we left."}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	// Korean: a word the rules would take for an ending.
	ko, err := New(language.Korean, WithNoBreak("주요"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := split(t, ko, "중요 주요 사항입니다"), []string{"중요 주요 사항입니다"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSplitTags(t *testing.T) {
	s, err := New(language.Korean)
	if err != nil {
		t.Fatal(err)
	}
	tests := []splitCase{
		{"closing tag after the end", "<g1>감사합니다.</g1> 기도해 주세요.",
			[]string{"<g1>감사합니다.</g1>", "기도해 주세요."}},
		{"opening tag before the next", "감사합니다. <g1>기도해</g1> 주세요.",
			[]string{"감사합니다.", "<g1>기도해</g1> 주세요."}},
		{"empty tag touching the end", "감사합니다.<x2/> 기도해 주세요.",
			[]string{"감사합니다.<x2/>", "기도해 주세요."}},
		{"placeholder starting a sentence", "감사합니다. <n1/>님이 오셨어요.",
			[]string{"감사합니다.", "<n1/>님이 오셨어요."}},
		{"tags are transparent to the rules", "<g1>2024.</g1> <g2>5.</g2> 12. 주일이었다. 좋았다.",
			[]string{"<g1>2024.</g1> <g2>5.</g2> 12. 주일이었다.", "좋았다."}},
		{"tag inside an ending", "있어<g1>요</g1> 많이 기도해 주세요",
			[]string{"있어<g1>요</g1>", "많이 기도해 주세요"}},
		{"not a tag", "a <b and c> 끝. 다음.", []string{"a <b and c> 끝.", "다음."}},
		{"a line holding only a tag is no blank line", "사진은\n<x1/>\n에 올려 두었습니다",
			[]string{"사진은\n<x1/>\n에 올려 두었습니다"}},
	}
	checkSplits(t, s, tests)
}

func TestNewLanguages(t *testing.T) {
	for _, tag := range []language.Tag{language.Korean, language.English, language.AmericanEnglish, language.German, language.Japanese} {
		s, err := New(tag)
		if err != nil {
			t.Fatalf("New(%v): %v", tag, err)
		}
		if len(s.rules) == 0 {
			t.Errorf("New(%v): no rules", tag)
		}
	}
	// Other languages get the generic rules: punctuation and a space.
	de, _ := New(language.German)
	want := []string{"Wir sind gut angekommen.", "Danke!", "日本語です。", "次です。"}
	if got := split(t, de, "Wir sind gut angekommen. Danke! 日本語です。次です。"); !slices.Equal(got, want) {
		t.Errorf("generic: got %q, want %q", got, want)
	}
}

func TestRuleCompilation(t *testing.T) {
	tests := []struct {
		before, after string
		text          string
		pos           int
		want          bool
	}{
		{`다\.`, `\s`, "했다. 다음", len("했다."), true},
		{`다\.`, `\s`, "했다. 다음", len("했"), false},
		{`^\d\.`, `\s`, "1. 하나", 2, true},
		{`^\d\.`, `\s`, "x1. 하나", 3, false},
		{`(?i:dr)\.`, ``, "DR. Kim", 3, true},
		{`{coda:ㅆ}다`, `\s`, "있다 ", len("있다"), true},
		{`{coda:ㅆ}다`, `\s`, "한다 ", len("한다"), false},
	}
	for _, tt := range tests {
		before, err := expandMacros(tt.before, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		r, err := compileRule(true, before, tt.after)
		if err != nil {
			t.Fatalf("compile %q: %v", tt.before, err)
		}
		rev := reverseRunes(tt.text)
		bre, are := r.re.match()
		got := bre.MatchString(rev[len(tt.text)-tt.pos:]) && are.MatchString(tt.text[tt.pos:])
		if got != tt.want {
			t.Errorf("before %q after %q at %d of %q: got %v, want %v", tt.before, tt.after, tt.pos, tt.text, got, tt.want)
		}
	}
	if _, err := expandMacros("{nosuchlist}", nil, nil); err == nil || !strings.Contains(err.Error(), "nosuchlist") {
		t.Errorf("unknown list: got %v", err)
	}
	if _, err := expandMacros("{coda:x}", nil, nil); err == nil {
		t.Errorf("bad coda: no error")
	}
}

// TestReverseRunes: runes in reverse order, each rune's bytes kept in order, and every byte
// of invalid UTF-8 a rune of its own (as the regexps decode it).
func TestReverseRunes(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"ab", "ba"},
		{"감사 a.", ".a 사감"},
		{"x\xffy\xe2\x80z🙏", "🙏z\x80\xe2y\xffx"},
	} {
		if got := reverseRunes(tt.in); got != tt.want {
			t.Errorf("reverseRunes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestStripTagsFindsEveryTag: tags anywhere, next to a '<' that opens none.
func TestStripTagsFindsEveryTag(t *testing.T) {
	view, tags := stripTags("<g1>a < b</g1><x2/>c<<n3/>")
	if view != "a < bc<" || len(tags) != 4 || tags[3].start != 21 {
		t.Errorf("stripTags: %q %+v", view, tags)
	}
}

// TestQuotedSpansEveryPair: each quotation mark and bracket pair of the Korean rules makes a
// span no sentence ends in, the non-ASCII ones as much as " and '.
func TestQuotedSpansEveryPair(t *testing.T) {
	s, err := New(language.Korean)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range s.quotes {
		text := "그는 " + string(q.open) + "가겠다. 간다" + string(q.close) + "라고 했다."
		if got := s.quotedSpans(text); len(got) != 1 {
			t.Errorf("%c%c: quoted spans %v in %q, want one", q.open, q.close, got, text)
		}
	}
}

// TestUnicodeSpaces: a no-break space or an ideographic space after a sentence end is a
// space, as Word, HWP and Korean input methods write them.
func TestUnicodeSpaces(t *testing.T) {
	s, err := New(language.Korean)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"감사합니다.\u00a0기도합니다.", []string{"감사합니다.", "기도합니다."}},
		{"모였습니다.\u3000좋았습니다.", []string{"모였습니다.", "좋았습니다."}},
		{"Thank you.\u00a0We pray.", []string{"Thank you.", "We pray."}},
	} {
		if got := split(t, s, tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}
