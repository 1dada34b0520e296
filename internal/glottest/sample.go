package glottest

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// SampleSite copies the repository's own site (glot.toml, glossary.toml,
// content/, locales/) into a new folder and returns it. Its files are
// dated ten minutes back, older than the moment in which a change may
// keep a file's time (see cache.Hash), as a site's files usually are.
func SampleSite(t testing.TB) string {
	t.Helper()
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	then := time.Now().Add(-10 * time.Minute)
	for _, name := range []string{"glot.toml", "glossary.toml", "content", "locales"} {
		err := filepath.WalkDir(filepath.Join(root, name), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dir, rel), 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(dir, rel), data, 0o644); err != nil {
				return err
			}
			return os.Chtimes(filepath.Join(dir, rel), then, then)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// repoRoot is the repository's root: the nearest folder up from the
// test's own that holds go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", fs.ErrNotExist
		}
		dir = up
	}
}
