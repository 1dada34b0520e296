package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/glot-i18n/glot/internal/catalog"
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

// locales returns every file of dir's locales folder but the locks, with
// its content: the state of the catalogs.
func localesState(t *testing.T, dir string) map[string]string {
	t.Helper()
	root := filepath.Join(dir, "locales")
	st := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if rel == plan.WriteLockPath || rel == plan.ReadLockPath {
			return nil
		}
		data, err := os.ReadFile(p)
		st[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func sameState(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || v != w {
			return false
		}
	}
	return true
}

// stateDiff names the files in which two states differ.
func stateDiff(a, b map[string]string) string {
	var d []string
	for k, v := range a {
		if w, ok := b[k]; !ok {
			d = append(d, "-"+k)
		} else if v != w {
			d = append(d, "~"+k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			d = append(d, "+"+k)
		}
	}
	sort.Strings(d)
	return strings.Join(d, " ")
}

var langFile = regexp.MustCompile(`(?:^|/)(?:active|translate|archive|review)\.([^./]+)\.toml$`)

// texts returns every text of a translation, and every source text
// present or retired, in a state: "lang\x00text". The uninterrupted
// command keeps each of them somewhere; so must every interrupted one.
func texts(t *testing.T, st map[string]string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	forms := map[string]bool{"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}
	var walk func(lang string, v any, key string, all bool)
	walk = func(lang string, v any, key string, all bool) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(lang, x, k, all)
			}
		case []map[string]any:
			for _, x := range v {
				walk(lang, x, key, all)
			}
		case []any:
			for _, x := range v {
				walk(lang, x, key, all)
			}
		case string:
			if v != "" && (all || forms[key]) {
				out[lang+"\x00"+v] = true
			}
		}
	}
	for name, data := range st {
		var lang string
		all := false
		switch {
		case name == ".glot/retired.toml":
			lang, all = "en", true
		case langFile.MatchString(name):
			lang = langFile.FindStringSubmatch(name)[1]
		default:
			continue
		}
		var v map[string]any
		if _, err := toml.Decode(data, &v); err != nil {
			t.Fatalf("locales/%s does not parse: %v", name, err)
		}
		walk(lang, v, "", all)
	}
	return out
}

// lost lists the texts of before that are nowhere in after.
func lost(before, after map[string]bool) []string {
	var l []string
	for k := range before {
		if !after[k] {
			l = append(l, strings.ReplaceAll(k, "\x00", ": "))
		}
	}
	sort.Strings(l)
	return l
}

// editPages changes a sentence of a page, so that its message is retired
// and its translations become stale, and adds a page.
func editPages(t *testing.T, dir string) {
	t.Helper()
	p := filepath.Join(dir, "content", "depression-and-trauma.md")
	old := string(read(t, p))
	edited := strings.Replace(old, "Childhood trauma can arise from a variety of causes", "Childhood trauma can arise from many causes", 1)
	if edited == old {
		t.Fatal("the sample page no longer has the sentence this test edits")
	}
	write(t, p, edited)
	write(t, filepath.Join(dir, "content", "visiting.md"), "---\ntitle: Visiting us\n---\n\n# Visiting us\n\nThe clinic is open on weekdays.\n\nPark behind the building.\n")
}

// fillTranslate fills in every empty single-form entry of a translate
// file with lang's mark and its source text, which fits the source
// (same numbers, addresses and tags).
func fillTranslate(t *testing.T, dir, lang string) int {
	t.Helper()
	src, err := catalog.Parse("active.en.toml", read(t, filepath.Join(dir, "locales", "active.en.toml")))
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "locales", "translate."+lang+".toml")
	blocks := regexp.MustCompile(`(?m)^\[`).Split(string(read(t, name)), -1)
	n := 0
	for i := 1; i < len(blocks); i++ {
		b := blocks[i]
		id := strings.Trim(b[:strings.Index(b, "]")], `"`)
		m := src.Messages[id]
		formLines := regexp.MustCompile(`(?m)^(zero|one|two|few|many|other) = `).FindAllString(b, -1)
		if m == nil || m.One != "" || len(formLines) != 1 || !strings.Contains(b, "\nother = \"\"\n") {
			continue
		}
		blocks[i] = strings.Replace(b, "\nother = \"\"\n", "\nother = "+catalog.Quote(strings.ToUpper(lang)+" "+m.Other)+"\n", 1)
		n++
	}
	write(t, name, strings.Join(blocks, "["))
	return n
}

// fillPO fills in every empty msgstr of a PO file with its msgid.
func fillPO(t *testing.T, name string) int {
	t.Helper()
	lines := strings.Split(string(read(t, name)), "\n")
	var out []string
	var id []string
	n := 0
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.HasPrefix(l, "msgid "):
			id = []string{strings.TrimPrefix(l, "msgid ")}
			for i+1 < len(lines) && strings.HasPrefix(lines[i+1], `"`) {
				i++
				out = append(out, l)
				l = lines[i]
				id = append(id, l)
			}
			out = append(out, l)
			continue
		case l == `msgstr ""` && (i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], `"`)) && len(id) > 0 && !(len(id) == 1 && id[0] == `""`):
			out = append(out, "msgstr "+id[0])
			out = append(out, id[1:]...)
			n++
			continue
		}
		out = append(out, l)
	}
	write(t, name, strings.Join(out, "\n"))
	return n
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
	if testing.Short() {
		t.Skip("builds glot and runs it a few hundred times; go test -short leaves it out")
	}
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

// Two commands that change the catalogs, started at once: both finish, one
// after the other, or, when told not to wait, one is refused with the
// other's pid and command and run again. Either way the catalogs end as
// one of the two orders would leave them, run one after the other: no
// update is lost.
func TestConcurrentWriters(t *testing.T) {
	if testing.Short() {
		t.Skip("builds glot and runs it side by side; go test -short leaves it out")
	}
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
	if testing.Short() {
		t.Skip("builds glot and kills it; go test -short leaves it out")
	}
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
	if testing.Short() {
		t.Skip("builds glot; go test -short leaves it out")
	}
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
