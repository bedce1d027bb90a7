package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/epistle-letters/epistle/locales"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestConvertPandoc reads a .docx that pandoc wrote from
// testdata/convert/features.ko.md: Korean text with headings, bold and
// italic, a link, a line break, nested lists, a table and an image.
func TestConvertPandoc(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "convert")
	data, err := os.ReadFile(filepath.Join(dir, "features.docx"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := Convert("features.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	if l.Images != 1 {
		t.Errorf("Images = %d, want 1", l.Images)
	}
	golden := filepath.Join(dir, "features.converted.md")
	if *update {
		if err := os.WriteFile(golden, []byte(l.Markdown), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if l.Markdown != string(want) {
		t.Errorf("Markdown differs from %s (go test -update rewrites it):\n%s", golden, l.Markdown)
	}
}

// wordXML wraps a body in a WordprocessingML document.
func wordXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>` + body + `</w:body></w:document>`
}

// styles as a Korean Word writes them: translated ids, English names.
const koreanStyles = `<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="my"><w:name w:val="내 제목"/><w:basedOn w:val="2"/></w:style>
<w:style w:type="paragraph" w:styleId="out"><w:name w:val="Chapter"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="loop"><w:name w:val="Loop"/><w:basedOn w:val="loop"/></w:style>
<w:style w:type="paragraph" w:styleId="q"><w:name w:val="Quote"/></w:style>
<w:style w:type="paragraph" w:styleId="Quotations"><w:name w:val="Quotations"/></w:style>
<w:style w:type="paragraph" w:styleId="lb"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="em"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>
</w:styles>`

const numbering = `<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="ganada"/></w:lvl>
 <w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"/><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl></w:lvlOverride><w:lvlOverride w:ilvl="1"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:lvlOverride><w:lvlOverride w:ilvl="2"><w:startOverride w:val="7"/><w:lvl w:ilvl="2"><w:start w:val="2"/><w:numFmt w:val="decimal"/></w:lvl></w:lvlOverride></w:num>
</w:numbering>`

const documentRels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/a(b)" TargetMode="External"/>
<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="file:///C:/letters/old.docx" TargetMode="External"/>
</Relationships>`

const packageRels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`

// zipOf writes an archive of name → content.
func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, content := range files {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wordFile is a .docx with body, the styles of a Korean Word, the
// numbering and the relationships above.
func wordFile(t *testing.T, body string) []byte {
	return zipOf(t, map[string]string{
		"_rels/.rels":                  packageRels,
		"word/document.xml":            wordXML(body),
		"word/_rels/document.xml.rels": documentRels,
		"word/styles.xml":              koreanStyles,
		"word/numbering.xml":           numbering,
	})
}

func p(style, runs string) string {
	if style != "" {
		style = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + style + runs + `</w:p>`
}

func r(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

func li(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr>` + r(text) + `</w:p>`
}

func TestConvertBody(t *testing.T) {
	tests := []struct {
		name, body, want string
		images           int
	}{
		{"headings by the English name behind a translated id",
			p("1", r("제목")) + p("2", r("소제목")) + p("a3", r("표제")) + p("my", r("내 스타일")) + p("out", r("장")) + p("loop", r("보통")),
			"# 제목\n\n## 소제목\n\n# 표제\n\n## 내 스타일\n\n### 장\n\n보통\n", 0},
		{"an outline level on the paragraph itself",
			`<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr>` + r("둘째 단계") + `</w:p>`, "## 둘째 단계\n", 0},
		{"bold and italic on the run, off again, and by character style",
			p("", r("보통 ")+`<w:r><w:rPr><w:b/></w:rPr><w:t>굵게</w:t></w:r>`+r(" ")+
				`<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>끈 굵게</w:t></w:r>`+r(" ")+
				`<w:r><w:rPr><w:rStyle w:val="strong"/></w:rPr><w:t>강조</w:t></w:r>`+
				`<w:r><w:rPr><w:rStyle w:val="em"/></w:rPr><w:t>기울임</w:t></w:r>`+
				`<w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>둘 다</w:t></w:r>`),
			"보통 **굵게** 끈 굵게 **강조***기울임****둘 다***\n", 0},
		{"space at the edges of bold moves outside its markers",
			p("", r("앞")+`<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> 굵게 </w:t></w:r>`+r("뒤")),
			"앞 **굵게** 뒤\n", 0},
		{"punctuation at the edges of bold between letters moves outside",
			p("", r("그는")+`<w:r><w:rPr><w:b/></w:rPr><w:t>“말씀”</w:t></w:r>`+r("이라고 했다.")),
			"그는“**말씀**”이라고 했다.\n", 0},
		{"Markdown in the text means itself",
			p("", r(`*별* _밑줄_ [괄호] &lt;b&gt; \ `+"`"+`코드`+"`"+` &amp;amp;`)) + p("", r("# 샵")) + p("", r("1. 번호")) + p("", r("- 줄표")) + p("", r("> 인용")) + p("", r("2024. 5. 12.")),
			"\\*별\\* \\_밑줄\\_ \\[괄호\\] \\<b> \\\\ \\`코드\\` \\&amp;\n\n\\# 샵\n\n1\\. 번호\n\n\\- 줄표\n\n\\> 인용\n\n2024. 5. 12.\n", 0},
		{"* and _ that cannot be emphasis stay bare: inside a word, an address, between spaces",
			p("", r("kim_lee@example.org 와 https://example.org/my_page 의 밑줄_글자, 3 * 4 = 12, 2_3. 그러나 10*20, 3 *4, _앞, 뒤_, __init__")),
			"kim_lee@example.org 와 https://example.org/my_page 의 밑줄_글자, 3 * 4 = 12, 2_3. 그러나 10\\*20, 3 \\*4, \\_앞, 뒤\\_, \\_\\_init\\_\\_\n", 0},
		{"a date starts a line as it is, as a letter reads it; a heading or a cell starts no block",
			p("", r("2024. 11. 17. 주일에는 예배를 드렸습니다.")) + p("", r("3. 15.(토) 모임")) + p("", r("1. 2.5억 원")) + p("1", r("1. 소개")) +
				`<w:tbl><w:tr><w:tc>` + p("", r("- 날짜")) + `</w:tc></w:tr><w:tr><w:tc>` + p("", r("12. 7.(토)")) + p("", r("1. 둘째 줄")) + `</w:tc></w:tr></w:tbl>`,
			"2024. 11. 17. 주일에는 예배를 드렸습니다.\n\n3. 15.(토) 모임\n\n1\\. 2.5억 원\n\n# 1. 소개\n\n| - 날짜 |\n| --- |\n| 12. 7.(토)<br>1. 둘째 줄 |\n", 0},
		{"links by relationship and by field; a local file keeps only its text",
			p("", `<w:hyperlink r:id="rIdL"><w:r><w:t>누리집</w:t></w:r></w:hyperlink>`+r(" 그리고 ")+
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.com/x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`+
				r("필드")+`<w:r><w:fldChar w:fldCharType="end"/></w:r>`+r(" ")+
				`<w:hyperlink r:id="rIdF"><w:r><w:t>옛 편지</w:t></w:r></w:hyperlink>`+r(" ")+
				`<w:hyperlink w:anchor="_Toc1"><w:r><w:t>목차</w:t></w:r></w:hyperlink>`),
			"[누리집](<https://example.org/a(b)>) 그리고 [필드](https://example.com/x) 옛 편지 목차\n", 0},
		{"line breaks; a page break is not one; tabs are spaces",
			p("", r("첫 줄")+`<w:r><w:br/></w:r>`+r("둘째 줄")+`<w:r><w:br w:type="page"/></w:r>`+r(" 이어서")+`<w:r><w:tab/></w:r>`+r("탭")),
			"첫 줄\\\n둘째 줄 이어서 탭\n", 0},
		{"numbered lists count, nest, restart below and start where Word says",
			li("1", "0", "하나") + li("1", "1", "가") + li("1", "1", "나") + li("1", "0", "둘") + li("1", "1", "다시 가") + li("1", "2", "점") + p("", r("문단")) + li("3", "0", "넷"),
			"1. 하나\n   1. 가\n   2. 나\n2. 둘\n   1. 다시 가\n      - 점\n\n문단\n\n4. 넷\n", 0},
		{"a list style carries its numbering; numId 0 switches it off",
			p("lb", r("글머리")) + `<w:p><w:pPr><w:pStyle w:val="lb"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>` + r("목록 아님") + `</w:p>`,
			"- 글머리\n\n목록 아님\n", 0},
		{"a bulleted list after a numbered one stays apart; a line break in an item is indented",
			li("1", "0", "번호") + `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>` + r("점") + `<w:r><w:br/></w:r>` + r("이어서") + `</w:p>`,
			"1. 번호\n\n- 점\\\n  이어서\n", 0},
		{"a level override replaces the abstract level, as LibreOffice writes lists; startOverride wins over its start",
			li("4", "0", "점") + li("4", "1", "하나") + li("4", "1", "둘") + p("", r("문단")) + li("5", "0", "번호") + li("5", "1", "점") + li("5", "2", "일곱"),
			"- 점\n  1. 하나\n  2. 둘\n\n문단\n\n1. 번호\n   - 점\n     7. 일곱\n", 0},
		{"a quotation",
			p("q", r("인용 첫 줄")+`<w:r><w:br/></w:r>`+r("둘째 줄")), "> 인용 첫 줄\\\n> 둘째 줄\n", 0},
		{"a quotation in LibreOffice's style", p("Quotations", r("인용")), "> 인용\n", 0},
		{"a table: first row the header, breaks in cells, pipes escaped, short rows filled",
			`<w:tbl><w:tblPr/><w:tr><w:tc>` + p("", r("이름")) + `</w:tc><w:tc>` + p("", r("장소")) + `</w:tc></w:tr>` +
				`<w:tr><w:tc>` + p("", r("김|이")) + p("", r("박")) + `</w:tc></w:tr></w:tbl>`,
			"| 이름 | 장소 |\n| --- | --- |\n| 김\\|이<br>박 |  |\n", 0},
		{"a table in a cell flattens into it",
			`<w:tbl><w:tr><w:tc>` + p("", r("바깥")) + `<w:tbl><w:tr><w:tc>` + p("", r("안1")) + `</w:tc><w:tc>` + p("", r("안2")) + `</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`,
			"| 바깥<br>안1<br>안2 |\n| --- |\n", 0},
		{"an image becomes a note with its alt text; a text box keeps its text once, and the paragraph goes on after it",
			p("", r("앞 ")+`<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr="센터 사진"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`) +
				p("", `<w:r><w:drawing><wp:inline><wp:docPr id="2" name="Picture 2"/><a:graphic><a:graphicData><pic:pic><a:blip r:embed="rId9"/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`) +
				p("", `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="3" name="Text Box 3"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>`+p("", r("상자 속"))+p("", r("글"))+`</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><w:t>옛 상자</w:t></w:pict></mc:Fallback></mc:AlternateContent></w:r>`+r(" 뒤")),
			"앞 [image: 센터 사진]\n\n[image]\n\n상자 속 글 뒤\n", 2},
		{"tracked deletions, field codes, bookmarks and empty paragraphs leave nothing",
			p("", r("남은 ")+`<w:del><w:r><w:delText>지운</w:delText></w:r></w:del>`+`<w:ins><w:r><w:t>넣은</w:t></w:r></w:ins>`+`<w:bookmarkStart w:id="0" w:name="x"/>`) +
				p("", "") + p("", r("   ")) + `<w:sdt><w:sdtContent>` + p("", r("내용 컨트롤")) + `</w:sdtContent></w:sdt>` +
				p("", `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`+r("3")+`<w:r><w:fldChar w:fldCharType="end"/></w:r>`+r("쪽")),
			"남은 넣은\n\n내용 컨트롤\n\n3쪽\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Convert("letter.docx", wordFile(t, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if l.Markdown != tt.want {
				t.Errorf("Markdown =\n%s\nwant\n%s", l.Markdown, tt.want)
			}
			if l.Images != tt.images {
				t.Errorf("Images = %d, want %d", l.Images, tt.images)
			}
		})
	}
}

// TestConvertWithoutPackageRels reads a document whose archive lacks the
// package relationships and the styles, as some tools write it.
func TestConvertWithoutPackageRels(t *testing.T) {
	l, err := Convert("letter.docx", zipOf(t, map[string]string{"word/document.xml": wordXML(p("", r("본문")))}))
	if err != nil {
		t.Fatal(err)
	}
	if l.Markdown != "본문\n" {
		t.Errorf("Markdown = %q", l.Markdown)
	}
}

func TestConvertRefuses(t *testing.T) {
	valid := wordFile(t, p("", r("본문")))
	tests := []struct {
		name string
		data []byte
		id   string
	}{
		{"text", []byte("# 편지\n\n본문\n"), "docx.not"},
		{"empty", nil, "docx.not"},
		{"Word 97–2003 or HWP", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), "docx.ole"},
		{"cut short", valid[:len(valid)/2], "docx.damaged"},
		{"zip of something else", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}), "docx.not"},
		{"hwpx", zipOf(t, map[string]string{"mimetype": "application/hwp+zip", "Contents/section0.xml": "<x/>"}), "docx.hwpx"},
		{"body is not XML", zipOf(t, map[string]string{"word/document.xml": "<w:document><w:body><w:p>"}), "docx.damaged"},
		{"styles are not XML", zipOf(t, map[string]string{"_rels/.rels": packageRels, "word/document.xml": wordXML(p("", r("본문"))),
			"word/_rels/document.xml.rels": documentRels, "word/styles.xml": "<w:styles"}), "docx.damaged"},
		{"relationships name a missing part", zipOf(t, map[string]string{"_rels/.rels": packageRels, "word/document.xml": wordXML(p("", r("본문"))),
			"word/_rels/document.xml.rels": documentRels}), "docx.part"},
		{"no text", wordFile(t, p("", "")+`<w:tbl><w:tr><w:tc>`+p("", "")+`</w:tc></w:tr></w:tbl>`), "docx.empty"},
		{"a part too large", zipOf(t, map[string]string{"_rels/.rels": packageRels, "word/document.xml": strings.Repeat(" ", maxPart+1)}), "docx.part.large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Convert("letter.docx", tt.data)
			var m *locales.Message
			if !errors.As(err, &m) || m.ID != tt.id {
				t.Fatalf("Convert = %v, want the message %s", err, tt.id)
			}
			if !strings.Contains(err.Error(), "letter.docx") {
				t.Errorf("%q does not name the file", err)
			}
		})
	}
}
