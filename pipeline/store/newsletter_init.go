package store

import (
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

// InitFile is one file of a new newsletter folder: its name inside the
// folder and its content.
type InitFile struct {
	Name    string
	Content []byte
}

// InitFiles returns the files `epistle init` writes into a new newsletter
// folder, in the order it writes them: epistle.toml (commented settings that
// name the other two), glossary.csv (the header and two example rows) and
// style.md (a style guide for the translator to fill in). Comments and prose
// are in lang, the reader's language, so that the pastor can read and edit
// them; keys, column names and values are the same in every language.
func InitFiles(lang language.Tag) []InitFile {
	p := locales.NewPrinter(lang)
	return []InitFile{
		{Name: "epistle.toml", Content: []byte(p.T("init.file.config"))},
		{Name: "glossary.csv", Content: []byte(p.T("init.file.glossary"))},
		{Name: "style.md", Content: []byte(p.T("init.file.style"))},
	}
}
