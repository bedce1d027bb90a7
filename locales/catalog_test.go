package locales

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"text/template"
	"text/template/parse"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// idFuncs names every function and method that takes a message id. This is
// the one list: a new helper that takes an id must be added here, and its
// callers must pass the id as a string literal ("area.what"), never built at
// run time, so that this test can see which ids the code uses. A listed
// helper may forward its own id parameter (usage calls locales.New).
//
// Where an id really must be chosen at run time, the line before the call
// carries the directive
//
//	//locales:ids area.one area.two
//
// naming every id the expression can take. Without it, a call whose id is a
// variable is accepted only when its function spells the ids as literals
// elsewhere (a table of cases); a misspelt id in such a table goes unseen,
// which is why literal ids at the call are better.
var idFuncs = []idFunc{
	{pkg: "locales", name: "New"}, // locales.New("id", "Key", value, ...)
	{name: "WithHint", method: true},
	{name: "T", method: true}, // Printer.T("id", ...)
	{name: "usage"},           // cmd: usage("id", ...), a usage error
	// glossary: problem(file, line, "id", ...), a message about one line
	{name: "problem", arg: 2, implicitKeys: []string{"File", "Line"}},
}

type idFunc struct {
	pkg, name string
	method    bool
	// arg is the index of the id among the arguments; the data's key/value
	// pairs follow it. implicitKeys are data keys the helper adds itself.
	arg          int
	implicitKeys []string
}

// idUse is one place in the code that names a message id.
type idUse struct {
	id  string
	pos string
	// keys are the template data keys given at the call, when all of them
	// are literals; nil when they cannot be known (kv... forwarded).
	keys []string
}

func TestCatalogsMatchCode(t *testing.T) {
	cats := loadCatalogs(t)
	catalogIDs := map[string]bool{}
	for id := range cats.area {
		catalogIDs[id] = true
	}
	uses, problems := scanIDUses(t, filepath.Join(".."), catalogIDs) // the module root
	for _, p := range problems {
		t.Error(p)
	}

	used := map[string]bool{}
	for _, u := range uses {
		used[u.id] = true
		for _, lang := range []string{"en", "ko"} {
			if _, ok := cats.text[lang][u.id]; !ok {
				t.Errorf("%s: message id %q is missing from the %s catalogs (locales/*.%s.toml)", u.pos, u.id, lang, lang)
			}
		}
	}
	for _, id := range sortedKeys(cats.area) {
		if !used[id] {
			t.Errorf("locales/%s.*.toml: message id %q is used nowhere in the code; remove it (or, if it is built at run time, name it in a //locales:ids directive)", cats.area[id], id)
		}
	}

	// Every field a template names must be given by every call that names
	// the message with literal keys: {{.Path}} with New("x", "File", f)
	// would print <no value>.
	for _, u := range uses {
		if u.keys == nil {
			continue
		}
		for _, lang := range []string{"en", "ko"} {
			text, ok := cats.text[lang][u.id]
			if !ok {
				continue
			}
			fields, err := templateFields(text)
			if err != nil {
				continue // reported by TestCatalogTemplatesRender
			}
			for _, f := range fields {
				if !slices.Contains(u.keys, f) {
					t.Errorf("%s: %s message %q uses {{.%s}}, which the call does not give (it gives %v)", u.pos, lang, u.id, f, u.keys)
				}
			}
		}
	}
}

