package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/report"
)

type checkOptions struct {
	langs []string
	reportOut
}

func newCheckCmd(g *glot) *cobra.Command {
	o := &checkOptions{}
	c := &cobra.Command{
		Use:   "check",
		Short: "Check the translations in force for mistakes; exit with status 1 on any error",
		Long: `Check looks at every translation in force beside its source: placeholders,
numbers (in the language's own digits and separators too), URLs, e-mail
addresses and phone numbers, the terms of glossary.toml, white space, final
punctuation, text left untranslated and lengths far off the source's. Each
finding has an id, a severity (error or warning), the language, the message,
and the page and line where it is used. Any error makes glot check exit with
status 1.`,
		Example: `  glot check
  glot check --lang es --format json
  glot check --format sarif -o glot.sarif`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error { return runCheck(g, o) },
	}
	langsFlag(c, &o.langs)
	reportFlags(c, &o.reportOut, "text", "json", "github", "sarif")
	return c
}

func runCheck(g *glot, o *checkOptions) error {
	if err := o.checkFormat("check"); err != nil {
		return err
	}
	r, err := g.site().Check(o.langs)
	if err != nil {
		return err
	}
	if err := g.output(o.output, func(w io.Writer) error { return r.Write(w, o.format) }); err != nil {
		return err
	}
	if n := r.Count("", "error"); n > 0 {
		fmt.Fprintf(g.stderr, "glot: check: %s\n", report.Plural(n, "error"))
		return silentError{}
	}
	return nil
}
