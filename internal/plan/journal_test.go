package plan

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// files returns every file under root but the locks, with its content.
func files(t *testing.T, root string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if rel == WriteLockPath || rel == ReadLockPath {
			return nil
		}
		b, err := os.ReadFile(p)
		got[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func put(t *testing.T, root string, fs map[string]string) {
	t.Helper()
	for name, data := range fs {
		full := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

var (
	before = map[string]string{
		"active.es.toml":        "old active",
		"translate.es.toml":     "old translate",
		".glot/pages/a.md.toml": "record a",
		".glot/pages/gone.toml": "record gone",
		".glot/archive.es.toml": "old archive",
	}
	after = map[string]string{
		"active.es.toml":        "new active",
		"translate.es.toml":     "new translate",
		".glot/pages/a.md.toml": "record a",
		".glot/archive.es.toml": "new archive",
		".glot/pages/b.md.toml": "record b",
	}
)

func change() Plan {
	var p Plan
	p.Write("active.es.toml", []byte("new active"))
	p.Write("translate.es.toml", []byte("new translate"))
	p.Write(".glot/archive.es.toml", []byte("new archive"))
	p.Write(".glot/pages/b.md.toml", []byte("record b"))
	p.Remove(".glot/pages/gone.toml")
	return p
}

// entries returns the journal entries of p, as apply makes them.
func entries(p Plan) []entry {
	var es []entry
	for _, f := range p.Writes {
		es = append(es, entry{Path: f.Path, Staged: path.Join(path.Dir(f.Path), stagedName(path.Base(f.Path)))})
	}
	for _, r := range p.Removes {
		es = append(es, entry{Path: r})
	}
	return es
}

// A commit stopped at any of its steps is either undone or finished by
// Recover: the folder never holds a mix of the old files and the new,
// and nothing staged is left. Each stop is made by doing, by hand, only
// the steps before it.
func TestRecoverAfterEveryStep(t *testing.T) {
	p := change()
	es := entries(p)
	for stop := 0; stop <= 3+len(es); stop++ {
		root := t.TempDir()
		put(t, root, before)
		journal := filepath.Join(root, JournalPath)
		want := before
		if stop >= 1 {
			if err := WriteFile(journal, encodeJournal(stateStaging, es)); err != nil {
				t.Fatal(err)
			}
		}
		if stop >= 2 {
			if err := stage(root, p, es); err != nil {
				t.Fatal(err)
			}
		}
		if stop >= 3 {
			// Committed, and the first stop-3 steps carried out.
			if err := WriteFile(journal, encodeJournal(stateCommitted, es)); err != nil {
				t.Fatal(err)
			}
			for _, e := range es[:stop-3] {
				full := filepath.Join(root, filepath.FromSlash(e.Path))
				if e.Staged == "" {
					os.Remove(full)
				} else if err := os.Rename(filepath.Join(root, filepath.FromSlash(e.Staged)), full); err != nil {
					t.Fatal(err)
				}
			}
			want = after
		}
		finished, err := Recover(root)
		if err != nil {
			t.Fatalf("stop %d: %v", stop, err)
		}
		if finished != (stop >= 3) {
			t.Errorf("stop %d: finished = %v", stop, finished)
		}
		if got := files(t, root); !equal(got, want) {
			t.Errorf("stop %d: after Recover the folder holds\n%v\nwant\n%v", stop, got, want)
		}
		// Recovering again changes nothing.
		if _, err := Recover(root); err != nil {
			t.Fatal(err)
		}
		if got := files(t, root); !equal(got, want) {
			t.Errorf("stop %d: a second Recover changed the folder: %v", stop, got)
		}
	}
}

// A journal that a killed command left half written is removed by the
// next command, writer or reader.
func TestHalfWrittenJournalIsRemoved(t *testing.T) {
	for _, who := range []string{"writer", "reader"} {
		root := t.TempDir()
		put(t, root, before)
		put(t, root, map[string]string{".glot/.journal" + StagedMark + "0123": "glot journal 1\nsta"})
		if who == "writer" {
			w, _, err := LockWrite(root, "test", time.Second)
			if err != nil {
				t.Fatal(err)
			}
			w.Release()
		} else {
			r, _, err := LockRead(root, time.Second)
			if err != nil {
				t.Fatal(err)
			}
			r.Release()
		}
		if got := files(t, root); !equal(got, before) {
			t.Errorf("%s: folder holds %v", who, got)
		}
	}
}

// A change that fails before its commit point leaves the folder as it
// was, with nothing staged left behind: here a new file's folder cannot
// be made, for a file stands where it would go.
func TestApplyFailureChangesNothing(t *testing.T) {
	root := t.TempDir()
	put(t, root, before)
	put(t, root, map[string]string{"blocked": "a file"})
	p := change()
	p.Write("blocked/x.toml", []byte("x"))
	w, _, err := LockWrite(root, "test", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Release()
	if err := w.Apply(p); err == nil {
		t.Fatal("Apply succeeded")
	}
	want := map[string]string{"blocked": "a file"}
	for k, v := range before {
		want[k] = v
	}
	if got := files(t, root); !equal(got, want) {
		t.Errorf("after a failed Apply the folder holds %v", got)
	}
}

func TestApplyCommits(t *testing.T) {
	root := t.TempDir()
	put(t, root, before)
	w, _, err := LockWrite(root, "test", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Release()
	if err := w.Apply(change()); err != nil {
		t.Fatal(err)
	}
	if got := files(t, root); !equal(got, after) {
		t.Errorf("folder holds %v", got)
	}
}

// A journal is trusted only whole, and never names a file outside the
// folder.
func TestDecodeJournalRefuses(t *testing.T) {
	good := string(encodeJournal(stateCommitted, []entry{{Path: "a.toml", Staged: ".a.toml" + StagedMark + "00"}, {Path: "b.toml"}}))
	if _, _, err := decodeJournal("j", []byte(good)); err != nil {
		t.Fatalf("a journal glot wrote: %v", err)
	}
	for name, text := range map[string]string{
		"cut short":     strings.TrimSuffix(good, journalEnd+"\n"),
		"no header":     strings.TrimPrefix(good, journalHeader+"\n"),
		"no state":      strings.Replace(good, stateCommitted+"\n", "", 1),
		"outside":       journalHeader + "\ncommitted\nremove \"../x\"\nend\n",
		"absolute":      journalHeader + "\ncommitted\nremove \"/etc/passwd\"\nend\n",
		"not staged":    journalHeader + "\ncommitted\nrename \"a\" \"b\"\nend\n",
		"unknown step":  journalHeader + "\ncommitted\nchmod \"a\"\nend\n",
		"after the end": good + "remove \"a\"\n",
	} {
		if _, _, err := decodeJournal("locales/.glot/journal", []byte(text)); err == nil {
			t.Errorf("%s: accepted", name)
		} else if !strings.HasPrefix(err.Error(), "locales/.glot/journal:") {
			t.Errorf("%s: error %q does not name the journal", name, err)
		}
	}
}

// A file that cannot be put in place fails the change before its commit
// point: the folder stays as it was.
func TestFolderInTheWay(t *testing.T) {
	root := t.TempDir()
	was := map[string]string{}
	for k, v := range before {
		if k != ".glot/archive.es.toml" {
			was[k] = v
		}
	}
	put(t, root, was)
	if err := os.MkdirAll(filepath.Join(root, ".glot", "archive.es.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	w, _, err := LockWrite(root, "test", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Release()
	err = w.Apply(change())
	if err == nil || !strings.Contains(err.Error(), "archive.es.toml") {
		t.Fatalf("Apply: %v", err)
	}
	if got := files(t, root); !equal(got, was) {
		t.Errorf("after a failed Apply the folder holds %v", got)
	}
	if Pending(root) {
		t.Error("a journal is left")
	}
}
