package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A page or an asset whose name holds a control character, or bytes that
// are not UTF-8, is refused by extract and build, naming it quoted, before
// anything is written: extract wrote bookkeeping for "a\nb.md" that it
// could not read back, after which every command failed. Renamed, the
// site works.
func TestBadFileNamesWriteNothing(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"a\nb.md", "tab\there.md", "cr\r.html", "img/Icon\r", "esc\x1b[2J.md", "caf\xe9.md"} {
		t.Run(fmt.Sprintf("%q", name), func(t *testing.T) {
			dir := t.TempDir()
			if code := Run([]string{"-C", dir, "init", "--lang", "es"}, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
				t.Fatalf("init: exit %d", code)
			}
			file := filepath.Join(dir, "content", filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			for f, text := range map[string]string{filepath.Join(dir, "content", "index.md"): "# Home\n", file: "# Bad name\n"} {
				if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, cmd := range []string{"extract", "build"} {
				var errb bytes.Buffer
				if code := Run([]string{"-C", dir, cmd}, &bytes.Buffer{}, &errb); code != 1 {
					t.Fatalf("%s: exit %d, stderr %q", cmd, code, errb.String())
				}
				if !strings.Contains(errb.String(), fmt.Sprintf("%q", name)) {
					t.Errorf("%s: stderr does not name %q: %s", cmd, name, errb.String())
				}
			}
			for _, f := range []string{"locales/active.en.toml", "locales/.glot", "public", "localized"} {
				if _, err := os.Lstat(filepath.Join(dir, f)); err == nil {
					t.Errorf("%s was written", f)
				}
			}
			if err := os.Remove(file); err != nil {
				t.Fatal(err)
			}
			for _, cmd := range []string{"extract", "status", "build"} {
				var errb bytes.Buffer
				if code := Run([]string{"-C", dir, cmd}, &bytes.Buffer{}, &errb); code != 0 {
					t.Errorf("%s after the rename: exit %d, stderr %q", cmd, code, errb.String())
				}
			}
		})
	}
}
