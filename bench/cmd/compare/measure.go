package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// gnuTime is GNU time, which reports a command's peak memory.
const gnuTime = "/usr/bin/time"

// command is one thing to time: a program run in a folder, after a
// preparation that is not timed.
type command struct {
	name    string // a short name, for logs and progress
	dir     string // the folder it runs in
	argv    []string
	prepare func(run int) error // run before each timed run; may be nil
	// anyExit says that a non-zero exit status is an answer, not a failure
	// (glot diff and glot check exit 1 when they report something).
	anyExit bool
	// mayFail says that a failure of the command is recorded rather than
	// ending the whole run: another tool may fail where glot does not
	// (Hugo can run out of memory on a large site), and glot's figures
	// still stand.
	mayFail bool
}

// measurement is what the runs of one command gave.
type measurement struct {
	Samples   []float64 `json:"samples_s"`
	Median    float64   `json:"median_s"`
	PeakKB    int64     `json:"peak_rss_kb"` // the most any run used
	ExitCodes []int     `json:"exit_codes"`
	// Failed says how a command that may fail failed; its later runs
	// are skipped.
	Failed string `json:"failed,omitempty"`
}

// timer runs commands and keeps their output under logs.
type timer struct {
	logs     string
	progress func(format string, args ...any)
}

// alternate runs each command runs times, taking turns (A, B, A, B, ...),
// so that whatever else the machine does weighs on every command alike,
// and returns their measurements in the order of cmds.
func (t *timer) alternate(runs int, cmds ...*command) ([]*measurement, error) {
	ms := make([]*measurement, len(cmds))
	for i := range ms {
		ms[i] = &measurement{}
	}
	for r := range runs {
		for i, c := range cmds {
			m := ms[i]
			if m.Failed != "" {
				continue
			}
			if c.prepare != nil {
				if err := c.prepare(r); err != nil {
					return nil, fmt.Errorf("%s: prepare run %d: %w", c.name, r+1, err)
				}
			}
			secs, kb, code, err := t.once(c, r)
			var fail *failure
			if errors.As(err, &fail) && c.mayFail {
				t.progress("  %-22s run %d/%d: failed: %v", c.name, r+1, runs, err)
				m.Failed = fail.short
				continue
			}
			if err != nil {
				return nil, err
			}
			t.progress("  %-22s run %d/%d: %s, %s", c.name, r+1, runs, seconds(secs), memory(kb))
			m.Samples = append(m.Samples, secs)
			m.ExitCodes = append(m.ExitCodes, code)
			m.PeakKB = max(m.PeakKB, kb)
		}
	}
	for _, m := range ms {
		m.Median = median(m.Samples)
	}
	return ms, nil
}

// once runs c under GNU time, its output going to files, and returns its
// wall-clock time, its peak resident memory and its exit status.
func (t *timer) once(c *command, run int) (float64, int64, int, error) {
	// Run -1 is an untimed warm-up; its logs are numbered 0.
	base := filepath.Join(t.logs, fmt.Sprintf("%s.%d", strings.ReplaceAll(c.name, " ", "-"), run+1))
	stdout, err := os.Create(base + ".out")
	if err != nil {
		return 0, 0, 0, err
	}
	defer stdout.Close()
	stderr, err := os.Create(base + ".err")
	if err != nil {
		return 0, 0, 0, err
	}
	defer stderr.Close()
	args := append([]string{"-v", "-o", base + ".time"}, c.argv...)
	cmd := exec.Command(gnuTime, args...)
	cmd.Dir = c.dir
	cmd.Stdout, cmd.Stderr = stdout, stderr
	start := time.Now()
	err = cmd.Run()
	secs := time.Since(start).Seconds()
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		return 0, 0, 0, fmt.Errorf("%s: %w", c.name, err)
	}
	report, err := os.ReadFile(base + ".time")
	if err != nil {
		return 0, 0, 0, fmt.Errorf("%s: read GNU time's report: %w", c.name, err)
	}
	if code != 0 && !c.anyExit {
		// GNU time says how the command ended: an exit status, or the
		// signal that killed it.
		how := firstLine(string(report))
		return 0, 0, 0, &failure{short: how, long: fmt.Sprintf("%s: %s (see %s.err):\n%s", c.name, how, base, tail(base+".err", 15))}
	}
	kb, err := peakKB(report)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("%s: %w", c.name, err)
	}
	return secs, kb, code, nil
}

// failure is a command that ended in failure.
type failure struct {
	short string // how it ended, for the table
	long  string // with the end of its error output
}

func (f *failure) Error() string { return f.long }

// peakKB reads the maximum resident set size from GNU time's -v report.
func peakKB(report []byte) (int64, error) {
	sc := bufio.NewScanner(bytes.NewReader(report))
	for sc.Scan() {
		k, v, ok := strings.Cut(strings.TrimSpace(sc.Text()), ":")
		if ok && k == "Maximum resident set size (kbytes)" {
			return strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		}
	}
	return 0, fmt.Errorf("GNU time reported no maximum resident set size")
}

// tail returns the last n lines of a file, for an error message.
func tail(path string, n int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return lastLines(string(data), n)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