func TestCatalogAreasHaveSameIDs(t *testing.T) {
	names, err := fs.Glob(files, "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	byArea := map[string]map[string][]string{} // area → lang → ids
	for _, name := range names {
		parts := strings.Split(name, ".")
		if len(parts) != 3 {
			t.Errorf("locales/%s: a message file is named AREA.LANG.toml", name)
			continue
		}
		area, lang := parts[0], parts[1]
		if byArea[area] == nil {
			byArea[area] = map[string][]string{}
		}
		byArea[area][lang] = fileIDs(t, name)
	}
	for area, langs := range byArea {
		en, ok := langs["en"]
		if !ok {
			t.Errorf("locales/%s.ko.toml has no English twin locales/%s.en.toml", area, area)
			continue
		}
		if _, ok := langs["ko"]; !ok {
			t.Errorf("locales/%s.en.toml has no Korean twin locales/%s.ko.toml", area, area)
		}
		for lang, ids := range langs {
			if lang == "en" {
				continue
			}
			for _, id := range missing(en, ids) {
				t.Errorf("locales/%s.%s.toml lacks %q, which %s.en.toml has", area, lang, id, area)
			}
			for _, id := range missing(ids, en) {
				t.Errorf("locales/%s.%s.toml has %q, which %s.en.toml lacks", area, lang, id, area)
			}
		}
	}
}

// particleAfterValue finds a Korean particle written right after an inserted
// value, or after the closing quote or bracket around it, where only josa
// can know the right form: {{.Path}}을, '{{.Path}}'로.
var particleAfterValue = regexp.MustCompile(`}}['"’”)\]]*(을|를|이|가|은|는|으로|로|과|와|이라는|라는)`)

// bothForms finds a particle written in both forms, 을(를), the way text
// does when it cannot know the word before it; a message can.
var bothForms = regexp.MustCompile(`을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|\(으\)로|과\(와\)|와\(과\)`)

func TestCatalogTemplatesRender(t *testing.T) {
	cats := loadCatalogs(t)
	for lang, msgs := range cats.text {
		for _, id := range sortedKeys(msgs) {
			text := msgs[id]
			where := fmt.Sprintf("locales/%s.%s.toml: %q", cats.area[id], lang, id)
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s is empty", where)
				continue
			}
			fields, err := templateFields(text)
			if err != nil {
				t.Errorf("%s does not parse: %v", where, err)
				continue
			}
			if err := renderPlaceholder(text, fields); err != nil {
				t.Errorf("%s does not render with placeholder data: %v", where, err)
			}
			if lang != "ko" {
				continue
			}
			if m := bothForms.FindString(text); m != "" {
				t.Errorf("%s writes both forms of a particle (%q): use {{josa .X \"을/를\"}}, which picks one", where, m)
			}
			if m := particleAfterValue.FindString(text); m != "" {
				t.Errorf("%s writes a fixed particle after a value (%q): use {{josa .X \"을/를\"}}", where, m)
			}
			pairs, _ := josaPairs(text)
			for _, pair := range pairs {
				if _, _, ok := strings.Cut(pair, "/"); !ok {
					t.Errorf("%s: josa pair %s is not a literal written consonant-form/vowel-form (\"을/를\")", where, pair)
				}
			}
		}
	}
}

// renderPlaceholder executes text with every field it names set to a word,
// and then to a number, for templates that compare or count: one of the two
// must render.
func renderPlaceholder(text string, fields []string) error {
	tmpl, err := template.New("").Funcs(templateFuncs).Parse(text)
	if err != nil {
		return err
	}
	var firstErr error
	for _, v := range []any{"파일", 2} {
		data := map[string]any{}
		for _, f := range fields {
			data[f] = v
		}
		var b strings.Builder
		err := tmpl.Execute(&b, data)
		if err == nil {
			return nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return firstErr
}

// templateFields returns the top-level data fields text names ({{.Path}}),
// leaving out those inside with and range, where dot is something else.
func templateFields(text string) ([]string, error) {
	seen := map[string]bool{}
	err := walkTemplate(text, func(n parse.Node, topLevel bool) {
		if f, ok := n.(*parse.FieldNode); ok && topLevel {
			seen[f.Ident[0]] = true
		}
	})
	return sortedKeys(seen), err
}

// josaPairs returns the particle pairs that text's josa calls name.
func josaPairs(text string) ([]string, error) {
	var pairs []string
	err := walkTemplate(text, func(n parse.Node, _ bool) {
		c, ok := n.(*parse.CommandNode)
		if !ok || len(c.Args) != 3 {
			return
		}
		if id, ok := c.Args[0].(*parse.IdentifierNode); ok && id.Ident == "josa" {
			if s, ok := c.Args[2].(*parse.StringNode); ok {
				pairs = append(pairs, s.Text)
			} else {
				pairs = append(pairs, c.Args[2].String())
			}
		}
	})
	return pairs, err
}

// walkTemplate parses text and calls visit for every node, saying whether
// dot is still the template's data there.
func walkTemplate(text string, visit func(n parse.Node, topLevel bool)) error {
	trees, err := parse.Parse("m", text, "", "", templateFuncs, builtinFuncs)
	if err != nil {
		return err
	}
	var walk func(n parse.Node, top bool)
	walk = func(n parse.Node, top bool) {
		if n == nil {
			return
		}
		visit(n, top)
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c, top)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe, top)
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(c, top)
				}
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a, top)
			}
		case *parse.IfNode:
			walk(n.Pipe, top)
			walk(n.List, top)
			walk(n.ElseList, top)
		case *parse.WithNode:
			walk(n.Pipe, top)
			walk(n.List, false)
			walk(n.ElseList, top)
		case *parse.RangeNode:
			walk(n.Pipe, top)
			walk(n.List, false)
			walk(n.ElseList, top)
		}
	}
	walk(trees["m"].Root, true)
	return nil
}

