package project

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/glot-i18n/glot/internal/exchange"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/merge"
	"github.com/glot-i18n/glot/internal/option"
	"github.com/glot-i18n/glot/internal/report"
)

// ExportOptions are glot export's (see exchange.Options).
type ExportOptions struct {
	Lang   string
	Format string
	Only   []string
	Page   string
}

// Export writes the messages of one language in a translators' format.
func (s *Site) Export(o ExportOptions) ([]byte, error) {
	cfg, err := s.Config()
	if err != nil {
		return nil, err
	}
	if o.Format == "" {
		return nil, option.Required("format", "give xliff, xliff12, po, pot or tmx")
	}
	if err := (exchange.Options{Format: o.Format, Only: o.Only, Page: o.Page}).Validate(); err != nil {
		return nil, err
	}
	if o.Lang == "" && o.Format == "pot" && len(o.Only) == 0 && len(cfg.Languages) > 0 {
		// A template is of no language: every message goes in it, and
		// any of the site's languages lists them.
		o.Lang = cfg.Languages[0]
	}
	if o.Lang == "" {
		return nil, option.Required("lang", "for --format pot, only with --only, whose states are a language's")
	}
	site, l, err := s.oneLang(cfg, "export", o.Lang)
	if err != nil {
		return nil, err
	}
	_, tables, err := s.compiled(cfg, []string{l.Tag})
	if err != nil {
		return nil, err
	}
	return exchange.Export(site, tables[0], exchange.Options{Format: o.Format, Only: o.Only, Page: o.Page,
		ContentName: filepath.ToSlash(filepath.Clean(cfg.ContentDir)), Date: time.Now()})
}

// ImportOptions are glot import's.
type ImportOptions struct {
	// Files are the files to import: each path as given, and where to
	// read it.
	Files       []ImportFile
	DryRun      bool
	TrustReview bool
	Partial     bool
}

// ImportFile is a file to import.
type ImportFile struct {
	Name string // as the user gave it
	Path string // where it is read
}

// Import reads translators' work from XLIFF, PO or TMX files and merges
// it as glot merge merges a translate file.
func (s *Site) Import(o ImportOptions) (*Merged, error) {
	cfg, err := s.Config()
	if err != nil {
		return nil, err
	}
	byLang := map[string][]merge.Imported{}
	var drafts []string // what to say of the drafts left out, once every file is read
	for _, f := range o.Files {
		data, err := os.ReadFile(f.Path)
		if err != nil {
			return nil, err
		}
		name := display(f.Path)
		works, err := exchange.Import(name, data, cfg.SourceLanguage)
		if err != nil {
			return nil, err
		}
		for _, w := range works {
			lang, err := cfg.FileLanguage(w.Lang)
			if err != nil {
				return nil, fileerr.At(name, 0, 0, err)
			}
			if named := cfg.NameLanguage(f.Name); len(works) == 1 && named != "" && named != lang {
				// A file relabelled by hand, or saved under another
				// language's name: which one it holds is not for glot
				// to guess.
				return nil, fileerr.At(name, 0, 0, fmt.Errorf("its name says %s, but it says it holds translations into %s: correct the language inside it (XLIFF trgLang, PO Language, TMX xml:lang) or its name", named, w.Lang))
			}
			byLang[lang] = append(byLang[lang], imported(name, w))
			if w.Drafts > 0 {
				drafts = append(drafts, fmt.Sprintf("%s: %s left out (XLIFF state initial, or PO fuzzy): finish them to import them", name, report.Plural(w.Drafts, "draft")))
			}
		}
	}
	for _, d := range drafts {
		s.warnf("%s", d)
	}
	return s.Merge(MergeOptions{Langs: slices.Sorted(maps.Keys(byLang)), DryRun: o.DryRun, TrustReview: o.TrustReview, Partial: o.Partial, imported: byLang})
}

// imported is what merge takes of the work of file w.
func imported(file string, w *exchange.Work) merge.Imported {
	im := merge.Imported{File: file, Translations: w.Translations, Lines: w.Lines, Reviewed: w.Reviewed,
		Sources: w.Sources, BySource: w.BySource, BySourceLines: w.BySourceLines}
	for _, f := range w.Faults {
		im.Faults = append(im.Faults, merge.Problem{File: file, Line: f.Line, ID: f.ID, Text: f.Text})
	}
	return im
}
