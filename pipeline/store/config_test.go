package store

import "testing"

func TestPriceCost(t *testing.T) {
	gpt4oMini := Price{Prompt: 0.15, Completion: 0.60}
	tests := []struct {
		name               string
		price              Price
		prompt, completion int
		want               float64
	}{
		{"nothing sent", gpt4oMini, 0, 0, 0},
		{"a million prompt tokens", gpt4oMini, 1_000_000, 0, 0.15},
		{"a million of each", gpt4oMini, 1_000_000, 1_000_000, 0.75},
		{"a letter", gpt4oMini, 12_000, 4_000, 0.0042},
		{"a free model", Price{}, 12_000, 4_000, 0},
	}
	for _, tt := range tests {
		if got := tt.price.Cost(tt.prompt, tt.completion); got < tt.want-1e-12 || got > tt.want+1e-12 {
			t.Errorf("%s: Cost(%d, %d) = %v, want %v", tt.name, tt.prompt, tt.completion, got, tt.want)
		}
	}
}
