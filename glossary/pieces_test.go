package glossary

import (
	"reflect"
	"testing"
)

func TestPieces(t *testing.T) {
	// "탈북민과 김철수 형제" in runes: 탈북민 0-3, 김철수 5-8.
	const text = "탈북민과 김철수 형제"
	defector := Term{Source: "탈북민", Target: "North Korean defectors", Start: 0, End: 3}
	name := Term{Source: "김철수", Target: "Kim Chul-soo", Start: 5, End: 8}
	type piece struct {
		text, term string
	}
	tests := []struct {
		name  string
		text  string
		terms []Term
		want  []piece
	}{
		{"no terms", text, nil, []piece{{text, ""}}},
		{"two terms", text, []Term{defector, name},
			[]piece{{"탈북민", "탈북민"}, {"과 ", ""}, {"김철수", "김철수"}, {" 형제", ""}}},
		{"a term at the end", "김철수", []Term{{Source: "김철수", Start: 0, End: 3}}, []piece{{"김철수", "김철수"}}},
		{"an overlapping term is left unmarked", text, []Term{defector, {Source: "민과", Start: 2, End: 4}, name},
			[]piece{{"탈북민", "탈북민"}, {"과 ", ""}, {"김철수", "김철수"}, {" 형제", ""}}},
		{"a term past the text is left unmarked", "탈북민", []Term{{Source: "탈북민과", Start: 0, End: 4}},
			[]piece{{"탈북민", ""}}},
		{"empty text", "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []piece
			for _, p := range Pieces(tt.text, tt.terms) {
				term := ""
				if p.Term != nil {
					term = p.Term.Source
				}
				got = append(got, piece{p.Text, term})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Pieces = %q, want %q", got, tt.want)
			}
		})
	}
}
