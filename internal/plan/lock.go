package plan

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// A locales folder has two locks, both flock(2) locks on files in its
// .glot folder, so that the kernel releases them when their holder dies,
// however it dies: a lock left by a killed command never blocks the next.
//
//   - WriteLockPath is held exclusively, for its whole run, by each command
//     that changes the catalogs: two merges side by side would each fold
//     in what the other never saw, and the later rename would drop the
//     earlier's work. Its holder writes its pid and command line in it, so
//     that a command kept waiting can say who it waits for.
//   - ReadLockPath is held shared by each command that reads the catalogs,
//     for its whole run, and exclusively by a writer only while it commits
//     (Apply) or recovers: readers never see half a change, and a merge
//     does not wait for a build until it has something to commit.
const (
	WriteLockPath = ".glot/write.lock"
	ReadLockPath  = ".glot/read.lock"
)

// ReaderWait is how long a commit waits for the commands reading the
// folder to finish before it gives up, changing nothing.
var ReaderWait = 2 * time.Minute

// WriteLock is the write lock of a locales folder, held.
type WriteLock struct {
	root      string
	f         *os.File
	made      []string // the folders LockWrite made, outermost first
	committed bool     // a change was applied
}

// LockWrite takes root's write lock for the command who, waiting up to
// wait for another writer to finish, then finishes or undoes whatever a
// killed command left (see Recover). finished says whether that finished
// a change. On a timeout, the error names the holder's pid and command.
func LockWrite(root, who string, wait time.Duration) (w *WriteLock, finished bool, err error) {
	name := filepath.Join(root, filepath.FromSlash(WriteLockPath))
	// The first command to change a site makes the folders the lock lives
	// in; if it changes nothing, Release takes them away again.
	var made []string
	for _, d := range []string{root, filepath.Dir(name)} {
		if _, err := os.Stat(d); errors.Is(err, fs.ErrNotExist) {
			made = append(made, d)
		}
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return nil, false, err
	}
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, false, err
	}
	if err := flock(f, exclusive, wait); err != nil {
		f.Close()
		if errors.Is(err, errBusy) {
			return nil, false, fmt.Errorf("%s: %s is changing the locales; waited %v for it to finish: run this command again when it has", fileerr.Name(name), holder(name), wait)
		}
		return nil, false, fmt.Errorf("%s: %w", fileerr.Name(name), err)
	}
	// The holder's card: written in place, for the lock is on this very
	// file, then cut to its length, so that a command that finds the lock
	// taken never reads an empty card (see holder).
	card := fmt.Sprintf("pid %d\ncommand %s\nsince %s\n", os.Getpid(), who, time.Now().UTC().Format(time.RFC3339))
	if _, err := f.WriteAt([]byte(card), 0); err == nil {
		_ = f.Truncate(int64(len(card)))
	}
	w = &WriteLock{root: root, f: f, made: made}
	if Pending(root) {
		err = w.withCommitLock(func() error {
			finished, err = Recover(root)
			return err
		})
	} else {
		// A journal that a killed writer left half written is seen by
		// no reader: it goes without waiting for them.
		err = removeStaged(root)
	}
	if err != nil {
		w.Release()
		return nil, false, err
	}
	return w, finished, nil
}

// Apply carries out p under the folder as one transaction: see apply.
func (w *WriteLock) Apply(p Plan) error {
	if p.Empty() {
		return nil
	}
	err := w.withCommitLock(func() error { return apply(w.root, p) })
	w.committed = w.committed || err == nil || Pending(w.root)
	return err
}

// withCommitLock runs f holding the read lock exclusively, once every
// reader has finished.
func (w *WriteLock) withCommitLock(f func() error) error {
	name := filepath.Join(w.root, filepath.FromSlash(ReadLockPath))
	rl, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	defer rl.Close() // closing the file releases its lock
	if err := flock(rl, exclusive, ReaderWait); err != nil {
		if errors.Is(err, errBusy) {
			return fmt.Errorf("%s: other glot commands have been reading the locales for %v; nothing was changed: run this command again when they have finished", fileerr.Name(name), ReaderWait)
		}
		return fmt.Errorf("%s: %w", fileerr.Name(name), err)
	}
	return f()
}

