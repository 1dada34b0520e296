package project

import (
	"path"
	"path/filepath"

	"github.com/glot-i18n/glot/internal/cache"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/plan"
)

// EditDir is the folder of the site glot edit builds its marked pages
// into: in the cache, which is made again at will and never committed.
var EditDir = path.Join(cache.Dir, "edit")

// Preview is what glot serve serves and watches of the site.
type Preview struct {
	Root   string   // the output folder, which is served
	Watch  []string // what a rebuild is made from
	Ignore []string // what changes under Watch without changing the site
	// Langs are the languages that have a review page: those asked for,
	// but the pseudo-languages, which have nothing to sign off.
	Langs []string
}

// Preview says what glot serve of langs (every language when none)
// serves and watches: the output folder, or glot edit's folder into (see
// BuildOptions.Into) when it is set.
func (s *Site) Preview(langs []string, into string) (*Preview, error) {
	cfg, err := s.Config()
	if err != nil {
		return nil, err
	}
	all, err := selectLangs(cfg, langs, true)
	if err != nil {
		return nil, err
	}
	if into == "" {
		into = cfg.OutputDir
	}
	p := &Preview{
		Root:  s.path(into),
		Watch: []string{s.path(cfg.ContentDir), s.path(cfg.LocalesDir), s.path("layouts"), s.path("glot.toml"), s.path("glossary.toml")},
		// A lock's card changes when a command takes the lock, which is
		// no change to the site.
		Ignore: []string{s.path(into), s.path(cfg.OutputDir), s.path(cfg.MarkdownDir),
			s.path(cfg.LocalesDir, filepath.FromSlash(plan.WriteLockPath)), s.path(cfg.LocalesDir, filepath.FromSlash(plan.ReadLockPath))},
	}
	for _, l := range all {
		if !langtag.IsPseudo(l) {
			p.Langs = append(p.Langs, l)
		}
	}
	return p, nil
}
