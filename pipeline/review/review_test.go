package review

import (
	"reflect"
	"testing"

	"golang.org/x/text/language"
)

func TestDiff(t *testing.T) {
	tests := []struct {
		old, new string
		lang     language.Tag
		want     []Edit
	}{
		{"탈북민들의 안전을 위해", "탈북민들의 건강을 위해", language.Korean,
			[]Edit{{Equal, "탈북민들의 "}, {Delete, "안전"}, {Insert, "건강"}, {Equal, "을 위해"}}},
		{"사례는 극히 일부", "사례는 정말 극히 일부", language.Korean,
			[]Edit{{Equal, "사례는 "}, {Insert, "정말 "}, {Equal, "극히 일부"}}},
		{"Please pray for the safety of defectors.", "Please pray for the health of defectors.", language.English,
			[]Edit{{Equal, "Please pray for the "}, {Delete, "safety"}, {Insert, "health"}, {Equal, " of defectors."}}},
		{"It is a small part.", "It is only a small part.", language.English,
			[]Edit{{Equal, "It is "}, {Insert, "only "}, {Equal, "a small part."}}},
		{"same", "same", language.English, []Edit{{Equal, "same"}}},
		{"", "new", language.English, []Edit{{Insert, "new"}}},
	}
	for _, tt := range tests {
		if got := Diff(tt.old, tt.new, tt.lang); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Diff(%q, %q) = %v, want %v", tt.old, tt.new, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"Hallelujah!", "Hallelujah!", 0},
		{"kitten", "sitting", 3},
		{"안전을", "건강을", 2},
		{"", "abc", 3},
		{"The the end.", "The end.", 4},
		{"Pray for the safety of all.", "Pray for the health of all.", 5},
		{"abab", "ab", 2},
		{"aab", "ab", 1},
		{"기도해 주세요", "기도해 주세요!", 1},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestStats(t *testing.T) {
	logs := []*Log{
		{Decisions: []Decision{
			{ID: "a", Hash: "h1", Backend: "openai gpt-4o-mini", Distance: 0},
			{ID: "b", Hash: "h2", Backend: "openai gpt-4o-mini", Distance: 10},
			// b approved again after going back: only the last counts
			{ID: "b", Hash: "h2", Backend: "openai gpt-4o-mini", Distance: 4},
			{ID: "c", Hash: "h3", Backend: "memory fuzzy 87%", Distance: 6},
			// an approval of an earlier approval says nothing about a backend
			{ID: "d", Hash: "h4", Distance: 3},
		}},
		{Decisions: []Decision{
			{ID: "a", Hash: "h9", Backend: "memory fuzzy 91.5%", Distance: 0},
			{ID: "e", Hash: "h5", Backend: "memory"},
		}},
	}
	want := []Stat{
		{Backend: "memory", Approved: 1, Unchanged: 1, Distance: 0},
		{Backend: "memory", Model: "fuzzy", Approved: 2, Unchanged: 1, Distance: 3},
		{Backend: "openai", Model: "gpt-4o-mini", Approved: 2, Unchanged: 1, Distance: 2},
	}
	if got := Stats(logs); !reflect.DeepEqual(got, want) {
		t.Errorf("Stats = %+v\nwant %+v", got, want)
	}
	if got := (Stat{Approved: 4, Unchanged: 3}).UnchangedShare(); got != 0.75 {
		t.Errorf("UnchangedShare = %v", got)
	}
}
