package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strings"

	"github.com/epistle-letters/epistle/locales"
)

// Letter is a converted document.
type Letter struct {
	// Markdown is the letter, ending in one newline.
	Markdown string
	// Images counts the images replaced by a note with their alt text.
	Images int
}

// maxPart bounds the size of one XML part read from the archive: a letter's
// body is kilobytes, and a zip bomb must not fill the memory.
const maxPart = 64 << 20

// Convert reads the .docx in data (named file in messages) as a Markdown
// letter. Errors are *locales.Message values saying what the file is
// instead and what to do.
func Convert(file string, data []byte) (*Letter, error) {
	if err := sniff(file, data); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, locales.New("docx.damaged", "Path", file, "Err", err.Error()).WithHint("docx.damaged.hint")
	}
	pkg := &archive{file: file, zip: zr}
	if pkg.has("Contents/section0.xml") || pkg.has("Contents/content.hpf") {
		return nil, locales.New("docx.hwpx", "Path", file).WithHint("docx.hwpx.hint")
	}
	main, err := pkg.mainPart()
	if err != nil {
		return nil, err
	}
	body, err := pkg.read(main)
	if err != nil {
		return nil, err
	}
	rels, err := pkg.relations(main)
	if err != nil {
		return nil, err
	}
	c := &converter{rels: rels, styles: map[string]*style{}, lists: map[string]*list{}}
	if p := rels.part(main, relStyles); p != "" {
		data, err := pkg.read(p)
		if err != nil {
			return nil, err
		}
		if c.styles, err = parseStyles(data); err != nil {
			return nil, pkg.damaged(p, err)
		}
	}
	if p := rels.part(main, relNumbering); p != "" {
		data, err := pkg.read(p)
		if err != nil {
			return nil, err
		}
		if c.lists, err = parseNumbering(data); err != nil {
			return nil, pkg.damaged(p, err)
		}
	}
	blocks, err := c.parseBody(body)
	if err != nil {
		return nil, pkg.damaged(main, err)
	}
	md := render(blocks)
	if strings.TrimSpace(md) == "" {
		return nil, locales.New("docx.empty", "Path", file).WithHint("docx.empty.hint")
	}
	return &Letter{Markdown: md, Images: c.images}, nil
}

// sniff refuses, by their first bytes, files that are not a zip archive:
// a Word 97–2003 .doc or a Hangul .hwp (both OLE compound files), or text.
func sniff(file string, data []byte) error {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return nil
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return locales.New("docx.ole", "Path", file).WithHint("docx.ole.hint")
	}
	return locales.New("docx.not", "Path", file).WithHint("docx.not.hint")
}

// archive is the opened .docx.
type archive struct {
	file string
	zip  *zip.Reader
}

func (a *archive) find(name string) *zip.File {
	for _, f := range a.zip.File {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

func (a *archive) has(name string) bool { return a.find(name) != nil }

// read returns one part of the archive.
func (a *archive) read(name string) ([]byte, error) {
	f := a.find(name)
	if f == nil {
		return nil, locales.New("docx.part", "Path", a.file, "Part", name).WithHint("docx.damaged.hint")
	}
	rc, err := f.Open()
	if err != nil {
		return nil, a.damaged(name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
	if err != nil {
		return nil, a.damaged(name, err)
	}
	if len(data) > maxPart {
		return nil, locales.New("docx.part.large", "Path", a.file, "Part", name, "MB", maxPart>>20).WithHint("docx.damaged.hint")
	}
	return data, nil
}

func (a *archive) damaged(part string, err error) error {
	return locales.New("docx.damaged", "Path", a.file, "Err", part+": "+err.Error()).WithHint("docx.damaged.hint")
}

// Relationship types of the parts read.
const (
	relOfficeDocument = "/officeDocument"
	relStyles         = "/styles"
	relNumbering      = "/numbering"
	relHyperlink      = "/hyperlink"
)

// mainPart finds the document body through the package's relationships, as
// Word does; an archive without one is another kind of zip file.
func (a *archive) mainPart() (string, error) {
	if a.has("_rels/.rels") {
		rels, err := a.relations("")
		if err != nil {
			return "", err
		}
		if p := rels.part("", relOfficeDocument); p != "" && a.has(p) {
			return p, nil
		}
	}
	if a.has("word/document.xml") {
		return "word/document.xml", nil
	}
	return "", locales.New("docx.not", "Path", a.file).WithHint("docx.not.hint")
}

// relations is a part's relationships by id.
type relations map[string]relation

type relation struct{ Type, Target, Mode string }

// relations reads the relationships of part ("" for the package's own).
func (a *archive) relations(part string) (relations, error) {
	name := path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
	if part == "" {
		name = "_rels/.rels"
	}
	rels := relations{}
	if !a.has(name) {
		return rels, nil
	}
	data, err := a.read(name)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, a.damaged(name, err)
	}
	for _, r := range doc.Rels {
		rels[r.ID] = relation{Type: r.Type, Target: r.Target, Mode: r.Mode}
	}
	return rels, nil
}

// part returns the archive path of the first relationship of part whose
// type ends in suffix, or "".
func (r relations) part(part, suffix string) string {
	for _, rel := range r {
		if strings.HasSuffix(rel.Type, suffix) && rel.Mode != "External" {
			if strings.HasPrefix(rel.Target, "/") {
				return strings.TrimPrefix(rel.Target, "/")
			}
			return path.Join(path.Dir(part), rel.Target)
		}
	}
	return ""
}
