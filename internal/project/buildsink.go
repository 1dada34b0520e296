package project

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/glot-i18n/glot/internal/cache"
	"github.com/glot-i18n/glot/internal/site"
)

// diskSink writes a build's outputs under the site's root. It makes again
// only what changed since the last build's record, and writes a file only
// when its bytes changed, so that a build with nothing to do leaves every
// file, and its time, as it was.
type diskSink struct {
	root  string
	dirs  []string // the output folders, slash-separated
	prev  record   // the last build's; read only
	force bool     // make everything again
	// verify says the last build did not finish, so that a file it
	// recorded may have been left half written: one is kept only if it
	// still looks as recorded.
	verify bool
	gone   map[string]bool
	// guarded are the output folders that may hold files a person made,
	// slash-separated with a trailing slash: a Hugo site's language
	// content folders, where translations made by hand may already be.
	// A file there is written over, or removed, only if it is as the
	// last build left it (see mayReplace).
	guarded []string
	// folders holds each folder this build checked or made (see
	// folder), by its slash-separated path, with what was found.
	folders sync.Map
	mu      sync.Mutex
	next    record
	// written and kept hold, by language, the pages of which the build
	// wrote an output, and those of which it kept one as it was; removed
	// counts the outputs swept away. They are for the build's report.
	written, kept map[string]map[string]bool
	removed       int
}

