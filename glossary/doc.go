// Package glossary keeps a ministry's voice consistent across languages: the
// terms that must always be rendered the same way (탈북민 is "North Korean
// defectors", never "deserters"), the proper nouns that must be spelled one
// way, the words left untranslated, and the names that must never leave the
// computer because the people they name could be arrested.
//
// A glossary is a CSV, TSV or TBX file of [Entry] values, each with a
// [Kind]:
//
//   - term: a word with accepted renderings; the translation must contain
//     one of them, in any case and inflection (defector, Defectors, defector's)
//   - name: a proper noun; the rendering must appear exactly (Cheonan)
//   - dnt: do not translate; the source appears unchanged (Zoom)
//   - private: a person's name; it is replaced by a placeholder before any
//     text leaves the process and put back afterwards, see [Redactor]
//
// Finding terms in Korean is not finding substrings. Korean writes a noun's
// grammar as endings attached to it, so 탈북민 appears as 탈북민을,
// 탈북민들에게서는 or 탈북민이라는, and a short term is often the first part
// of a longer, different word: 천안 (Cheonan) begins 천안문 (Tiananmen),
// 이사 (moving house) begins 이사야 (Isaiah). [Glossary.Match] accepts a term
// only at the start of a word and only when the rest of the word reads as a
// chain of particles, the plural 들, the honorific 님, the copula or the verb
// 하다/되다 (the list is the embedded file endings.txt). Longer entries win
// over shorter ones they overlap, and a multi-word term also matches written
// without its spaces (북한 선교, 북한선교를). English source text is matched
// at word boundaries, ignoring case and allowing plural and verb endings.
//
// [Glossary.Verify] checks the other side: every term found in a source
// segment must come back in the translation as an accepted rendering and no
// forbidden one.
package glossary
