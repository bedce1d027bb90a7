package cmd

import (
	"slices"
	"testing"
)

// The review page opens in the default browser of each system the release
// is built for; the token in the URL must reach it whole.
func TestBrowserCommand(t *testing.T) {
	const url = "http://127.0.0.1:43323/?token=a1c0&x=1"
	tests := []struct {
		goos string
		want []string
	}{
		{"windows", []string{"rundll32", "url.dll,FileProtocolHandler", url}},
		{"darwin", []string{"open", url}},
		{"linux", []string{"xdg-open", url}},
		{"freebsd", []string{"xdg-open", url}},
	}
	for _, tt := range tests {
		if got := browserCommand(tt.goos, url); !slices.Equal(got, tt.want) {
			t.Errorf("browserCommand(%s) = %q, want %q", tt.goos, got, tt.want)
		}
	}
}
