package plan

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// A change to a locales folder spans several files (a language's catalog,
// its translate file, its archive; the source catalog, the pages' records
// and the retired sources), and a command killed between two of them would
// leave translations in neither place. So a change is one transaction,
// committed in four steps:
//
//  1. the journal is written, naming each file to write, the staged file
//     it will first be written to, and each file to remove, in state
//     "staging";
//  2. every new file is staged: written in full and synced beside the file
//     it replaces, under a name that marks it as staged (see stagedName);
//  3. the journal is rewritten in state "committed": its rename into place
//     is the commit point;
//  4. the staged files are renamed over their destinations, the removals
//     done, and the journal removed.
//
// Recover, for a journal a killed command left, removes what a "staging"
// one staged, and completes step 4 for a "committed" one (each of its steps
// can be done again). Either way the folder holds the old state or the new
// one, never a mix, and nothing staged is left behind to be committed to
// version control by mistake. No step needs to look through the folder.

// JournalPath is where a change being committed is recorded, relative to
// the locales folder.
const JournalPath = ".glot/journal"

// journalHeader starts every journal; a file without it, or without the
// final journalEnd, is not a journal glot wrote whole.
const (
	journalHeader = "glot journal 1"
	journalEnd    = "end"
	// The states of a journal, on its second line.
	stateStaging   = "staging"
	stateCommitted = "committed"
)

// StagedMark is part of the name of every staged file, so that Recover,
// and .gitignore, can tell them from anything else in the folder.
const StagedMark = ".glot-staged-"

// stagedName is the name a new version of the file base is staged under,
// in the same folder: hidden, with a random part so that two staged
// versions never meet, and ending in neither .toml nor .md, so that
// nothing reads it as a catalog or a page.
func stagedName(base string) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "." + base + StagedMark + hex.EncodeToString(b[:])
}

// isStaged reports whether base names a staged file.
func isStaged(base string) bool {
	return strings.HasPrefix(base, ".") && strings.Contains(base, StagedMark)
}

// entry is one step of a journal: rename Staged over Path, or remove Path
// when Staged is empty.
type entry struct {
	Path, Staged string
}

func encodeJournal(state string, es []entry) []byte {
	var b bytes.Buffer
	b.WriteString(journalHeader + "\n" + state + "\n")
	for _, e := range es {
		if e.Staged == "" {
			fmt.Fprintf(&b, "remove %s\n", strconv.Quote(e.Path))
		} else {
			fmt.Fprintf(&b, "rename %s %s\n", strconv.Quote(e.Staged), strconv.Quote(e.Path))
		}
	}
	b.WriteString(journalEnd + "\n")
	return b.Bytes()
}

func decodeJournal(name string, data []byte) (state string, es []entry, err error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	line := 0
	bad := func(why string) error {
		return fmt.Errorf("%s:%d: %s; the change it records cannot be completed: move it aside and run glot extract and glot merge again", name, line, why)
	}
	ended := false
	for sc.Scan() {
		line++
		t := sc.Text()
		switch {
		case line == 1:
			if t != journalHeader {
				return "", nil, bad("not a glot journal")
			}
		case line == 2:
			if t != stateStaging && t != stateCommitted {
				return "", nil, bad("unknown state")
			}
			state = t
		case t == journalEnd:
			ended = true
		case ended:
			return "", nil, bad("text after the end of the journal")
		case strings.HasPrefix(t, "remove "):
			p, err := strconv.Unquote(t[len("remove "):])
			if err != nil || !local(p) {
				return "", nil, bad("malformed remove line")
			}
			es = append(es, entry{Path: p})
		case strings.HasPrefix(t, "rename "):
			rest := t[len("rename "):]
			from, err := strconv.QuotedPrefix(rest)
			if err != nil {
				return "", nil, bad("malformed rename line")
			}
			to := strings.TrimPrefix(rest[len(from):], " ")
			s, err1 := strconv.Unquote(from)
			p, err2 := strconv.Unquote(to)
			if err1 != nil || err2 != nil || !local(s) || !local(p) || !isStaged(path.Base(s)) {
				return "", nil, bad("malformed rename line")
			}
			es = append(es, entry{Path: p, Staged: s})
		default:
			return "", nil, bad("unknown step")
		}
	}
	if err := sc.Err(); err != nil {
		return "", nil, fmt.Errorf("%s: %w", name, err)
	}
	if !ended {
		return "", nil, bad("the journal is not complete")
	}
	return state, es, nil
}

// local reports whether p is a path that stays inside the folder: a
// journal never names anything outside it, whatever is written in it.
func local(p string) bool { return p != "" && fs.ValidPath(p) && p != "." }

// apply carries out p under root, a locales folder, as one transaction
// (see JournalPath): after a kill at any moment, Recover leaves root
// holding either everything p writes and removes, or nothing of it. An
// error before the commit point leaves root as it was; an error after it
// leaves the journal, for Recover to finish. The caller holds the
// folder's write lock (see LockWrite).
func apply(root string, p Plan) error {
	if len(p.Writes) == 0 && len(p.Removes) == 0 {
		return nil
	}
	es := make([]entry, 0, len(p.Writes)+len(p.Removes))
	for _, f := range p.Writes {
		es = append(es, entry{Path: f.Path, Staged: path.Join(path.Dir(f.Path), stagedName(path.Base(f.Path)))})
	}
	for _, r := range p.Removes {
		es = append(es, entry{Path: r})
	}
	journal := filepath.Join(root, filepath.FromSlash(JournalPath))
	if err := WriteFile(journal, encodeJournal(stateStaging, es)); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	fault("journal staging")
	if err := stage(root, p, es); err != nil {
		return errors.Join(err, undo(root, es))
	}
	fault("staged")
	if err := WriteFile(journal, encodeJournal(stateCommitted, es)); err != nil {
		return errors.Join(fmt.Errorf("commit: %w", err), undo(root, es))
	}
	if err := syncDir(filepath.Dir(journal)); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	fault("journal committed")
	return finish(root, es)
}

