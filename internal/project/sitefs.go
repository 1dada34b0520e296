package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// Every file of the site that glot reads (glot.toml, the glossary, the
// content, layouts and locales folders) is read through an os.Root opened
// on the site's folder. A symbolic link in the site is followed when what
// it leads to, read relative to where the link is, stays inside the site
// folder, and refused when it leads outside: a link to /proc/self/environ
// committed as content/env.txt would otherwise publish the environment of
// the build, with its secrets, as public/env.txt.

// root returns the site folder, opened once per command; done closes it.
func (s *Site) root() (*os.Root, error) {
	s.rootMu.Lock()
	defer s.rootMu.Unlock()
	if s.siteRoot == nil {
		r, err := os.OpenRoot(s.path())
		if err != nil {
			return nil, err
		}
		s.siteRoot = r
	}
	return s.siteRoot, nil
}

// readFile reads file name of the site (slash-separated, relative to the
// site folder).
func (s *Site) readFile(name string) ([]byte, error) {
	root, err := s.root()
	if err != nil {
		return nil, err
	}
	data, err := root.ReadFile(name)
	return data, s.explain(root, name, err)
}

// in returns folder dir of the site (slash-separated, relative to the
// site folder), read through the site's root. It fails when dir is a link
// that leads outside the site; a dir that does not exist is an empty
// folder to its reader, as os.DirFS's is.
func (s *Site) in(dir string) (fs.FS, error) {
	root, err := s.root()
	if err != nil {
		return nil, err
	}
	f := siteFS{site: s, root: root, fsys: root.FS(), dir: path.Clean(dir)}
	if _, err := root.Stat(f.dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, s.explain(root, f.dir, err)
	}
	return f, nil
}

// siteFS is a folder of the site read through its root; errors caused by
// a link that leads outside the site name it (see explain).
type siteFS struct {
	site *Site
	root *os.Root
	fsys fs.FS // root.FS()
	dir  string
}

var (
	_ fs.ReadDirFS  = siteFS{}
	_ fs.ReadFileFS = siteFS{}
	_ fs.StatFS     = siteFS{}
	_ fs.ReadLinkFS = siteFS{}
)

// full returns name's path in the site folder.
func (s siteFS) full(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return path.Join(s.dir, name), nil
}

func (s siteFS) Open(name string) (fs.File, error) {
	full, err := s.full("open", name)
	if err != nil {
		return nil, err
	}
	f, err := s.fsys.Open(full)
	return f, s.site.explain(s.root, full, err)
}

func (s siteFS) ReadFile(name string) ([]byte, error) {
	full, err := s.full("read", name)
	if err != nil {
		return nil, err
	}
	data, err := fs.ReadFile(s.fsys, full)
	return data, s.site.explain(s.root, full, err)
}

func (s siteFS) ReadDir(name string) ([]fs.DirEntry, error) {
	full, err := s.full("readdir", name)
	if err != nil {
		return nil, err
	}
	// The folder is found through the root, which refuses a link out of
	// the site, and then read by its path: a folder opened through an
	// os.Root has the Lstat of each of its entries read at once, which
	// doubles the cost of walking a large site.
	if _, err := s.root.Stat(full); err != nil {
		return nil, s.site.explain(s.root, full, err)
	}
	return os.ReadDir(filepath.Join(s.site.path(), filepath.FromSlash(full)))
}

func (s siteFS) Stat(name string) (fs.FileInfo, error) {
	full, err := s.full("stat", name)
	if err != nil {
		return nil, err
	}
	fi, err := fs.Stat(s.fsys, full)
	return fi, s.site.explain(s.root, full, err)
}

func (s siteFS) Lstat(name string) (fs.FileInfo, error) {
	full, err := s.full("lstat", name)
	if err != nil {
		return nil, err
	}
	fi, err := fs.Lstat(s.fsys, full)
	return fi, s.site.explain(s.root, full, err)
}

func (s siteFS) ReadLink(name string) (string, error) {
	full, err := s.full("readlink", name)
	if err != nil {
		return "", err
	}
	return fs.ReadLink(s.fsys, full)
}

// explain returns err, unless it comes of a symbolic link on the way to
// full (a path in the site folder) that leads outside the site folder:
// then an error naming that link and where it leads. os.Root's own error
// says only that a path escapes from its parent.
func (s *Site) explain(root *os.Root, full string, err error) error {
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return err
	}
	parts := strings.Split(path.Clean(full), "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		fi, lerr := root.Lstat(p)
		if lerr != nil {
			break
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		if _, serr := root.Stat(p); serr != nil && !errors.Is(serr, fs.ErrNotExist) {
			target, _ := root.Readlink(p)
			if filepath.IsAbs(target) && inside(s.path(), target) {
				return fileerr.At(display(s.path(p)), 0, 0, fmt.Errorf("symbolic link to %q is absolute: glot follows only relative links that stay inside the site folder", target))
			}
			return fileerr.At(display(s.path(p)), 0, 0, fmt.Errorf("symbolic link to %q leads outside the site folder: glot follows links only inside it", target))
		}
	}
	return err
}

// hash returns the content hash of file rel of the site, from the cache's
// index of files (see cache.Hash); with orNone, a file that does not
// exist hashes as the zero Sum.
func (s *Site) hash(rel string, orNone bool) ([32]byte, error) {
	c := s.cache()
	var sum [32]byte
	var err error
	if orNone {
		sum, err = c.HashOrNone(rel)
	} else {
		sum, err = c.Hash(rel)
	}
	if err != nil {
		if root, rerr := s.root(); rerr == nil {
			err = s.explain(root, rel, err)
		}
	}
	return sum, err
}

// inside reports whether absolute path target is in folder dir.
func inside(dir, target string) bool {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(abs, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
