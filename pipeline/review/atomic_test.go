package review

import (
	"errors"
	"os"
	"syscall"
	"testing"

	"github.com/epistle-letters/epistle/pipeline/store"
)

// writeFailing writes files in order as the commands do, stopping at the
// first error, and fails with ENOSPC, as a full disk does, on failPath.
func writeFailing(files []store.File, failPath string) error {
	for _, f := range files {
		if f.Path == failPath {
			return &os.PathError{Op: "write", Path: f.Path, Err: syscall.ENOSPC}
		}
		if err := store.WriteFile(f.Path, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// An approval the disk cannot take whole never leaves a catalog that holds
// approvals the review log lacks: the log is written first, and when the
// catalog then fails, approving again completes the pair.
func TestApproveDiskFull(t *testing.T) {
	r := openSample(t)
	id := r.Letter.SourceCatalog.Messages[0].ID
	logPath := LogPath(r.Letter, r.Lang)
	catalogPath := r.Letter.CatalogPath("active", r.Lang)

	// The log fails: nothing is written.
	if _, err := r.Approve(Approval{ID: id}); err != nil {
		t.Fatal(err)
	}
	if err := writeFailing(r.Files(), logPath); err == nil {
		t.Fatal("write with a full disk did not fail")
	}
	if _, err := os.Stat(catalogPath); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the log failed but %s was written", catalogPath)
	}

	// The catalog fails: the log holds the decision, and the next
	// approval, from what is on disk, writes the catalog.
	r, err := Open(r.Letter, r.Lang, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Approve(Approval{ID: id}); err != nil {
		t.Fatal(err)
	}
	if err := writeFailing(r.Files(), catalogPath); err == nil {
		t.Fatal("write with a full disk did not fail")
	}
	log, err := LoadLog(logPath)
	if err != nil || len(log.Decisions) != 1 || log.Decisions[0].ID != id {
		t.Fatalf("after the catalog failed, the log holds %+v (%v); want the decision for %s", log, err, id)
	}
	r, err = Open(r.Letter, r.Lang, nil)
	if err != nil {
		t.Fatal(err)
	}
	changed, err := r.Approve(Approval{ID: id})
	if err != nil || !changed {
		t.Fatalf("approving again: changed %v, %v; want the approval made", changed, err)
	}
	if err := store.WriteFiles(r.Files()); err != nil {
		t.Fatal(err)
	}
	r, err = Open(r.Letter, r.Lang, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m := r.Translations.Approved.Get(id); m == nil {
		t.Fatalf("%s is not approved after the rerun", id)
	}
}
