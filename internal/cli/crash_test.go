package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/plan"
)

// The crash-safety tests run a glot built with the glotfault tag (see
// internal/plan/fault_on.go), which kills itself with SIGKILL at the Nth
// step boundary of a commit when GLOT_FAULT=N: every boundary of merge,
// import and extract is tried in turn, on the sample site, and then a few
// kills at random moments. After each kill, the next command must find the
// catalogs whole (as they were, or as the uninterrupted command leaves
// them, never a mix), no translation and no old source text may be lost,
// and running the command again must succeed.

var faultGlot struct {
	once sync.Once
	path string
	err  error
}

// faultBinary builds glot with the glotfault tag, once per test run.
func faultBinary(t *testing.T) string {
	t.Helper()
	faultGlot.once.Do(func() {
		dir, err := os.MkdirTemp("", "glot-fault-")
		if err != nil {
			faultGlot.err = err
			return
		}
		faultGlot.path = filepath.Join(dir, "glot")
		out, err := exec.Command("go", "build", "-tags", "glotfault", "-o", faultGlot.path, "github.com/glot-i18n/glot/cmd/glot").CombinedOutput()
		if err != nil {
			faultGlot.err = fmt.Errorf("go build -tags glotfault: %v\n%s", err, out)
		}
	})
	if faultGlot.err != nil {
		t.Fatal(faultGlot.err)
	}
	return faultGlot.path
}

// glotRun is one run of the fault-injecting glot.
type glotRun struct {
	code           int  // exit code, -1 if killed
	killed         bool // by SIGKILL
	stdout, stderr string
}

func runFault(t *testing.T, bin, dir string, env []string, args ...string) glotRun {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"-C", dir, "-q"}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return result(t, err, &out, &errb)
}

func result(t *testing.T, err error, out, errb *bytes.Buffer) glotRun {
	t.Helper()
	r := glotRun{stdout: out.String(), stderr: errb.String()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			r.killed = true
		}
	default:
		t.Fatal(err)
	}
	return r
}

