package review

import "testing"

// What a reviewer types or pastes is approved as one line, as the sentence
// is shown: a line break in it would break the edition's line at random.
func TestApprovalIsOneLine(t *testing.T) {
	r := openSample(t)
	id := r.Letter.SourceCatalog.Messages[0].ID
	if _, err := r.Approve(Approval{ID: id, Text: "Hallelujah!\nPraise\u00a0the  Lord!", Edited: true}); err != nil {
		t.Fatal(err)
	}
	const want = "Hallelujah! Praise the Lord!"
	if got := r.Translations.Approved.Get(id).Other; got != want {
		t.Errorf("approved %q, want %q", got, want)
	}
	if it, _ := r.Item(id); it.Translation != want {
		t.Errorf("shown %q, want %q", it.Translation, want)
	}
}
