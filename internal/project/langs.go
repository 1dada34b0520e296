package project

import (
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/option"
)

// selectLangs returns the languages named by the lang option (every
// language of glot.toml when it names none); pseudo admits the
// pseudo-languages, which only a build makes.
func selectLangs(cfg *config.Config, names []string, pseudo bool) ([]string, error) {
	langs, err := cfg.Select(names, pseudo)
	if err != nil {
		return nil, &option.Error{Name: "lang", Err: err}
	}
	return langs, nil
}

// configLangs reads glot.toml and the languages a command works on.
func (s *Site) configLangs(names []string) (*config.Config, []string, error) {
	cfg, err := s.Config()
	if err != nil {
		return nil, nil, err
	}
	langs, err := selectLangs(cfg, names, false)
	if err != nil {
		return nil, nil, err
	}
	return cfg, langs, nil
}

// oneLang checks lang, the one language a command that works on one
// language (cmd) is given, and loads the site's catalogs and that
// language's files.
func (s *Site) oneLang(cfg *config.Config, cmd, lang string) (*locale.Site, *locale.Lang, error) {
	if lang == "" {
		return nil, nil, option.Required("lang", "glot "+cmd+" works on one language")
	}
	langs, err := selectLangs(cfg, []string{lang}, false)
	if err != nil {
		return nil, nil, err
	}
	if len(langs) != 1 {
		return nil, nil, option.Wrong("lang", lang, "glot "+cmd+" takes one language")
	}
	site, err := s.locales(cfg, true)
	if err != nil {
		return nil, nil, err
	}
	l, err := site.Lang(langs[0])
	if err != nil {
		return nil, nil, err
	}
	return site, l, nil
}