// count records, for the build's report, that an output of a page was
// written or kept.
func (d *diskSink) count(out site.Output, written bool) {
	if out.Page == "" || out.Lang == "" {
		return // an asset, or a file of the whole site
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	m := &d.kept
	if written {
		m = &d.written
	}
	if *m == nil {
		*m = map[string]map[string]bool{}
	}
	if (*m)[out.Lang] == nil {
		(*m)[out.Lang] = map[string]bool{}
	}
	(*m)[out.Lang][out.Page] = true
}

// pages returns how many pages of lang the build wrote, and how many it
// kept as they were: a page of which any output was written counts as
// written.
func (d *diskSink) pages(lang string) (written, kept int) {
	for p := range d.kept[lang] {
		if !d.written[lang][p] {
			kept++
		}
	}
	return len(d.written[lang]), kept
}

// newDiskSink returns a sink writing under root into the output folders
// dirs, after the build that left prev.
func newDiskSink(root string, dirs []string, prev record, force bool) *diskSink {
	next := record{outs: make(map[string]*outRecord, len(prev.outs)), roots: map[string]dirStamp{}}
	d := &diskSink{root: root, dirs: dirs, prev: prev, force: force, next: next, gone: map[string]bool{}}
	for name, st := range prev.roots {
		if d.stamp(name) != st {
			d.gone[name] = true // deleted, or touched by hand
		}
	}
	return d
}

// rootOf returns the folder of output name that a person might delete
// whole: its language's folder in its output folder, or that folder.
func (d *diskSink) rootOf(name string) string {
	for _, dir := range d.dirs {
		if rest, ok := strings.CutPrefix(name, dir+"/"); ok {
			if lang, _, ok := strings.Cut(rest, "/"); ok {
				return dir + "/" + lang
			}
			return dir
		}
	}
	return path.Dir(name)
}

func (d *diskSink) stamp(root string) dirStamp {
	fi, err := os.Stat(filepath.Join(d.root, filepath.FromSlash(root)))
	if err != nil || !fi.IsDir() {
		return dirStamp{}
	}
	return dirStamp{cache.Inode(fi), fi.ModTime().UnixNano()}
}

func (d *diskSink) Kept(out site.Output) bool {
	if d.force {
		return false
	}
	r := d.prev.outs[out.Name]
	if r == nil || r.key != out.Key || d.gone[d.rootOf(out.Name)] {
		return false
	}
	if d.verify {
		fi, err := os.Lstat(filepath.Join(d.root, filepath.FromSlash(out.Name)))
		if err != nil || fi.Size() != r.size || fi.ModTime().UnixNano() != r.mtime {
			return false
		}
	}
	d.mu.Lock()
	d.next.outs[out.Name] = r
	d.mu.Unlock()
	d.count(out, false)
	return true
}

func (d *diskSink) Write(out site.Output, data []byte) error {
	d.count(out, true)
	name := filepath.Join(d.root, filepath.FromSlash(out.Name))
	e := &outRecord{page: out.Page, lang: out.Lang, format: out.Format, key: out.Key, sum: sha256.Sum256(data), size: int64(len(data))}
	if r := d.prev.outs[out.Name]; r != nil && r.sum == e.sum {
		// The same bytes: the file stays, with its time, if it is still
		// the one the last build left (a link put in its place is not:
		// Lstat sees the link's own size and time).
		if fi, err := os.Lstat(name); err == nil && fi.Size() == r.size && fi.ModTime().UnixNano() == r.mtime {
			if err := d.folder(path.Dir(out.Name)); err != nil {
				return err
			}
			e.mtime = r.mtime
			d.add(out.Name, e)
			return nil
		}
	}
	if err := d.mayReplace(out.Name, data); err != nil {
		return err
	}
	fi, err := d.writeInPlace(out.Name, data)
	if err != nil {
		return err
	}
	e.mtime = fi.ModTime().UnixNano()
	d.add(out.Name, e)
	return nil
}

// mayReplace fails if output name lies in a guarded folder and the file
// there is one the last build did not leave: a page translated by hand
// before glot came, or a generated page edited by hand since. Neither is
// written over nor removed. A file that already holds data, the bytes to
// write, is no one's work lost.
func (d *diskSink) mayReplace(name string, data []byte) error {
	guarded := false
	for _, g := range d.guarded {
		guarded = guarded || strings.HasPrefix(name, g)
	}
	if !guarded {
		return nil
	}
	full := filepath.Join(d.root, filepath.FromSlash(name))
	have, err := os.ReadFile(full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case data != nil && string(have) == string(data):
		return nil
	}
	if r := d.prev.outs[name]; r != nil && sha256.Sum256(have) == r.sum {
		return nil
	}
	what := "written over"
	if data == nil {
		what = "removed"
	}
	return fmt.Errorf("%s was not written by glot build, or was changed since: it would be %s, and the translation in it lost; bring its text into the catalogs (glot merge's translate file) or move it aside, then build again", display(full), what)
}

func (d *diskSink) add(name string, e *outRecord) {
	d.mu.Lock()
	d.next.outs[name] = e
	d.mu.Unlock()
}

// sweep removes the outputs of the last build that this build did not
// make but would have (their page, asset or language version is gone),
// and keeps in the record those outside its scope (another language, a
// format or shard not built this time). It returns the new record.
func (d *diskSink) sweep(inScope func(site.Output) bool) (record, error) {
	var errs []error
	for name, r := range d.prev.outs {
		if _, ok := d.next.outs[name]; ok {
			continue
		}
		if !inScope(r.output(name)) {
			if !d.gone[d.rootOf(name)] {
				d.next.outs[name] = r
			}
			continue
		}
		// Nothing is removed through a link: a folder of the outputs
		// swapped for a link to elsewhere would have that place's files
		// removed.
		if err := d.folderChecked(path.Dir(name)); err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
			continue
		}
		if err := d.mayReplace(name, nil); err != nil {
			errs = append(errs, err)
			d.next.outs[name] = r // still glot's to look after
			continue
		}
		full := filepath.Join(d.root, filepath.FromSlash(name))
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
			continue
		}
		d.removed++
		removeEmptyDirs(filepath.Dir(full), d.root)
	}
	for name := range d.next.outs {
		root := d.rootOf(name)
		if _, ok := d.next.roots[root]; !ok {
			d.next.roots[root] = d.stamp(root)
		}
	}
	return d.next, errors.Join(errs...)
}

