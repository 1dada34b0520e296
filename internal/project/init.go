package project

import (
	"errors"
	"fmt"
	"os"
	"path"
	"strings"

	"github.com/glot-i18n/glot/internal/cache"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/hugo"
	"github.com/glot-i18n/glot/internal/option"
	"github.com/glot-i18n/glot/internal/plan"
)

// InitOptions are glot init's.
type InitOptions struct {
	Source string   // the language of the pages
	Langs  []string // the languages to translate into
	// Hugo makes glot the translation pipeline of the Hugo site in the
	// folder, with the languages and folders of Hugo's configuration.
	Hugo bool
}

// Inited is what glot init made.
type Inited struct {
	Config *config.Config
	File   string // the name of glot.toml
	Dir    string // the site folder, as the user names it
}

// Init starts a site: a commented glot.toml, the content and locales
// folders, and a .gitignore for what glot makes again at will. It never
// overwrites a glot.toml. What Hugo's configuration lacks is said as
// warnings.
func (s *Site) Init(o InitOptions) (*Inited, error) {
	file := s.path(config.File)
	if _, err := os.Stat(file); err == nil {
		return nil, fmt.Errorf("%s already exists: glot init does not overwrite a site", display(file))
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	var text string
	var notes []string
	var cfg *config.Config
	var err error
	if o.Hugo {
		text, notes, cfg, err = s.hugoGlotConfig()
	} else {
		text, cfg, err = newConfig(display(file), o)
	}
	if err != nil {
		return nil, err
	}
	dirs := []string{cfg.LocalesDir}
	if !o.Hugo {
		dirs = append(dirs, cfg.ContentDir)
	}
	for _, d := range dirs {
		if err := os.MkdirAll(s.path(d), 0o755); err != nil {
			return nil, err
		}
	}
	if err := plan.WriteFile(file, []byte(text)); err != nil {
		return nil, err
	}
	if err := s.gitignore(cfg, o.Hugo); err != nil {
		return nil, err
	}
	for _, n := range notes {
		s.warnf("%s", n)
	}
	return &Inited{Config: cfg, File: config.File, Dir: display(s.path())}, nil
}

// newConfig is the commented glot.toml of a new site, with the source
// language and languages of the command line, which must be tags.
func newConfig(file string, o InitOptions) (string, *config.Config, error) {
	text := config.Template
	text = strings.Replace(text, `source_language = "en"`, fmt.Sprintf("source_language = %q", o.Source), 1)
	var quoted []string
	for _, l := range o.Langs {
		for _, t := range strings.Split(l, ",") {
			if t = strings.TrimSpace(t); t != "" {
				quoted = append(quoted, fmt.Sprintf("%q", t))
			}
		}
	}
	text = strings.Replace(text, "languages = []", "languages = ["+strings.Join(quoted, ", ")+"]", 1)
	cfg, err := config.Parse(file, []byte(text))
	if err != nil {
		var fe interface{ Unwrap() error }
		if errors.As(err, &fe) {
			return "", nil, &option.Error{Err: fe.Unwrap()}
		}
		return "", nil, &option.Error{Err: err}
	}
	return text, cfg, nil
}

// gitignore adds to the site's .gitignore what is made again at will: the
// outputs and the cache; the locks of the locales folder, which belong to
// the commands running now; and a change being committed to the catalogs
// (its journal and staged files). A Hugo site's outputs are its content
// folders and i18n files, which the site decides whether to commit; its
// public/ is Hugo's.
func (s *Site) gitignore(cfg *config.Config, hugo bool) error {
	ignore := s.path(".gitignore")
	old, err := os.ReadFile(ignore)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	ignored := []string{"/" + cache.Dir + "/",
		"/" + path.Join(cfg.LocalesDir, ".glot/*.lock"), "/" + path.Join(cfg.LocalesDir, plan.JournalPath), ".*" + plan.StagedMark + "*"}
	if !hugo {
		ignored = append([]string{"/" + cfg.OutputDir + "/", "/" + cfg.MarkdownDir + "/"}, ignored...)
	}
	add := ""
	for _, line := range ignored {
		if !strings.Contains("\n"+string(old), "\n"+line+"\n") {
			add += line + "\n"
		}
	}
	if add == "" {
		return nil
	}
	if len(old) > 0 && !strings.HasSuffix(string(old), "\n") {
		old = append(old, '\n')
	}
	return plan.WriteFile(ignore, append(old, add...))
}

// hugoGlotConfig reads the configuration of the Hugo site glot runs in and
// returns the glot.toml that makes glot its translation pipeline, notes
// on what Hugo's configuration lacks, and what the glot.toml reads as.
func (s *Site) hugoGlotConfig() (string, []string, *config.Config, error) {
	root, err := s.in(".")
	if err != nil {
		return "", nil, nil, err
	}
	site, err := hugo.Load(root)
	if err != nil {
		return "", nil, nil, err
	}
	text, notes, err := site.GlotConfig()
	if err != nil {
		return "", nil, nil, err
	}
	cfg, err := config.Parse(config.File, []byte(text))
	if err != nil {
		return "", nil, nil, fmt.Errorf("%s: the glot.toml made from it would not do: %w", strings.Join(site.Files, ", "), err)
	}
	// Translations the site made by hand, which glot build would not
	// write over, are named now rather than at the first build.
	if err := s.foreignI18n(cfg, cfg.Languages); err != nil {
		for _, e := range fileerr.Split(err) {
			notes = append(notes, e.Error())
		}
	}
	if fi, err := os.Stat(s.path(cfg.ContentDir)); err != nil || !fi.IsDir() {
		notes = append(notes, fmt.Sprintf("%s/ does not exist: glot extract reads the %s pages there", cfg.ContentDir, cfg.SourceLanguage))
	}
	return text, notes, cfg, nil
}
