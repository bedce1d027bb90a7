package segment

import (
	"embed"
	"fmt"
	"maps"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

//go:embed rules/*.toml
var ruleFiles embed.FS

// window bounds how much text a rule's regexps see on each side of a position. It keeps Split
// linear: no rule can make the work at one position grow with the length of the text.
const window = 256

// ruleFile is the shape of one rules/*.toml file.
type ruleFile struct {
	// Quotes lists quotation marks and brackets as two-rune strings (opening, closing);
	// a sentence never ends inside a pair that closes within QuoteSpan bytes.
	Quotes    []string            `toml:"quotes"`
	QuoteSpan int                 `toml:"quote_span"`
	Lists     map[string][]string `toml:"lists"`
	// Patterns are named regexp fragments, used as {name} like lists but not quoted.
	Patterns map[string]string `toml:"patterns"`
	Rules    []ruleEntry       `toml:"rule"`
}

// ruleEntry is one [[rule]] of a rules file.
type ruleEntry struct {
	// Include, when set, stands for all the rules of another file at this point (each
	// file at most once per rule set); the entry has no regexps of its own then.
	Include string `toml:"include"`
	Break   bool   `toml:"break"`
	Before  string `toml:"before"`
	After   string `toml:"after"`
	// Words names a list; the rule then also needs the last word before the position
	// (letters and digits, trailing marks skipped) to be in it. A set lookup is much
	// cheaper than a regexp alternation of a few hundred words.
	Words string `toml:"words"`
	// NextWords is the same for the first word after the position.
	NextWords string `toml:"next_words"`
}

// rule is one compiled SRX-style rule. It applies at a position when before matches the text
// ending there and after matches the text starting there.
type rule struct {
	brk    bool
	source string // "rules/file.toml rule N", for error messages and tests
	// before is compiled reversed and anchored: it is matched against the reversed text
	// starting at the position, which is how a "text ending here" match is done without
	// lookbehind and without scanning back over the window. Both are compiled on first use
	// (see [lazyRegexps]).
	re *lazyRegexps
	// last and first are the runes (ranges lo, hi) that can end a before match and start an
	// after match, unless lastAny/firstAny say any rune can (the regexp can match the empty
	// string, or has a dot there). They let Split skip rules that cannot apply before running
	// any regexp.
	last, first       []rune
	lastAny, firstAny bool
	// next is like first for the first rune after any white space that after begins with
	// ("\s+X" needs an X there), which is what tells most rules apart at the end of a word.
	next    []rune
	nextAny bool
	// backWin and aheadWin are how many bytes each regexp needs to see: the longest text it
	// can match plus one rune, at most window. A short window keeps the regexp engine cheap,
	// and the extra rune means a cut window never looks like the start or end of the text.
	backWin, aheadWin int
	// words and nextWords, when not nil, hold the words that must end before / start after
	// the position.
	words, nextWords map[string]bool
	// beforeFirst says to run before ahead of after: the smaller program goes first.
	beforeFirst bool
}

// ruleSet is what one language's rule files add up to.
type ruleSet struct {
	rules     []rule
	quotes    []quotePair
	quoteSpan int
}

// loadRules reads rules/<name>.toml and the files it includes, returning the rules in
// evaluation order. Word lists and quotation marks are shared by all the files of one set.
func loadRules(name string) (ruleSet, error) {
	l := ruleLoader{files: map[string]*ruleFile{}, done: map[string]bool{}}
	if err := l.read(name); err != nil {
		return ruleSet{}, err
	}
	set, err := l.merge()
	if err != nil {
		return ruleSet{}, err
	}
	err = l.emit(name)
	set.rules = l.rules
	return set, err
}

// ruleLoader is where loading one language's rule files is.
type ruleLoader struct {
	files    map[string]*ruleFile // by name, as read
	lists    map[string][]string  // every file's lists, merged
	patterns map[string]string    // every file's patterns
	done     map[string]bool      // the files whose rules are emitted
	rules    []rule               // the rules emitted so far, in evaluation order
}

// read reads rules/<name>.toml and, once each, the files it includes.
func (l *ruleLoader) read(name string) error {
	if l.files[name] != nil {
		return nil
	}
	data, err := ruleFiles.ReadFile("rules/" + name + ".toml")
	if err != nil {
		return fmt.Errorf("rules/%s.toml: %w", name, err)
	}
	var f ruleFile
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return fmt.Errorf("rules/%s.toml: %w", name, err)
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		return fmt.Errorf("rules/%s.toml: unknown keys %v", name, keys)
	}
	l.files[name] = &f
	for _, r := range f.Rules {
		if r.Include != "" {
			if err := l.read(r.Include); err != nil {
				return err
			}
		}
	}
	return nil
}

