package cli

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/exchange"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/merge"
)

type exportOptions struct {
	lang   string
	format string
	only   []string
	page   string
	output string
}

func newExportCmd(g *glot) *cobra.Command {
	o := &exportOptions{}
	c := &cobra.Command{
		Use:   "export --lang L --format xliff|xliff12|po|pot|tmx",
		Short: "Hand messages to translators' own tools: XLIFF 2 or 1.2, gettext PO or TMX",
		Long: `Export writes the messages of one language, page by page in page order, in a
format translators' tools read: XLIFF 2.0 (placeholders as <pc> and <ph>,
template fields such as {{.Count}} as protected <ph>), XLIFF 1.2 for tools
that read no other, gettext PO (glot's <1>…</1> tags; a stale translation
fuzzy, its previous source in a #| comment) or TMX 1.4 (placeholders as
<bpt>, <ept>, <ph>). --format pot writes a gettext template of every
message, for msginit and msgmerge; it needs no --lang.
Each message carries its id, its state and where it is used. A message with
plural forms carries every form the language has: in PO a plural entry
numbered by the Plural-Forms header, in XLIFF a <group> of one <unit> per
form, in TMX one <tu> per form. Take the work back with glot import.`,
		Example: `  glot export --lang es --format xliff -o es.xlf
  glot export --lang de --format po --only missing,stale --page 'guide/*' -o de.po
  glot export --lang fr --format tmx -o fr.tmx
  glot export --format pot -o site.pot`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error { return runExport(g, o) },
	}
	c.Flags().StringVar(&o.lang, "lang", "", "the language to export")
	nameValue(c.Flags(), "lang", "L")
	c.Flags().StringVar(&o.format, "format", "", "the file's format: XLIFF 2.0 or 1.2, a gettext PO file or POT template, or TMX")
	nameValue(c.Flags(), "format", "xliff|xliff12|po|pot|tmx")
	c.Flags().StringSliceVar(&o.only, "only", nil, "only messages in these states")
	nameValue(c.Flags(), "only", "missing,stale,translated")
	c.Flags().StringVar(&o.page, "page", "", "only the messages of pages matching `GLOB`")
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of standard output")
	return c
}

func runExport(g *glot, o *exportOptions) error {
	cfg, err := g.config()
	if err != nil {
		return err
	}
	if o.format == "" {
		return &usageError{fmt.Errorf("--format is required")}
	}
	if err := (exchange.Options{Format: o.format, Only: o.only, Page: o.page}).Validate(); err != nil {
		return err
	}
	if o.lang == "" && o.format == "pot" && len(o.only) == 0 && len(cfg.Languages) > 0 {
		// A template is of no language: every message goes in it, and
		// any of the site's languages lists them.
		o.lang = cfg.Languages[0]
	}
	if o.lang == "" {
		return &usageError{fmt.Errorf("--lang is required (for --format pot, only with --only, whose states are a language's)")}
	}
	site, l, err := g.oneLang(cfg, "export", o.lang)
	if err != nil {
		return err
	}
	_, tables, err := g.compiled(cfg, []string{l.Tag})
	if err != nil {
		return err
	}
	data, err := exchange.Export(site, tables[0], exchange.Options{Format: o.format, Only: o.only, Page: o.page, ContentName: filepath.ToSlash(filepath.Clean(cfg.ContentDir)), Date: time.Now()})
	if err != nil {
		return err
	}
	return g.output(o.output, func(w io.Writer) error { _, err := w.Write(data); return err })
}

type importOptions struct {
	dryRun      bool
	trustReview bool
	partial     bool
}

func newImportCmd(g *glot) *cobra.Command {
	o := &importOptions{}
	c := &cobra.Command{
		Use:   "import FILE...",
		Short: "Take translators' work back from XLIFF, PO or TMX files",
		Long: `Import reads files written by glot export and worked on in translators'
tools (XLIFF 2, gettext PO, TMX; the format is told by the content), and
folds their translations into active.<lang>.toml exactly as glot merge folds
a translate file: checked against their source, a mismatch refused, nothing
ever lost. translate.<lang>.toml is then written afresh.

Drafts are not taken, and are counted: an XLIFF segment in state initial, a
fuzzy PO entry. An XLIFF translation in state reviewed or final is taken as
translated; with --trust-review its review is recorded too, as glot approve
records it, in locales/.glot/review.<lang>.toml.

Import is strict: a file with a unit for a message the site never had is an
error naming the file and line, and nothing is imported; --partial imports
the rest and names each unit it left out.`,
		Example: `  glot import es.xlf de.po
  glot import --trust-review reviewed.es.xlf`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return errors.New("name the files to import: glot import FILE...")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error { return runImport(g, o, args) },
	}
	c.Flags().BoolVarP(&o.dryRun, "dry-run", "n", false, "say what would be written, write nothing")
	c.Flags().BoolVar(&o.trustReview, "trust-review", false, "record the review of translations the files mark reviewed or final")
	c.Flags().BoolVar(&o.partial, "partial", false, "import what is sound in files that have units for messages the site never had, and name each unit left out")
	return c
}

func runImport(g *glot, o *importOptions, files []string) error {
	cfg, err := g.config()
	if err != nil {
		return err
	}
	byLang := map[string][]merge.Imported{}
	var drafts []string // what to say of the drafts left out, once every file is read
	for _, f := range files {
		data, err := os.ReadFile(g.userPath(f))
		if err != nil {
			return err
		}
		name := display(g.userPath(f))
		works, err := exchange.Import(name, data, cfg.SourceLanguage)
		if err != nil {
			return err
		}
		for _, w := range works {
			lang, err := cfg.FileLanguage(w.Lang)
			if err != nil {
				return fileerr.At(name, 0, 0, err)
			}
			if named := cfg.NameLanguage(f); len(works) == 1 && named != "" && named != lang {
				// A file relabelled by hand, or saved under another
				// language's name: which one it holds is not for glot
				// to guess.
				return fileerr.At(name, 0, 0, fmt.Errorf("its name says %s, but it says it holds translations into %s: correct the language inside it (XLIFF trgLang, PO Language, TMX xml:lang) or its name", named, w.Lang))
			}
			byLang[lang] = append(byLang[lang], imported(name, w))
			if w.Drafts > 0 {
				drafts = append(drafts, fmt.Sprintf("%s: %s left out (XLIFF state initial, or PO fuzzy): finish them to import them", name, plural(w.Drafts, "draft")))
			}
		}
	}
	for _, d := range drafts {
		g.warnf("%s", d)
	}
	langs := slices.Sorted(maps.Keys(byLang))
	mo := &mergeOptions{langs: langs, dryRun: o.dryRun, trustReview: o.trustReview, partial: o.partial}
	return runMergeWith(g, mo, byLang)
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
