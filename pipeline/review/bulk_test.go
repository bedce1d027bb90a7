package review

import (
	"errors"
	"reflect"
	"testing"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/pipeline/catalog"
	"github.com/epistle-letters/epistle/pipeline/lettertest"
	"github.com/epistle-letters/epistle/pipeline/qa"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// A sentence of the mixed letter and where its English stands.
const (
	machineOK    = "할렐루야!"    // machine translation of the current source
	approvedNow  = "감사합니다."   // approved for the current source
	staleOnly    = "기도해 주세요." // approved for an earlier source, nothing newer
	machineEmpty = "평안하세요."   // machine translation QA refuses (empty)
	missing      = "주님께 영광."  // nothing at all
	failed       = "은혜입니다."   // the machine failed on it
)

// openMixed writes a letter whose sentences stand in every state in English
// (and, with a German approval, in a second language) and returns it with
// its ids by source text.
func openMixed(t *testing.T) (*store.Letter, map[string]string) {
	t.Helper()
	l := lettertest.Open(t, map[string]string{
		"epistle.toml": "source = \"ko\"\ntargets = [\"en\"]\n",
		"letter.ko.md": "할렐루야! 감사합니다. 기도해 주세요. 평안하세요. 주님께 영광. 은혜입니다.\n",
	})
	ids := lettertest.IDs(l)
	if len(ids) != 6 {
		t.Fatalf("the letter split into %d sentences, want 6", len(ids))
	}
	machine, active, de := &catalog.Catalog{}, &catalog.Catalog{}, &catalog.Catalog{}
	machine.Set(&catalog.Message{ID: ids[machineOK], Hash: l.Hash(ids[machineOK]), Description: "openai gpt-4o-mini", Other: "Hallelujah!"})
	machine.Set(&catalog.Message{ID: ids[machineEmpty], Hash: l.Hash(ids[machineEmpty]), Description: "openai gpt-4o-mini", Other: ""})
	active.Set(&catalog.Message{ID: ids[approvedNow], Hash: l.Hash(ids[approvedNow]), Other: "Thank you."})
	active.Set(&catalog.Message{ID: ids[staleOnly], Hash: "sha1-earlier", Other: "Please pray."})
	de.Set(&catalog.Message{ID: ids[approvedNow], Hash: l.Hash(ids[approvedNow]), Other: ""})
	failures := store.Failures{ids[failed]: {Hash: l.Hash(ids[failed]), Reason: "timeout"}}
	write := []store.File{
		{Path: l.CatalogPath("translate", language.English), Data: machine.Marshal("")},
		{Path: l.CatalogPath("active", language.English), Data: active.Marshal("")},
		{Path: l.CatalogPath("active", language.German), Data: de.Marshal("")},
		{Path: l.FailuresPath(language.English), Data: store.MarshalFailures(failures)},
	}
	if err := store.WriteFiles(write); err != nil {
		t.Fatal(err)
	}
	return l, ids
}

func TestApproveBulk(t *testing.T) {
	tests := []struct {
		name     string
		bulk     Bulk
		approved []string // source texts now approved, in letter order
		refused  []string // source texts refused, in order
		unknown  bool     // the run is an error and changes nothing
	}{
		{"all takes machine translations, not a stale one's previous",
			Bulk{All: true}, []string{machineOK, approvedNow}, []string{machineEmpty}, false},
		{"all with force takes the stale one and overrides QA",
			Bulk{All: true, Force: true}, []string{machineOK, approvedNow, staleOnly, machineEmpty}, nil, false},
		{"a named stale sentence is approved for the new words",
			Bulk{IDs: []string{staleOnly}}, []string{approvedNow, staleOnly}, nil, false},
		{"named: approving again is no change, nothing to approve is refused",
			Bulk{IDs: []string{approvedNow, missing, machineOK}}, []string{machineOK, approvedNow}, []string{missing}, false},
		{"an unknown id changes nothing",
			Bulk{IDs: []string{machineOK, "nosuchid"}}, []string{approvedNow}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, ids := openMixed(t)
			r, err := Open(l, language.English, nil)
			if err != nil {
				t.Fatal(err)
			}
			b := tt.bulk
			if !b.All {
				b.IDs = nil
				for _, text := range tt.bulk.IDs {
					id, ok := ids[text]
					if !ok {
						id = text
					}
					b.IDs = append(b.IDs, id)
				}
			}
			res, err := r.ApproveBulk(b)
			if tt.unknown != (err != nil) {
				t.Fatalf("ApproveBulk: err = %v, want an error: %v", err, tt.unknown)
			}
			var approved, refused []string
			for _, s := range l.States(r.Translations) {
				if s.State == store.Approved {
					approved = append(approved, s.Source)
				}
			}
			for _, err := range res.Refused {
				var qe *QAError
				id := ""
				if errors.As(err, &qe) {
					id = qe.ID
				}
				for text, i := range ids {
					if i == id || id == "" && text == missing {
						refused = append(refused, text)
					}
				}
			}
			if !reflect.DeepEqual(approved, tt.approved) || !reflect.DeepEqual(refused, tt.refused) {
				t.Errorf("approved %q, refused %q\nwant approved %q, refused %q", approved, refused, tt.approved, tt.refused)
			}
			if want := len(tt.approved) - 1; !tt.unknown && len(res.Approved) != want {
				t.Errorf("Approved = %d, want %d", len(res.Approved), want)
			}
		})
	}
}

