package project

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/glot-i18n/glot/internal/cache"
	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/parallel"
	"github.com/glot-i18n/glot/internal/verdict"
)

// cache returns the site's cache folder, opened once per command; Run
// saves it when the command ends.
func (s *Site) cache() *cache.Cache {
	if s.c == nil {
		s.c = cache.Open(s.path())
	}
	return s.c
}

// compiled returns the compiled source of the site and the table of each
// of langs, from the cache when the files they are made from have not
// changed, else compiled now and kept there. It fails if glot extract has
// not run.
func (s *Site) compiled(cfg *config.Config, langs []string) (*verdict.Source, []*verdict.Table, error) {
	dir, err := s.localesDir(cfg)
	if err != nil {
		return nil, nil, err
	}
	fsys, err := s.in(cfg.LocalesDir)
	if err != nil {
		return nil, nil, err
	}
	if _, err := fs.Stat(fsys, locale.ActivePath(cfg.SourceLanguage)); errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("%s does not exist: run glot extract first", display(filepath.Join(dir, locale.ActivePath(cfg.SourceLanguage))))
	}
	c := s.cache()
	self, err := s.self()
	if err != nil {
		return nil, nil, err
	}
	// The glossary is part of the rule a table is compiled by: its key
	// names the glossary's content.
	gl, err := s.glossary(cfg)
	if err != nil {
		return nil, nil, err
	}
	glSum, err := s.hash(check.GlossaryFile, true)
	if err != nil {
		return nil, nil, err
	}
	rel := func(p string) string { return filepath.ToSlash(filepath.Join(cfg.LocalesDir, p)) }
	srcKey, err := s.sourceKey(cfg, fsys, self)
	if err != nil {
		return nil, nil, err
	}
	s.srcKey = srcKey
	if err := s.sayUnextracted(cfg); err != nil {
		return nil, nil, err
	}
	// The pages' records and the source catalog are read only if the
	// source must be compiled; a language's files only if its table must.
	var site *locale.Site
	srcName := "catalogs/source-" + srcKey
	src, err := openCached(c, srcName, func(r readerAt, size int64) (*verdict.Source, error) { return verdict.OpenSource(r, size) })
	if err != nil {
		if site, err = locale.Load(fsys, display(dir), cfg.SourceLanguage); err != nil {
			return nil, nil, err
		}
		if src, err = compile(c, srcName, "source-", func(w io.Writer) error { return verdict.EncodeSource(w, site) },
			func(r readerAt, size int64) (*verdict.Source, error) { return verdict.OpenSource(r, size) }); err != nil {
			return nil, nil, err
		}
	}
	src.UseGlossary(gl)
	s.open = append(s.open, src)
	// A table needs only its language's files; the rest of what Load
	// read can go.
	site = &locale.Site{FS: fsys, Name: display(dir), SourceLang: cfg.SourceLanguage}
	tc := &tableCompile{s: s, c: c, src: src, srcKey: fmt.Sprintf("%s %x", srcKey, glSum), self: self, site: site, rel: rel,
		rules: fmt.Sprintf("%x", sha256.Sum256(fmt.Appendf(nil, "%x\x00%x\x00%s", self, glSum, cfg.SourceLanguage)))[:32]}
	tables, err := tc.tables(langs)
	if err != nil {
		return nil, nil, err
	}
	return src, tables, nil
}

// tableCompile opens, or compiles, the tables of languages against one
// compiled source.
type tableCompile struct {
	s      *Site
	c      *cache.Cache
	src    *verdict.Source
	srcKey string // names the source and the glossary the tables are compiled against
	self   cache.Sum
	site   *locale.Site // the locales folder, each language read when its table is compiled
	rel    func(string) string
	// rules names what a translation is judged by, besides its text and
	// its source's: glot itself, the glossary and the source language.
	// The memory of judgements (verdict.Judged) is kept under it.
	rules string
}

// sourceKey is the cache key of the source compiled from the locales
// folder fsys as it is now: it names glot itself (self) and the content
// of the source catalog and of every page record.
func (s *Site) sourceKey(cfg *config.Config, fsys fs.FS, self cache.Sum) (string, error) {
	files, err := locale.SourceFiles(fsys, cfg.SourceLanguage)
	if err != nil {
		return "", err
	}
	rel := func(p string) string { return filepath.ToSlash(filepath.Join(cfg.LocalesDir, p)) }
	return s.key("source", self, rel, files)
}

