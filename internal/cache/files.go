package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Sum is the content hash of a file: SHA-256, which Go computes with the
// processor's own instructions where it has them, at gigabytes a second.
type Sum [32]byte

// String writes s in hexadecimal.
func (s Sum) String() string { return hex.EncodeToString(s[:]) }

// Hash returns the content hash of the file at path: slash-separated and
// relative to the site's root, or absolute.
//
// Reading every file of a large site to hash it takes longer than a
// build with nothing to do may, so a file is read only when it is new or
// its size, modification time or inode changed since it was last hashed,
// as git's index does. A file changed within a moment of being hashed
// might keep its modification time, so such a file is hashed again next
// time, until its time is safely past.
//
// A file of the site that is a symbolic link is read only if the link
// stays inside the site folder (see os.Root): a link to
// /proc/self/environ is not the site's to read. Other files cost one
// Lstat, as a Stat would: the folders above them are the site's to check.
func (c *Cache) Hash(path string) (Sum, error) {
	full := filepath.FromSlash(path)
	open := os.Open
	var fi fs.FileInfo
	var err error
	if filepath.IsAbs(full) {
		fi, err = os.Stat(full)
	} else {
		rel := full
		full = filepath.Join(c.root, full)
		if fi, err = os.Lstat(full); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			var root *os.Root
			if root, err = c.openRoot(); err == nil {
				fi, err = root.Stat(rel)
				open = func(string) (*os.File, error) { return root.Open(rel) }
			}
		}
	}
	if err != nil {
		return Sum{}, err
	}
	if !fi.Mode().IsRegular() {
		return Sum{}, &fs.PathError{Op: "hash", Path: full, Err: errors.New("not a regular file")}
	}
	st := stamp{size: fi.Size(), mtime: fi.ModTime().UnixNano(), ino: Inode(fi)}
	if sum, ok := c.files.lookup(path, st); ok {
		return sum, nil
	}
	f, err := open(full)
	if err != nil {
		return Sum{}, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return Sum{}, err
	}
	var sum Sum
	h.Sum(sum[:0])
	c.files.store(path, st, sum, time.Now().Add(-racyWindow).UnixNano() > st.mtime)
	return sum, nil
}

// HashOrNone is Hash, with a file that does not exist hashed as the zero
// Sum: a key made from it changes when it appears.
func (c *Cache) HashOrNone(path string) (Sum, error) {
	sum, err := c.Hash(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Sum{}, nil
	}
	return sum, err
}

// racyWindow is how long after a file's modification time a change to it
// may still leave that time as it was: file systems stamp writes with a
// coarse clock.
const racyWindow = 2 * time.Second

// stamp is what a file's metadata says of its content.
type stamp struct {
	size, mtime int64
	ino         uint64
}

type fileEntry struct {
	stamp
	sum  Sum
	used bool  // looked up or stored in this run
	age  uint8 // runs since it was last used
}

// fileIndex remembers the content hashes of files by their stamps.
type fileIndex struct {
	path    string
	mu      sync.Mutex
	loaded  bool
	dirty   bool
	entries map[string]*fileEntry
}

func newFileIndex(path string) *fileIndex {
	return &fileIndex{path: path}
}

func (x *fileIndex) lookup(path string, st stamp) (Sum, bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.load()
	e := x.entries[path]
	if e == nil || e.stamp != st {
		return Sum{}, false
	}
	if !e.used {
		e.used, x.dirty = true, x.dirty || e.age > 0
	}
	return e.sum, true
}

// store records sum for path; a file whose stamp cannot be trusted yet
// (it was modified a moment ago) is forgotten instead.
func (x *fileIndex) store(path string, st stamp, sum Sum, trusted bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.load()
	x.dirty = true
	if !trusted {
		delete(x.entries, path)
		return
	}
	x.entries[path] = &fileEntry{stamp: st, sum: sum, used: true}
}

const fileIndexMagic = "glotFIX1"

// maxAge is how many runs an entry is kept without being used: the files
// of a site come and go. Only runs that learn something count: a run that
// finds every file as the index has it leaves the index, and every age in
// it, as it was, rather than write it again.
const maxAge = 16

func (x *fileIndex) load() {
	if x.loaded {
		return
	}
	x.loaded = true
	x.entries = map[string]*fileEntry{}
	data, err := os.ReadFile(x.path)
	if err != nil || len(data) < len(fileIndexMagic) || string(data[:len(fileIndexMagic)]) != fileIndexMagic {
		return
	}
	d := data[len(fileIndexMagic):]
	read := func() (uint64, bool) {
		v, n := binary.Uvarint(d)
		if n <= 0 {
			return 0, false
		}
		d = d[n:]
		return v, true
	}
	for len(d) > 0 {
		n, ok := read()
		if !ok || n > uint64(len(d)) {
			return
		}
		path := string(d[:n])
		d = d[n:]
		var e fileEntry
		var size, ino, age uint64
		if size, ok = read(); !ok || len(d) < 8 {
			return
		}
		e.size = int64(size)
		e.mtime = int64(binary.LittleEndian.Uint64(d))
		d = d[8:]
		if ino, ok = read(); !ok {
			return
		}
		e.ino = ino
		if age, ok = read(); !ok || len(d) < len(e.sum) {
			return
		}
		e.age = uint8(min(age, maxAge))
		copy(e.sum[:], d)
		d = d[len(e.sum):]
		x.entries[path] = &e
	}
}

func (x *fileIndex) save() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if !x.dirty {
		return nil
	}
	out := []byte(fileIndexMagic)
	for path, e := range x.entries {
		age := e.age + 1
		if e.used {
			age = 0
		}
		if age > maxAge {
			continue
		}
		out = binary.AppendUvarint(out, uint64(len(path)))
		out = append(out, path...)
		out = binary.AppendUvarint(out, uint64(e.size))
		out = binary.LittleEndian.AppendUint64(out, uint64(e.mtime))
		out = binary.AppendUvarint(out, e.ino)
		out = binary.AppendUvarint(out, uint64(age))
		out = append(out, e.sum[:]...)
	}
	x.dirty = false
	return WriteFile(x.path, out)
}
