package project

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/glot-i18n/glot/internal/cache"
	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/locale"
)

// inputs returns a digest of everything a build reads: glot itself, the
// build's flags, glot.toml, the content and layouts folders, and the
// catalogs and bookkeeping of every language. When it is what the last
// build recorded, and the output folders are as that build left them, the
// build has nothing to do, and finds it out without reading a page or a
// catalog.
//
// Each file counts by its content hash, which the cache's index of files
// gives from the file's size, time and inode without reading it (see
// cache.Hash). So a file edited a moment before a build, whose time cannot
// yet be trusted, is read again, and only it: the digest stays the same
// whether or not a file's time is trusted, and the build after an edit
// finds that nothing changed since.
func (s *Site) inputs(c *cache.Cache, cfg *config.Config, o BuildOptions, self cache.Sum) (string, error) {
	d := &digester{s: s, h: sha256.New()}
	fmt.Fprintf(d.h, "%x\x00%#v\x00%#v\x00", self, o, *cfg)
	// The glossary is part of the rule that decides which translations
	// pages show.
	for _, f := range []string{config.File, check.GlossaryFile} {
		if err := d.file(f); err != nil {
			return "", err
		}
	}
	// A Hugo site's interface text is its i18n files' (those of the
	// source language: the others are the build's own), not a layout's.
	dirs := []string{cfg.ContentDir, "layouts"}
	if cfg.IsHugo() {
		dirs = []string{cfg.ContentDir}
		if err := d.hugoI18n(cfg); err != nil {
			return "", err
		}
	}
	for _, dir := range dirs {
		if err := d.tree(dir); err != nil {
			return "", err
		}
	}
	if err := d.locales(cfg); err != nil {
		return "", err
	}
	return fmt.Sprintf("%x", d.h.Sum(nil)), nil
}

// digester hashes the inputs of a build: each file by its path and the
// hash of its bytes, which the cache keeps.
type digester struct {
	s *Site
	h hash.Hash
}

// file adds the file at rel, in the site folder.
func (d *digester) file(rel string) error {
	sum, err := d.s.hash(rel, true)
	if err != nil {
		return err
	}
	fmt.Fprintf(d.h, "%s\x00%x\x00", rel, sum)
	return nil
}

// hugoI18n adds the source language's i18n files of a Hugo site.
func (d *digester) hugoI18n(cfg *config.Config) error {
	for _, dir := range hugoI18nDirs(cfg) {
		fsys, err := d.s.in(dir)
		if err != nil {
			return err
		}
		entries, err := fs.ReadDir(fsys, ".")
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		for _, e := range entries {
			if n := e.Name(); strings.EqualFold(strings.TrimSuffix(n, path.Ext(n)), cfg.SourceLanguage) {
				if err := d.file(path.Join(dir, n)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// tree adds every file under dir; a link counts by the file it leads to,
// which must be inside the site, and anything else that is not a file by
// its type.
func (d *digester) tree(dir string) error {
	fsys, err := d.s.in(dir)
	if err != nil {
		return err
	}
	return walkFiles(fsys, func(p string, e fs.DirEntry) error {
		rel := path.Join(dir, p)
		if e.Type()&fs.ModeSymlink != 0 {
			fi, err := fs.Stat(fsys, p)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			if err == nil && fi.Mode().IsRegular() {
				return d.file(rel)
			}
		}
		if !e.Type().IsRegular() {
			fmt.Fprintf(d.h, "%s\x00%v\x00", rel, e.Type())
			return nil
		}
		return d.file(rel)
	})
}

// locales adds the source catalog and every language's files.
func (d *digester) locales(cfg *config.Config) error {
	if _, err := d.s.localesDir(cfg); err != nil {
		return err
	}
	locales, err := d.s.in(cfg.LocalesDir)
	if err != nil {
		return err
	}
	files, err := locale.SourceFiles(locales, cfg.SourceLanguage)
	if err != nil {
		return err
	}
	for _, l := range cfg.Languages {
		files = append(files, locale.LangFiles(locales, l)...)
	}
	for _, f := range files {
		if err := d.file(path.Join(filepath.ToSlash(cfg.LocalesDir), f)); err != nil {
			return err
		}
	}
	return nil
}

// walkFiles calls f for everything in fsys, with its path. A folder that
// does not exist has nothing in it.
func walkFiles(fsys fs.FS, f func(p string, d fs.DirEntry) error) error {
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return f(p, d)
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// stateOf is what a build that read inputs with digest and left record r
// says of itself: the digest, then the folders its outputs are in (see
// record.roots), as they are now.
func stateOf(root, digest string, r record) string {
	names := make([]string, 0, len(r.roots))
	for n := range r.roots {
		names = append(names, n)
	}
	sort.Strings(names)
	return digest + "\n" + rootsDigest(root, names) + "\n" + strings.Join(names, "\n")
}

// unchanged reports whether a build whose inputs have digest has nothing
// to do after the build that said state: it read the same inputs, and
// left folders that nobody touched since. Files deeper in them are glot's:
// edit or delete one by hand, and glot build --force puts it back.
func unchanged(root, state, digest string) bool {
	lines := strings.Split(state, "\n")
	if len(lines) < 2 || lines[0] != digest {
		return false
	}
	return rootsDigest(root, lines[2:]) == lines[1]
}