// builtinFuncs stand in for text/template's own functions, which parse needs
// to know by name.
var builtinFuncs = map[string]any{
	"and": true, "or": true, "not": true, "len": true, "index": true, "slice": true,
	"print": true, "printf": true, "println": true, "eq": true, "ne": true,
	"lt": true, "le": true, "gt": true, "ge": true, "html": true, "js": true,
	"urlquery": true, "call": true,
}

type catalogs struct {
	text map[string]map[string]string // lang → id → template
	area map[string]string            // id → area
}

func loadCatalogs(t *testing.T) catalogs {
	t.Helper()
	names, err := fs.Glob(files, "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	c := catalogs{text: map[string]map[string]string{}, area: map[string]string{}}
	for _, name := range names {
		area, _, _ := strings.Cut(name, ".")
		mf := parseFile(t, name)
		lang := mf.Tag.String()
		if c.text[lang] == nil {
			c.text[lang] = map[string]string{}
		}
		for _, m := range mf.Messages {
			if prev, ok := c.area[m.ID]; ok && prev != area {
				t.Errorf("locales/%s: id %q is already in locales/%s.*.toml; an id belongs to one area", name, m.ID, prev)
			}
			c.area[m.ID] = area
			c.text[lang][m.ID] = m.Other
		}
	}
	return c
}

func parseFile(t *testing.T, name string) *i18n.MessageFile {
	t.Helper()
	buf, err := fs.ReadFile(files, name)
	if err != nil {
		t.Fatal(err)
	}
	mf, err := i18n.ParseMessageFileBytes(buf, name, map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil {
		t.Fatalf("locales/%s: %v", name, err)
	}
	return mf
}

func fileIDs(t *testing.T, name string) []string {
	var ids []string
	for _, m := range parseFile(t, name).Messages {
		ids = append(ids, m.ID)
	}
	return ids
}

// scanIDUses reads every non-test Go file under root and returns the message
// ids named at calls of idFuncs, in composite literals Message{ID: "…"} and
// in //locales:ids directives, and the calls whose id it cannot read.
func scanIDUses(t *testing.T, root string, catalogIDs map[string]bool) (uses []idUse, problems []string) {
	t.Helper()
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%v (cannot check its message ids)", err))
			return nil
		}
		u, p := fileIDUses(fset, f, catalogIDs)
		uses = append(uses, u...)
		problems = append(problems, p...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return uses, problems
}

func fileIDUses(fset *token.FileSet, f *ast.File, catalogIDs map[string]bool) (uses []idUse, problems []string) {
	// Directive lines: ids they name are used, and the call on the next
	// line may compute its id.
	directiveLines := map[int]bool{}
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			rest, ok := strings.CutPrefix(c.Text, "//locales:ids")
			if !ok {
				continue
			}
			pos := fset.Position(c.Pos())
			directiveLines[pos.Line] = true
			for _, id := range strings.Fields(rest) {
				uses = append(uses, idUse{id: id, pos: pos.String()})
			}
		}
	}
	inLocales := f.Name.Name == "locales"
	for _, decl := range f.Decls {
		helper := ""
		if fd, ok := decl.(*ast.FuncDecl); ok {
			helper = fd.Name.Name
		}
		// unseen are the calls in decl whose id is a variable.
		var unseen []string
		ast.Inspect(decl, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				fn, ok := findIDFunc(n.Fun, inLocales)
				if !ok || len(n.Args) <= fn.arg {
					return true
				}
				pos := fset.Position(n.Pos())
				id, ok := stringLit(n.Args[fn.arg])
				if !ok {
					if !isIDFuncName(helper) && !directiveLines[pos.Line-1] && !directiveLines[pos.Line] {
						unseen = append(unseen, pos.String())
					}
					return true
				}
				uses = append(uses, idUse{id: id, pos: pos.String(), keys: literalKeys(n, fn)})
			case *ast.CompositeLit:
				if !isMessageType(n.Type, inLocales) {
					return true
				}
				for _, e := range n.Elts {
					kv, ok := e.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "ID" {
						pos := fset.Position(kv.Pos())
						if id, ok := stringLit(kv.Value); ok {
							uses = append(uses, idUse{id: id, pos: pos.String()})
						} else if !isIDFuncName(helper) && !directiveLines[pos.Line-1] && !directiveLines[pos.Line] {
							unseen = append(unseen, pos.String())
						}
					}
				}
			}
			return true
		})
		if len(unseen) == 0 {
			continue
		}
		// A variable id is taken from a table of literals in the same
		// function: those that are catalog ids are the ids it can take.
		var table []string
		ast.Inspect(decl, func(n ast.Node) bool {
			if s, ok := stringLit(n); ok && catalogIDs[s] {
				table = append(table, s)
			}
			return true
		})
		if len(table) == 0 {
			for _, pos := range unseen {
				problems = append(problems, fmt.Sprintf("%s: the message id must be a string literal so the catalog test can see it (or name its possible ids in a //locales:ids directive on the line before)", pos))
			}
			continue
		}
		for _, id := range table {
			uses = append(uses, idUse{id: id, pos: unseen[0]})
		}
	}
	return uses, problems
}

