package locales

import (
	"errors"
	"testing"

	"golang.org/x/text/language"
)

// A message given as another message's data is said in the printer's
// language too; any other error as Go says it.
func TestMessageInData(t *testing.T) {
	ko := NewPrinter(language.Korean)
	for _, tc := range []struct {
		err  error
		want string
	}{
		{New("exchange.tmx.none"), "x.tmx: TMX 파일이 아닙니다: <tmx> 요소가 없습니다"},
		{errors.New("XML syntax error on line 1"), "x.tmx: TMX 파일이 아닙니다: XML syntax error on line 1"},
	} {
		if got := ko.Sprint(New("memory.tmx", "Path", "x.tmx", "Err", tc.err)); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
	if got, want := English.Sprint(New("memory.tmx", "Path", "x.tmx", "Err", New("exchange.tmx.none"))), "x.tmx: not a TMX file: no <tmx> element"; got != want {
		t.Errorf("in English: %q, want %q", got, want)
	}
}
