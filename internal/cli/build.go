package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/site"
)

type buildOptions struct {
	langs      []string
	formats    []string
	allowStale bool
	require    string
}

func newBuildCmd(g *glot) *cobra.Command {
	o := &buildOptions{}
	c := &cobra.Command{
		Use:   "build",
		Short: "Build every page in every language, as HTML and as Markdown",
		Long: `Build writes every page in the source language and in every target language:
HTML through the layout (the site's layouts/page.html, or glot's own) into the
output folder, and Markdown into the Markdown folder. A segment without a
current translation shows its source text.`,
		Example: `  glot build
  glot build --lang es --format html
  glot build --allow-stale`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error { return runBuild(g, o) },
	}
	langsFlag(c, &o.langs)
	c.Flags().StringSliceVar(&o.formats, "format", []string{"html", "md"}, "what to write: `html,md`")
	c.Flags().BoolVar(&o.allowStale, "allow-stale", false, "use a translation made for an earlier version of its source rather than the source text")
	c.Flags().StringVar(&o.require, "require", "", "use only translations that are `reviewed` (glot approve)")
	return c
}

func runBuild(g *glot, o *buildOptions) error {
	cfg, err := g.config()
	if err != nil {
		return err
	}
	var langs []string
	if len(o.langs) > 0 {
		// The source language is a valid choice here: it is built too.
		var targets []string
		for _, f := range o.langs {
			for _, l := range strings.Split(f, ",") {
				if strings.TrimSpace(l) == cfg.SourceLanguage {
					langs = append(langs, cfg.SourceLanguage)
				} else {
					targets = append(targets, l)
				}
			}
		}
		sel, err := selectLangs(cfg, targets, true)
		if err != nil {
			return err
		}
		if len(targets) > 0 {
			langs = append(langs, sel...)
		}
	}
	switch o.require {
	case "", "translated":
	case "reviewed":
		if o.allowStale {
			return &usageError{fmt.Errorf("--allow-stale and --require reviewed contradict each other: a stale translation is not reviewed")}
		}
	default:
		return &usageError{fmt.Errorf("--require %q: give reviewed", o.require)}
	}
	opts := site.Options{Config: cfg, Langs: langs, AllowStale: o.allowStale, RequireReviewed: o.require == "reviewed", Rules: rules(cfg)}
	for _, f := range o.formats {
		for _, f := range strings.Split(f, ",") {
			switch strings.TrimSpace(f) {
			case "html":
				opts.HTML = true
			case "md":
				opts.MD = true
			default:
				return &usageError{fmt.Errorf("--format %q: glot build writes html and md", f)}
			}
		}
	}
	opts.Content = os.DirFS(g.path(cfg.ContentDir))
	opts.Layouts = g.layouts()
	if opts.Locales, err = g.locales(cfg, false); err != nil {
		return err
	}
	rep, err := site.Build(opts, diskSink{root: g.path()})
	if err != nil {
		return err
	}
	for _, w := range rep.Warnings {
		g.warnf("%s", w)
	}
	var where []string
	if opts.HTML {
		where = append(where, cfg.OutputDir+"/")
	}
	if opts.MD {
		where = append(where, cfg.MarkdownDir+"/")
	}
	fmt.Fprintf(g.stdout, "glot build: %s in %s, %s in %s\n", plural(rep.Pages, "page"), plural(len(rep.Langs), "language"), plural(rep.Files, "file"), strings.Join(where, " and "))
	for _, l := range rep.Langs {
		if l.Segments == 0 {
			continue
		}
		fmt.Fprintf(g.stdout, "  %s: %d of %d segments translated", l.Lang, l.Segments-l.Fallbacks, l.Segments)
		if l.Stale > 0 {
			fmt.Fprintf(g.stdout, " (%d with stale translations)", l.Stale)
		}
		if l.Fallbacks > 0 {
			fmt.Fprintf(g.stdout, "; %d shown in %s", l.Fallbacks, cfg.SourceLanguage)
		}
		if l.Skipped > 0 && opts.HTML {
			fmt.Fprintf(g.stdout, "; %s below the %d %% threshold left out of %s/", plural(l.Skipped, "page"), cfg.Build.Threshold, cfg.OutputDir)
		}
		fmt.Fprintln(g.stdout)
	}
	return nil
}

// diskSink writes build output under the site folder, each file atomically.
type diskSink struct{ root string }

func (d diskSink) WriteFile(name string, data []byte) error {
	return plan.WriteFile(filepath.Join(d.root, filepath.FromSlash(name)), data)
}
