package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The end-to-end tests of every command are in cmd/glot/testdata/script;
// these check the shell itself: exit codes and error printing.
func TestExitCodes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"--help"}, 0, ""},
		{[]string{"-C", dir, "status"}, 1, "no glot.toml in " + dir + ": run glot init"},
		{[]string{"-C", dir, "init", "--lang", "es"}, 0, ""},
		{[]string{"-C", dir, "status"}, 1, "active.en.toml does not exist: run glot extract first"},
		{[]string{"-C", dir, "status", "--lang", "xx"}, 2, `--lang: unknown language tag "xx"`},
		{[]string{"-C", dir, "status", "--format", "yaml"}, 2, `--format "yaml"`},
		{[]string{"-C", dir, "build", "--nope"}, 2, "unknown flag: --nope (see 'glot build --help')"},
		{[]string{"-C", dir, "--nope"}, 2, "unknown flag: --nope (see 'glot --help')"},
		{[]string{"-C", dir, "nosuch"}, 2, `unknown command "nosuch"`},
		{[]string{"-C", dir, "import"}, 2, "name the files to import"},
		{[]string{"-C", dir, "extract", "more"}, 2, `unknown command "more" for "glot extract"`},
		{[]string{"-C", dir, "completion", "tcsh"}, 2, `unknown command "tcsh"`},
		{[]string{"-C", dir, "extract"}, 0, ""},
		{[]string{"-C", dir, "status", "--format", "json"}, 0, ""},
		// A value a stage cannot take is a wrong command line too, named
		// as the flag it was given as; what fails on the site is not.
		{[]string{"-C", dir, "merge", "--page", "["}, 2, `--page "[": syntax error in pattern`},
		{[]string{"-C", dir, "export", "--lang", "es", "--format", "yaml"}, 2, `--format "yaml": give xliff, xliff12, po, pot, tmx`},
		{[]string{"-C", dir, "export", "--lang", "es", "--format", "po", "--only", "done"}, 2, `--only "done": give missing, stale or translated`},
		{[]string{"-C", dir, "export", "--lang", "es", "--format", "po", "--page", "["}, 2, `--page "[": syntax error in pattern`},
		{[]string{"-C", dir, "export", "--lang", "es", "--format", "po", "--page", "guide/*"}, 2, `--page "guide/*": matches no page of the site`},
		{[]string{"-C", dir, "approve", "--lang", "es", "--page", "["}, 2, `--page "[": syntax error in pattern`},
		{[]string{"-C", dir, "approve", "--lang", "es", "--page", "guide/*"}, 2, `--page "guide/*": matches no page of the site`},
		{[]string{"-C", dir, "approve", "--lang", "es", "no-such-message"}, 1, `no message "no-such-message"`},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := Run(tt.args, &out, &errb)
		if code != tt.code || !strings.Contains(errb.String(), tt.stderr) {
			t.Errorf("glot %s: exit %d, stderr %q; want exit %d and %q", strings.Join(tt.args, " "), code, errb.String(), tt.code, tt.stderr)
		}
		if tt.code != 0 && strings.Count(errb.String(), "\n") != 1 {
			t.Errorf("glot %s: an error is printed once, on one line: %q", strings.Join(tt.args, " "), errb.String())
		}
	}
}

// Every error of a command that finds several is printed, each on its own
// line, naming its file.
func TestJoinedErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	Run([]string{"-C", dir, "init"}, &bytes.Buffer{}, &bytes.Buffer{})
	for _, f := range []string{"a.md", "b.md"} {
		if err := os.WriteFile(filepath.Join(dir, "content", f), []byte("---\ntitle: [\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var errb bytes.Buffer
	if code := Run([]string{"-C", dir, "extract"}, &bytes.Buffer{}, &errb); code != 1 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "content/a.md:3:") || !strings.Contains(lines[1], "content/b.md:3:") {
		t.Errorf("stderr:\n%s", errb.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "locales", "active.en.toml")); !os.IsNotExist(err) {
		t.Error("a failed extract wrote the source catalog")
	}
}
