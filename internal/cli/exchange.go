package cli

import (
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/project"
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
	data, err := g.site().Export(project.ExportOptions{Lang: o.lang, Format: o.format, Only: o.only, Page: o.page})
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
	io := project.ImportOptions{DryRun: o.dryRun, TrustReview: o.trustReview, Partial: o.partial}
	for _, f := range files {
		io.Files = append(io.Files, project.ImportFile{Name: f, Path: g.userPath(f)})
	}
	res, err := g.site().Import(io)
	return g.sayMerge(res, o.dryRun, err)
}