// merge gathers the quotation marks, lists and patterns of all the files read.
func (l *ruleLoader) merge() (ruleSet, error) {
	var set ruleSet
	l.lists = map[string][]string{}
	l.patterns = map[string]string{}
	// Files in name order, so that the result never depends on map order.
	for _, fname := range slices.Sorted(maps.Keys(l.files)) {
		f := l.files[fname]
		for _, q := range f.Quotes {
			r := []rune(q)
			if len(r) != 2 {
				return ruleSet{}, fmt.Errorf("rules/%s.toml: quotes: %q is not an opening and a closing mark", fname, q)
			}
			set.quotes = append(set.quotes, quotePair{r[0], r[1]})
		}
		set.quoteSpan = max(set.quoteSpan, f.QuoteSpan)
		for k, v := range f.Lists {
			l.lists[k] = append(l.lists[k], v...)
		}
		for k, v := range f.Patterns {
			if _, dup := l.patterns[k]; dup {
				return ruleSet{}, fmt.Errorf("rules/%s.toml: pattern {%s} is defined twice", fname, k)
			}
			l.patterns[k] = v
		}
	}
	return set, nil
}

// emit compiles the rules of file name in order, an include standing for
// the rules of the file it names, unless they came earlier.
func (l *ruleLoader) emit(name string) error {
	l.done[name] = true
	for j, r := range l.files[name].Rules {
		if r.Include != "" {
			if l.done[r.Include] {
				continue
			}
			if err := l.emit(r.Include); err != nil {
				return err
			}
			continue
		}
		src := fmt.Sprintf("rules/%s.toml rule %d", name, j+1)
		cr, err := l.compile(r)
		if err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
		cr.source = src
		l.rules = append(l.rules, cr)
	}
	return nil
}

// compile turns one rule entry into a rule, its lists and patterns expanded.
func (l *ruleLoader) compile(r ruleEntry) (rule, error) {
	before, err := expandMacros(r.Before, l.lists, l.patterns)
	if err != nil {
		return rule{}, fmt.Errorf("before: %w", err)
	}
	after, err := expandMacros(r.After, l.lists, l.patterns)
	if err != nil {
		return rule{}, fmt.Errorf("after: %w", err)
	}
	cr, err := compileRule(r.Break, before, after)
	if err != nil {
		return rule{}, err
	}
	if cr.words, err = wordSet(r.Words, l.lists); err != nil {
		return rule{}, fmt.Errorf("words: %w", err)
	}
	if cr.nextWords, err = wordSet(r.NextWords, l.lists); err != nil {
		return rule{}, fmt.Errorf("next_words: %w", err)
	}
	return cr, nil
}

func wordSet(name string, lists map[string][]string) (map[string]bool, error) {
	if name == "" {
		return nil, nil
	}
	words, ok := lists[name]
	if !ok {
		return nil, fmt.Errorf("unknown list %q", name)
	}
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set, nil
}

// macro finds {name} list references and {coda:ㅆ} Hangul final-consonant classes.
var macro = regexp.MustCompile(`\{([a-z_]+)(?::([^}]*))?\}`)

// expandMacros replaces {pattern} by its regexp (which may itself use lists and codas),
// {list} by an alternation of the list's words (quoted, so a list holds plain words) and
// {coda:X} by the class of all Hangul syllables whose final consonant is X (a compatibility
// jamo such as ㅆ, or "none"). Repetition counts like {2,} are left alone.
func expandMacros(expr string, lists map[string][]string, patterns map[string]string) (string, error) {
	return expandDepth(expr, lists, patterns, 0)
}

