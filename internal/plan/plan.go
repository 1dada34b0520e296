// Package plan owns the one step that changes a site's catalogs on disk.
// The pipeline computes a Plan (files to write, files to remove) without
// touching the disk; Apply carries it out as one transaction, so that a
// command killed at any moment leaves the locales folder as it was or as
// it should be, never a mix of the two (see JournalPath). Only one command
// changes a locales folder at a time, and none reads it while a change is
// being committed (see LockWrite and LockRead).
//
//	w, err := plan.LockWrite(localesDir, "glot merge", 5*time.Second)
//	...
//	defer w.Release()
//	var p plan.Plan
//	p.Write("active.es.toml", data)
//	err = plan.Apply(localesDir, p)
package plan

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Plan is a set of changes to files under a root folder. Paths are
// slash-separated and relative to that root.
type Plan struct {
	Writes  []File
	Removes []string
}

// File is a file to write.
type File struct {
	Path string
	Data []byte
}

// Write adds a file to write.
func (p *Plan) Write(path string, data []byte) {
	p.Writes = append(p.Writes, File{Path: path, Data: data})
}

// WriteIfChanged adds a file to write unless fsys already holds exactly
// data at path: running a command twice writes nothing the second time.
func (p *Plan) WriteIfChanged(fsys fs.FS, path string, data []byte) {
	if old, err := fs.ReadFile(fsys, path); err == nil && bytes.Equal(old, data) {
		return
	}
	p.Write(path, data)
}

// Remove adds a file to remove.
func (p *Plan) Remove(path string) {
	p.Removes = append(p.Removes, path)
}

// Empty reports whether the plan changes nothing.
func (p *Plan) Empty() bool { return len(p.Writes) == 0 && len(p.Removes) == 0 }

// Paths lists every path the plan touches, sorted.
func (p *Plan) Paths() []string {
	var ps []string
	for _, f := range p.Writes {
		ps = append(ps, f.Path)
	}
	ps = append(ps, p.Removes...)
	sort.Strings(ps)
	return ps
}

// WriteFile writes data to name atomically: to a temporary file in the same
// folder, synced, then renamed over name. The folder is created if need be.
func WriteFile(name string, data []byte) error { return writeFile(name, data, true) }

// WriteMade is WriteFile for a file glot makes again at will (a report's
// page): renamed into place, so that no reader ever opens half of it, but
// not synced to the disk first, for hundreds of syncs take longer than
// making the files again.
func WriteMade(name string, data []byte) error { return writeFile(name, data, false) }

func writeFile(name string, data []byte, sync bool) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.OpenFile(filepath.Join(dir, stagedName(filepath.Base(name))), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	if sync {
		if err := tmp.Sync(); err != nil {
			tmp.Close()
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
