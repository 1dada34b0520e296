package project

import (
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/extract"
	"github.com/glot-i18n/glot/internal/layout"
	"github.com/glot-i18n/glot/internal/plan"
)

// ExtractOptions are glot extract's.
type ExtractOptions struct {
	DryRun bool // plan, write nothing
}

// Extracted is what glot extract did.
type Extracted struct {
	*extract.Result
	// Root is the locales folder the plan was carried out in, as the
	// user names it.
	Root string
}

// Extract reads every page of the content folder into the source catalog
// and glot's bookkeeping, and writes them (see extract.Run).
func (s *Site) Extract(o ExtractOptions) (*Extracted, error) {
	cfg, err := s.Config()
	if err != nil {
		return nil, err
	}
	contentFS, err := s.in(cfg.ContentDir)
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(contentFS, "."); err != nil {
		return nil, fmt.Errorf("content folder: %w", err)
	}
	if err := s.lockFor(cfg, o.DryRun, true); err != nil {
		return nil, err
	}
	res, err := s.extract(cfg, contentFS)
	if err != nil {
		return nil, err
	}
	root := s.path(cfg.LocalesDir)
	if err := s.apply(root, res.Plan, o.DryRun); err != nil {
		return nil, err
	}
	return &Extracted{Result: res, Root: root}, nil
}

// extract plans glot extract of the site, whose content folder is
// contentFS, and warns of the blocks with text it leaves out. The caller
// holds the write lock, or the read lock for a dry run.
func (s *Site) extract(cfg *config.Config, contentFS fs.FS) (*extract.Result, error) {
	localesFS, err := s.in(cfg.LocalesDir)
	if err != nil {
		return nil, err
	}
	iface, err := s.interfaceMessages(cfg)
	if err != nil {
		return nil, err
	}
	exclude, err := content.NewExclude(cfg.Content.Exclude)
	if err != nil {
		return nil, err
	}
	res, err := extract.Run(extract.Input{
		Interface:   iface,
		Exclude:     exclude,
		Content:     contentFS,
		Locales:     localesFS,
		Source:      cfg.SourceLanguage,
		ContentName: display(s.path(cfg.ContentDir)),
		ContentDir:  filepath.ToSlash(filepath.Clean(cfg.ContentDir)),
		LocalesName: display(s.path(cfg.LocalesDir)),
		Rules:       cfg.Rules(),
	})
	if err != nil {
		return nil, err
	}
	for _, sk := range res.Skipped {
		s.warnf("%s:%d:%d: not extracted: %s", sk.Page, sk.Line, sk.Col, sk.Reason)
	}
	return res, nil
}

// interfaceMessages are the site's interface messages in the source
// language: a Hugo site's i18n files', or those the layout calls. A Hugo
// site's layouts folder is Hugo's, never read as glot's.
func (s *Site) interfaceMessages(cfg *config.Config) ([]*catalog.Message, error) {
	if cfg.IsHugo() {
		return s.hugoI18n(cfg)
	}
	layouts, err := s.layouts()
	if err != nil {
		return nil, err
	}
	set, err := layout.Load(layouts)
	if err != nil {
		return nil, err
	}
	return set.Interface(), nil
}

// apply carries out plan p under root, unless dryRun. The command holds
// the write lock.
func (s *Site) apply(root string, p plan.Plan, dryRun bool) error {
	if dryRun {
		return nil
	}
	if s.wlock == nil {
		return fmt.Errorf("%s: changed without the write lock", display(root))
	}
	return s.wlock.Apply(p)
}
