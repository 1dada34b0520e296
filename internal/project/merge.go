package project

import (
	"maps"
	"path/filepath"
	"slices"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/merge"
	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/report"
)

// MergeOptions are glot merge's.
type MergeOptions struct {
	Langs  []string // the languages to merge; none means every one
	Page   string   // write work only for the pages this glob matches
	DryRun bool     // plan, write nothing
	// TrustReview and Partial are glot import's (see merge.Options).
	TrustReview, Partial bool

	imported map[string][]merge.Imported // glot import's work, by language
}

// LangMerged is what the merge of one language did (see merge.Result).
type LangMerged = merge.Result

// Merged is what glot merge (or import) did.
type Merged struct {
	Langs []*LangMerged
	Plan  plan.Plan
	// Root is the locales folder the plan was carried out in, as the
	// user names it.
	Root string
	// Extracted are the pages changed since the last glot extract, which
	// the merge extracted first.
	Extracted []string
}

// Merge folds translators' work into the catalogs of each language and
// writes what is left to translate (see merge.All). Its warnings are said
// through the hooks; its refusals are in each language's result.
func (s *Site) Merge(o MergeOptions) (*Merged, error) {
	cfg, langs, err := s.configLangs(o.Langs)
	if err != nil {
		return nil, err
	}
	if err := (merge.Options{Page: o.Page}).Validate(); err != nil {
		return nil, err
	}
	if err := s.lockFor(cfg, o.DryRun, false); err != nil {
		return nil, err
	}
	cmd := "merge"
	if o.imported != nil {
		cmd = "import"
	}
	if err := s.extractFirst(cfg, cmd, o.DryRun); err != nil {
		return nil, err
	}
	src, tables, err := s.compiled(cfg, langs)
	if err != nil {
		return nil, err
	}
	fsys, err := s.in(cfg.LocalesDir)
	if err != nil {
		return nil, err
	}
	suggest := float64(cfg.SuggestionThreshold) / 100
	if suggest == 0 {
		suggest = -1 // off
	}
	results, err := merge.All(merge.Batch{
		Langs: langs, SiteLangs: cfg.Languages, Locales: fsys, Source: src, Tables: tables,
		Load:     func() (*locale.Site, error) { return s.locales(cfg, true) },
		Imported: o.imported,
		Options: merge.Options{ContentName: filepath.ToSlash(filepath.Clean(cfg.ContentDir)), Page: o.Page, Suggest: suggest,
			TrustReview: o.TrustReview, Partial: o.Partial},
	})
	if err != nil {
		return nil, err
	}
	done := &Merged{Langs: results, Root: s.path(cfg.LocalesDir), Extracted: s.extracted}
	for _, res := range results {
		done.Plan.Writes = append(done.Plan.Writes, res.Plan.Writes...)
	}
	if err := s.apply(done.Root, done.Plan, o.DryRun); err != nil {
		return nil, err
	}
	for _, r := range results {
		s.warnMerged(cfg, r)
	}
	return done, nil
}

// warnMerged warns of what the merge of one language left out, its notes,
// the reviews it did not keep, the drafts it did not take and the
// translations it holds back.
func (s *Site) warnMerged(cfg *config.Config, r *merge.Result) {
	for _, p := range r.LeftOut {
		what := "message " + p.ID
		if p.ID == "" {
			what = "a unit named by its source text"
		}
		s.warnf("%s: %s: %s: left out: %s", p.Where(), r.Lang, what, p.Text)
	}
	for _, n := range r.Notes {
		s.warnf("%s", n)
	}
	for _, file := range slices.Sorted(maps.Keys(r.Unreviewed)) {
		n := r.Unreviewed[file]
		were := "were"
		if n == 1 {
			were = "was"
		}
		s.warnf("%s: %s: %s %s taken as translated (use --trust-review to keep their review)", file, r.Lang, report.Plural(n, "reviewed unit"), were)
	}
	if r.Drafts > 0 {
		s.warnf("%s: %s: %s still marked %q, and not taken until that line is deleted",
			filepath.Join(display(s.path(cfg.LocalesDir)), locale.TranslatePath(r.Lang)), r.Lang, report.Plural(r.Drafts, "edited draft"), catalog.FuzzyMark)
	}
	for _, p := range r.Held {
		s.warnf("%s: %s: message %s: held back from the pages: %s (if it is right, glot approve --lang %s %s)",
			p.Where(), r.Lang, p.ID, p.Text, r.Lang, p.ID)
	}
}
