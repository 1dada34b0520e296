package cli

import (
	"io"

	"github.com/spf13/cobra"
)

type statusOptions struct {
	langs []string
	reportOut
}

func newStatusCmd(g *glot) *cobra.Command {
	o := &statusOptions{}
	c := &cobra.Command{
		Use:   "status",
		Short: "Show how much of each language is translated",
		Long: `Status counts, for each language, the source messages that are translated
(current for their source), stale (translated for an earlier version of the
source) and missing, the source words still to translate, and the percentage
translated.

With --format html -o FILE, a site of more than 2,000 messages gets an index
of the languages at FILE and one file per language in the folder named after
FILE without its extension (status.html and status/); a smaller site, or
standard output, gets one file.`,
		Example: `  glot status
  glot status --lang de --format json
  glot status --format json -o status.json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error { return runStatus(g, o) },
	}
	langsFlag(c, &o.langs)
	reportFlags(c, &o.reportOut, "text", "json", "html")
	return c
}

func runStatus(g *glot, o *statusOptions) error {
	if err := o.checkFormat("status"); err != nil {
		return err
	}
	name, layout := reportName(o.output, "status.html")
	st, files, err := g.site().Status(o.langs, o.format == "html", name, layout)
	if err != nil {
		return err
	}
	if o.format == "html" {
		return g.outputFiles(o.output, files)
	}
	return g.output(o.output, func(w io.Writer) error {
		if o.format == "json" {
			return st.WriteJSON(w)
		}
		return st.WriteText(w)
	})
}
