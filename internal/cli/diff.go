package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/project"
)

type diffOptions struct {
	langs []string
	reportOut
	failOn []string
	since  string
}

func newDiffCmd(g *glot) *cobra.Command {
	o := &diffOptions{}
	c := &cobra.Command{
		Use:   "diff",
		Short: "List what is missing and stale in each language, page by page",
		Long: `Diff lists, for each language and page, the messages with no translation
(missing) and those translated for an earlier version of their source
(stale), with a word-level diff of each stale source change.

--fail-on missing makes it exit with status 1 when anything is missing;
--fail-on stale when anything is stale; both may be given. --since REV lists
only the messages added or changed since a git revision.`,
		Example: `  glot diff
  glot diff --lang de --format markdown
  glot diff --format github --fail-on missing,stale
  glot diff --since origin/main`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error { return runDiff(g, o) },
	}
	langsFlag(c, &o.langs)
	reportFlags(c, &o.reportOut, "text", "json", "markdown", "github")
	c.Flags().StringSliceVar(&o.failOn, "fail-on", nil, "exit with status 1 when a message is in one of these states")
	nameValue(c.Flags(), "fail-on", "missing,stale")
	c.Flags().StringVar(&o.since, "since", "", "only messages added or changed since git revision `REV`")
	return c
}

func runDiff(g *glot, o *diffOptions) error {
	if err := o.checkFormat("diff"); err != nil {
		return err
	}
	for _, f := range o.failOn {
		if f != "missing" && f != "stale" {
			return &usageError{fmt.Errorf("--fail-on %q: give missing, stale or both", f)}
		}
	}
	r, err := g.site().Diff(project.DiffOptions{Langs: o.langs, Since: o.since})
	if err != nil {
		return err
	}
	if err := g.output(o.output, func(w io.Writer) error { return r.Write(w, o.format) }); err != nil {
		return err
	}
	var failed []string
	for _, f := range o.failOn {
		if n := r.Count(f, ""); n > 0 {
			failed = append(failed, fmt.Sprintf("%d %s", n, f))
		}
	}
	if len(failed) > 0 {
		fmt.Fprintf(g.stderr, "glot: diff: %s\n", strings.Join(failed, ", "))
		return silentError{}
	}
	return nil
}
