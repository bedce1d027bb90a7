package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"sync"

	"github.com/epistle-letters/epistle/pipeline/review"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// desk is one letter under review: its [review.Reviewer], the fingerprint
// of the files it was read from, and the page's approvals that may still
// be undone, last on top.
type desk struct {
	path string
	open func(path string) (*review.Reviewer, error)

	mu    sync.Mutex
	r     *review.Reviewer
	stamp [sha256.Size]byte
	undo  []review.Mark
}

func openDesk(path string, open func(string) (*review.Reviewer, error)) (*desk, error) {
	d := &desk{path: path, open: open}
	return d, d.reopen()
}

// reopen reads the letter's files again.
func (d *desk) reopen() error {
	r, err := d.open(d.path)
	if err != nil {
		return err
	}
	d.r, d.stamp = r, fingerprint(r)
	return nil
}

// fresh reads the letter's files again when anything changed them since
// they were read or written here: the letter, its catalogs, its failures,
// its review log. It reports whether it read them again.
func (d *desk) fresh() (bool, error) {
	if fingerprint(d.r) == d.stamp {
		return false, nil
	}
	return true, d.reopen()
}

// fingerprint sums up the files a review reads, the glossary among them.
// Reading them whole is what
// a change of a few bytes within the same clock tick needs, and costs far
// less than reading the letter again.
func fingerprint(r *review.Reviewer) [sha256.Size]byte {
	l := r.Letter
	h := sha256.New()
	paths := []string{
		l.Path,
		l.CatalogPath("active", l.Source),
		l.CatalogPath("translate", r.Lang),
		l.CatalogPath("active", r.Lang),
		l.FailuresPath(r.Lang),
		review.LogPath(l, r.Lang),
	}
	if r.Glossary != nil {
		paths = append(paths, r.Glossary.Name)
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			data = []byte(err.Error())
		}
		h.Write([]byte(path))
		h.Write([]byte{0})
		h.Write(data)
		h.Write([]byte{0})
	}
	var sum [sha256.Size]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

// read runs fn on the letter as it is on disk now.
func (d *desk) read(fn func(r *review.Reviewer) error) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, err := d.fresh(); err != nil {
		return err
	}
	return fn(d.r)
}

// stampText is the fingerprint of the files as last read or written here.
func (d *desk) stampText() string { return hex.EncodeToString(d.stamp[:8]) }

// current is the fingerprint of the files as they are on disk now.
func (d *desk) current() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	sum := fingerprint(d.r)
	return hex.EncodeToString(sum[:8])
}

// write runs fn on the letter as it is on disk now, under the letter's
// lock (DESIGN.md "One letter, one writer"), and writes what it changed,
// each file whole and atomically. A failed write leaves the review as the
// files are. seen is the page's fingerprint of the files: when they were
// as the page saw them, write returns their new one; otherwise "", and the
// page must read them again.
func (d *desk) write(ctx context.Context, seen string, fn func(r *review.Reviewer) (bool, error)) (string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	release, err := d.r.Letter.Lock(ctx)
	if err != nil {
		return "", err
	}
	defer release()
	reread, err := d.fresh()
	if err != nil {
		return "", err
	}
	uptodate := !reread && seen == d.stampText()
	stamp := func() string {
		if uptodate {
			return d.stampText()
		}
		return ""
	}
	var files []store.File
	if reread {
		// The letter was edited: its refreshed source catalog is written
		// under this lock, as every writing command does.
		files = d.r.Letter.Pending()
	}
	changed, err := fn(d.r)
	if err != nil {
		return "", err
	}
	if changed {
		files = append(files, d.r.Files()...)
	}
	if len(files) == 0 {
		return stamp(), nil
	}
	if err := store.Save(files); err != nil {
		_ = d.reopen()
		return "", err
	}
	d.stamp = fingerprint(d.r)
	return stamp(), nil
}
