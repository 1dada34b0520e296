package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/project"
	"github.com/glot-i18n/glot/internal/report"
)

type approveOptions struct {
	lang   string
	page   string
	all    bool
	by     string
	dryRun bool
}

func newApproveCmd(g *glot) *cobra.Command {
	o := &approveOptions{}
	c := &cobra.Command{
		Use:   "approve --lang L (MESSAGE-ID... | --page GLOB | --all)",
		Short: "Mark translations as reviewed",
		Long: `Approve records that a reviewer signed off translations into one language:
the messages named, those of the pages matching --page, or with --all every
translation in force. A review holds for the exact text reviewed: when a
translation changes, it is no longer reviewed. Reviews are kept in
locales/.glot/review.<lang>.toml; glot status counts them, and
glot build --require reviewed uses nothing else.`,
		Example: `  glot approve --lang es --page ketamine-infusion-therapy.md --by "Dr. A. Ruiz"
  glot approve --lang es ketamine-infusion-therapy-4k3f3lhozakx`,
		RunE: func(c *cobra.Command, args []string) error { return runApprove(g, o, args) },
	}
	c.Flags().StringVar(&o.lang, "lang", "", "the language of the translations")
	nameValue(c.Flags(), "lang", "L")
	c.Flags().StringVar(&o.page, "page", "", "approve every translation of the pages matching `GLOB`")
	c.Flags().BoolVar(&o.all, "all", false, "approve every translation in force")
	c.Flags().StringVar(&o.by, "by", "", "the reviewer's `NAME`, recorded with each review")
	c.Flags().BoolVarP(&o.dryRun, "dry-run", "n", false, "say what would be written, write nothing")
	return c
}

func runApprove(g *glot, o *approveOptions, ids []string) error {
	res, err := g.site().Approve(project.ApproveOptions{Lang: o.lang, IDs: ids, Page: o.page, All: o.all, By: o.by, DryRun: o.dryRun})
	if err != nil {
		return err
	}
	g.sayFiles(res.Root, res.Plan, o.dryRun, false)
	fmt.Fprintf(g.stdout, "glot approve %s: %s marked reviewed\n", res.Lang, report.Plural(res.Count, "translation"))
	return nil
}
