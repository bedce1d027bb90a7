package locales

import (
	"testing"

	"golang.org/x/text/language"
)

// TestPluralForms: a message with a Count picks its form by the language's
// plural rules; a message with one form reads the same for every count.
func TestPluralForms(t *testing.T) {
	ko := NewPrinter(language.Korean)
	for _, tc := range []struct {
		p    *Printer
		n    int
		want string
	}{
		{English, 1, "1 segment failed to translate"},
		{English, 2, "2 segments failed to translate"},
		{English, 0, "0 segments failed to translate"},
		{ko, 1, "문장 1개를 번역하지 못했습니다"},
		{ko, 3, "문장 3개를 번역하지 못했습니다"},
	} {
		if got := tc.p.T("translate.partial", "Count", tc.n); got != tc.want {
			t.Errorf("%v %d: %q, want %q", tc.p.Tag, tc.n, got, tc.want)
		}
	}
	if got := English.T("check.summary", "Count", 1, "Errors", 1, "Warnings", 0); got != "1 error, 0 warnings" {
		t.Errorf("a one-form message with a Count: %q", got)
	}
}

// TestSentencePlurals: the messages that count sentences say "1 sentence"
// and "2 sentences" in English, and count with 개 in Korean.
func TestSentencePlurals(t *testing.T) {
	ko := NewPrinter(language.Korean)
	for _, tc := range []struct {
		p    *Printer
		id   string
		data []any
		want string
	}{
		{English, "status.nolang", []any{"Count", 1}, "1 sentence, no target language"},
		{English, "status.nolang", []any{"Count", 3}, "3 sentences, no target language"},
		{ko, "status.nolang", []any{"Count", 1}, "문장 1개, 대상 언어 없음"},
		{English, "export.unreviewed", []any{"Count", 1, "Machine", 1, "Untranslated", 0},
			"the edition is a draft: 1 sentence is not reviewed (1 machine-translated, 0 not translated)"},
		{English, "export.unreviewed", []any{"Count", 2, "Machine", 1, "Untranslated", 1},
			"the edition is a draft: 2 sentences are not reviewed (1 machine-translated, 1 not translated)"},
		{ko, "export.unreviewed", []any{"Count", 2, "Machine", 1, "Untranslated", 1},
			"초안입니다: 검토되지 않은 문장 2개 (기계 번역 1개, 번역 없음 1개)"},
		{English, "translate.dry-run", []any{"Count", 1, "Batches", 1, "Tokens", 40, "Reused", 0},
			"would send 1 segment in 1 request, about 40 prompt tokens; 0 reused from memory"},
		{English, "translate.dry-run", []any{"Count", 8, "Batches", 1, "Tokens", 90, "Reused", 2},
			"would send 8 segments in 1 request, about 90 prompt tokens; 2 reused from memory"},
		{English, "translate.dry-run", []any{"Count", 8, "Batches", 2, "Tokens", 90, "Reused", 2},
			"would send 8 segments in 2 requests, about 90 prompt tokens; 2 reused from memory"},
		{English, "check.summary", []any{"Errors", 1, "Warnings", 2}, "1 error, 2 warnings"},
		{English, "check.summary", []any{"Errors", 0, "Warnings", 1}, "0 errors, 1 warning"},
		{English, "review.refused", []any{"ID", "ab12cd34", "More", 1}, "ab12cd34 not approved (1 more error)"},
		{English, "review.refused", []any{"ID", "ab12cd34", "More", 2}, "ab12cd34 not approved (2 more errors)"},
		{English, "translate.summary", []any{"Translated", 3, "Reused", 0, "Failed", 0, "Missing", 0, "Requests", 1, "Prompt", 9, "Completion", 4, "Seconds", "0.1"},
			"translated 3, reused 0, failed 0; 1 request, 9 prompt and 4 completion tokens, 0.1 s"},
		{English, "translate.summary", []any{"Translated", 3, "Reused", 0, "Failed", 0, "Missing", 0, "Requests", 2, "Prompt", 9, "Completion", 4, "Seconds", "0.1"},
			"translated 3, reused 0, failed 0; 2 requests, 9 prompt and 4 completion tokens, 0.1 s"},
		{ko, "translate.dry-run", []any{"Count", 8, "Batches", 2, "Tokens", 90, "Reused", 2},
			"문장 8개를 요청 2번에 나눠 보낼 예정, 프롬프트 토큰 약 90개; 메모리에서 재사용 2개"},
	} {
		if got := tc.p.T(tc.id, tc.data...); got != tc.want {
			t.Errorf("%v %s %v: %q, want %q", tc.p.Tag, tc.id, tc.data, got, tc.want)
		}
	}
}