// copySite copies the folder from into a new temporary folder, but the
// outputs, the cache and any lock.
func copySite(t *testing.T, from string) string {
	t.Helper()
	to := t.TempDir()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		top := strings.Split(filepath.ToSlash(rel), "/")[0]
		switch top {
		case "public", "localized", ".glot-cache", "bin", ".git", "internal", "cmd", "bench":
			return fs.SkipDir
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		if strings.HasSuffix(p, ".lock") || !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return to
}

// crashCase is a command to interrupt, and the site it runs on.
type crashCase struct {
	name    string
	prepare func(t *testing.T, dir string)
	args    []string
}

var crashCases = []crashCase{
	{"extract", func(t *testing.T, dir string) { editPages(t, dir) }, []string{"extract"}},
	{"merge", func(t *testing.T, dir string) {
		editPages(t, dir)
		run(t, dir, 0, "-q", "extract")
		run(t, dir, 0, "-q", "merge")
		for _, l := range []string{"es", "fr", "de"} {
			if fillTranslate(t, dir, l) == 0 {
				t.Fatalf("translate.%s.toml: nothing to fill in", l)
			}
		}
	}, []string{"merge"}},
	{"import", func(t *testing.T, dir string) {
		editPages(t, dir)
		run(t, dir, 0, "-q", "extract")
		run(t, dir, 0, "-q", "merge")
		run(t, dir, 0, "-q", "export", "--lang", "de", "--format", "po", "-o", filepath.Join(dir, "de.po"))
		if fillPO(t, filepath.Join(dir, "de.po")) == 0 {
			t.Fatal("de.po: nothing to fill in")
		}
		// Translations waiting in the translate file, for import to
		// replace: they must not be lost either.
		fillTranslate(t, dir, "de")
	}, []string{"import", "de.po"}},
}

func TestCrashSafety(t *testing.T) {
	glottest.Slow(t, "builds glot and runs it a few hundred times")
	bin := faultBinary(t)
	for _, c := range crashCases {
		t.Run(c.name, func(t *testing.T) {
			base := sampleSite(t)
			c.prepare(t, base)
			before := localesState(t, base)
			beforeTexts := texts(t, before)

			// The command uninterrupted: the state it leaves, and its step
			// boundaries.
			ref := copySite(t, base)
			log := filepath.Join(t.TempDir(), "faults")
			start := time.Now()
			r := runFault(t, bin, ref, []string{"GLOT_FAULT_LOG=" + log}, c.args...)
			took := time.Since(start)
			if r.code != 0 {
				t.Fatalf("glot %s: exit %d\n%s", strings.Join(c.args, " "), r.code, r.stderr)
			}
			after := localesState(t, ref)
			if sameState(before, after) {
				t.Fatal("the command changed nothing: the test would prove nothing")
			}
			if l := lost(beforeTexts, texts(t, after)); len(l) > 0 {
				t.Fatalf("the uninterrupted command lost %d texts: %q", len(l), l)
			}
			steps := strings.Split(strings.TrimSpace(string(read(t, log))), "\n")
			if len(steps) < 4 {
				t.Fatalf("only %d step boundaries: %q", len(steps), steps)
			}

			// check looks at a folder after a kill: the next command finds
			// the old state or the new one, loses nothing, and running
			// the command again leaves the new state.
			check := func(t *testing.T, dir, what string) {
				t.Helper()
				if r := runFault(t, bin, dir, nil, "status"); r.code != 0 {
					t.Fatalf("%s: glot status: exit %d\n%s", what, r.code, r.stderr)
				}
				st := localesState(t, dir)
				if !sameState(st, before) && !sameState(st, after) {
					t.Fatalf("%s: the catalogs are neither as they were nor as they should be: differ from before in %s; from after in %s",
						what, stateDiff(before, st), stateDiff(after, st))
				}
				if l := lost(beforeTexts, texts(t, st)); len(l) > 0 {
					t.Fatalf("%s: lost %d texts: %q", what, len(l), l)
				}
				if r := runFault(t, bin, dir, nil, c.args...); r.code != 0 {
					t.Fatalf("%s: glot %s again: exit %d\n%s", what, strings.Join(c.args, " "), r.code, r.stderr)
				}
				if st := localesState(t, dir); !sameState(st, after) {
					t.Fatalf("%s: after running again, the catalogs differ from an uninterrupted run in %s", what, stateDiff(after, st))
				}
			}

			for k := range steps {
				what := fmt.Sprintf("killed at %s", steps[k])
				dir := copySite(t, base)
				r := runFault(t, bin, dir, []string{fmt.Sprintf("GLOT_FAULT=%d", k+1)}, c.args...)
				if !r.killed {
					t.Fatalf("%s: not killed (exit %d)\n%s", what, r.code, r.stderr)
				}
				if plan.Pending(filepath.Join(dir, "locales")) {
					// Kill the command that finishes the change, too, at
					// its first step: finishing can be done again.
					if r := runFault(t, bin, dir, []string{"GLOT_FAULT=1"}, "status"); !r.killed {
						t.Fatalf("%s: the status that finishes the change was not killed (exit %d)\n%s", what, r.code, r.stderr)
					}
				}
				check(t, dir, what)
			}

			// Kills at random moments, from the start of the command to a
			// little after the time it takes.
			rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
			for i := range 6 {
				dir := copySite(t, base)
				cmd := exec.Command(bin, append([]string{"-C", dir, "-q"}, c.args...)...)
				var out, errb bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &errb
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				delay := time.Duration(rng.Int64N(int64(took) * 12 / 10))
				time.Sleep(delay)
				_ = cmd.Process.Signal(syscall.SIGKILL)
				result(t, cmd.Wait(), &out, &errb)
				check(t, dir, fmt.Sprintf("random kill %d after %v", i, delay))
			}
		})
	}
}
