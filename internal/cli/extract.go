package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/project"
	"github.com/glot-i18n/glot/internal/report"
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
	res, err := g.site().Extract(project.ExtractOptions{DryRun: o.dryRun})
	if err != nil {
		return err
	}
	g.sayFiles(res.Root, res.Plan, o.dryRun, true)
	if g.json {
		return g.writeJSON(extractDone{
			Pages: res.Pages, Messages: res.Messages, New: len(res.Added), Gone: len(res.Retired),
			files: planFiles(res.Root, res.Plan, o.dryRun), Warnings: append([]string{}, g.warnings...),
		})
	}
	fmt.Fprintf(g.stdout, "glot extract: %s, %s (%d new, %d no longer used)\n",
		report.Plural(res.Pages, "page"), report.Plural(res.Messages, "message"), len(res.Added), len(res.Retired))
	return nil
}
