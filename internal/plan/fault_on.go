//go:build glotfault

package plan

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"syscall"
)

// In a glot built with the glotfault tag, GLOT_FAULT=N kills the process
// with SIGKILL at the Nth step boundary it reaches, as a power cut or an
// out-of-memory kill would: nothing is flushed, nothing deferred runs.
// GLOT_FAULT_LOG=FILE appends the name of each boundary reached, so that a
// test can learn how many there are. The crash-safety tests use these to
// kill a command at every boundary in turn, without relying on timing.
var faults struct {
	sync.Mutex
	n, at int
	log   *os.File
	once  sync.Once
}

func fault(name string) {
	faults.once.Do(func() {
		faults.at, _ = strconv.Atoi(os.Getenv("GLOT_FAULT"))
		if f := os.Getenv("GLOT_FAULT_LOG"); f != "" {
			faults.log, _ = os.OpenFile(f, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		}
	})
	faults.Lock()
	defer faults.Unlock()
	faults.n++
	if faults.log != nil {
		fmt.Fprintf(faults.log, "%d %s\n", faults.n, name)
	}
	if faults.n == faults.at {
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {} // the signal is delivered before anything else runs
	}
}
