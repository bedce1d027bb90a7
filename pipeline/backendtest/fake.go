package backendtest

import (
	"hash/fnv"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A term is a glossary entry the fake honours: where Source occurs in a
// segment, Target appears in its translation (Forbidden, the first
// rendering the glossary forbids, with [UseForbidden]).
type term struct{ Source, Target, Forbidden string }

var (
	hangulRun = regexp.MustCompile(`\p{Hangul}+`)
	anyTag    = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9_]*/?>`)
	// glossaryLine reads the glossary lines the openai backend writes into
	// its system prompt: "- SOURCE => TARGET (never: …) — note". The
	// preferred rendering is the first of the alternatives separated by " / ".
	glossaryLine = regexp.MustCompile(`(?m)^- (.+?) => (.+?)(?: / .*?)?(?: \(never: ([^,)]*).*\))?(?: — .*)?$`)
	// promptTarget reads the target language's name out of the system
	// prompt: "Translate segments of a letter from Korean to Japanese."
	promptTarget = regexp.MustCompile(`(?m)^Translate segments of a letter from .+? to (.+?)\.$`)
)

// A tongue is a language the fake answers in: its words, whether it puts
// spaces between them, and its final punctuation.
type tongue struct {
	words  []string
	spaced bool
	// marks replace the ASCII punctuation of the source.
	marks *strings.Replacer
}

var (
	englishTongue = &tongue{words: words, spaced: true}
	// tongues are the languages besides English, by base code.
	tongues = map[string]*tongue{
		"ja": {words: strings.Fields(`恵み 平和 祈り 宣教 教会 家族 今日 友達 祝福 手紙 朝 家 水 光 道 川 庭 希望 喜び
			感謝 信仰 町 人々 世界 心 声 手 物語 旅 季節 村 橋 窓 学校 先生 兄弟 姉妹 母 父 子ども 歌 言葉 真理 扉 畑 収穫
			種 雨 太陽 夕べ 週 年 仕事 休み 助け 贈り物 故郷 海 山 知らせ 知恵 優しさ`),
			marks: strings.NewReplacer(". ", "。", ".", "。", "? ", "？", "?", "？", "! ", "！", "!", "！", ", ", "、")},
		"zh": {words: strings.Fields(`恩典 平安 祷告 宣教 教会 家庭 今天 朋友 祝福 书信 早晨 房子 水 光 道路 河流 花园 希望
			喜乐 感谢 信心 城市 人们 世界 心 声音 手 故事 旅程 季节 村庄 桥 窗户 学校 老师 兄弟 姐妹 母亲 父亲 孩子 诗歌 话语
			真理 门 田地 收成 种子 雨 太阳 晚上 星期 年 工作 安息 帮助 礼物 家乡 海 山 消息 智慧 恩慈`),
			marks: strings.NewReplacer(". ", "。", ".", "。", "? ", "？", "?", "？", "! ", "！", "!", "！", ", ", "，")},
	}
)

// tongueOf returns the language a target names: a base code (ja), a DeepL
// code (JA, ZH-HANS) or a name from the prompt (Japanese, Simplified
// Chinese (zh-Hans)); English for any other.
func tongueOf(target string) *tongue {
	t := strings.ToLower(target)
	for code, name := range map[string]string{"ja": "japanese", "zh": "chinese"} {
		if t == code || strings.HasPrefix(t, code+"-") || strings.Contains(t, name) {
			return tongues[code]
		}
	}
	return englishTongue
}

// words are what Hangul becomes: plain English that no glossary forbids.
var words = strings.Fields(`grace peace prayer mission church family today friends blessing letter
	morning house water light road river garden bread hope joy thanks faith city people world heart
	voice hands story journey season village bridge window table school teacher brother sister
	mother father child song word truth path door field harvest seed rain sun evening week month
	year work rest care help gift home land sea mountain news wisdom kindness`)

// render renders a run of Hangul syllables as words of the tongue: a word
// for up to three syllables, so the translation has a translation's length;
// chosen by the syllables, so the same Korean gives the same words; never
// the same word twice in a row, which a check for doubled words flags.
func (tg *tongue) render(run string, prev *string) string {
	h := fnv.New32a()
	h.Write([]byte(run))
	x := h.Sum32()
	n := (utf8.RuneCountInString(run) + 2) / 3
	out := make([]string, 0, n)
	for range n {
		w := tg.words[x%uint32(len(tg.words))]
		if w == *prev {
			w = tg.words[(x+1)%uint32(len(tg.words))]
		}
		out = append(out, w)
		*prev = w
		x = x*16777619 + 2166136261
	}
	if !tg.spaced {
		return strings.Join(out, "")
	}
	return strings.Join(out, " ")
}

// A fake is how the fake service translates one request: into which
// language, and spoiled how.
type fake struct {
	terms  []term
	tongue *tongue
	// ignoreTerms ignores the glossary; forbidden renders each term by
	// its forbidden rendering; dropTag removes the first tag.
	ignoreTerms, forbidden, dropTag bool
}

// translate "translates" text deterministically, so that a translation
// passes every check the pipeline makes: each glossary term found in the
// text becomes its preferred rendering, every other Hangul word becomes
// words of the language asked for, and everything else — tags,
// placeholders, numbers, Latin words, emoji — stays where it was. Into a
// language written without spaces (Japanese, Chinese), the spaces between
// its words go and the punctuation becomes its own (。、？).
func (f fake) translate(text string) string {
	if !f.ignoreTerms {
		// Longest first, so that 탈북민 공동체 센터 is not taken for 탈북민.
		sorted := slices.Clone(f.terms)
		slices.SortStableFunc(sorted, func(a, b term) int { return len(b.Source) - len(a.Source) })
		for _, t := range sorted {
			target := t.Target
			if f.forbidden && t.Forbidden != "" {
				target = t.Forbidden
			}
			if t.Source != "" {
				text = strings.ReplaceAll(text, t.Source, target)
			}
		}
	}
	var b strings.Builder
	prev, last := "", 0
	for _, loc := range hangulRun.FindAllStringIndex(text, -1) {
		b.WriteString(text[last:loc[0]])
		// A Korean particle is glued to the number, tag or term before it;
		// an English word is not.
		if before := text[:loc[0]]; f.tongue.spaced && gluedAfter(before) {
			b.WriteByte(' ')
		}
		b.WriteString(f.tongue.render(text[loc[0]:loc[1]], &prev))
		last = loc[1]
	}
	b.WriteString(text[last:])
	body := b.String()
	if !f.tongue.spaced {
		body = f.tongue.marks.Replace(unspace(body))
	}
	if f.dropTag {
		if loc := anyTag.FindStringIndex(body); loc != nil {
			body = body[:loc[0]] + body[loc[1]:]
		}
	}
	return body
}

// unspace drops each space between two letters that are neither Latin nor
// digits, as Japanese and Chinese are written.
func unspace(s string) string {
	rs := []rune(s)
	out := rs[:0:0]
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && wide(rs[i-1]) && wide(rs[i+1]) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

func wide(r rune) bool { return r > 0x2E80 }

// gluedAfter reports whether a Korean word right after before needs a
// space in English: after a letter, a digit, a closing tag or a placeholder.
func gluedAfter(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.HasSuffix(before, "/>") || closingTag.MatchString(before)
}

var closingTag = regexp.MustCompile(`</[A-Za-z][A-Za-z0-9_]*>$`)

// hasTag reports whether text holds a protected tag or placeholder.
func hasTag(text string) bool { return anyTag.MatchString(text) }

// promptTongue reads the language asked for out of a system prompt.
func promptTongue(system string) *tongue {
	if m := promptTarget.FindStringSubmatch(system); m != nil {
		return tongueOf(m[1])
	}
	return englishTongue
}

// promptTerms reads the glossary out of a system prompt.
func promptTerms(system string) []term {
	var terms []term
	for _, m := range glossaryLine.FindAllStringSubmatch(system, -1) {
		terms = append(terms, term{Source: m[1], Target: m[2], Forbidden: strings.TrimSpace(m[3])})
	}
	return terms
}
