package openai

import (
	"context"
	"fmt"
	"testing"

	"github.com/epistle-letters/epistle/pipeline/backendtest"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// TestWeakModelShapes: a server answering in the shape of a small local
// model gets every unit translated with the one request.
func TestWeakModelShapes(t *testing.T) {
	want := map[string]string{
		"p3.s1": "North Korean defector season year help letter rest grace.",
		"p3.s2": "<n1/> faith <g1>Zoom</g1> home light church.",
	}
	for _, shape := range []backendtest.Failure{backendtest.KeyTranslation, backendtest.KeyTranslated,
		backendtest.BareArray, backendtest.NumericIDs, backendtest.CodeFence, backendtest.Chatter} {
		for _, schema := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/schema=%v", shape, schema), func(t *testing.T) {
				srv := backendtest.NewServer(backendtest.Options{})
				defer srv.Close()
				srv.FailNext(shape, -1)
				resp, err := newTranslator(t, srv, schema).Translate(context.Background(), smallRequest())
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(resp.Translations) != fmt.Sprint(want) || resp.Requests != 1 {
					t.Errorf("translations = %q in %d requests, want %q in 1", resp.Translations, resp.Requests, want)
				}
			})
		}
	}
}

// TestParseReplyNumericID: a number that is a unit's id names that unit,
// even when every id is a number.
func TestParseReplyNumericID(t *testing.T) {
	units := []translate.Unit{{ID: "12345678"}, {ID: "2"}}
	got, err := parseReply(`[{"id":12345678,"text":"A"},{"id":2,"text":"B"}]`, units)
	if err != nil || got["12345678"] != "A" || got["2"] != "B" || len(got) != 2 {
		t.Errorf("got %v, %v", got, err)
	}
}
