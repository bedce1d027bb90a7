package segment

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"slices"
)

// Loading a rule set (decoding its TOML, expanding macros, parsing every regexp to learn
// which runes it can start and end with) is most of what a command reading a short letter
// does. prepared_rules.go holds the result for every rule file, written by
// `go test ./pipeline/segment -run TestPreparedRules -update` and used while the rule files
// are the ones it was written from; a rule file edited since is loaded from its TOML as
// before (and TestPreparedRules fails until the file is written again).

// rulesHash is the SHA-256 of every embedded rule file, names and contents, in name order.
func rulesHash() string {
	names, _ := fs.Glob(ruleFiles, "rules/*.toml")
	slices.Sort(names)
	h := sha256.New()
	for _, name := range names {
		data, _ := ruleFiles.ReadFile(name)
		h.Write([]byte(name + "\x00"))
		h.Write(data)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ruleSetFor returns the rule set of a rule file: prepared when the rule files are the
// ones prepared_rules.go was written from, otherwise loaded.
func ruleSetFor(name string) (ruleSet, error) {
	if prep, ok := preparedSets[name]; ok && rulesHash() == preparedHash {
		return prep(), nil
	}
	return loadRules(name)
}