// stage writes every file of p to its staged name in es, several at a
// time: a file system commits syncs made together at once, so staging
// thousands of pages' records costs a few commits, not thousands.
func stage(root string, p Plan, es []entry) error {
	errs := make([]error, len(p.Writes))
	sem := make(chan struct{}, 16)
	var wg sync.WaitGroup
	for i, f := range p.Writes {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			// A folder where a file is to go would fail its rename after
			// the commit point; it fails the change now, before it.
			dest := filepath.Join(root, filepath.FromSlash(f.Path))
			if fi, err := os.Lstat(dest); err == nil && fi.IsDir() {
				errs[i] = fmt.Errorf("write %s: a folder is in the way", fileerr.Name(dest))
				return
			}
			errs[i] = writeSynced(filepath.Join(root, filepath.FromSlash(es[i].Staged)), f.Data)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// undo takes back a change that did not reach its commit point: what it
// staged, then its journal.
func undo(root string, es []entry) error {
	unstage(root, es)
	fault("unstaged")
	err := os.Remove(filepath.Join(root, filepath.FromSlash(JournalPath)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// unstage removes the staged files of es.
func unstage(root string, es []entry) {
	for _, e := range es {
		if e.Staged != "" {
			os.Remove(filepath.Join(root, filepath.FromSlash(e.Staged)))
		}
	}
}

// finish carries out the steps of a committed journal and removes it.
// Each step can be done again: a staged file already renamed is gone, and
// its destination holds it.
func finish(root string, es []entry) error {
	dirs := map[string]bool{}
	for i, e := range es {
		full := filepath.Join(root, filepath.FromSlash(e.Path))
		if e.Staged == "" {
			if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("commit: %w", err)
			}
		} else {
			err := os.Rename(filepath.Join(root, filepath.FromSlash(e.Staged)), full)
			if errors.Is(err, fs.ErrNotExist) {
				// Renamed before a kill, unless its destination is missing
				// too: then the change cannot be completed, and saying so
				// is all that is left to do.
				if _, serr := os.Stat(full); serr != nil {
					return fmt.Errorf("commit: %s: the staged file is missing", e.Path)
				}
			} else if err != nil {
				return fmt.Errorf("commit: %w", err)
			}
		}
		dirs[filepath.Dir(full)] = true
		fault("step " + strconv.Itoa(i+1))
	}
	// The renames reach the disk before the journal goes: a power cut
	// between the two then finds the journal and finishes again.
	for d := range dirs {
		if err := syncDir(d); err != nil {
			return fmt.Errorf("commit: %w", err)
		}
	}
	journal := filepath.Join(root, filepath.FromSlash(JournalPath))
	if err := os.Remove(journal); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	fault("committed")
	return nil
}

// Pending reports whether root holds a journal: a change that was
// committed but not finished, by a command that was killed or failed.
func Pending(root string) bool {
	_, err := os.Lstat(filepath.Join(root, filepath.FromSlash(JournalPath)))
	return err == nil
}

// Recover brings root back to a whole state after a command that changed
// it was killed: it finishes a committed change, or removes what an
// uncommitted one staged. It reports whether it finished a change. The
// caller holds the folder's write lock, or its read lock exclusively.
func Recover(root string) (finished bool, err error) {
	journal := filepath.Join(root, filepath.FromSlash(JournalPath))
	data, err := os.ReadFile(journal)
	switch {
	case err == nil:
		state, es, err := decodeJournal(fileerr.Name(journal), data)
		if err != nil {
			return false, err
		}
		if state == stateStaging {
			if err := undo(root, es); err != nil {
				return false, fmt.Errorf("%s: undoing an interrupted change: %w", fileerr.Name(journal), err)
			}
			break
		}
		if err := finish(root, es); err != nil {
			return false, fmt.Errorf("%s: finishing an interrupted change: %w", fileerr.Name(journal), err)
		}
		finished = true
	case !errors.Is(err, fs.ErrNotExist):
		return false, err
	}
	return finished, removeStaged(root)
}

// removeStaged removes the journals that a command killed while writing
// one left half written: with no journal in force, they are nobody's.
func removeStaged(root string) error {
	dir := filepath.Join(root, filepath.FromSlash(path.Dir(JournalPath)))
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range ents {
		if isStaged(e.Name()) {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	return nil
}

// writeSynced writes data to a new file name, synced, making its folder
// if need be.
func writeSynced(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// syncDir makes the renames and removals in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	// Some file systems cannot sync a folder; their renames are as
	// durable as they can be made.
	if errors.Is(err, os.ErrInvalid) || errors.Is(err, errors.ErrUnsupported) {
		return nil
	}
	return err
}
