// Package segment splits one paragraph of a letter into sentences, the units that are
// translated, reviewed and remembered.
//
// # How Korean sentences end, and how that differs from English
//
// An English sentence ends at a period, question mark or exclamation mark followed by a
// space and, usually, a capital letter. The hard part is the periods that end nothing:
// abbreviations ("Dr. Kim", "the U.S. Government", "p. 55"), initials, decimals, ellipses.
// The capital letter of the next word is the best evidence, and English rules lean on it.
//
// Korean has no capital letters, but it has something better: a sentence ends in a predicate
// carrying a sentence-final ending (종결어미) — 했다, 있어요, 감사합니다, 그렇죠, 갈까,
// 좋네, and in notes and blogs the noun-form 했음, 짱임, 완성됨. Punctuation is often left
// out in informal writing, so "저희는 잘 있어요 많이 기도해 주세요" is two sentences: the
// ending 있어요 followed by a new word is itself the boundary. Emoticons and emoji come after
// the ending and belong to the sentence they close (있어요^^, 감사합니다🙏, ㅋㅋ, ㅎㅎ).
// Periods that do not end a sentence are mostly in dates (2024. 5. 12.) and numbers (1.5억).
//
// Korean also quotes whole sentences inside a sentence: `"내일 가겠다."라고 말했다` and even
// `"…한다. …한다"라고 기록했다` are one sentence each, because the quotation is followed by a
// particle (라고, 는) and a predicate. So a sentence never ends inside a quotation or bracket
// that closes nearby, nor right before a particle glued to a closing quote. A final ending
// followed by a quotative or auxiliary verb is not final either ("간다 하더라고", "뭐지?? 하고").
//
// Both languages: a single newline inside a paragraph is a soft line break, not a sentence
// end; a blank line always ends a sentence.
//
// # Rules as data
//
// The rules live in rules/*.toml, embedded in the binary, and read like SRX: at each position
// between two runes, ordered rules with a `before` regexp (text ending at the position) and an
// `after` regexp (text starting there) decide break or no break; the first that applies wins.
// ko.toml holds the Korean rules (ours: no public SRX file has any), en.toml the English ones,
// generic.toml the fallback for other languages. Go's regexp has no lookbehind, so each
// `before` is compiled reversed and matched, anchored, against the reversed text; each regexp
// sees only a bounded window, so [Segmenter.Split] is linear in the length of the text. Rules
// are skipped without running a regexp when the runes around the position cannot start or end
// their match. A user's own abbreviations come in through [WithNoBreak].
//
// Protected inline tags (<g1>, </g1>, <x2/>, and placeholders like <n1/>) are transparent:
// the rules never see them, a sentence is never cut inside one, a closing or empty tag right
// after a sentence end stays with that sentence and an opening tag goes with the next.
package segment
