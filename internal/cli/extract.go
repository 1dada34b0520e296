package cli

import (
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/extract"
	"github.com/glot-i18n/glot/internal/layout"
	"github.com/glot-i18n/glot/internal/plan"
)

type extractOptions struct {
	dryRun bool
	format string
}

func newExtractCmd(g *glot) *cobra.Command {
	o := &extractOptions{}
	c := &cobra.Command{
		Use:   "extract",
		Short: "Extract the text of every page into the source catalog",
		Long: `Extract reads every page of the content folder and writes the source catalog,
locales/active.<source>.toml, and glot's bookkeeping in locales/.glot/. A file
whose content would not change is not written.`,
		Example: `  glot extract
  glot extract --dry-run`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error { return runExtract(g, o) },
	}
	c.Flags().BoolVarP(&o.dryRun, "dry-run", "n", false, "say what would be written, write nothing")
	doneFlag(c, &o.format)
	outputFlag(g, c)
	return c
}

// extractDone is what glot extract --format json says.
type extractDone struct {
	Pages    int `json:"pages"`
	Messages int `json:"messages"`
	New      int `json:"new"`
	Gone     int `json:"gone"`
	files
	Warnings []string `json:"warnings"`
}

func runExtract(g *glot, o *extractOptions) error {
	if err := g.setFormat("extract", o.format); err != nil {
		return err
	}
	cfg, err := g.config()
	if err != nil {
		return err
	}
	localesDir := g.path(cfg.LocalesDir)
	contentFS, err := g.in(cfg.ContentDir)
	if err != nil {
		return err
	}
	if _, err := fs.Stat(contentFS, "."); err != nil {
		return fmt.Errorf("content folder: %w", err)
	}
	if err := g.lockFor(cfg, o.dryRun, true); err != nil {
		return err
	}
	res, err := g.extract(cfg, contentFS)
	if err != nil {
		return err
	}
	if err := g.apply(localesDir, res.Plan, o.dryRun, true); err != nil {
		return err
	}
	if g.json {
		return g.writeJSON(extractDone{
			Pages: res.Pages, Messages: res.Messages, New: len(res.Added), Gone: len(res.Retired),
			files: planFiles(localesDir, res.Plan, o.dryRun), Warnings: append([]string{}, g.warnings...),
		})
	}
	fmt.Fprintf(g.stdout, "glot extract: %s, %s (%d new, %d no longer used)\n",
		plural(res.Pages, "page"), plural(res.Messages, "message"), len(res.Added), len(res.Retired))
	return nil
}

// extract plans glot extract of the site, whose content folder is
// contentFS, and warns of the blocks with text it leaves out. The caller
// holds the write lock, or the read lock for a dry run.
func (g *glot) extract(cfg *config.Config, contentFS fs.FS) (*extract.Result, error) {
	localesFS, err := g.in(cfg.LocalesDir)
	if err != nil {
		return nil, err
	}
	iface, err := g.interfaceMessages(cfg)
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
		ContentName: display(g.path(cfg.ContentDir)),
		ContentDir:  filepath.ToSlash(filepath.Clean(cfg.ContentDir)),
		LocalesName: display(g.path(cfg.LocalesDir)),
		Rules:       cfg.Rules(),
	})
	if err != nil {
		return nil, err
	}
	for _, s := range res.Skipped {
		g.warnf("%s:%d:%d: not extracted: %s", s.Page, s.Line, s.Col, s.Reason)
	}
	return res, nil
}

// interfaceMessages are the site's interface messages in the source
// language: a Hugo site's i18n files', or those the layout calls. A Hugo
// site's layouts folder is Hugo's, never read as glot's.
func (g *glot) interfaceMessages(cfg *config.Config) ([]*catalog.Message, error) {
	if cfg.IsHugo() {
		return g.hugoI18n(cfg)
	}
	layouts, err := g.layouts()
	if err != nil {
		return nil, err
	}
	set, err := layout.Load(layouts)
	if err != nil {
		return nil, err
	}
	return set.Interface(), nil
}

// apply carries out a plan under root, or with dryRun only lists it (see
// sayFiles for brief).
func (g *glot) apply(root string, p plan.Plan, dryRun, brief bool) error {
	if !dryRun {
		if g.wlock == nil {
			return fmt.Errorf("%s: changed without the write lock", display(root))
		}
		if err := g.wlock.Apply(p); err != nil {
			return err
		}
	}
	g.sayFiles(root, p, dryRun, brief)
	return nil
}