func TestCheckLetter(t *testing.T) {
	tests := []struct {
		name string
		lang language.Tag
		want []string // id's source text and language of each problem
	}{
		{"every language", language.Und, []string{"감사합니다./de", "평안하세요./en"}},
		{"one language", language.English, []string{"평안하세요./en"}},
		{"the source language checks only the source", language.Korean, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, ids := openMixed(t)
			problems, err := CheckLetter(l, tt.lang, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range problems {
				for text, id := range ids {
					if id == p.ID && p.Severity == qa.Error {
						got = append(got, text+"/"+p.Lang)
					}
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("CheckLetter(%v) errors %q, want %q", tt.lang, got, tt.want)
			}
		})
	}
}

// Item looks one sentence up by itself; it must show what Items shows.
func TestItemMatchesItems(t *testing.T) {
	l, ids := openMixed(t)
	r, err := Open(l, language.English, nil)
	if err != nil {
		t.Fatal(err)
	}
	items := r.Items()
	if len(items) != 4 {
		t.Fatalf("Items: %d items, want 4 (machine, stale, machine, failed)", len(items))
	}
	for _, want := range items {
		if got, ok := r.Item(want.ID); !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("Item(%s) = %+v, %v\nwant %+v", want.ID, got, ok, want)
		}
	}
	if _, ok := r.Item("nosuchid"); ok {
		t.Error("Item(nosuchid) found a sentence")
	}
	if it, _ := r.Item(ids[approvedNow]); it.State != store.Approved || it.Translation != "Thank you." {
		t.Errorf("Item(approved) = %+v", it)
	}
}

// An approval settles the sentence's machine translation at once, as far as
// approving again is concerned, and Files takes it out of
// translate.<lang>.toml (in one pass, however many were approved).
func TestApproveSettles(t *testing.T) {
	l, ids := openMixed(t)
	r, err := Open(l, language.English, nil)
	if err != nil {
		t.Fatal(err)
	}
	id := ids[machineOK]
	if changed, err := r.Approve(Approval{ID: id, Text: "Praise the Lord!", Edited: true}); !changed || err != nil {
		t.Fatalf("edited approval: %v, %v", changed, err)
	}
	// The machine's "Hallelujah!" is settled: approving again keeps the
	// person's words.
	if changed, err := r.Approve(Approval{ID: id}); changed || err != nil {
		t.Errorf("approving again: changed %v, err %v; want no change", changed, err)
	}
	if got := r.Translations.Approved.Get(id).Other; got != "Praise the Lord!" {
		t.Errorf("approved text %q", got)
	}
	var machineFile []byte
	for _, f := range r.Files() {
		if f.Path == l.CatalogPath("translate", language.English) {
			machineFile = f.Data
		}
	}
	machine, err := catalog.Parse("translate.en.toml", machineFile)
	if err != nil || machineFile == nil {
		t.Fatalf("Files wrote no translate.en.toml (%v)", err)
	}
	if machine.Get(id) != nil || machine.Get(ids[machineEmpty]) == nil {
		t.Errorf("translate.en.toml holds %d messages: the approved one must go, the other stay", machine.Len())
	}
}

// Approving in bulk settles the machine translations it approved, all at
// the end, as approving them one by one does.
func TestApproveBulkSettles(t *testing.T) {
	l, ids := openMixed(t)
	r, err := Open(l, language.English, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.ApproveBulk(Bulk{All: true}); err != nil {
		t.Fatal(err)
	}
	if r.Translations.Machine.Get(ids[machineOK]) != nil || r.Translations.Machine.Get(ids[machineEmpty]) == nil {
		t.Errorf("machine catalog holds %d messages: the approved one must go, the refused one stay", r.Translations.Machine.Len())
	}
	if len(r.Files()) != 3 {
		t.Error("Files does not write translate.en.toml")
	}
}
