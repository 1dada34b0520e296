package cli

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPathologicalPage adds to a site one page written to be slow to read,
// and runs glot extract and glot build: each must fail within seconds,
// naming the page, the place and the limit, and leave every file of the
// site as it was.
func TestPathologicalPage(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, 0, "-C", dir, "init", "--lang", "es")
	writeFile(t, dir, "content/index.md", "# Welcome\n\nA page with *emphasis* and a [link](other.md).\n")
	writeFile(t, dir, "content/other.md", "# Other\n\n- one\n- two\n")
	mustRun(t, 0, "-C", dir, "extract")
	mustRun(t, 0, "-C", dir, "build")
	before := snapshot(t, dir)

	staircase := func() string {
		var b strings.Builder
		for i := range 2000 {
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return b.String()
	}
	tests := []struct {
		page, src, want string
	}{
		{"deep.md", staircase(), "content/deep.md:101:201: lists and block quotes nested deeper than max_nesting 100 (glot.toml's [limits])"},
		{"nested.html", strings.Repeat("<b>", 100000) + "x" + strings.Repeat("</b>", 100000), "content/nested.html:1:301: HTML elements nested deeper than max_nesting 100"},
		{"links.md", "# Links\n\n" + strings.Repeat("[a](", 50000), `content/links.md:3: links whose address is not closed with ")"`},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			writeFile(t, dir, "content/"+tt.page, tt.src)
			defer os.Remove(filepath.Join(dir, "content", tt.page))
			for _, cmd := range []string{"extract", "build"} {
				stderr := mustRun(t, 1, "-C", dir, cmd)
				if !strings.Contains(stderr, tt.want) {
					t.Errorf("glot %s: stderr %q, want %q", cmd, stderr, tt.want)
				}
			}
			if after := snapshot(t, dir); !maps.Equal(before, after) {
				t.Error("a failed command changed the site's files")
			}
		})
	}

	// A time budget no page can keep: every page is refused, by name.
	cfg, err := os.ReadFile(filepath.Join(dir, "glot.toml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "glot.toml", strings.Replace(string(cfg), `page_timeout = "10s"`, `page_timeout = "1ns"`, 1))
	for _, cmd := range []string{"extract", "build"} {
		stderr := mustRun(t, 1, "-C", dir, cmd)
		for _, page := range []string{"index.md", "other.md"} {
			if want := "content/" + page + ": took longer than page_timeout 1ns to read"; !strings.Contains(stderr, want) {
				t.Errorf("glot %s: stderr %q, want %q", cmd, stderr, want)
			}
		}
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Error("a command that ran out of time changed the site's files")
	}
}

// mustRun runs glot with args, fails the test unless it exits with code
// within five seconds, and returns what it printed on standard error.
func mustRun(t *testing.T, code int, args ...string) string {
	t.Helper()
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		c := Run(args, &out, &errb)
		done <- result{c, errb.String()}
	}()
	select {
	case r := <-done:
		if r.code != code {
			t.Fatalf("glot %s: exit %d, want %d; stderr %q", strings.Join(args, " "), r.code, code, r.stderr)
		}
		return r.stderr
	case <-time.After(5 * time.Second):
		t.Fatalf("glot %s was still running after 5s", strings.Join(args, " "))
		return ""
	}
}

func writeFile(t *testing.T, dir, name, data string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshot returns every file glot writes in the site (catalogs,
// bookkeeping, output), by path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() && (rel == ".glot-cache" || rel == "content") {
			return filepath.SkipDir
		}
		// The locks hold the card of the last command that took them,
		// and are not part of the site (see plan.WriteLockPath).
		if !d.IsDir() && rel != "glot.toml" && !strings.HasSuffix(rel, ".lock") {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
