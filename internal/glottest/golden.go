package glottest

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update is the one -update flag of glot's tests: `make golden` runs the
// tests of every package that uses this kit with it, rewriting every
// golden file they compare with, and the diff is then reviewed like code.
// (A package whose tests do not import the kit has no such flag: go test
// ./... -update would fail there.)
var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// Updating reports whether the tests run with -update, for a test that
// writes a golden file of a shape Golden does not cover.
func Updating() bool { return *update }

// Golden compares got with the golden file at file. Under -update it
// writes got there instead (creating its folder) and passes, so that the
// change shows in git diff for review. A golden file that is missing fails
// the test with the command that creates it.
func Golden(t testing.TB, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("%s does not exist: go test -run '%s' -update writes it", file, t.Name())
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the output differs from %s (go test -update rewrites it, then review the diff):\n%s", file, LineDiff(string(want), string(got)))
	}
}

// LineDiff shows the lines that differ between want and got, each with its
// line number, for failure messages: a golden file of hundreds of lines is
// read by the line that changed.
func LineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl || (i < len(w)) != (i < len(g)) {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, lineOrEnd(w, i), lineOrEnd(g, i))
		}
	}
	return b.String()
}

// lineOrEnd is line i of lines, or a mark that the text has ended, so that
// an empty line and no line read apart.
func lineOrEnd(lines []string, i int) string {
	if i < len(lines) {
		return fmt.Sprintf("%q", lines[i])
	}
	return "(end of text)"
}
