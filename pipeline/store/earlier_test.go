package store

import (
	"context"
	"reflect"
	"testing"
)

func TestRelate(t *testing.T) {
	old := []known{
		{"t", "5월 기도 편지", ""},
		{"a", "탈북민들의 안전을 위해 기도해 주십시오.", ""},
		{"b", "천안 센터에 새 가정이 왔습니다.", ""},
		{"c", "감사 모임은 토요일에 있었고 모두 함께 찬양하며 예배를 드렸습니다.", ""},
		{"d", "감사합니다.", ""},
	}
	for _, tt := range []struct {
		name  string
		texts []string
		want  map[string][]string
	}{
		{"nothing changed", []string{old[0].Text, old[1].Text, old[2].Text, old[3].Text, old[4].Text}, map[string][]string{}},
		{"one edit", []string{old[0].Text, "탈북민들의 안전을 위해 늘 기도해 주십시오.", old[2].Text, old[3].Text, old[4].Text}, map[string][]string{}},
		{"merge", []string{old[0].Text, "탈북민들의 안전을 위해 기도해 주시고, 천안 센터에 새 가정이 왔습니다.", old[3].Text, old[4].Text},
			map[string][]string{"b": {"a"}}},
		{"split", []string{old[0].Text, old[1].Text, old[2].Text, "감사 모임은 토요일에 있었습니다.", "모두 함께 찬양하며 예배를 드렸습니다.", old[4].Text},
			map[string][]string{"97bf127c": {"c"}}}, // the part most like c keeps its id
		// A short sentence found inside a new long one is no merge.
		{"short", []string{old[0].Text, old[1].Text, old[2].Text, old[3].Text, "정말 감사합니다. 다음 달에 또 소식을 전하겠습니다."}, map[string][]string{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pairs, err := align(context.Background(), old, tt.texts)
			if err != nil {
				t.Fatal(err)
			}
			ids, err := assignIDsAligned(context.Background(), old, tt.texts, pairs)
			if err != nil {
				t.Fatal(err)
			}
			if got := relate(old, tt.texts, ids, pairs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("relate = %v, want %v (ids %v)", got, tt.want, ids)
			}
		})
	}
}