// tables opens each language's compiled table, from the cache or
// compiled afresh, on all cores; each is closed when the command ends.
func (tc *tableCompile) tables(langs []string) ([]*verdict.Table, error) {
	s := tc.s
	tables := make([]*verdict.Table, len(langs))
	keys := make([]string, len(langs))
	err := parallel.Each(len(langs), func(i int) (err error) {
		tables[i], keys[i], err = tc.table(langs[i])
		return err
	})
	if s.tableKeys == nil {
		s.tableKeys = map[string]string{}
	}
	for i, t := range tables {
		if t != nil {
			s.open = append(s.open, t)
			s.tableKeys[t.Lang] = keys[i]
		}
	}
	return tables, err
}

// table returns the compiled table of lang, from the cache or compiled
// now, with the judgements the last compile of lang made.
func (tc *tableCompile) table(lang string) (*verdict.Table, string, error) {
	c, src := tc.c, tc.src
	k, err := tc.s.key("table "+tc.srcKey+" "+lang, tc.self, tc.rel, locale.LangFiles(tc.site.FS, lang))
	if err != nil {
		return nil, "", err
	}
	// "_" ends the language: es-MX's entries do not start with "es-",
	// which pruning es's would remove.
	name := "catalogs/" + lang + "_" + k
	t, err := openCached(c, name, func(r readerAt, size int64) (*verdict.Table, error) { return verdict.Open(src, r, size) })
	if err == nil {
		return t, k, nil
	}
	l, err := tc.site.Lang(lang)
	if err != nil {
		return nil, "", err
	}
	judged := "judged/" + lang + "_" + tc.rules
	data, _ := os.ReadFile(c.Path(judged))
	j := verdict.NewJudged(data)
	src.Rules().Remember(lang, j)
	t, err = compile(c, name, lang+"_", func(w io.Writer) error { return verdict.Encode(w, src, l) },
		func(r readerAt, size int64) (*verdict.Table, error) { return verdict.Open(src, r, size) })
	if err == nil && c.Put(judged, j.Bytes()) == nil {
		c.Prune("judged", lang+"_", path.Base(judged))
	}
	return t, k, err
}

// compile writes the cache entry name with encode and opens it, and
// removes the entries it replaces (those whose names start with prefix).
// A cache that cannot be written costs only time: then the entry is made
// in memory.
func compile[T any](c *cache.Cache, name, prefix string, encode func(io.Writer) error, open func(r readerAt, size int64) (T, error)) (T, error) {
	if err := c.PutFunc(name, encode); err == nil {
		c.Prune("catalogs", prefix, path.Base(name))
		if v, err := openCached(c, name, open); err == nil {
			return v, nil
		}
	}
	var buf bytes.Buffer
	if err := encode(&buf); err != nil {
		var zero T
		return zero, err
	}
	return open(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
}

type readerAt interface {
	ReadAt(p []byte, off int64) (int, error)
}

// openCached opens cache entry name with open; an entry that is missing or
// does not open is an error.
func openCached[T any](c *cache.Cache, name string, open func(r readerAt, size int64) (T, error)) (T, error) {
	f, size, ok := c.Get(name)
	if !ok {
		var zero T
		return zero, fs.ErrNotExist
	}
	v, err := open(f, size)
	if err != nil {
		f.Close()
	}
	return v, err
}

// key names what is made from files (paths relative to the site's root,
// given as rel makes them from paths in their folder) by the running glot:
// a hash of what, of glot itself, and of each file's path and content.
func (s *Site) key(what string, self cache.Sum, rel func(string) string, files []string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%x\x00", what, self)
	for _, f := range files {
		sum, err := s.hash(rel(f), true)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%x\x00", f, sum)
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:16]), nil
}

// self returns the content hash of the running glot, so that nothing one
// version of glot made is taken by another.
func (s *Site) self() (cache.Sum, error) {
	exe, err := os.Executable()
	if err != nil {
		return cache.Sum{}, err
	}
	return s.cache().Hash(exe)
}
