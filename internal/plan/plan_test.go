package plan

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

func TestApply(t *testing.T) {
	root := t.TempDir()
	var p Plan
	p.Write("a/b/c.toml", []byte("new"))
	p.Write("top.txt", []byte("top"))
	if err := os.WriteFile(filepath.Join(root, "old.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	p.Remove("old.txt")
	p.Remove("never-existed.txt")
	w, _, err := LockWrite(root, "test", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Release()
	if err := w.Apply(p); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "a/b/c.toml")); string(b) != "new" {
		t.Errorf("a/b/c.toml = %q", b)
	}
	if _, err := os.Stat(filepath.Join(root, "old.txt")); !os.IsNotExist(err) {
		t.Error("old.txt was not removed")
	}
	// No temporary file is left behind.
	entries, _ := os.ReadDir(filepath.Join(root, "a/b"))
	if len(entries) != 1 {
		t.Errorf("a/b holds %v", entries)
	}
}

// WriteFile never leaves a half-written file: a failed write leaves the
// old content.
func TestWriteFileKeepsOldContentOnFailure(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f.toml")
	if err := WriteFile(name, []byte("old")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	if os.Geteuid() == 0 {
		// root ignores the folder's permissions; the rename target being
		// a folder makes the write fail instead.
		os.Chmod(dir, 0o755)
		name = dir
	}
	if err := WriteFile(name, []byte("new")); err == nil {
		t.Fatal("write into a read-only folder succeeded")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "f.toml")); string(b) != "old" {
		t.Errorf("content = %q, want the old content", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func TestWriteIfChanged(t *testing.T) {
	fsys := fstest.MapFS{"same": {Data: []byte("x")}, "diff": {Data: []byte("x")}}
	var p Plan
	p.WriteIfChanged(fsys, "same", []byte("x"))
	p.WriteIfChanged(fsys, "diff", []byte("y"))
	p.WriteIfChanged(fsys, "new", []byte("z"))
	if got := p.Paths(); len(got) != 2 || got[0] != "diff" || got[1] != "new" {
		t.Errorf("paths = %v", got)
	}
}
