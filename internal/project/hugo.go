package project

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/hugo"
)

// hugoI18nDirs are the i18n folders glot reads in a Hugo site: the site's,
// then its themes'.
func hugoI18nDirs(cfg *config.Config) []string {
	return append([]string{cfg.Hugo.I18n}, cfg.Hugo.ThemeI18n...)
}

// hugoI18n reads a Hugo site's interface messages in the source language.
func (s *Site) hugoI18n(cfg *config.Config) ([]*catalog.Message, error) {
	site, err := s.in(".")
	if err != nil {
		return nil, err
	}
	msgs, err := hugo.ReadI18n(site, hugoI18nDirs(cfg), cfg.SourceLanguage)
	if err != nil {
		return nil, fmt.Errorf("read the i18n files of %s: %w", cfg.SourceLanguage, err)
	}
	return msgs, nil
}

// foreignI18n fails, naming each, if the i18n file of one of langs is the
// site's own, not one glot build wrote: glot build does not write over
// translations made by hand.
func (s *Site) foreignI18n(cfg *config.Config, langs []string) error {
	var errs []error
	for _, l := range langs {
		name := path.Join(cfg.Hugo.I18n, l+".toml")
		data, err := s.readFile(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		if !hugo.WrittenByGlot(data) {
			active := path.Join(filepath.ToSlash(cfg.LocalesDir), "active."+l+".toml")
			errs = append(errs, fmt.Errorf("%s is the site's own, not written by glot build, which writes it from %s: bring its translations into %s (before the first glot merge, it can be moved there as it is), then remove it",
				display(s.path(name)), active, active))
		}
	}
	return errors.Join(errs...)
}
