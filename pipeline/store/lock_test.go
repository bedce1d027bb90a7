package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/epistle-letters/epistle/locales"
)

func TestLockNamesHolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "letter.epistle")
	holder := &Letter{Dir: dir}
	release, err := holder.Lock(context.Background())
	if err != nil {
		t.Fatal(err)
	}

	// A second writer waits its (short) while, then names the holder.
	other := &Letter{Dir: dir, LockWait: 10 * time.Millisecond}
	_, err = other.Lock(context.Background())
	var m *locales.Message
	if !errors.As(err, &m) || m.ID != "lock.held" {
		t.Fatalf("second Lock: %v, want lock.held", err)
	}
	if got := m.Data["PID"]; got != os.Getpid() {
		t.Errorf("lock.held names pid %v, want %d", got, os.Getpid())
	}
	if _, ok := other.TryLock(); ok {
		t.Error("TryLock got a lock that is held")
	}

	// Once released, the next writer gets it, and the folder holds no
	// trace of the lock.
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("after release, %s: %v; want it gone (the lock made it)", dir, err)
	}
	release, err = other.Lock(context.Background())
	if err != nil {
		t.Fatalf("Lock after release: %v", err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, lockName))
	if want := strconv.Itoa(os.Getpid()) + "\n"; len(data) < len(want) || string(data[:len(want)]) != want {
		t.Errorf("lock file holds %q, want the pid first", data)
	}
	release()
}

func TestLockWaitsForRelease(t *testing.T) {
	dir := t.TempDir() // a folder with other files stays after release
	release, err := (&Letter{Dir: dir}).Lock(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan error)
	go func() {
		r, err := (&Letter{Dir: dir, LockWait: time.Minute}).Lock(context.Background())
		if err == nil {
			err = r()
		}
		got <- err
	}()
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if err := <-got; err != nil {
		t.Fatalf("waiting writer: %v", err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Errorf("a folder the lock did not make is removed: %v", err)
	}
}

func TestLockCancelled(t *testing.T) {
	dir := t.TempDir()
	release, err := (&Letter{Dir: dir}).Lock(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := (&Letter{Dir: dir, LockWait: time.Minute}).Lock(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Lock with a cancelled context: %v, want context.Canceled", err)
	}
}

// A waiter can open the lock file just before its holder removes it and
// lets go, and then lock a file no longer at the path, while a third writer
// creates and locks the new one: the waiter must not take that as holding
// the lock, but try again on the file at the path.
func TestLockOnRemovedFileIsNotHeld(t *testing.T) {
	dir := t.TempDir()
	replaced := false
	testHookLocked = func(path string) {
		if replaced {
			return
		}
		replaced = true
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { testHookLocked = nil })
	release, err := (&Letter{Dir: dir, LockWait: time.Minute}).Lock(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if !replaced {
		t.Fatal("the lock file was never replaced: the test tests nothing")
	}
	if _, ok := (&Letter{Dir: dir}).TryLock(); ok {
		t.Error("a second writer took the lock: the first one held a removed file")
	}
}
