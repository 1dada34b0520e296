// Package project is a glot site on disk, opened once per command: its
// glot.toml, content, locales (through the compiled catalogs kept in the
// cache), layouts, glossary and checker, and the locks through which
// commands take turns with the catalogs. It offers one function per
// command, which reads the site, runs the stages and carries out their
// plans, and returns what the command did.
//
// It is the seam between glot's faces and its stages. A face (the command
// line, the preview server) maps what it was given to a command's
// options, calls the command, and says what it returns: the project never
// prints. What a command has to say as it goes (a warning, a page
// extracted first, its progress) reaches the face through Hooks.
//
//	s := project.Open(dir, os.Args[1:], project.Hooks{Warn: warn})
//	defer s.Close()
//	res, err := s.Merge(project.MergeOptions{Langs: []string{"es"}})
//	for _, l := range res.Langs { ... } // what each language's merge did
package project

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/glot-i18n/glot/internal/cache"
	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/plan"
)

// Hooks are how a command says what it has to say as it goes. Any of
// them may be nil.
type Hooks struct {
	// Warn says a warning: something the user should know of, which does
	// not fail the command.
	Warn func(msg string)
	// Say says a line of what the command did, for a person: the face
	// leaves it nil when it reports in JSON.
	Say func(line string)
	// Progress starts a progress line for work counted in unit.
	Progress func(label, unit string) Progress
	// Verbose asks for whole lists where a command would count or cut
	// them short.
	Verbose bool
}

// Progress is a progress line (see progress.Bar).
type Progress interface {
	Set(done, total int)
	Done()
}

// Site is a glot site, opened by Open. A Site serves one command at a
// time; glot serve's builds and review pages take turns with it.
type Site struct {
	dir   string
	args  []string // the command line, for the write lock's card
	hooks Hooks

	c         *cache.Cache      // see cache()
	open      []io.Closer       // compiled catalogs, closed by Close
	tableKeys map[string]string // the cache key of each language's compiled table
	gloss     *check.Glossary   // see glossary()
	glossRead bool
	wlock     *plan.WriteLock // see lockWrite
	rlock     *plan.ReadLock  // see lockRead
	rootMu    sync.Mutex
	siteRoot  *os.Root // see root()
	warned    map[string]bool
	// unextractedSaid says that the command has dealt with the pages
	// changed since the last glot extract (see sayUnextracted).
	unextractedSaid bool
	extracted       []string // pages extracted first (see extractFirst)
	srcKey          string   // the cache key of the compiled source (see compiled)
	unextractedLeft bool     // pages changed since the last extract were only warned of
}

// Open opens the site in folder dir ("" is the current folder) for the
// command whose arguments are args. Nothing is read until a command
// asks.
func Open(dir string, args []string, hooks Hooks) *Site {
	return &Site{dir: dir, args: args, hooks: hooks}
}

// Close releases what the command opened and saves what the cache
// learned.
func (s *Site) Close() {
	s.closeOpen()
	s.releaseLocks()
	if s.siteRoot != nil {
		s.siteRoot.Close()
		s.siteRoot = nil
	}
	if s.c != nil {
		_ = s.c.Close() // a cache that cannot be saved only costs time
	}
}

// takeOpen returns the compiled catalogs opened since the first from of
// them, which the caller now closes, rather than the command: a review
// page closes what it opened when it is made, an editor's view when it is
// dropped.
func (s *Site) takeOpen(from int) []io.Closer {
	taken := slices.Clone(s.open[from:])
	s.open = s.open[:from]
	return taken
}

// closeOpen closes the compiled catalogs the command opened.
func (s *Site) closeOpen() {
	for _, c := range s.open {
		c.Close()
	}
	s.open = nil
}

// path returns p inside the site folder.
func (s *Site) path(p ...string) string {
	dir := s.dir
	if dir == "" {
		dir = "."
	}
	return filepath.Join(append([]string{dir}, p...)...)
}

// CheckCache refuses a cache folder in site folder dir that is a
// symbolic link. The cache is written to at will, so it must be a folder
// of the site: a link committed as .glot-cache would have every command
// write where the link leads.
func CheckCache(dir string) error {
	p := filepath.Join(dir, cache.Dir)
	if fi, err := os.Lstat(p); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		target, _ := os.Readlink(p)
		return fmt.Errorf("%s: symbolic link to %q: glot keeps its cache only in a folder of the site; remove the link", display(p), target)
	}
	return nil
}

