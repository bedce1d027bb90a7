package document

import (
	"regexp"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// ParserOptions read Markdown as a letter. A letter is not a README: text
// saved from HWP or Word keeps a tab or four spaces before a paragraph, and
// CommonMark would make that an indented code block that is never
// translated, so there are no indented code blocks (fenced code stays code).
// A Korean date at the start of a line (2024. 5. 20.) is not a list of
// lists. Tables are GitHub's. Editions parse with the same options, so that
// they show what was translated.
func ParserOptions() []parser.Option {
	var blocks []util.PrioritizedValue
	for _, b := range parser.DefaultBlockParsers() {
		switch b.Value {
		case parser.NewCodeBlockParser():
			continue
		case parser.NewListParser():
			b.Value = dateAwareList{b.Value.(parser.BlockParser)}
		case parser.NewParagraphParser():
			b.Value = indentedParagraph{b.Value.(parser.BlockParser)}
		}
		blocks = append(blocks, b)
	}
	return []parser.Option{
		parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		parser.WithParagraphTransformers(util.Prioritized(extension.NewTableParagraphTransformer(), 200)),
		parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
	}
}

var letterParser = sync.OnceValue(func() parser.Parser { return parser.NewParser(ParserOptions()...) })

// dateAwareList is goldmark's list parser, except that a line whose item
// would begin with another number and a period (2024. 5. 20., 3. 15.(토))
// opens no list: it is a date.
type dateAwareList struct{ parser.BlockParser }

// dateAtLineStart matches a line that begins with a Korean date written
// with periods: 2024. 5. 20., 3. 15.(토) — and not "1. 2.5억".
var dateAtLineStart = regexp.MustCompile(`^[ \t]*[0-9]{1,4}\.[ \t]+[0-9]{1,2}\.(?:[^0-9]|$)`)

// DateAtLineStart reports a line that begins with such a date, which a
// letter reads as text, not as a numbered item (convert writes it
// unescaped, so that it reads as the writer's date).
func DateAtLineStart(line string) bool { return dateAtLineStart.MatchString(line) }

func (l dateAwareList) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if line, _ := reader.PeekLine(); dateAtLineStart.Match(line) {
		return nil, parser.NoChildren
	}
	return l.BlockParser.Open(parent, reader, pc)
}

// indentedParagraph is goldmark's paragraph parser, which then also takes
// the indented lines the code block parser took.
type indentedParagraph struct{ parser.BlockParser }

func (indentedParagraph) CanAcceptIndentedLine() bool { return true }
