package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/plan"
)

// Two commands that change the catalogs, started at once: both finish, one
// after the other, or, when told not to wait, one is refused with the
// other's pid and command and run again. Either way the catalogs end as
// one of the two orders would leave them, run one after the other: no
// update is lost.
func TestConcurrentWriters(t *testing.T) {
	glottest.Slow(t, "builds glot and runs it side by side")
	bin := faultBinary(t)
	base := sampleSite(t)
	crashCases[2].prepare(t, base) // translate files filled in, and de.po
	commands := [][]string{{"merge"}, {"import", "de.po"}}
	serial := func(order ...int) map[string]string {
		dir := copySite(t, base)
		for _, i := range append(order, 0) { // a last merge, as below
			if r := runFault(t, bin, dir, nil, commands[i]...); r.code != 0 {
				t.Fatalf("glot %s: exit %d\n%s", strings.Join(commands[i], " "), r.code, r.stderr)
			}
		}
		return localesState(t, dir)
	}
	orders := []map[string]string{serial(0, 1), serial(1, 0)}
	if sameState(orders[0], orders[1]) {
		t.Fatal("both orders leave the same catalogs: the test would prove nothing")
	}
	for _, wait := range []string{"0s", "30s"} {
		for trial := range 4 {
			dir := copySite(t, base)
			var wg sync.WaitGroup
			runs := make([]glotRun, len(commands))
			for i, args := range commands {
				wg.Add(1)
				go func() {
					defer wg.Done()
					runs[i] = runFault(t, bin, dir, []string{"GLOT_LOCK_WAIT=" + wait}, args...)
				}()
			}
			wg.Wait()
			for i, r := range runs {
				what := fmt.Sprintf("wait %s, trial %d: glot %s", wait, trial, strings.Join(commands[i], " "))
				switch {
				case r.code == 0:
				case wait == "0s" && r.code == 1 && strings.Contains(r.stderr, "is changing the locales") && strings.Contains(r.stderr, "(pid "):
					// Refused, naming the holder: run it again, alone.
					if r := runFault(t, bin, dir, nil, commands[i]...); r.code != 0 {
						t.Fatalf("%s, run again: exit %d\n%s", what, r.code, r.stderr)
					}
				default:
					t.Fatalf("%s: exit %d\n%s", what, r.code, r.stderr)
				}
			}
			if r := runFault(t, bin, dir, nil, "merge"); r.code != 0 {
				t.Fatalf("merge after both: exit %d\n%s", r.code, r.stderr)
			}
			if st := localesState(t, dir); !sameState(st, orders[0]) && !sameState(st, orders[1]) {
				t.Fatalf("wait %s, trial %d: the catalogs are as neither order leaves them: differ from merge, import in %s; from import, merge in %s",
					wait, trial, stateDiff(orders[0], st), stateDiff(orders[1], st))
			}
		}
	}
}

// A build killed at any moment leaves nothing that would be deployed by
// mistake (no temporary file in the output folders), and the next build
// makes exactly what a build that was never interrupted makes.
func TestKilledBuild(t *testing.T) {
	glottest.Slow(t, "builds glot and kills it")
	bin := faultBinary(t)
	base := sampleSite(t)
	ref := copySite(t, base)
	start := time.Now()
	if r := runFault(t, bin, ref, nil, "build"); r.code != 0 {
		t.Fatalf("glot build: exit %d\n%s", r.code, r.stderr)
	}
	took := time.Since(start)
	outputs := func(dir string) map[string]string {
		st := map[string]string{}
		for _, top := range []string{"public", "localized"} {
			root := filepath.Join(dir, top)
			filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(dir, p)
				st[filepath.ToSlash(rel)] = string(read(t, p))
				return nil
			})
		}
		return st
	}
	want := outputs(ref)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	for i := range 8 {
		dir := copySite(t, base)
		cmd := exec.Command(bin, "-C", dir, "-q", "build")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(rng.Int64N(int64(took)))
		time.Sleep(delay)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		for name := range outputs(dir) {
			if base := path.Base(name); strings.Contains(base, ".tmp") || strings.Contains(base, plan.StagedMark) || strings.HasPrefix(base, ".") {
				t.Errorf("kill %d after %v: a temporary file in the output: %s", i, delay, name)
			}
		}
		if r := runFault(t, bin, dir, nil, "build"); r.code != 0 {
			t.Fatalf("kill %d after %v: the next build: exit %d\n%s", i, delay, r.code, r.stderr)
		}
		if got := outputs(dir); !sameState(got, want) {
			t.Fatalf("kill %d after %v: the next build's output differs from an uninterrupted one in %s", i, delay, stateDiff(want, got))
		}
	}
}

// A merge that may not write glot's bookkeeping (locales/.glot read-only
// for the user running it) fails before it changes anything: the
// translations it would fold in are still where the translator left them.
// As root, which writes anywhere, the merge runs as the user nobody.
func TestReadOnlyBookkeeping(t *testing.T) {
	glottest.Slow(t, "builds glot")
	bin := faultBinary(t)
	dir := sampleSite(t)
	crashCases[1].prepare(t, dir) // translate files filled in
	before := localesState(t, dir)
	cmd := exec.Command(bin, "-C", dir, "-q", "merge")
	if os.Geteuid() == 0 {
		// The site belongs to nobody, and the folders above it let
		// nobody in.
		const nobody = 65534
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil {
				os.Lchown(p, nobody, nobody)
			}
			return err
		})
		for p := dir; p != "/"; p = filepath.Dir(p) {
			if fi, err := os.Stat(p); err == nil {
				os.Chmod(p, fi.Mode().Perm()|0o011)
			}
		}
		for p := bin; p != "/"; p = filepath.Dir(p) {
			if fi, err := os.Stat(p); err == nil {
				os.Chmod(p, fi.Mode().Perm()|0o011)
			}
		}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
		cmd.Env = append(os.Environ(), "HOME="+dir)
	}
	if err := os.Chmod(filepath.Join(dir, "locales", ".glot"), 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(filepath.Join(dir, "locales", ".glot"), 0o755)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	r := result(t, cmd.Run(), &out, &errb)
	if r.code != 1 || !strings.Contains(r.stderr, ".glot") || !strings.Contains(r.stderr, "permission denied") {
		t.Fatalf("glot merge with a read-only locales/.glot: exit %d, want 1 and an error naming it\n%s", r.code, r.stderr)
	}
	if st := localesState(t, dir); !sameState(st, before) {
		t.Errorf("the failed merge changed %s", stateDiff(before, st))
	}
}
