// Package pipeline holds the steps a letter goes through, one package each,
// in the order a letter meets them:
//
//   - store: the letter and NAME.epistle/ beside it — opening, ids, catalogs,
//     status, the lock; the steps from translate on read and write a letter
//     through it
//   - document and segment: the letter's structure and its sentences, which
//     the store splits a letter into (decoding any Korean encoding is
//     internal/decode, shared with the glossary)
//   - catalog: the go-i18n message files the store keeps sentences and
//     translations in
//   - translate: the engine that sends sentences to a backend; backend
//     chooses one of openai, deepl or memory, each a package of its own
//   - qa and review: the checks, and where a person takes over; review/web
//     is the review page in a browser
//   - exchange: XLIFF, PO and TMX, each format read and written in one place
//   - edition: what readers get, and the bilingual issue
//   - eval: scores backends and models on the letters' own approvals
//   - docx: Word letters into Markdown letters
//
// backendtest, lettertest and testenv serve the tests: a fake translation
// service, a letter set up on disk, and what a test does when a tool it
// drives is missing.
//
// This package itself has no code.
package pipeline
