package cli

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
)

// tuneGC sets how the garbage collector trades memory for time, unless
// the environment says (GOGC, GOMEMLIMIT). A build's live heap is small
// and its garbage plenty: collecting at four times the live heap rather
// than twice halves the time spent collecting, and a soft limit of 900 MiB
// makes the collector work harder instead of growing past it.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(900 << 20)
	}
}

// profile starts the profiles that GLOT_CPUPROFILE and GLOT_MEMPROFILE
// ask for, each written to the file they name when the command ends, for
// go tool pprof. It returns what ends them, or nil.
func profile(stderr io.Writer) func() {
	cpu, mem := os.Getenv("GLOT_CPUPROFILE"), os.Getenv("GLOT_MEMPROFILE")
	if cpu == "" && mem == "" {
		return nil
	}
	var cpuFile *os.File
	if cpu != "" {
		f, err := os.Create(cpu)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "glot: warning: GLOT_CPUPROFILE: %v\n", err)
		} else {
			cpuFile = f
		}
	}
	return func() {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			cpuFile.Close()
		}
		if mem != "" {
			f, err := os.Create(mem)
			if err == nil {
				runtime.GC()
				err = pprof.WriteHeapProfile(f)
				f.Close()
			}
			if err != nil {
				fmt.Fprintf(stderr, "glot: warning: GLOT_MEMPROFILE: %v\n", err)
			}
		}
	}
}
