package glossary

// englishForms returns the regular inflections of an English key (folded,
// as the automaton holds it): plural and third person -s/-es, -ies for a
// final consonant + y, past -ed/-d and -ing, dropping a silent e. Keys that
// do not end in a Latin letter have none. Irregular forms (children) are not
// guessed; a glossary lists them as renderings.
func englishForms(key []rune) [][]rune {
	n := len(key)
	if n < 2 || !isLatinLower(key[n-1]) {
		return nil
	}
	last := key[n-1]
	with := func(stem []rune, suffix string) []rune {
		out := make([]rune, 0, len(stem)+len(suffix))
		return append(append(out, stem...), []rune(suffix)...)
	}
	var forms [][]rune
	switch {
	case last == 'y' && !isVowel(key[n-2]):
		forms = append(forms, with(key[:n-1], "ies"), with(key[:n-1], "ied"), with(key, "ing"))
	case last == 'e':
		forms = append(forms, with(key, "s"), with(key, "d"), with(key[:n-1], "ing"))
	case last == 's' || last == 'x' || last == 'z' || endsWith(key, "ch") || endsWith(key, "sh"):
		forms = append(forms, with(key, "es"), with(key, "ed"), with(key, "ing"))
	default:
		forms = append(forms, with(key, "s"), with(key, "ed"), with(key, "ing"))
	}
	return forms
}

func isLatinLower(r rune) bool { return 'a' <= r && r <= 'z' }

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

func endsWith(key []rune, s string) bool {
	rs := []rune(s)
	if len(key) < len(rs) {
		return false
	}
	for i, r := range rs {
		if key[len(key)-len(rs)+i] != r {
			return false
		}
	}
	return true
}
