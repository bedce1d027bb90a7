package openai

import "testing"

func TestEnforcesSchema(t *testing.T) {
	for url, want := range map[string]bool{
		"":                              true,
		"https://api.openai.com/v1":     true,
		"http://localhost:11434/v1":     false,
		"https://x.openai.azure.com":    false,
		"http://127.0.0.1:8000/v1":      false,
		"https://api.openai.com/v1/foo": true,
	} {
		if got := EnforcesSchema(url); got != want {
			t.Errorf("EnforcesSchema(%q) = %v, want %v", url, got, want)
		}
	}
}
