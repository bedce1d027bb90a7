// Package pipeline holds the steps a letter goes through, one package each,
// in the order a letter meets them:
//
//   - store: the letter and NAME.epistle/ beside it — opening, ids, catalogs,
//     status, the lock; every other step reads and writes a letter through it
//   - document and segment: the letter's structure and its sentences
//     (decoding any Korean encoding is internal/decode, shared with the
//     glossary)
//   - translate: the engine that sends sentences to a backend; backend
//     chooses one of openai, deepl or memory, each a package of its own
//   - qa and review: the checks, and where a person takes over; review/web
//     is the review page in a browser
//   - exchange: XLIFF, PO and TMX, each format read and written in one place
//   - edition: what readers get, and the bilingual issue
//   - eval: scores backends and models on the letters' own approvals
//   - docx: Word letters into Markdown letters
//
// This package itself has no code.
package pipeline