func expandDepth(expr string, lists map[string][]string, patterns map[string]string, depth int) (string, error) {
	if depth > 8 {
		return "", fmt.Errorf("patterns nested too deep (a pattern that uses itself?)")
	}
	var err error
	out := macro.ReplaceAllStringFunc(expr, func(m string) string {
		sub := macro.FindStringSubmatch(m)
		if p, ok := patterns[sub[1]]; ok && sub[2] == "" {
			x, e := expandDepth(p, lists, patterns, depth+1)
			if e != nil {
				err = fmt.Errorf("{%s}: %w", sub[1], e)
			}
			return "(?:" + x + ")"
		}
		if sub[1] == "coda" {
			class, e := codaClass(sub[2])
			if e != nil {
				err = e
			}
			return class
		}
		words, ok := lists[sub[1]]
		if !ok {
			err = fmt.Errorf("unknown list {%s}", sub[1])
			return m
		}
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = regexp.QuoteMeta(w)
		}
		// Longest first, so that a reversed (suffix) match prefers the longer word; it
		// makes no difference to whether the rule matches, only to readability of errors.
		slices.SortStableFunc(quoted, func(a, b string) int { return len(b) - len(a) })
		return "(?:" + strings.Join(quoted, "|") + ")"
	})
	return out, err
}

// Hangul syllables are laid out arithmetically: 0xAC00 + (initial*21 + medial)*28 + final.
const (
	hangulFirst = 0xAC00
	hangulLast  = 0xD7A3
	finals      = 28
)

// codaNames lists the 28 finals (index 0 = no final) as compatibility jamo.
var codaNames = []rune("\x00ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")

func codaClass(name string) (string, error) {
	idx := -1
	if name == "none" {
		idx = 0
	} else if r := []rune(name); len(r) == 1 {
		idx = slices.Index(codaNames, r[0])
	}
	if idx <= 0 && name != "none" {
		return "", fmt.Errorf("{coda:%s}: want a final consonant jamo like ㅆ, or none", name)
	}
	var b strings.Builder
	b.WriteByte('[')
	for r := rune(hangulFirst + idx); r <= hangulLast; r += finals {
		b.WriteRune(r)
	}
	b.WriteByte(']')
	return b.String(), nil
}

// compileRule compiles before reversed (see [rule]) and after anchored at its start.
func compileRule(brk bool, before, after string) (rule, error) {
	bre, err := syntax.Parse(before, syntax.Perl)
	if err != nil {
		return rule{}, fmt.Errorf("before: %w", err)
	}
	are, err := syntax.Parse(after, syntax.Perl)
	if err != nil {
		return rule{}, fmt.Errorf("after: %w", err)
	}
	r := rule{brk: brk}
	var ok bool
	r.last, ok = edgeRunes(bre, true)
	r.lastAny = !ok || nullable(bre)
	r.first, ok = edgeRunes(are, false)
	r.firstAny = !ok || nullable(are)
	var empty bool
	r.next, ok, empty = nextRunes(are)
	r.nextAny = !ok || empty
	r.beforeFirst = progSize(bre) <= progSize(are)
	r.backWin = min(window, maxLen(bre)+utf8.UTFMax)
	r.aheadWin = min(window, maxLen(are)+utf8.UTFMax)
	reverseRegexp(bre)
	r.re = &lazyRegexps{before: `^(?:` + regexpSource(bre) + `)`, after: `^(?:` + after + `)`}
	return r, nil
}

// lazyRegexps are a rule's two regexps, compiled the first time Split gets past the rule's
// rune and word checks. A command reading a short letter tries few of the rules, and
// compiling all of them was most of its start-up. The sources were parsed when the rule
// was loaded, so compiling them cannot fail (a test compiles every rule of every file).
type lazyRegexps struct {
	before, after string
	matchOnce     sync.Once
	matchers      [2]*regexp.Regexp
}

// match returns the before and after regexps, compiled.
func (l *lazyRegexps) match() (before, after *regexp.Regexp) {
	l.matchOnce.Do(func() {
		l.matchers = [2]*regexp.Regexp{regexp.MustCompile(l.before), regexp.MustCompile(l.after)}
	})
	return l.matchers[0], l.matchers[1]
}
