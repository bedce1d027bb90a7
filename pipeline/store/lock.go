package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"github.com/epistle-letters/epistle/locales"
)

// lockName is the file in NAME.epistle whose advisory lock says who is
// writing the letter's folder; it holds the holder's pid and command line.
const lockName = "lock"

// DefaultLockWait is how long [Letter.Lock] waits for another writer to
// finish before it gives up. EPISTLE_LOCK_WAIT (a Go duration, "200ms",
// "1m") changes it, for tests and slow machines.
const DefaultLockWait = 5 * time.Second

// lockPoll is how often a waiting writer tries the lock again.
const lockPoll = 20 * time.Millisecond

// Lock takes the letter's writer lock: an advisory lock on a file in
// NAME.epistle, so that two epistle processes that write the same letter
// (two translate runs, translate and approve, two reviewers) never
// interleave their writes. It waits [Letter.LockWait] (by default
// [DefaultLockWait]) for another holder, then fails with a
// *locales.Message naming the process that holds it; nothing is written
// then. The lock goes when release is called or the process ends, even by
// kill -9. Readers do not take it: every file is replaced atomically.
//
// Take it before reading what you will change, and read again after: a
// catalog read before the lock may be stale by the time it is held
// ([OpenLocked] does this for a letter's source; a caller that opened the
// letter earlier reloads its translations, [Letter.LoadTranslations]).
func (l *Letter) Lock(ctx context.Context) (release func() error, err error) {
	wait, cancel := context.WithTimeout(ctx, l.lockWait())
	defer cancel()
	for {
		fl, created, err := l.tryLock(wait, true)
		switch {
		case fl != nil:
			return l.hold(fl, created), nil
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case err != nil:
			return nil, err
		case wait.Err() != nil:
			return nil, lockedBy(l.Dir, filepath.Join(l.Dir, lockName))
		}
	}
}

// TryLock takes the letter's writer lock only if nobody holds it; ok is
// false, and release nil, when another process writes the letter. It lets
// a reader tidy the letter's folder when it can and never wait for it.
func (l *Letter) TryLock() (release func() error, ok bool) {
	fl, created, err := l.tryLock(context.Background(), false)
	if fl == nil || err != nil {
		return nil, false
	}
	return l.hold(fl, created), true
}

// tryLock waits until ctx is done (tries once unless wait) for the lock
// file, and returns it locked, or nil when ctx ended first or when the file
// it locked was removed by the holder before it (the caller tries again).
// created says that the folder did not exist before.
func (l *Letter) tryLock(ctx context.Context, wait bool) (fl *flock.Flock, created bool, err error) {
	if _, err := os.Stat(l.Dir); errors.Is(err, fs.ErrNotExist) {
		created = true
	}
	if err := os.MkdirAll(l.Dir, 0o755); err != nil {
		return nil, false, locales.New("write.failed", "Path", l.Dir).Wrap(err)
	}
	path := filepath.Join(l.Dir, lockName)
	fl = flock.New(path)
	var ok bool
	if wait {
		ok, err = fl.TryLockContext(ctx, lockPoll)
	} else {
		ok, err = fl.TryLock()
	}
	if !ok {
		defer fl.Close()
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// The folder went away with the last holder's lock file.
		return nil, false, nil
	case err != nil && ctx.Err() == nil:
		return nil, false, locales.New("lock.failed", "Path", path).Wrap(err)
	case err == nil && ok:
		if testHookLocked != nil {
			testHookLocked(path)
		}
		// A holder removes the file as it lets go: a lock on a file that
		// is no longer at path protects nothing.
		locked, err1 := fl.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(locked, now) {
			return fl, created, nil
		}
		_ = fl.Unlock()
	}
	return nil, false, nil
}

// testHookLocked lets a test act as the holder that lets go, and the
// writer that comes next, in the moment between opening and locking the
// lock file and checking that it is still the one at path.
var testHookLocked func(path string)

// hold writes who holds the lock into the lock file and returns what lets
// it go: the lock file goes, and the folder too when taking the lock made
// it and nothing else was written there, so that a command that stops on
// bad input leaves no trace.
func (l *Letter) hold(fl *flock.Flock, created bool) (release func() error) {
	path := fl.Path()
	// flock(2) locks the open file, so writing through a second handle
	// does not disturb it. Where the lock is on the file's bytes instead
	// (Windows), the write fails and a waiter names no process: the name
	// is a courtesy, the lock is what counts.
	holder := fmt.Sprintf("%d\n%s\n", os.Getpid(), commandLine())
	_ = os.WriteFile(path, []byte(holder), 0o644)
	return func() error {
		err := os.Remove(path)
		uerr := fl.Unlock()
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			// Windows removes no file that is open, and the lock held it
			// open: remove it now it is closed. Another writer may have
			// opened it meanwhile; it then stays, and locks for them.
			_ = os.Remove(path)
			err = nil
		}
		if created {
			_ = os.Remove(l.Dir) // fails, as it should, unless empty
		}
		if err == nil {
			err = uerr
		}
		return err
	}
}

func (l *Letter) lockWait() time.Duration {
	if l.LockWait > 0 {
		return l.LockWait
	}
	if d, err := time.ParseDuration(os.Getenv("EPISTLE_LOCK_WAIT")); err == nil && d >= 0 {
		return d
	}
	return DefaultLockWait
}

// lockedBy names the process that holds the lock, from what it wrote in
// the lock file (it may not have written it yet).
func lockedBy(dir, path string) *locales.Message {
	data, _ := os.ReadFile(path)
	pidText, command, _ := strings.Cut(strings.TrimSpace(string(data)), "\n")
	pid, err := strconv.Atoi(pidText)
	if err != nil {
		return locales.New("lock.held.unknown", "Dir", dir).WithHint("lock.held.hint")
	}
	return locales.New("lock.held", "Dir", dir, "PID", pid, "Command", strings.TrimSpace(command)).
		WithHint("lock.held.hint")
}

// commandLine is how the lock file names this process: the program's base
// name and its arguments, on one line.
func commandLine() string {
	args := append([]string{filepath.Base(os.Args[0])}, os.Args[1:]...)
	return strings.ReplaceAll(strings.Join(args, " "), "\n", " ")
}
