// Package docx turns a Word document (.docx) into a Markdown letter.
//
// A pastor writes the letter in Word and sends the .docx; epistle works on
// Markdown. A .docx is a zip archive of XML parts (WordprocessingML, ECMA-376):
// word/document.xml holds the body, word/styles.xml says which paragraph
// style is a heading, word/numbering.xml whether a list is bulleted or
// numbered, and word/_rels/document.xml.rels where each hyperlink points.
// This package reads that small subset with archive/zip and encoding/xml:
//
//   - paragraphs, and headings: a paragraph whose style is Word's "heading N"
//     or "Title", or has an outline level, under whatever name the style
//     carries in the writer's language;
//   - bold and italic, set on the run or by its character style;
//   - bulleted and numbered lists, nested by level;
//   - hyperlinks (relationship or HYPERLINK field), line breaks, tables
//     (the first row is the header, as in Markdown);
//   - an image, which a Markdown letter cannot carry, becomes a note with its
//     alt text, and is counted so the command can say so;
//   - quotations (Word's "Quote" and "Block Text" styles, LibreOffice's
//     "Quotations").
//
// Everything else — footnotes, comments, tracked deletions, text boxes,
// page layout — is left out; the text a reader sees in the body is kept.
package docx
