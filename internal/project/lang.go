package project

import (
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/option"
	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/report"
)

// LangAdded is what glot lang add did.
type LangAdded struct {
	Tag  string // the language added, as glot.toml now names it
	File string // glot.toml, as the user names it
	// Merged is the merge that wrote the language's files, or nil when
	// the pages are not extracted yet.
	Merged *Merged
}

// AddLanguage adds the language tag names to glot.toml's languages and,
// once the pages are extracted, writes its files as glot merge does.
func (s *Site) AddLanguage(name string) (*LangAdded, error) {
	cfg, err := s.Config()
	if err != nil {
		return nil, err
	}
	tag, err := langtag.Canonical(name)
	switch {
	case err != nil:
		return nil, &option.Error{Err: err}
	case langtag.IsPseudo(tag):
		return nil, &option.Error{Err: fmt.Errorf("%s is a pseudo-language: --lang always takes it, and it is never listed in %s", tag, config.File)}
	case tag == cfg.SourceLanguage:
		return nil, &option.Error{Err: fmt.Errorf("%s is the source language, the language of the pages", tag)}
	case slices.Contains(cfg.Languages, tag):
		return nil, &option.Error{Err: fmt.Errorf("%s is already one of the site's languages (%s)", tag, report.AndList(cfg.Languages))}
	case cfg.IsHugo():
		return nil, fmt.Errorf("in a Hugo site, add %s to Hugo's [languages] with its contentDir, then to languages in %s", tag, config.File)
	}
	file := s.path(config.File)
	data, err := s.readFile(config.File)
	if err != nil {
		return nil, err
	}
	edited, err := config.AddLanguage(data, tag)
	if err != nil {
		return nil, err
	}
	// The edit is checked as glot will read it before it is written.
	if next, err := config.Parse(display(file), edited); err != nil {
		return nil, fmt.Errorf("adding %s: %w", tag, err)
	} else if !slices.Contains(next.Languages, tag) {
		return nil, fmt.Errorf("adding %s to %s: it is not read back among the languages: add it by hand", tag, display(file))
	}
	extracted := true
	if _, err := os.Stat(s.path(cfg.LocalesDir, locale.ActivePath(cfg.SourceLanguage))); errors.Is(err, os.ErrNotExist) {
		extracted = false
	} else if err := s.lockWrite(cfg, false); err != nil {
		// Held from before glot.toml changes to the end of the merge:
		// no other command sees the new language without its files.
		return nil, err
	}
	if err := plan.WriteFile(file, edited); err != nil {
		return nil, err
	}
	added := &LangAdded{Tag: tag, File: display(file)}
	if !extracted {
		return added, nil
	}
	added.Merged, err = s.Merge(MergeOptions{Langs: []string{tag}})
	return added, err
}
