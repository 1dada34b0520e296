package cache

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func write(t *testing.T, name, data string, mtime time.Time) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(name, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

func hash(t *testing.T, c *Cache, name string) Sum {
	t.Helper()
	sum, err := c.Hash(name)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// A file whose size, time and inode are as when it was hashed is not read
// again, in this run or the next; one whose time is too recent to trust is
// read every time, so that a change that keeps its size and time is seen.
func TestHashTrustsOnlySettledStamps(t *testing.T) {
	root := t.TempDir()
	name := filepath.Join(root, "content", "a.md")
	old := time.Now().Add(-time.Hour)
	write(t, name, "first", old)

	c := Open(root)
	if got, want := hash(t, c, "content/a.md"), Sum(sha256.Sum256([]byte("first"))); got != want {
		t.Fatalf("Hash = %v, want the file's SHA-256 %v", got, want)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	// The same size and time, other bytes: only a file system that
	// stamps writes coarsely lets this happen, within a moment of the
	// last write; an hour on, the stamp is trusted and the file not read.
	write(t, name, "other", old)
	c = Open(root)
	if got, want := hash(t, c, "content/a.md"), Sum(sha256.Sum256([]byte("first"))); got != want {
		t.Errorf("a file with a settled stamp was read again: Hash = %v, want the remembered %v", got, want)
	}
	// An absolute path names the same file, hashed on its own.
	if got, want := hash(t, c, name), Sum(sha256.Sum256([]byte("other"))); got != want {
		t.Errorf("Hash(absolute path) = %v, want %v", got, want)
	}
	c.Close()

	// A time ahead of the clock is never settled.
	soon := time.Now().Add(time.Hour)
	write(t, name, "third", soon)
	c = Open(root)
	if got, want := hash(t, c, "content/a.md"), Sum(sha256.Sum256([]byte("third"))); got != want {
		t.Fatalf("Hash = %v, want %v", got, want)
	}
	c.Close()
	write(t, name, "forth", soon)
	c = Open(root)
	if got, want := hash(t, c, "content/a.md"), Sum(sha256.Sum256([]byte("forth"))); got != want {
		t.Errorf("a file with a recent stamp was not read again: Hash = %v, want %v", got, want)
	}
	c.Close()
}

func TestHashOrNone(t *testing.T) {
	root := t.TempDir()
	c := Open(root)
	defer c.Close()
	sum, err := c.HashOrNone("glossary.toml")
	if err != nil || sum != (Sum{}) {
		t.Errorf("HashOrNone(missing) = %v, %v; want the zero Sum", sum, err)
	}
	if _, err := c.Hash("glossary.toml"); err == nil {
		t.Error("Hash(missing) did not fail")
	}
	if err := os.Mkdir(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := c.HashOrNone("content"); err == nil {
		t.Error("HashOrNone(a folder) did not fail")
	}
}

// The index forgets a file it has not been asked about for maxAge runs, and
// a damaged index is an empty one.
func TestFileIndexAgesAndSurvivesDamage(t *testing.T) {
	root := t.TempDir()
	old := time.Now().Add(-time.Hour)
	write(t, filepath.Join(root, "a"), "a", old)
	write(t, filepath.Join(root, "b"), "b", old)
	c := Open(root)
	hash(t, c, "a")
	hash(t, c, "b")
	c.Close()
	has := func(name string) bool {
		x := newFileIndex(filepath.Join(root, Dir, "files"))
		x.load()
		return x.entries[name] != nil
	}
	// Runs that find nothing new leave the index as it is.
	for range maxAge + 1 {
		c := Open(root)
		hash(t, c, "a")
		c.Close()
	}
	if !has("a") || !has("b") {
		t.Errorf("after runs that learnt nothing, the index holds a: %v, b: %v; want both", has("a"), has("b"))
	}
	// Runs that learn something age what they did not use.
	for i := range maxAge + 1 {
		name := fmt.Sprintf("new-%d", i)
		write(t, filepath.Join(root, name), name, old)
		c := Open(root)
		hash(t, c, "a")
		hash(t, c, name)
		c.Close()
	}
	if !has("a") || has("b") {
		t.Errorf("after %d runs that hashed a and a new file, the index holds a: %v, b: %v; want a only", maxAge+1, has("a"), has("b"))
	}

	index := filepath.Join(root, Dir, "files")
	data, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	for _, damaged := range [][]byte{nil, []byte("glotFIX1\xff\xff\xff"), data[:len(data)-5], append([]byte("glotFIX0"), data[8:]...)} {
		if err := os.WriteFile(index, damaged, 0o644); err != nil {
			t.Fatal(err)
		}
		c := Open(root)
		if got, want := hash(t, c, "a"), Sum(sha256.Sum256([]byte("a"))); got != want {
			t.Errorf("with the index damaged (%q), Hash = %v, want %v", damaged, got, want)
		}
		c.Close()
	}
}

func TestPutGetPrune(t *testing.T) {
	root := t.TempDir()
	c := Open(root)
	defer c.Close()
	if _, _, ok := c.Get("catalogs/es-1"); ok {
		t.Error("Get found an entry never put")
	}
	for _, n := range []string{"catalogs/es-1", "catalogs/es-2", "catalogs/fr-1"} {
		if err := c.Put(n, []byte(n)); err != nil {
			t.Fatal(err)
		}
	}
	f, size, ok := c.Get("catalogs/es-2")
	if !ok || size != int64(len("catalogs/es-2")) {
		t.Fatalf("Get = %v, %d; want the entry put", ok, size)
	}
	f.Close()
	c.Prune("catalogs", "es-", "es-2")
	entries, err := os.ReadDir(c.Path("catalogs"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"es-2", "fr-1"}; !slices.Equal(names, want) {
		t.Errorf("after Prune, catalogs/ holds %v, want %v", names, want)
	}
}

// PutFunc leaves the old entry as it was, and no temporary file, when
// writing the new one fails half way.
func TestPutFuncFailing(t *testing.T) {
	c := Open(t.TempDir())
	defer c.Close()
	if err := c.Put("build/record", []byte("old")); err != nil {
		t.Fatal(err)
	}
	failed := errors.New("failed")
	err := c.PutFunc("build/record", func(w io.Writer) error {
		w.Write([]byte("half of the new"))
		return failed
	})
	if !errors.Is(err, failed) {
		t.Errorf("PutFunc = %v, want the writer's error", err)
	}
	data, err := os.ReadFile(c.Path("build/record"))
	if err != nil || string(data) != "old" {
		t.Errorf("the entry is %q, %v; want it as it was", data, err)
	}
	entries, _ := os.ReadDir(c.Path("build"))
	if len(entries) != 1 {
		t.Errorf("build/ holds %d files, want the entry alone", len(entries))
	}
}

// A file of the site that is a symbolic link hashes as the file it leads
// to when that is inside the site, and is refused when it leads outside:
// the cache does not read the build's environment or a file beside the
// site, even to hash it.
func TestHashFollowsLinksOnlyInsideTheSite(t *testing.T) {
	tmp := t.TempDir()
	root := filepath.Join(tmp, "site")
	old := time.Now().Add(-time.Hour)
	write(t, filepath.Join(root, "shared", "a.md"), "inside", old)
	write(t, filepath.Join(tmp, "secret.md"), "outside", old)
	for link, target := range map[string]string{"in.md": "shared/a.md", "out.md": "../secret.md", "abs.md": filepath.Join(tmp, "secret.md")} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}
	c := Open(root)
	defer c.Close()
	if got := hash(t, c, "in.md"); got != sha256.Sum256([]byte("inside")) {
		t.Errorf("in.md hashes as %s, not as the file it leads to", got)
	}
	for _, name := range []string{"out.md", "abs.md"} {
		if sum, err := c.Hash(name); err == nil {
			t.Errorf("%s, a link out of the site, hashed as %s", name, sum)
		}
	}
	// Closed, the cache opens the site again for the next link.
	c.Close()
	if got := hash(t, c, "in.md"); got != sha256.Sum256([]byte("inside")) {
		t.Errorf("in.md after Close: %s", got)
	}
}
