package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/merge"
	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/tm"
	"github.com/glot-i18n/glot/internal/verdict"
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
	if o.page != "" {
		if _, err := path.Match(o.page, ""); err != nil {
			return &usageError{fmt.Errorf("--page %q: %w", o.page, err)}
		}
	}
	// A language with nothing to fold in (its catalog stands as it is,
	// its translate file has no translation filled in, nothing was
	// imported) needs only its translate file written afresh, which its
	// compiled table says enough to do; the others are merged in full,
	// from the whole locales folder.
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
	dir := g.path(cfg.LocalesDir)
	fsys, err := g.in(cfg.LocalesDir)
	if err != nil {
		return err
	}
	fast := make([]bool, len(langs))
	var site *locale.Site
	for i, lang := range langs {
		if o.page == "" && len(imported[lang]) == 0 && tables[i].Summary().Clean {
			if fast[i], err = nothingFilled(fsys, display(dir), lang); err != nil {
				return err
			}
		}
		if !fast[i] && site == nil {
			if site, err = g.locales(cfg, true); err != nil {
				return err
			}
		}
	}
	// Every language is merged before anything is written: a malformed
	// file anywhere leaves every file as it was. The languages are merged
	// side by side, sharing the words of the source's texts.
	suggest := float64(cfg.SuggestionThreshold) / 100
	if suggest == 0 {
		suggest = -1 // off
	}
	opts := merge.Options{ContentName: filepath.ToSlash(filepath.Clean(cfg.ContentDir)), Page: o.page, Suggest: suggest, Words: tm.NewWords(), TrustReview: o.trustReview, Partial: o.partial}
	var sharedOnce sync.Once
	var shared *tm.Shared
	var sharedErr error
	opts.Shared = func() (*tm.Shared, error) {
		sharedOnce.Do(func() {
			pairs := make([]tm.Pair, src.Len())
			sharedErr = src.Each(func(i int, m *verdict.SourceMessage) error {
				pairs[i] = tm.Pair{ID: m.ID, Key: m.ID, Source: m.Message.Other}
				return nil
			})
			shared = tm.NewShared(opts.Words, pairs)
		})
		return shared, sharedErr
	}
	results := make([]*merge.Result, len(langs))
	errs := make([]error, len(langs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, lang := range langs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if fast[i] {
				results[i], errs[i] = merge.Refresh(fsys, src, tables[i], opts)
				return
			}
			l, err := site.Lang(lang)
			if err != nil {
				errs[i] = err
				return
			}
			o := opts
			o.Imported = imported[lang]
			results[i], errs[i] = merge.Run(site, l, o)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
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
	refused := 0
	for _, r := range results {
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
			refused++
		}
		for _, file := range slices.Sorted(maps.Keys(r.Unreviewed)) {
			n := r.Unreviewed[file]
			were := "were"
			if n == 1 {
				were = "was"
			}
			g.warnf("%s: %s: %s %s taken as translated (use --trust-review to keep their review)", file, r.Lang, plural(n, "reviewed unit"), were)
		}
		for _, p := range r.Held {
			g.warnf("%s: %s: message %s: held back from the pages: %s (if it is right, glot approve --lang %s %s)",
				p.Where(), r.Lang, p.ID, p.Text, r.Lang, p.ID)
		}
		done.Languages = append(done.Languages, mergeLang{Lang: r.Lang, Taken: r.Folded, Restored: r.Restored, Archived: r.Archived,
			Missing: r.Left.Missing, Stale: r.Left.Stale, Refused: len(r.Refused), Held: r.Left.Held, Reviewed: r.Reviewed, Suggested: r.Suggested})
		if g.json {
			continue
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
	if g.json {
		done.Warnings = append([]string{}, g.warnings...)
		if err := g.writeJSON(done); err != nil {
			return err
		}
	}
	if refused > 0 {
		fmt.Fprintf(g.stderr, "glot: %s refused; still in the translate files, marked REFUSED\n", plural(refused, "translation"))
		return silentError{}
	}
	return nil
}

// nothingFilled reports whether the translate file of lang, in locales
// folder fsys (name for messages), has no translation filled in.
func nothingFilled(fsys fs.FS, name, lang string) (bool, error) {
	data, err := fs.ReadFile(fsys, locale.TranslatePath(lang))
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	c, err := catalog.Parse(path.Join(name, locale.TranslatePath(lang)), data)
	if err != nil {
		return false, err
	}
	for _, m := range c.Messages {
		if !catalog.Empty(m) {
			return false, nil
		}
	}
	return true, nil
}
