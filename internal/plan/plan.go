// Package plan owns the one step that changes a site on disk. The pipeline
// computes a Plan (files to write, files to remove) without touching the
// disk; Apply carries it out, writing every file to a temporary file in the
// same folder and renaming it into place, so an interrupted run leaves each
// file either as it was or as it should be, never half written.
//
//	var p plan.Plan
//	p.Write("locales/active.en.toml", data)
//	err := plan.Apply(siteDir, p)
package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
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

// Apply carries out p under root. The files are written several at a
// time: each is synced before it is renamed into place, and a file system
// commits syncs made together at once, so that extracting thousands of
// pages' records costs a few commits, not thousands.
func Apply(root string, p Plan) error {
	errs := make([]error, len(p.Writes))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 16)
	for i, f := range p.Writes {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			errs[i] = WriteFile(filepath.Join(root, filepath.FromSlash(f.Path)), f.Data)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, r := range p.Removes {
		err := os.Remove(filepath.Join(root, filepath.FromSlash(r)))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// WriteFile writes data to name atomically: to a temporary file in the same
// folder, synced, then renamed over name. The folder is created if need be.
func WriteFile(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