func findIDFunc(fun ast.Expr, inLocales bool) (idFunc, bool) {
	for _, f := range idFuncs {
		switch fun := fun.(type) {
		case *ast.Ident:
			if fun.Name == f.name && !f.method && (f.pkg == "" || f.pkg == "locales" && inLocales) {
				return f, true
			}
		case *ast.SelectorExpr:
			if fun.Sel.Name != f.name {
				continue
			}
			if f.method {
				return f, true
			}
			if x, ok := fun.X.(*ast.Ident); ok && f.pkg != "" && x.Name == f.pkg {
				return f, true
			}
		}
	}
	return idFunc{}, false
}

func isIDFuncName(name string) bool {
	for _, f := range idFuncs {
		if f.name == name {
			return true
		}
	}
	return false
}

func isMessageType(e ast.Expr, inLocales bool) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return inLocales && e.Name == "Message"
	case *ast.SelectorExpr:
		x, ok := e.X.(*ast.Ident)
		return ok && x.Name == "locales" && e.Sel.Name == "Message"
	}
	return false
}

// literalKeys returns the data keys of a call f("id", "Key", v, ...) when
// every key is a literal and nothing is forwarded with ..., else nil.
func literalKeys(call *ast.CallExpr, fn idFunc) []string {
	kv := call.Args[fn.arg+1:]
	if call.Ellipsis.IsValid() || len(kv)%2 != 0 {
		return nil
	}
	keys := slices.Clone(fn.implicitKeys)
	for i := 0; i < len(kv); i += 2 {
		k, ok := stringLit(kv[i])
		if !ok {
			return nil
		}
		keys = append(keys, k)
	}
	if keys == nil {
		keys = []string{}
	}
	return keys
}

func stringLit(e ast.Node) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

func missing(want, have []string) []string {
	var out []string
	for _, w := range want {
		if !slices.Contains(have, w) {
			out = append(out, w)
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
