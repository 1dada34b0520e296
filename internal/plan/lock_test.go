package plan

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A second writer waits, then gives up naming the first: its pid and
// command.
func TestSecondWriterIsRefused(t *testing.T) {
	root := t.TempDir()
	w, _, err := LockWrite(root, "glot merge --lang de", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = LockWrite(root, "glot import x.po", 50*time.Millisecond)
	if err == nil {
		t.Fatal("a second writer took the lock")
	}
	for _, want := range []string{"glot merge --lang de", "pid " + strconv.Itoa(os.Getpid()), WriteLockPath} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	w.Release()
	w2, _, err := LockWrite(root, "glot import x.po", 50*time.Millisecond)
	if err != nil {
		t.Fatalf("after the first writer released: %v", err)
	}
	w2.Release()
}

// A writer that waits gets the lock as soon as the holder lets go.
func TestWriterWaits(t *testing.T) {
	root := t.TempDir()
	w, _, err := LockWrite(root, "first", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	go func() { time.Sleep(100 * time.Millisecond); w.Release() }()
	w2, _, err := LockWrite(root, "second", 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	w2.Release()
}

// A commit waits for readers, and readers wait for a commit: a reader
// never sees half a change.
func TestCommitWaitsForReaders(t *testing.T) {
	root := t.TempDir()
	put(t, root, before)
	r, _, err := LockRead(root, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	w, _, err := LockWrite(root, "writer", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Release()
	defer func(old time.Duration) { ReaderWait = old }(ReaderWait)
	ReaderWait = 100 * time.Millisecond
	if err := w.Apply(change()); err == nil {
		t.Fatal("committed under a reader")
	}
	if got := files(t, root); !equal(got, before) {
		t.Errorf("a commit that could not wait changed the folder: %v", got)
	}
	ReaderWait = 10 * time.Second
	go func() { time.Sleep(100 * time.Millisecond); r.Release() }()
	if err := w.Apply(change()); err != nil {
		t.Fatal(err)
	}
	if got := files(t, root); !equal(got, after) {
		t.Errorf("folder holds %v", got)
	}
}

// A reader that finds a dead writer's journal finishes its change before
// reading.
func TestReaderFinishesAChange(t *testing.T) {
	root := t.TempDir()
	put(t, root, before)
	p := change()
	es := entries(p)
	if err := stage(root, p, es); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(filepath.Join(root, JournalPath), encodeJournal(stateCommitted, es)); err != nil {
		t.Fatal(err)
	}
	r, finished, err := LockRead(root, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Release()
	if !finished {
		t.Error("finished = false")
	}
	if got := files(t, root); !equal(got, after) {
		t.Errorf("folder holds %v", got)
	}
}

// A folder this user cannot write is read without a lock; one that holds
// a change to finish is refused, for reading it would show half a change.
func TestReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only folders; the CLI tests cover a read-only site as a user")
	}
	root := t.TempDir()
	put(t, root, before)
	os.Chmod(filepath.Join(root, ".glot"), 0o555)
	defer os.Chmod(filepath.Join(root, ".glot"), 0o755)
	r, _, err := LockRead(root, time.Second)
	if err != nil {
		t.Fatalf("read-only folder: %v", err)
	}
	r.Release()
}

// The first writer makes the folders its lock lives in; if it commits
// nothing, releasing the lock takes them away, and if it commits, they
// stay.
func TestFirstWriterTidiesUp(t *testing.T) {
	for _, commit := range []bool{false, true} {
		root := filepath.Join(t.TempDir(), "locales")
		w, _, err := LockWrite(root, "glot extract", time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if commit {
			var p Plan
			p.Write("active.en.toml", []byte("x = \"y\"\n"))
			if err := w.Apply(p); err != nil {
				t.Fatal(err)
			}
		}
		w.Release()
		_, err = os.Stat(root)
		if commit != (err == nil) {
			t.Errorf("commit %v: the locales folder exists: %v", commit, err == nil)
		}
	}
}
