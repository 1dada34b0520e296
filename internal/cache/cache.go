// Package cache owns .glot-cache/, the folder at a site's root where glot
// keeps what it can always make again: the content hash of every file it
// reads, the compiled catalogs, and the record of what the last build
// wrote. Everything in it is named by, or checked against, the content of
// the files it was made from, so a stale or damaged entry costs only the
// time to make it again, and deleting the folder is always safe.
//
// Its files are written atomically (a temporary file renamed into place)
// but not synced to disk: after a crash, an entry is either whole or
// missing.
//
//	c := cache.Open(".")  // the site's root
//	sum, err := c.Hash("locales/active.es.toml")
//	defer c.Close()
package cache

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Dir is the cache folder's name, at the site's root.
const Dir = ".glot-cache"

// Cache is a site's cache folder.
type Cache struct {
	root  string // the site's root
	dir   string
	files *fileIndex
	// site is the site's root opened as an os.Root, to follow links
	// (see Hash), when first needed; Close closes it.
	siteMu sync.Mutex
	site   *os.Root
}

// openRoot returns the site's root as an os.Root.
func (c *Cache) openRoot() (*os.Root, error) {
	c.siteMu.Lock()
	defer c.siteMu.Unlock()
	if c.site == nil {
		r, err := os.OpenRoot(c.root)
		if err != nil {
			return nil, err
		}
		c.site = r
	}
	return c.site, nil
}

// Open returns the cache of the site whose root is root. Nothing is read
// or made until needed; a folder that cannot be made leaves a cache that
// keeps nothing.
func Open(root string) *Cache {
	dir := filepath.Join(root, Dir)
	return &Cache{root: root, dir: dir, files: newFileIndex(filepath.Join(dir, "files"))}
}

// Close saves what the cache learned about files.
func (c *Cache) Close() error {
	c.siteMu.Lock()
	if c.site != nil {
		c.site.Close()
		c.site = nil
	}
	c.siteMu.Unlock()
	return c.files.save()
}

// Path returns where entry name (a slash-separated path in the cache) is.
func (c *Cache) Path(name string) string {
	return filepath.Join(c.dir, filepath.FromSlash(name))
}

// Open opens entry name, and says how big it is; ok is false when there is
// no such entry.
func (c *Cache) Get(name string) (f *os.File, size int64, ok bool) {
	f, err := os.Open(c.Path(name))
	if err != nil {
		return nil, 0, false
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, 0, false
	}
	return f, fi.Size(), true
}

// Put writes entry name.
func (c *Cache) Put(name string, data []byte) error {
	return WriteFile(c.Path(name), data)
}

// PutFunc writes entry name with write, through a buffer: an entry too
// large to hold twice in memory.
func (c *Cache) PutFunc(name string, write func(io.Writer) error) error {
	full := c.Path(name)
	dir := filepath.Dir(full)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(full)+".*.tmp")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(tmp, 1<<20)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), full)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// Prune removes the entries in folder dir of the cache whose names start
// with prefix, but keep.
func (c *Cache) Prune(dir, prefix, keep string) {
	entries, err := os.ReadDir(c.Path(dir))
	if err != nil {
		return
	}
	for _, e := range entries {
		if n := e.Name(); strings.HasPrefix(n, prefix) && n != keep && !e.IsDir() {
			os.Remove(filepath.Join(c.Path(dir), n))
		}
	}
}

// WriteFile writes data to name through a temporary file in the same
// folder, renamed into place, so that a reader never sees it half written.
// It is not synced to disk: what it writes can be made again. The folder
// is made if need be.
func WriteFile(name string, data []byte) error {
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*.tmp")
	if errors.Is(err, fs.ErrNotExist) {
		if err = os.MkdirAll(dir, 0o755); err == nil {
			tmp, err = os.CreateTemp(dir, "."+filepath.Base(name)+".*.tmp")
		}
	}
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