// Release lets the next writer in. A lock that made the folders it lives
// in, for a command that changed nothing, takes them away again: a failed
// first extract leaves the site as it found it.
func (w *WriteLock) Release() {
	if w == nil || w.f == nil {
		return
	}
	if len(w.made) > 0 && !w.committed {
		for _, l := range []string{WriteLockPath, ReadLockPath} {
			os.Remove(filepath.Join(w.root, filepath.FromSlash(l)))
		}
		for i := len(w.made) - 1; i >= 0; i-- {
			if os.Remove(w.made[i]) != nil {
				break // not empty: something else is there now
			}
		}
	}
	w.f.Close()
	w.f = nil
}

// ReadLock is the read lock of a locales folder, held shared.
type ReadLock struct{ f *os.File }

// LockRead takes root's read lock, waiting up to wait for a change being
// committed. A change a killed command left half committed is finished
// first (see Recover); finished says whether there was one. A folder
// without glot's bookkeeping, or one this user cannot write, needs no
// lock (no change can be committed to it) and gets a ReadLock that holds
// nothing, unless a change waits there to be finished.
func LockRead(root string, wait time.Duration) (r *ReadLock, finished bool, err error) {
	name := filepath.Join(root, filepath.FromSlash(ReadLockPath))
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) || readOnlyFS(err) {
		if Pending(root) {
			return nil, false, fmt.Errorf("%s: a change to the locales was interrupted, and finishing it needs write access to %s", fileerr.Name(filepath.Join(root, filepath.FromSlash(JournalPath))), fileerr.Name(root))
		}
		return &ReadLock{}, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	busy := func(err error) error {
		if errors.Is(err, errBusy) {
			return fmt.Errorf("%s: %s is committing a change to the locales; waited %v: run this command again when it has finished", fileerr.Name(name), holder(filepath.Join(root, filepath.FromSlash(WriteLockPath))), wait)
		}
		return fmt.Errorf("%s: %w", fileerr.Name(name), err)
	}
	for {
		if err := flock(f, shared, wait); err != nil {
			f.Close()
			return nil, false, busy(err)
		}
		if !Pending(root) {
			// No writer is inside a commit while this lock is shared:
			// a journal half written is a killed writer's, and goes.
			_ = removeStaged(root)
			return &ReadLock{f: f}, finished, nil
		}
		// A journal under a shared lock is a dead writer's: while a
		// writer lives, it holds this lock exclusively until its journal
		// is gone. Finishing its change needs the lock to oneself.
		unlock(f)
		if err := flock(f, exclusive, wait); err != nil {
			f.Close()
			return nil, false, busy(err)
		}
		did, err := Recover(root)
		if err != nil {
			f.Close()
			return nil, false, err
		}
		finished = finished || did
		// Back to shared, and look again: flock cannot turn an exclusive
		// lock into a shared one without letting go of it in between.
	}
}

// Release lets writers commit again.
func (r *ReadLock) Release() {
	if r != nil && r.f != nil {
		r.f.Close()
		r.f = nil
	}
}

var errBusy = errors.New("busy")

// flock takes a shared or an exclusive lock on f, trying again until
// wait has passed.
func flock(f *os.File, how lockHow, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	pause := 10 * time.Millisecond
	for {
		ok, err := tryLock(f, how)
		switch {
		case err != nil:
			return err
		case ok:
			return nil
		case time.Now().After(deadline):
			return errBusy
		}
		time.Sleep(pause)
		pause = min(2*pause, 200*time.Millisecond)
	}
}

// holder describes the command named in the write lock file name.
func holder(name string) string {
	// The holder writes its card just after it takes the lock: a card
	// not yet written, or the first one being written, is read again.
	for try := 0; ; try++ {
		data, _ := os.ReadFile(name)
		var pid, cmd string
		for _, l := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(l, "pid "); ok && pid == "" {
				pid = v
			} else if v, ok := strings.CutPrefix(l, "command "); ok && cmd == "" {
				cmd = v
			}
		}
		if _, err := strconv.Atoi(pid); err == nil && cmd != "" {
			return fmt.Sprintf("%s (pid %s)", cmd, pid)
		}
		if try == 5 {
			return "another glot command"
		}
		time.Sleep(20 * time.Millisecond)
	}
}
