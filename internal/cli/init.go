package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/project"
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
	res, err := g.site().Init(project.InitOptions{Source: o.source, Langs: o.langs, Hugo: o.hugo})
	if err != nil {
		return err
	}
	cfg := res.Config
	if !o.hugo {
		fmt.Fprintf(g.stdout, "glot: started a site in %s: edit %s, put pages in %s/, then run glot extract\n", res.Dir, res.File, cfg.ContentDir)
		return nil
	}
	var dirs []string
	for _, l := range cfg.Languages {
		dirs = append(dirs, cfg.Hugo.ContentDirs[l]+"/")
	}
	into := fmt.Sprintf("into %s (%s)", strings.Join(cfg.Languages, ", "), strings.Join(dirs, ", "))
	if len(cfg.Languages) == 0 {
		// A site in one language so far: glot has nowhere to write
		// until Hugo's configuration, and glot.toml, name another.
		into = "into no other language yet (add one to Hugo's [languages] with its contentDir, and to languages in " + res.File + ")"
	}
	fmt.Fprintf(g.stdout, "glot: made %s for the Hugo site in %s: %s pages from %s/ %s, interface text from %s/; run glot extract, then glot merge\n",
		res.File, res.Dir, cfg.SourceLanguage, cfg.ContentDir, into, cfg.Hugo.I18n)
	return nil
}
