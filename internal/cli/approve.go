package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/merge"
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
	cfg, err := g.config()
	if err != nil {
		return err
	}
	given := 0
	for _, b := range []bool{len(ids) > 0, o.page != "", o.all} {
		if b {
			given++
		}
	}
	if given != 1 {
		return &usageError{fmt.Errorf("name the messages to approve, or give --page GLOB, or --all: one of the three")}
	}
	if err := g.lockFor(cfg, o.dryRun, false); err != nil {
		return err
	}
	site, l, err := g.oneLang(cfg, "approve", o.lang)
	if err != nil {
		return err
	}
	p, n, err := merge.Approve(site, l, merge.Approval{IDs: ids, Page: o.page, All: o.all, By: o.by})
	if err != nil {
		return err
	}
	if err := g.apply(g.path(cfg.LocalesDir), p, o.dryRun, false); err != nil {
		return err
	}
	fmt.Fprintf(g.stdout, "glot approve %s: %s marked reviewed\n", l.Tag, plural(n, "translation"))
	return nil
}
