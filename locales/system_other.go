//go:build !windows

package locales

// systemLanguage is "" where the environment (LANG, LC_ALL) says it.
func systemLanguage() string { return "" }
