package memory

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/store"
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
		letter := letterName(path)
		// A folder an earlier epistle wrote keeps approvals with the hash
		// of the sentence with its line breaks: its source catalog has it
		// so, or, once read again, its archive.
		rehash := store.Rehash{}
		if arch := readCatalog(filepath.Join(path, "archive."+src.String()+".toml")); arch != nil {
			for _, m := range arch.Messages {
				rehash.Add(m.Other)
			}
		}
		for _, m := range source.Messages {
			rehash.Add(m.Other)
		}
		for _, m := range source.Messages {
			a := approved.Get(m.ID)
			if a != nil && rehash.Of(a.Hash) == catalog.Hash(m.Description, store.OneLine(m.Other)) {
				pairs = append(pairs, translate.Example{Source: store.OneLine(m.Other), Target: store.OneLine(a.Other), Letter: letter})
			}
		}
		return fs.SkipDir
	})
	return pairs
}

// letterName is the file name of the letter whose folder is dir
// (2024-05.ko.md for 2024-05.epistle), as its skeleton records it.
// Only the skeleton's first field is read: a long letter's skeleton is
// large, and every letter of the folder is asked.
func letterName(dir string) string {
	if f, err := os.Open(filepath.Join(dir, "skeleton.json")); err == nil {
		defer f.Close()
		dec := json.NewDecoder(f)
		var name string
		if t, err := dec.Token(); err == nil && t == json.Delim('{') {
			if key, err := dec.Token(); err == nil && key == "letter" && dec.Decode(&name) == nil && name != "" {
				return name
			}
		}
	}
	return strings.TrimSuffix(filepath.Base(dir), ".epistle")
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
