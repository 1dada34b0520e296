//go:build unix

package plan

import (
	"errors"
	"os"
	"syscall"
)

type lockHow int

const (
	shared    lockHow = syscall.LOCK_SH
	exclusive lockHow = syscall.LOCK_EX
)

// tryLock takes how on f if no other open file holds a conflicting lock.
func tryLock(f *os.File, how lockHow) (bool, error) {
	for {
		err := syscall.Flock(int(f.Fd()), int(how)|syscall.LOCK_NB)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return false, nil
		}
		return false, err
	}
}

func readOnlyFS(err error) bool { return errors.Is(err, syscall.EROFS) }

func unlock(f *os.File) { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
