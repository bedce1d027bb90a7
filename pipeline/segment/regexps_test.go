package segment

import (
	"regexp"
	"sync"
)

// compiledRegexps holds, for the tests, each rule's regexps as package regexp compiles them:
// the reference Split's own matchers ([nfa]) are held to.
var compiledRegexps sync.Map // *lazyRegexps -> [2]*regexp.Regexp

// get returns the rule's before and after regexps compiled by package regexp.
func (l *lazyRegexps) get() (before, after *regexp.Regexp) {
	v, ok := compiledRegexps.Load(l)
	if !ok {
		v, _ = compiledRegexps.LoadOrStore(l, [2]*regexp.Regexp{regexp.MustCompile(l.before), regexp.MustCompile(l.after)})
	}
	re := v.([2]*regexp.Regexp)
	return re[0], re[1]
}
