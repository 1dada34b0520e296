//go:build windows

package plan

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

type lockHow uint32

const (
	shared    lockHow = 0
	exclusive lockHow = windows.LOCKFILE_EXCLUSIVE_LOCK
)

// tryLock takes how on f if no other open file holds a conflicting lock.
// Windows releases the lock when its holder's handle closes, as flock
// does.
func tryLock(f *os.File, how lockHow) (bool, error) {
	var ol windows.Overlapped
	err := windows.LockFileEx(windows.Handle(f.Fd()), uint32(how)|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return false, nil
	}
	return err == nil, err
}

func readOnlyFS(error) bool { return false }

func unlock(f *os.File) {
	var ol windows.Overlapped
	_ = windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &ol)
}
