package document

import (
	"regexp"
	"slices"
	"testing"
)

// TestLetterLines: the lines of letters as pastors paste them. Each case is
// one class of line; the naive splitter ends sentences only at . ! ?, so
// every other cut here is the line's doing.
func TestLetterLines(t *testing.T) {
	for _, tc := range []struct {
		name, format, in string
		want             []string
	}{
		{"bullet after a sentence", "txt", "집세가 올랐어요.\n▶ 새 집을 구합니다.\n",
			[]string{"p: 집세가 올랐어요.", "li: 새 집을 구합니다."}},
		{"hollow circle bullet", "txt", "새 식구가 생겼어요.\n○ 이름은 하은입니다.",
			[]string{"p: 새 식구가 생겼어요.", "li: 이름은 하은입니다."}},
		{"pointing hand and diamond without space", "txt", "☞장소 변경\n◆시간 변경",
			[]string{"li: 장소 변경", "li: 시간 변경"}},
		{"title before circled numbers", "md", "기도 부탁\n① 아이들 건강\n② 비자 연장\n",
			[]string{"p: 기도 부탁", "li: 아이들 건강", "li: 비자 연장"}},
		{"Korean letters and parenthesised numbers", "txt", "가) 첫째 날\n나) 둘째 날\n(3) 셋째 날",
			[]string{"li: 가) 첫째 날", "li: 나) 둘째 날", "li: 셋째 날"}}, // Korean markers are translated
		{"numbers with a period or a parenthesis", "txt", "일정\n1. 출발\n2) 도착",
			[]string{"p: 일정", "li: 출발", "li: 도착"}},
		{"emoji line after a sentence", "txt", "늘 고맙습니다.\n🙏🏻❤️\n다음 달에 뵙겠습니다.",
			[]string{"p: 늘 고맙습니다.", "p: 다음 달에 뵙겠습니다."}},
		// The line is as long as the paragraph is wide: a wrap for all the
		// line can tell; the segmenter's -요 ending ends the sentence (segment:
		// "hearsay ending at a line end", segment_letters.txtar).
		{"chat line end is the segmenter's", "txt", "동생이 다음 달에 온대요\n같이 기도해 줘요🙏",
			[]string{"p: 동생이 다음 달에 온대요\n같이 기도해 줘요🙏"}},
		{"a title ended early", "txt", "기도 제목\n이번 달에도 저희 가정과 사역을 위해 기도해 주세요",
			[]string{"p: 기도 제목", "p: 이번 달에도 저희 가정과 사역을 위해 기도해 주세요"}},
		{"a greeting as wide as the paragraph joins", "txt", "사랑하는 동역자 여러분께\n문안 드립니다.",
			[]string{"p: 사랑하는 동역자 여러분께\n문안 드립니다."}},
		{"re-wrapped narrowly, a sentence still joins", "txt", "올해도 변함없이\n저희 가정과\n사역을 위해\n기도해 주신\n모든 분들께\n감사드립니다.",
			[]string{"p: 올해도 변함없이\n저희 가정과\n사역을 위해\n기도해 주신\n모든 분들께\n감사드립니다."}},
		{"the rest of a wrapped line joins the next", "txt", "이곳은 우기가 시작되어 매일 오후마다 큰비가 내리고\n있지만\n아이들은 빠짐없이 주일학교에 나오고 있습니다.",
			[]string{"p: 이곳은 우기가 시작되어 매일 오후마다 큰비가 내리고\n있지만\n아이들은 빠짐없이 주일학교에 나오고 있습니다."}},
		{"a word wider than the paragraph does not widen it", "txt", "자세한 소식은\nhttps://example.org/news/2024/10/rainy-season\n에 있습니다 함께 보아 주세요",
			[]string{"p: 자세한 소식은\n<x1/>\n에 있습니다 함께 보아 주세요"}},
		// A wrapper does not break at a no-break space: "문안드립니다.\u00a0지난달에도"
		// is one word that did not fit (the naive splitter does not cut there).
		{"a word wider than the paragraph does not widen it either", "txt", "하나님께서세상을이처럼사랑하사독생자를주셨으니.\n이는 그를 믿는\n자마다 멸망하지 않고",
			[]string{"p: 하나님께서세상을이처럼사랑하사독생자를주셨으니.", "p: 이는 그를 믿는\n자마다 멸망하지 않고"}},
		{"a link's markup broken across lines is measured on its last line", "md", "Read [our report](https://example.org/a-long-address\n\"Report\") first.\nThen pray for us\nevery day.",
			[]string{"p: Read <g1>our report</g1> first.", "p: Then pray for us\nevery day."}},
		// Wrapped at 40 columns, where a Korean syllable takes two: counted
		// in characters the next word would have fitted, in columns not.
		{"a wrap counted in columns", "txt", "We thank you all for praying with us.\n이곳은 우기가 시작되어 매일\n오후마다 큰비가 내립니다",
			[]string{"p: We thank you all for praying with us.", "p: 이곳은 우기가 시작되어 매일\n오후마다 큰비가 내립니다"}},
		// Wrapped by eye: the first line could have held "센터가", not also "복음".
		{"a line a word short of the margin joins", "txt", "탈북민들의 안전을 위해 기도해 주십시오. 또한 동남아\n센터가 복음 사역 지도자를 세우는 곳이 되고, 탈북민들이\n예수 그리스도를 만나는 곳이 되도록 기도해 주십시오. 아울러\n센터가 중단 없이 운영될 수 있도록 기도해 주십시오.",
			[]string{"p: 탈북민들의 안전을 위해 기도해 주십시오.", "p: 또한 동남아\n센터가 복음 사역 지도자를 세우는 곳이 되고, 탈북민들이\n예수 그리스도를 만나는 곳이 되도록 기도해 주십시오.",
				"p: 아울러\n센터가 중단 없이 운영될 수 있도록 기도해 주십시오."}},
		{"a no-break space does not break", "txt", "주님의 이름으로\n문안드립니다.\u00a0지난달에도 감사했습니다\n기도와 후원으로 함께해 주셔서",
			[]string{"p: 주님의 이름으로\n문안드립니다.\u00a0지난달에도 감사했습니다\n기도와 후원으로 함께해 주셔서"}},
		{"a signature's bow ends it", "txt", "정다윗 선교사 드림\n라오스 선교센터",
			[]string{"p: 정다윗 선교사 드림", "p: 라오스 선교센터"}},
		{"a signature's bow, then a dash, emoji or a remark", "txt", "- 김요한 선교사 드림 -\n한빛교회 파송 선교사\n\n김요한 올림(010-0000-0000)\n한빛교회 파송 캄보디아 선교사",
			[]string{"li: 김요한 선교사 드림 -", "p: 한빛교회 파송 선교사", "p: 김요한 올림(010-0000-0000)", "p: 한빛교회 파송 캄보디아 선교사"}},
		{"a date a narrow wrap left alone joins", "txt", "우리는 지난 주일인\n2024년 5월 12일\n오후에 모였습니다.",
			[]string{"p: 우리는 지난 주일인\n2024년 5월 12일\n오후에 모였습니다."}},
		{"a line break after a link is a space", "md", "이번 달 소식과 사진은 모두 저희 [블로그](https://example.org)\n에 올려 두었습니다.",
			[]string{"p: 이번 달 소식과 사진은 모두 저희 <g1>블로그</g1>\n에 올려 두었습니다."}},
		{"an address ends at an ideographic space", "txt", "사진은 https://example.org/a\u3000에 있어요.",
			[]string{"p: 사진은 <x1/>\u3000에 있어요."}},
		{"date and signature", "md", "2025. 3. 9.\n이바울 올림\n",
			[]string{"p: 2025.", "p: 3.", "p: 9.", "p: 이바울 올림"}}, // the naive splitter cuts dates
		{"date in words and signature", "txt", "2025년 3월 9일 (주일)\n이바울 올림",
			[]string{"p: 2025년 3월 9일 (주일)", "p: 이바울 올림"}},
		{"hard-wrapped sentence joins", "txt", "올해도 변함없이 저희 가정과 사역을 위해 기도해 주신\n모든 분들께 진심으로 감사드립니다.",
			[]string{"p: 올해도 변함없이 저희 가정과 사역을 위해 기도해 주신\n모든 분들께 진심으로 감사드립니다."}},
		{"hard-wrapped item joins", "txt", "① 올해도 변함없이 저희 가정과 사역을 위해 기도해 주신\n모든 분들께 감사드립니다.",
			[]string{"li: 올해도 변함없이 저희 가정과 사역을 위해 기도해 주신\n모든 분들께 감사드립니다."}},
		{"a date line in Markdown is no list", "md", "2025. 3. 9.\n",
			[]string{"p: 2025.", "p: 3.", "p: 9."}}, // a paragraph, not nested lists
		{"indented paragraph is prose", "md", "사랑하는 동역자님께\n\n\t평안을 빕니다. 소식을 전해요.\n\n    넷째 칸 들여쓰기도 문단입니다.\n",
			[]string{"p: 사랑하는 동역자님께", "p: 평안을 빕니다.", "p: 소식을 전해요.", "p: 넷째 칸 들여쓰기도 문단입니다."}},
		{"fenced code stays code", "md", "```\n코드입니다.\n```\n", nil},
		{"hard break with two spaces", "md", "김은혜 선교사 드림  \n새빛교회 선교위원회\n",
			[]string{"p: 김은혜 선교사 드림", "p: 새빛교회 선교위원회"}},
		{"hard break with a backslash", "md", "김은혜 드림\\\n새빛교회\n",
			[]string{"p: 김은혜 드림", "p: 새빛교회"}},
		{"table cells", "md", "| 때 | 할 일 |\n|---|:--:|\n| 6월 | 여름 성경학교 |\n",
			[]string{"td: 때", "td: 할 일", "td: 6월", "td: 여름 성경학교"}},
		{"image alt text", "md", "![선교지 아이들 사진](kids.jpg)\n",
			[]string{"p: <g1>선교지 아이들 사진</g1>"}},
		{"br tag", "md", "김은혜 드림<br>새빛교회\n",
			[]string{"p: 김은혜 드림", "p: 새빛교회"}},
		{"an emoji and a space open an item", "txt", "이번 달 기도제목이에요\n✅ 아이들 건강\n🔸 비자 연장\n👉 후원 안내",
			[]string{"p: 이번 달 기도제목이에요", "li: 아이들 건강", "li: 비자 연장", "li: 후원 안내"}},
		// KakaoTalk letters have no blank lines and no wrap: the title is
		// the widest line, and its emoji, not the fit, ends it.
		{"a line ending in an emoji ends", "txt", "[몽골 선교 소식] 12월호 🙏\n샬롬!\n오늘도 추워요 🥶🥶\n그래도 모두 건강합니다",
			[]string{"p: [몽골 선교 소식] 12월호 🙏", "p: 샬롬!", "p: 오늘도 추워요 🥶🥶", "p: 그래도 모두 건강합니다"}},
		{"emoji glued to a word are the sentence's", "txt", "함께해 주셔서 감사합니다.\n🙏🏻❤️북한을 위해 기도해 주세요",
			[]string{"p: 함께해 주셔서 감사합니다.", "p: 🙏🏻❤️북한을 위해 기도해 주세요"}},
		{"the fields of a signature", "txt", "최믿음 선교사 (몽골 울란바토르)\n전화: +976-0000-0000\n이메일: faith@example.org\n후원 계좌: 은혜은행 000-00",
			[]string{"p: 최믿음 선교사 (몽골 울란바토르)", "p: 전화: +976-0000-0000", "p: 이메일: <x1/>", "p: 후원 계좌: 은혜은행 000-00"}},
		{"English fields", "txt", "Pastor John Choi, Ulaanbaatar\nTel: +976-0000-0000\nE-mail: john@example.org",
			[]string{"p: Pastor John Choi, Ulaanbaatar", "p: Tel: +976-0000-0000", "p: E-mail: <x1/>"}},
		{"a wrapped line that opens with words and a colon is prose", "txt", "Through the long winter we learned again\nthe one thing: God is faithful to us.",
			[]string{"p: Through the long winter we learned again\nthe one thing: God is faithful to us."}},
		{"a date line with an ideographic space", "txt", "2025년\u30003월 8일\n울란바토르에서 최믿음 선교사 드림",
			[]string{"p: 2025년\u30003월 8일", "p: 울란바토르에서 최믿음 선교사 드림"}},
		// goldmark ends a text node at an underscore; the address goes on.
		{"a bare web address with an underscore is one tag", "md", "안내는 https://example.org/my_page 에 있습니다.",
			[]string{"p: 안내는 <x1/> 에 있습니다."}},
		{"an e-mail address with an underscore is one tag", "md", "메일은 kim_lee@example.org 로 보내 주세요.",
			[]string{"p: 메일은 <x1/> 로 보내 주세요."}},
		{"underscores still make emphasis", "md", "정말 _기쁜_ 소식입니다.",
			[]string{"p: 정말 <g1>기쁜</g1> 소식입니다."}},
		// Word-to-Markdown converters escape the number a writer typed.
		{"an escaped number opens an item", "md", "1\\. 번호처럼 쓴 줄입니다.\n2\\) 둘째 줄입니다.",
			[]string{"li: 번호처럼 쓴 줄입니다.", "li: 둘째 줄입니다."}},
		{"a table cell holds no item", "md", "| 항목 | 설명 |\n|---|---|\n| - 점 | ① 설명 |\n",
			[]string{"td: 항목", "td: 설명", "td: - 점", "td: ① 설명"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Parse(tc.in, tc.format, naiveSplitter)
			var got []string
			for _, s := range d.Sentences() {
				got = append(got, d.Blocks[s.Block].Kind+": "+s.Text)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if r := d.Render(source); r != tc.in {
				t.Errorf("render differs:\n%s", firstDiff(tc.in, r))
			}
		})
	}
}

// chatSplitter is naiveSplitter that also ends a sentence at an emoji at a
// line's end, as the Korean segmenter ends a chat line (감사해요 🙏).
func chatSplitter(text string) []Span {
	var out []Span
	start := 0
	for _, loc := range chatEnd.FindAllStringIndex(text, -1) {
		for _, sp := range naiveSplitter(text[start:loc[1]]) {
			out = append(out, Span{Start: start + sp.Start, End: start + sp.End})
		}
		start = loc[1]
	}
	for _, sp := range naiveSplitter(text[start:]) {
		out = append(out, Span{Start: start + sp.Start, End: start + sp.End})
	}
	return out
}

var chatEnd = regexp.MustCompile(`🙏\n`)

// TestLetterLinesSegmenterEnds: a line the segmenter ends is ended, as a line
// with a period is: the line after it may be a date line or a title, and an
// item whose sentence ends at a line's end ends there.
func TestLetterLinesSegmenterEnds(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"a date and a signature after a chat line", "▶ 회복이 빠르도록\n감사해요 🙏\n2024년 12월 1일\n박요한 드림",
			[]string{"li: 회복이 빠르도록\n감사해요 🙏", "p: 2024년 12월 1일", "p: 박요한 드림"}},
		{"a chat line after a sentence", "감사합니다.\n기도해 주세요 🙏\n2024년 12월 1일\n박요한 드림",
			[]string{"p: 감사합니다.", "p: 기도해 주세요 🙏", "p: 2024년 12월 1일", "p: 박요한 드림"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Parse(tc.in, "txt", chatSplitter)
			var got []string
			for _, s := range d.Sentences() {
				got = append(got, d.Blocks[s.Block].Kind+": "+s.Text)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if r := d.Render(source); r != tc.in {
				t.Errorf("render differs:\n%s", firstDiff(tc.in, r))
			}
		})
	}
}

// firstWords takes n words of the first line, at breaking spaces only.
func TestFirstWords(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want string
	}{
		{"  주님의  은혜로 모임을 마쳤습니다.", 2, "주님의 은혜로"},
		{"하나\n둘 셋", 2, "하나"},
		{"하나 둘", 3, "하나 둘"},
		{"3\u00a0월 소식 드립니다", 2, "3\u00a0월 소식"},
		{"", 2, ""},
		{"하나 둘", 0, ""},
	} {
		if got := firstWords(c.s, c.n); got != c.want {
			t.Errorf("firstWords(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}
