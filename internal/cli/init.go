package cli

import (
	"errors"
	"fmt"
	"os"
	"path"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/cache"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/hugo"
	"github.com/glot-i18n/glot/internal/plan"
)

type initOptions struct {
	source string
	langs  []string
	hugo   bool
}

func newInitCmd(g *glot) *cobra.Command {
	o := &initOptions{}
	c := &cobra.Command{
		Use:   "init",
		Short: "Start a new site: a commented glot.toml and its folders",
		Long: `Init starts a site: a commented glot.toml, the content and locales folders,
and a .gitignore for what glot makes again at will. It never overwrites a
glot.toml.

With --hugo, run in a Hugo site, it reads Hugo's configuration (hugo.toml,
config.toml or config/_default/, in TOML, YAML or JSON) and writes a glot.toml
whose [hugo] section makes glot the site's translation pipeline: the source
language is Hugo's defaultContentLanguage, the languages its others, each with
its contentDir; glot build then writes content/<lang>/ and i18n/<lang>.toml
for Hugo to build.`,
		Example: `  glot init
  glot init --source en --lang es,fr,ar
  glot -C mysite init
  glot init --hugo`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error { return runInit(g, o) },
	}
	c.Flags().StringVar(&o.source, "source", "en", "the language of the pages")
	nameValue(c.Flags(), "source", "TAG")
	c.Flags().StringSliceVar(&o.langs, "lang", nil, "the languages to translate into")
	nameValue(c.Flags(), "lang", "L[,L...]")
	c.Flags().BoolVar(&o.hugo, "hugo", false, "in a Hugo site: take the languages and folders from Hugo's configuration")
	c.PreRunE = func(c *cobra.Command, args []string) error {
		if o.hugo && (c.Flags().Changed("source") || c.Flags().Changed("lang")) {
			return &usageError{fmt.Errorf("--hugo takes the languages from Hugo's configuration: give no --source or --lang")}
		}
		return nil
	}
	return c
}

func runInit(g *glot, o *initOptions) error {
	file := g.path(config.File)
	if _, err := os.Stat(file); err == nil {
		return fmt.Errorf("%s already exists: glot init does not overwrite a site", display(file))
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	var text string
	var notes []string
	var cfg *config.Config
	var err error
	if o.hugo {
		text, notes, cfg, err = g.hugoGlotConfig()
	} else {
		text, cfg, err = newConfig(display(file), o)
	}
	if err != nil {
		return err
	}
	dirs := []string{cfg.LocalesDir}
	if !o.hugo {
		dirs = append(dirs, cfg.ContentDir)
	}
	for _, d := range dirs {
		if err := os.MkdirAll(g.path(d), 0o755); err != nil {
			return err
		}
	}
	if err := plan.WriteFile(file, []byte(text)); err != nil {
		return err
	}
	if err := g.gitignore(cfg, o.hugo); err != nil {
		return err
	}
	for _, n := range notes {
		g.warnf("%s", n)
	}
	if o.hugo {
		g.sayHugoInit(cfg)
		return nil
	}
	fmt.Fprintf(g.stdout, "glot: started a site in %s: edit %s, put pages in %s/, then run glot extract\n",
		display(g.path()), config.File, cfg.ContentDir)
	return nil
}

// newConfig is the commented glot.toml of a new site, with the source
// language and languages of the command line, which must be tags.
func newConfig(file string, o *initOptions) (string, *config.Config, error) {
	text := config.Template
	text = strings.Replace(text, `source_language = "en"`, fmt.Sprintf("source_language = %q", o.source), 1)
	var quoted []string
	for _, l := range o.langs {
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
			return "", nil, &usageError{fe.Unwrap()}
		}
		return "", nil, &usageError{err}
	}
	return text, cfg, nil
}

// gitignore adds to the site's .gitignore what is made again at will: the
// outputs and the cache; the locks of the locales folder, which belong to
// the commands running now; and a change being committed to the catalogs
// (its journal and staged files). A Hugo site's outputs are its content
// folders and i18n files, which the site decides whether to commit; its
// public/ is Hugo's.
func (g *glot) gitignore(cfg *config.Config, hugo bool) error {
	ignore := g.path(".gitignore")
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

// sayHugoInit says what glot init made of a Hugo site.
func (g *glot) sayHugoInit(cfg *config.Config) {
	var dirs []string
	for _, l := range cfg.Languages {
		dirs = append(dirs, cfg.Hugo.ContentDirs[l]+"/")
	}
	into := fmt.Sprintf("into %s (%s)", strings.Join(cfg.Languages, ", "), strings.Join(dirs, ", "))
	if len(cfg.Languages) == 0 {
		// A site in one language so far: glot has nowhere to write
		// until Hugo's configuration, and glot.toml, name another.
		into = "into no other language yet (add one to Hugo's [languages] with its contentDir, and to languages in " + config.File + ")"
	}
	fmt.Fprintf(g.stdout, "glot: made %s for the Hugo site in %s: %s pages from %s/ %s, interface text from %s/; run glot extract, then glot merge\n",
		config.File, display(g.path()), cfg.SourceLanguage, cfg.ContentDir, into, cfg.Hugo.I18n)
}

// hugoGlotConfig reads the configuration of the Hugo site glot runs in and
// returns the glot.toml that makes glot its translation pipeline, notes
// on what Hugo's configuration lacks, and what the glot.toml reads as.
func (g *glot) hugoGlotConfig() (string, []string, *config.Config, error) {
	root, err := g.in(".")
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
	if err := g.foreignI18n(cfg, cfg.Languages); err != nil {
		for _, e := range flatten(err) {
			notes = append(notes, e.Error())
		}
	}
	if fi, err := os.Stat(g.path(cfg.ContentDir)); err != nil || !fi.IsDir() {
		notes = append(notes, fmt.Sprintf("%s/ does not exist: glot extract reads the %s pages there", cfg.ContentDir, cfg.SourceLanguage))
	}
	return text, notes, cfg, nil
}
