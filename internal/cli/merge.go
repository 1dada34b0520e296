package cli

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/merge"
	"github.com/glot-i18n/glot/internal/plan"
)

type mergeOptions struct {
	langs       []string
	page        string
	dryRun      bool
	trustReview bool // glot import --trust-review
	partial     bool // glot import --partial
	format      string
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
	return runMergeWith(g, o, nil)
}

// runMergeWith merges, folding in the work imported for each language.
func runMergeWith(g *glot, o *mergeOptions, imported map[string][]merge.Imported) error {
	cfg, langs, err := g.configLangs(o.langs)
	if err != nil {
		return err
	}
	if err := (merge.Options{Page: o.page}).Validate(); err != nil {
		return err
	}
	if err := g.lockFor(cfg, o.dryRun, false); err != nil {
		return err
	}
	cmd := "merge"
	if imported != nil {
		cmd = "import"
	}
	if err := g.extractFirst(cfg, cmd, o.dryRun); err != nil {
		return err
	}
	src, tables, err := g.compiled(cfg, langs)
	if err != nil {
		return err
	}
	fsys, err := g.in(cfg.LocalesDir)
	if err != nil {
		return err
	}
	suggest := float64(cfg.SuggestionThreshold) / 100
	if suggest == 0 {
		suggest = -1 // off
	}
	results, err := merge.All(merge.Batch{
		Langs: langs, SiteLangs: cfg.Languages, Locales: fsys, Source: src, Tables: tables,
		Load:     func() (*locale.Site, error) { return g.locales(cfg, true) },
		Imported: imported,
		Options: merge.Options{ContentName: filepath.ToSlash(filepath.Clean(cfg.ContentDir)), Page: o.page, Suggest: suggest,
			TrustReview: o.trustReview, Partial: o.partial},
	})
	if err != nil {
		return err
	}
	var all plan.Plan
	for _, res := range results {
		all.Writes = append(all.Writes, res.Plan.Writes...)
	}
	if err := g.apply(g.path(cfg.LocalesDir), all, o.dryRun, false); err != nil {
		return err
	}
	done := mergeDone{Languages: []mergeLang{}, Extracted: g.extracted, files: planFiles(g.path(cfg.LocalesDir), all, o.dryRun), Errors: []string{}}
	for _, r := range results {
		g.sayMerged(cfg, r, &done)
	}
	if g.json {
		done.Warnings = append([]string{}, g.warnings...)
		if err := g.writeJSON(done); err != nil {
			return err
		}
	}
	if refused := len(done.Errors); refused > 0 {
		fmt.Fprintf(g.stderr, "glot: %s refused; still in the translate files, marked REFUSED\n", plural(refused, "translation"))
		return silentError{}
	}
	return nil
}

// sayMerged says what the merge of one language did: what it left out,
// its notes, refusals and warnings on standard error, its counts on
// standard output (or in done, for --format json).
func (g *glot) sayMerged(cfg *config.Config, r *merge.Result, done *mergeDone) {
	for _, p := range r.LeftOut {
		what := "message " + p.ID
		if p.ID == "" {
			what = "a unit named by its source text"
		}
		g.warnf("%s: %s: %s: left out: %s", p.Where(), r.Lang, what, p.Text)
	}
	for _, n := range r.Notes {
		g.warnf("%s", n)
	}
	for _, p := range r.Refused {
		e := fmt.Sprintf("%s: %s: message %s: refused: %s", p.Where(), r.Lang, p.ID, p.Text)
		fmt.Fprintf(g.stderr, "glot: %s\n", e)
		done.Errors = append(done.Errors, e)
	}
	for _, file := range slices.Sorted(maps.Keys(r.Unreviewed)) {
		n := r.Unreviewed[file]
		were := "were"
		if n == 1 {
			were = "was"
		}
		g.warnf("%s: %s: %s %s taken as translated (use --trust-review to keep their review)", file, r.Lang, plural(n, "reviewed unit"), were)
	}
	if r.Drafts > 0 {
		g.warnf("%s: %s: %s still marked %q, and not taken until that line is deleted",
			filepath.Join(display(g.path(cfg.LocalesDir)), locale.TranslatePath(r.Lang)), r.Lang, plural(r.Drafts, "edited draft"), catalog.FuzzyMark)
	}
	for _, p := range r.Held {
		g.warnf("%s: %s: message %s: held back from the pages: %s (if it is right, glot approve --lang %s %s)",
			p.Where(), r.Lang, p.ID, p.Text, r.Lang, p.ID)
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
