// Package store is the letter and everything epistle keeps for it.
//
// A letter is a file named NAME.LANG.EXT (letter.ko.md). Opening it decodes
// whatever encoding the writer's computer used, normalises Hangul to NFC and
// splits the document into a skeleton — the structure and every byte that is
// not prose — and sentences ([document.Document]), whose inline markup has
// become protected tags (<g1>…</g1>, <x2/>). A sentence keeps its id for as
// long as it lives, and white space is not an edit ([OneLine]), so next
// month's edit of one paragraph sends only that paragraph to the translator
// and the reviewer.
//
// Everything epistle keeps for a letter lives beside it in NAME.epistle/: the
// source catalog active.<src>.toml, machine translations translate.<lang>.toml,
// approved translations active.<lang>.toml (all go-i18n v2 message files) and
// the skeleton. The core computes what to write ([Letter.Pending], [File]); the
// commands write it, or hand translate and review the function that saves as
// they go, and each catalog and skeleton is written atomically ([WriteFile],
// [Save]). One process writes a letter at a time ([Letter.Lock]), and a
// command's -o never lands on what it reads or inside NAME.epistle/
// ([CheckOutput]).
package store
