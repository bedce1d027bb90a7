package qa

import (
	"regexp"
	"strings"

	"github.com/epistle-letters/epistle/locales"
)

// koBooks are the books of the Bible as Korean letters cite them: the full
// names and the one- or two-syllable abbreviations of the Korean Revised
// Version (요 3:16 is John 3:16).
var koBooks = map[string]bool{}

func init() {
	for _, b := range strings.Fields(`
		창세기 출애굽기 레위기 민수기 신명기 여호수아 사사기 룻기 사무엘상 사무엘하 열왕기상 열왕기하
		역대상 역대하 에스라 느헤미야 에스더 욥기 시편 잠언 전도서 아가 이사야 예레미야 예레미야애가
		에스겔 다니엘 호세아 요엘 아모스 오바댜 요나 미가 나훔 하박국 스바냐 학개 스가랴 말라기
		마태복음 마가복음 누가복음 요한복음 사도행전 로마서 고린도전서 고린도후서 갈라디아서 에베소서
		빌립보서 골로새서 데살로니가전서 데살로니가후서 디모데전서 디모데후서 디도서 빌레몬서 히브리서
		야고보서 베드로전서 베드로후서 요한일서 요한이서 요한삼서 유다서 요한계시록
		창 출 레 민 신 수 삿 룻 삼상 삼하 왕상 왕하 대상 대하 스 느 에 욥 시 잠 전 아 사 렘 애 겔 단
		호 욜 암 옵 욘 미 나 합 습 학 슥 말 마 막 눅 요 행 롬 고전 고후 갈 엡 빌 골 살전 살후 딤전 딤후
		딛 몬 히 약 벧전 벧후 요일 요이 요삼 유 계`) {
		koBooks[b] = true
	}
}

// A reference in the source: a book, then chapter:verse or 3장 16절.
var (
	koReference = regexp.MustCompile(`(\p{Hangul}+)\s*(\d{1,3})\s*(?::\s*(\d{1,3})|장\s*(\d{1,3})\s*절)`)
	enReference = regexp.MustCompile(`\b(?:[1-3]\s?)?[A-Z][a-z]+\.?\s+(\d{1,3}):(\d{1,3})`)
)

// scriptureRef is a reference's chapter and verse.
type scriptureRef struct{ chapter, verse string }

// checkScripture holds the translation to the source's Bible references:
// the book's name changes with the language, chapter and verse do not
// (John 3:16, 요한복음 3장 16절, ヨハネ3章16節, 约翰福音3章16节).
func checkScripture(r *report, in Input) {
	seen := map[scriptureRef]bool{}
	for _, ref := range references(stripTags(in.Source)) {
		if seen[ref] {
			continue
		}
		seen[ref] = true
		found := regexp.MustCompile(`(^|\D)` + ref.chapter + `\s*[:.]\s*` + ref.verse + `(\D|$)|(^|\D)` +
			ref.chapter + `\s*장\s*` + ref.verse + `\s*절|(^|\D)` + ref.chapter + `\s*章\s*` + ref.verse + `\s*[節节]`)
		if !found.MatchString(in.Translation) {
			r.add("scripture", Error, locales.New("qa.scripture.missing", "Reference", ref.chapter+":"+ref.verse))
		}
	}
}

// references finds the Bible references of a text: in Korean, only after
// a book's name, so that a time (오후 3:30) is not taken for one.
func references(s string) []scriptureRef {
	if !strings.ContainsAny(s, "0123456789") {
		return nil // every reference has a chapter number; most sentences have none
	}
	var out []scriptureRef
	for _, m := range koReference.FindAllStringSubmatch(s, -1) {
		if !koBooks[m[1]] {
			continue
		}
		verse := m[3]
		if verse == "" {
			verse = m[4]
		}
		out = append(out, scriptureRef{m[2], verse})
	}
	if len(out) > 0 {
		return out
	}
	for _, m := range enReference.FindAllStringSubmatch(s, -1) {
		out = append(out, scriptureRef{m[1], m[2]})
	}
	return out
}
