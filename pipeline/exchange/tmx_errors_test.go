package exchange

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

// A document that is not TMX is said as a message, in the reader's
// language, not as an English sentence made here.
func TestReadTMXRefusesOtherDocuments(t *testing.T) {
	for _, tc := range []struct{ doc, id, ko string }{
		{"", "exchange.tmx.none", "<tmx> 요소가 없습니다"},
		{"<html><body/></html>", "exchange.tmx.root", "문서가 <tmx>가 아니라 <html>입니다"},
	} {
		_, err := ReadTMX(strings.NewReader(tc.doc), language.Korean, language.English)
		var m *locales.Message
		if !errors.As(err, &m) || m.ID != tc.id {
			t.Errorf("ReadTMX(%q) = %v, want the message %s", tc.doc, err, tc.id)
			continue
		}
		if got := locales.NewPrinter(language.Korean).ErrorText(err); got != tc.ko {
			t.Errorf("in Korean: %q, want %q", got, tc.ko)
		}
	}
}