// rootsDigest describes the folders names, under root, as they are now: a
// build with nothing to do checks that none changed.
func rootsDigest(root string, names []string) string {
	d := &diskSink{root: root}
	h := sha256.New()
	for _, n := range names {
		st := d.stamp(n)
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00", n, st.ino, st.mtime)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// writeInPlace writes generated file name (slash-separated, relative to
// the site folder), making its folder if need be, and returns what it
// looks like written. Generated files can be made again, so they are
// neither synced nor written through a temporary file: on this kind of
// disk, a temporary file renamed into place costs three times as much,
// and output is most of what a build writes. A build that stops half way
// leaves a mark (see diskSink.verify) so that the next one finds any file
// left half written.
//
// Nothing is written through a symbolic link: a link in place of the
// output folder, a language's folder or a file would have the build write
// over whatever it leads to, inside the site (its content, its layouts) or
// outside it. The folders are checked once each (see folder), the file
// itself by opening it with O_NOFOLLOW, which costs nothing more.
func (d *diskSink) writeInPlace(name string, data []byte) (fs.FileInfo, error) {
	if err := d.folder(path.Dir(name)); err != nil {
		return nil, err
	}
	full := filepath.Join(d.root, filepath.FromSlash(name))
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|oNoFollow, 0o644)
	if err != nil {
		if fi, lerr := os.Lstat(full); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return nil, linkInOutputs(full)
		}
		return nil, err
	}
	_, err = f.Write(data)
	var fi fs.FileInfo
	if err == nil {
		fi, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return fi, err
}

// folder makes folder dir of the outputs (slash-separated, relative to
// the site folder) and those above it if need be, and fails if it or any
// of them below the site folder is a symbolic link or not a folder. Each
// folder is checked once per build: a build of 90,000 files has a few
// thousand folders, and trying the file first would cost a failed open
// for every new page.
func (d *diskSink) folder(dir string) error {
	return d.checkFolder(dir, true)
}

// folderChecked is folder without making anything: a folder that does not
// exist is an fs.ErrNotExist.
func (d *diskSink) folderChecked(dir string) error {
	return d.checkFolder(dir, false)
}

type folderState struct{ err error }

func (d *diskSink) checkFolder(dir string, mk bool) error {
	if dir == "." || dir == "" {
		return nil
	}
	if v, ok := d.folders.Load(dir); ok {
		if err := v.(folderState).err; err == nil || !mk || !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := d.checkFolder(path.Dir(dir), mk); err != nil {
		return err
	}
	full := filepath.Join(d.root, filepath.FromSlash(dir))
	fi, err := os.Lstat(full)
	if errors.Is(err, fs.ErrNotExist) && mk {
		if err = os.Mkdir(full, 0o755); err == nil || errors.Is(err, fs.ErrExist) {
			fi, err = os.Lstat(full)
		}
	}
	switch {
	case err != nil:
	case fi.Mode()&fs.ModeSymlink != 0:
		err = linkInOutputs(full)
	case !fi.IsDir():
		err = fmt.Errorf("%s is not a folder: glot build puts its outputs in it", display(full))
	}
	d.folders.Store(dir, folderState{err})
	return err
}

// linkInOutputs is the error of a symbolic link found where glot build
// writes.
func linkInOutputs(full string) error {
	return fmt.Errorf("%s is a symbolic link: glot build writes its outputs only into folders of its own, never through a link; remove the link", display(full))
}

// checkOutputs checks, before a build writes anything, that the folders
// it writes into (each of dirs, slash-separated and relative to the site
// folder, and in each the folder of each of langs) are not symbolic links.
// Deeper folders are checked as they are first written into.
func (d *diskSink) checkOutputs(dirs, langs []string) error {
	var errs []error
	for _, dir := range dirs {
		for _, sub := range append([]string{""}, langs...) {
			if err := d.folderChecked(path.Join(dir, sub)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
				break
			}
		}
	}
	return errors.Join(errs...)
}

// removeEmptyDirs removes dir and its parents while they are empty, up to
// root.
func removeEmptyDirs(dir, root string) {
	for dir != root && len(dir) > len(root) {
		if os.Remove(dir) != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}