// warnf says a warning through the hooks.
func (s *Site) warnf(format string, args ...any) {
	if s.hooks.Warn != nil {
		s.hooks.Warn(fmt.Sprintf(format, args...))
	}
}

// sayf says a line of what the command did through the hooks.
func (s *Site) sayf(format string, args ...any) {
	if s.hooks.Say != nil {
		s.hooks.Say(fmt.Sprintf(format, args...))
	}
}

// progress starts a progress line through the hooks.
func (s *Site) progress(label, unit string) Progress {
	if s.hooks.Progress == nil {
		return noProgress{}
	}
	return s.hooks.Progress(label, unit)
}

type noProgress struct{}

func (noProgress) Set(done, total int) {}
func (noProgress) Done()               {}

// Config reads the site's glot.toml, and checks the names of the files in
// its locales folder.
func (s *Site) Config() (*config.Config, error) {
	file := s.path(config.File)
	data, err := s.readFile(config.File)
	if errors.Is(err, os.ErrNotExist) {
		where := s.dir
		if where == "" {
			where = "."
		}
		return nil, fmt.Errorf("no %s in %s: run glot init to start a site, or -C DIR to point at one", config.File, where)
	}
	if err != nil {
		return nil, err
	}
	cfg, err := config.Parse(display(file), data)
	if err != nil {
		return nil, err
	}
	if err := s.checkLocaleNames(cfg); err != nil {
		return nil, err
	}
	return cfg, nil
}

// Languages reads the site's source language and languages from
// glot.toml, and nothing else: it warns of nothing (a shell completing a
// command line asks).
func (s *Site) Languages() (source string, langs []string, err error) {
	data, err := s.readFile(config.File)
	if err != nil {
		return "", nil, err
	}
	cfg, err := config.Parse(config.File, data)
	if err != nil {
		return "", nil, err
	}
	return cfg.SourceLanguage, cfg.Languages, nil
}

// checkLocaleNames refuses, or warns of, message files in the locales
// folder that glot would not read (see locale.CheckNames). Each warning is
// said once per Site: glot serve reads glot.toml again for every build.
func (s *Site) checkLocaleNames(cfg *config.Config) error {
	fsys, err := s.in(cfg.LocalesDir)
	if err != nil {
		return err
	}
	warnings, err := locale.CheckNames(fsys, display(s.path(cfg.LocalesDir)), cfg.SourceLanguage, cfg.Languages)
	for _, w := range warnings {
		if !s.warned[w] {
			if s.warned == nil {
				s.warned = map[string]bool{}
			}
			s.warned[w] = true
			s.warnf("%s", w)
		}
	}
	return err
}

// locales loads the site's locales folder. With extracted set, it fails
// if there is no source catalog yet.
func (s *Site) locales(cfg *config.Config, extracted bool) (*locale.Site, error) {
	dir, err := s.localesDir(cfg)
	if err != nil {
		return nil, err
	}
	fsys, err := s.in(cfg.LocalesDir)
	if err != nil {
		return nil, err
	}
	site, err := locale.Load(fsys, display(dir), cfg.SourceLanguage)
	if err == nil && extracted && !site.HasSource {
		return nil, fmt.Errorf("%s does not exist: run glot extract first", display(filepath.Join(dir, locale.ActivePath(cfg.SourceLanguage))))
	}
	if err != nil {
		return nil, err
	}
	if site.Glossary, err = s.glossary(cfg); err != nil {
		return nil, err
	}
	return site, nil
}

// layouts returns the site's layouts folder, or nil when it has none.
func (s *Site) layouts() (fs.FS, error) {
	fsys, err := s.in("layouts")
	if err != nil {
		return nil, err
	}
	if fi, err := fs.Stat(fsys, "."); err != nil || !fi.IsDir() {
		return nil, nil
	}
	return fsys, nil
}

// display names a path in a message (see fileerr.Name).
func display(p string) string { return fileerr.Name(p) }
