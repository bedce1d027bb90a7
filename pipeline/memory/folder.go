package memory

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// ApprovedPairs returns the approved translations of every letter in the
// newsletter folder dir, as sentence pairs for the translation memory: last
// month's reviewed work is this month's best example. Only translations
// approved for their sentence's current text count. Letters are looked for
// in dir and up to two levels of folders below it (2024/05/), no deeper, so
// a letter opened outside any newsletter folder does not search a home
// directory.
func ApprovedPairs(dir string, src, tgt language.Tag) []translate.Example {
	var pairs []translate.Example
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if !strings.HasSuffix(d.Name(), ".epistle") {
			if rel, err := filepath.Rel(dir, path); err == nil && strings.Count(rel, string(filepath.Separator)) >= 2 {
				return fs.SkipDir
			}
			return nil
		}
		source := readCatalog(filepath.Join(path, "active."+src.String()+".toml"))
		approved := readCatalog(filepath.Join(path, "active."+tgt.String()+".toml"))
		if source == nil || approved == nil {
			return fs.SkipDir
		}
		for _, m := range source.Messages {
			if a := approved.Get(m.ID); a != nil && a.Hash == catalog.Hash(m.Description, m.Other) {
				pairs = append(pairs, translate.Example{Source: m.Other, Target: a.Other})
			}
		}
		return fs.SkipDir
	})
	return pairs
}

// readCatalog reads a catalog for the memory, nil when it is missing or
// broken: a broken catalog of another letter must not stop this one.
func readCatalog(path string) *catalog.Catalog {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	c, err := catalog.Parse(path, data)
	if err != nil {
		return nil
	}
	return c
}
