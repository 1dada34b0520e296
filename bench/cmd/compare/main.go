// Command compare measures glot against the tools a user would pick
// instead, on the same generated pages, in one run, and prints a table per
// size of corpus: glot build against Hugo and against goldmark alone (the
// floor), glot extract against po4a, and glot's merge, status, diff, check
// and incremental builds against glot's own targets.
//
//	go run ./bench/cmd/compare -sizes "200 1000" -json bench.json
//
// bench/run (make bench) installs the other tools, builds glot and the
// floor, and runs it. See bench/README.md.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// bench holds what every size's run shares.
type bench struct {
	glotBin, floorBin string
	quiet             bool // glot accepts -q
	work              string
	keep              bool
	hugoAnyway        bool // run Hugo even where it would run out of memory
	runs              int
	seed              uint64
	untranslated      float64
	progress          func(format string, args ...any)
}

// report is everything one run measured, for -json.
type report struct {
	machine
	Command string        `json:"command"`
	Runs    int           `json:"runs"`
	Sizes   []*sizeReport `json:"sizes"`
}

func main() {
	os.Exit(run())
}

func run() int {
	var (
		sizes        = flag.String("sizes", envOr("BENCH_SIZES", "1000 10000"), "corpus sizes in pages, space- or comma-separated ($BENCH_SIZES)")
		glotBin      = flag.String("glot", "", "the glot binary to measure (default: built from ./cmd/glot)")
		floorBin     = flag.String("floor", "", "the goldmark floor binary (default: built from ./bench/cmd/floor)")
		work         = flag.String("work", os.Getenv("BENCH_WORK"), "work folder (default: a new temporary folder; $BENCH_WORK)")
		keep         = flag.Bool("keep", os.Getenv("BENCH_KEEP") != "", "keep the work folder, for debugging ($BENCH_KEEP)")
		jsonOut      = flag.String("json", os.Getenv("BENCH_JSON"), "also write the results as JSON to `FILE` ($BENCH_JSON)")
		runs         = flag.Int("runs", 3, "timed runs of each command; the median is reported")
		seed         = flag.Uint64("seed", 1, "corpus seed")
		untranslated = flag.Float64("untranslated", 0.05, "share of messages left untranslated for merge, status, diff and check")
		command      = flag.String("command", "", "the command line to print in the header (default: this program's)")
		hugoAnyway   = flag.Bool("hugo-anyway", false, "run Hugo even where it would need more memory than is available")
	)
	flag.Parse()
	if flag.NArg() > 0 || *runs < 1 {
		flag.Usage()
		return 2
	}
	pages, err := parseSizes(*sizes)
	if err != nil {
		fmt.Fprintf(os.Stderr, "compare: %v\n", err)
		return 2
	}
	if err := requireTools(); err != nil {
		fmt.Fprintf(os.Stderr, "compare: %v\n", err)
		return 1
	}
	if *command == "" {
		*command = strings.Join(os.Args, " ")
	}
	b := &bench{glotBin: *glotBin, floorBin: *floorBin, work: *work, keep: *keep, hugoAnyway: *hugoAnyway, runs: *runs, seed: *seed, untranslated: *untranslated,
		progress: func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }}
	if b.work == "" {
		if b.work, err = os.MkdirTemp("", "glot-bench-"); err != nil {
			fmt.Fprintf(os.Stderr, "compare: %v\n", err)
			return 1
		}
	}
	cleanup := func() {
		if *keep {
			fmt.Fprintf(os.Stderr, "compare: work folder kept: %s\n", b.work)
			return
		}
		os.RemoveAll(b.work)
	}
	// An interrupted run leaves gigabytes behind at 10,000 pages: clean
	// up on the way out.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		cleanup()
		os.Exit(130)
	}()
	defer cleanup()
	if err := b.run(pages, *command, *jsonOut); err != nil {
		fmt.Fprintf(os.Stderr, "compare: %v\n", err)
		if !*keep {
			fmt.Fprintln(os.Stderr, "compare: run with BENCH_KEEP=1 to keep the work folder and its logs")
		}
		return 1
	}
	return 0
}

func (b *bench) run(pages []int, command, jsonOut string) error {
	if err := b.buildTools(); err != nil {
		return err
	}
	// Progress bars are drawn only on a terminal, and glot's output goes
	// to files here; -q is passed only to a glot that has it.
	b.quiet = exec.Command(b.glotBin, "-q", "--help").Run() == nil
	rep := &report{machine: describeMachine(".", time.Now().Format("2006-01-02 15:04 MST")), Command: command, Runs: b.runs}
	fmt.Printf("glot benchmarks, %s: %s × %d, %s, Hugo %s, po4a %s, glot %s\n",
		rep.Date, rep.CPU, rep.CPUs, rep.Go, rep.Hugo, rep.Po4a, rep.Glot)
	fmt.Printf("command: %s\n", command)
	fmt.Printf("times are medians of %d runs, taken in turn with the tool compared; peak mem is the most resident memory of any run\n", b.runs)
	for _, n := range pages {
		s, err := b.size(n)
		if err != nil {
			return fmt.Errorf("%s pages: %w", thousands(n), err)
		}
		printTable(os.Stdout, s)
		rep.Sizes = append(rep.Sizes, s)
		if jsonOut != "" {
			// Written after every size, so that a long run that fails
			// late keeps what it measured.
			if err := writeJSON(jsonOut, rep); err != nil {
				return err
			}
		}
		if !b.keep {
			// The next size needs the disk space more than anyone needs
			// this size's copies.
			if err := os.RemoveAll(newFolders(b.work, n).root); err != nil {
				return err
			}
		}
	}
	return nil
}

// buildTools builds glot and the floor into the work folder unless they
// were given.
func (b *bench) buildTools() error {
	for _, t := range []struct {
		bin *string
		pkg string
	}{{&b.glotBin, "./cmd/glot"}, {&b.floorBin, "./bench/cmd/floor"}} {
		if *t.bin != "" {
			abs, err := filepath.Abs(*t.bin)
			if err != nil {
				return err
			}
			*t.bin = abs
			continue
		}
		*t.bin = filepath.Join(b.work, "bin", filepath.Base(t.pkg))
		b.progress("building %s", t.pkg)
		if out, err := exec.Command("go", "build", "-o", *t.bin, t.pkg).CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %w\n%s", t.pkg, err, out)
		}
	}
	return nil
}

// requireTools fails, naming the packages to install, when a tool the
// comparison needs is missing.
func requireTools() error {
	var missing []string
	for _, t := range []struct{ bin, pkg string }{{"hugo", "hugo"}, {"po4a", "po4a"}, {gnuTime, "time"}} {
		if _, err := exec.LookPath(t.bin); err != nil {
			missing = append(missing, t.pkg)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("missing tools; on Debian or Ubuntu: apt-get install %s", strings.Join(missing, " "))
	}
	return nil
}

func parseSizes(s string) ([]int, error) {
	var pages []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' }) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 20 {
			return nil, fmt.Errorf("size %q: give a number of pages, at least 20", f)
		}
		pages = append(pages, n)
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("no sizes given")
	}
	return pages, nil
}

func writeJSON(path string, rep *report) error {
	data, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
