package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/project"
	"github.com/glot-i18n/glot/internal/report"
)

type mergeOptions struct {
	langs  []string
	page   string
	dryRun bool
	format string
}

func newMergeCmd(g *glot) *cobra.Command {
	o := &mergeOptions{}
	c := &cobra.Command{
		Use:   "merge",
		Short: "Fold translators' work into the catalogs and write what is left to translate",
		Long: `Merge takes, for each language, the translations filled in translate.<lang>.toml
(and any edits to active.<lang>.toml), checks them against their source, and
folds them into active.<lang>.toml. It then writes translate.<lang>.toml afresh
with every message that has no current translation, page by page. Nothing is
ever deleted: a translation whose source changed or went away is kept in
locales/.glot/archive.<lang>.toml and shown again beside the new source.

A translation whose placeholders do not match its source is refused: it stays
in translate.<lang>.toml with the reason, and glot merge exits with status 1.`,
		Example: `  glot merge
  glot merge --lang es,fr
  glot merge --lang de --page 'ketamine-*'`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error { return runMerge(g, o) },
	}
	langsFlag(c, &o.langs)
	c.Flags().StringVar(&o.page, "page", "", "write work only for pages matching `GLOB` (a path in the content folder)")
	c.Flags().BoolVarP(&o.dryRun, "dry-run", "n", false, "say what would be written, write nothing")
	doneFlag(c, &o.format)
	outputFlag(g, c)
	return c
}

// mergeDone is what glot merge --format json says.
type mergeDone struct {
	Languages []mergeLang `json:"languages"`
	// Extracted are the pages changed since the last glot extract, which
	// merge extracted first.
	Extracted []string `json:"extracted,omitempty"`
	files
	Warnings []string `json:"warnings"`
	Errors   []string `json:"errors"` // the translations refused, and why
}

// mergeLang counts, for one language, what merge did and what is left to do.
type mergeLang struct {
	Lang      string `json:"lang"`
	Taken     int    `json:"taken"`
	Restored  int    `json:"restored"`
	Archived  int    `json:"archived"`
	Missing   int    `json:"missing"`
	Stale     int    `json:"stale"`
	Refused   int    `json:"refused"`
	Held      int    `json:"held"`
	Reviewed  int    `json:"reviewed"`
	Suggested int    `json:"suggested"`
}

func runMerge(g *glot, o *mergeOptions) error {
	if err := g.setFormat("merge", o.format); err != nil {
		return err
	}
	res, err := g.site().Merge(project.MergeOptions{Langs: o.langs, Page: o.page, DryRun: o.dryRun})
	return g.sayMerge(res, o.dryRun, err)
}

// sayMerge says what glot merge (or import, or lang add) did: its files,
// what it did in each language and the translations it refused, on
// standard output or as JSON.
func (g *glot) sayMerge(res *project.Merged, dryRun bool, err error) error {
	if err != nil {
		return err
	}
	g.sayFiles(res.Root, res.Plan, dryRun, false)
	done := mergeDone{Languages: []mergeLang{}, Extracted: res.Extracted, files: planFiles(res.Root, res.Plan, dryRun), Errors: []string{}}
	for _, r := range res.Langs {
		g.sayMerged(r, &done)
	}
	if g.json {
		done.Warnings = append([]string{}, g.warnings...)
		if err := g.writeJSON(done); err != nil {
			return err
		}
	}
	if refused := len(done.Errors); refused > 0 {
		fmt.Fprintf(g.stderr, "glot: %s refused; still in the translate files, marked REFUSED\n", report.Plural(refused, "translation"))
		return silentError{}
	}
	return nil
}

// sayMerged says what the merge of one language did: its refusals on
// standard error, its counts on standard output (or in done, for
// --format json). Its warnings were said as it ran.
func (g *glot) sayMerged(r *project.LangMerged, done *mergeDone) {
	for _, p := range r.Refused {
		e := fmt.Sprintf("%s: %s: message %s: refused: %s", p.Where(), r.Lang, p.ID, p.Text)
		fmt.Fprintf(g.stderr, "glot: %s\n", e)
		done.Errors = append(done.Errors, e)
	}
	done.Languages = append(done.Languages, mergeLang{Lang: r.Lang, Taken: r.Folded, Restored: r.Restored, Archived: r.Archived,
		Missing: r.Left.Missing, Stale: r.Left.Stale, Refused: len(r.Refused), Held: r.Left.Held, Reviewed: r.Reviewed, Suggested: r.Suggested})
	if g.json {
		return
	}
	fmt.Fprintf(g.stdout, "glot merge %s: %d taken, %d restored, %d archived; to do: %d missing, %d stale",
		r.Lang, r.Folded, r.Restored, r.Archived, r.Left.Missing, r.Left.Stale)
	if r.Left.Held > 0 {
		fmt.Fprintf(g.stdout, " (%d held back)", r.Left.Held)
	}
	if r.Reviewed > 0 {
		fmt.Fprintf(g.stdout, ", %d marked reviewed", r.Reviewed)
	}
	if len(r.Refused) > 0 {
		fmt.Fprintf(g.stdout, ", %d refused", len(r.Refused))
	}
	fmt.Fprintln(g.stdout)
}
