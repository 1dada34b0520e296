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
	"github.com/glot-i18n/glot/internal/plan"
)

type initOptions struct {
	source string
	langs  []string
}

func newInitCmd(g *glot) *cobra.Command {
	o := &initOptions{}
	c := &cobra.Command{
		Use:   "init",
		Short: "Start a new site: a commented glot.toml and its folders",
		Example: `  glot init
  glot init --source en --lang es,fr,ar
  glot -C mysite init`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error { return runInit(g, o) },
	}
	c.Flags().StringVar(&o.source, "source", "en", "the language of the pages (`TAG`)")
	c.Flags().StringSliceVar(&o.langs, "lang", nil, "the languages to translate into (`L[,L...]`)")
	return c
}

func runInit(g *glot, o *initOptions) error {
	file := g.path(config.File)
	if _, err := os.Stat(file); err == nil {
		return fmt.Errorf("%s already exists: glot init does not overwrite a site", display(file))
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
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
	cfg, err := config.Parse(display(file), []byte(text))
	if err != nil {
		var fe interface{ Unwrap() error }
		if errors.As(err, &fe) {
			return &usageError{fe.Unwrap()}
		}
		return &usageError{err}
	}
	for _, d := range []string{cfg.ContentDir, cfg.LocalesDir} {
		if err := os.MkdirAll(g.path(d), 0o755); err != nil {
			return err
		}
	}
	if err := plan.WriteFile(file, []byte(text)); err != nil {
		return err
	}
	ignore := g.path(".gitignore")
	old, err := os.ReadFile(ignore)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	add := ""
	// The outputs and the cache are made again at will; the locks of
	// the locales folder belong to the commands running now.
	// A change being committed to the catalogs (its journal and staged
	// files) is not committed to version control either.
	for _, line := range []string{"/" + cfg.OutputDir + "/", "/" + cfg.MarkdownDir + "/", "/" + cache.Dir + "/",
		"/" + path.Join(cfg.LocalesDir, ".glot/*.lock"), "/" + path.Join(cfg.LocalesDir, plan.JournalPath), ".*" + plan.StagedMark + "*"} {
		if !strings.Contains("\n"+string(old), "\n"+line+"\n") {
			add += line + "\n"
		}
	}
	if add != "" {
		if len(old) > 0 && !strings.HasSuffix(string(old), "\n") {
			old = append(old, '\n')
		}
		if err := plan.WriteFile(ignore, append(old, add...)); err != nil {
			return err
		}
	}
	fmt.Fprintf(g.stdout, "glot: started a site in %s: edit %s, put pages in %s/, then run glot extract\n",
		display(g.path()), config.File, cfg.ContentDir)
	return nil
}
