package cli

import (
	"github.com/spf13/cobra"
)

type reviewOptions struct {
	lang   string
	output string
}

func newReviewCmd(g *glot) *cobra.Command {
	o := &reviewOptions{}
	c := &cobra.Command{
		Use:   "review",
		Short: "Write a bilingual HTML page for reviewers: source and translation side by side",
		Long: `Review writes self-contained HTML with every page of the site, block by
block, the source beside its translation into one language; missing and
stale translations and the findings of glot check are marked. It is for
reviewers, clinicians say, who will never open a catalog. Mark what they
signed off with glot approve, or with the Approve buttons of the review
that glot serve shows at /__glot/review/<lang>/.

With -o FILE, a site of more than 2,000 messages gets an index at FILE and
one file per page in the folder named after FILE without its extension
(review.es.html and review.es/), each of which a browser opens at once; a
smaller site, or standard output, gets one file.`,
		Example: `  glot review --lang es -o review.es.html`,
		Args:    cobra.NoArgs,
		RunE:    func(c *cobra.Command, args []string) error { return runReview(g, o) },
	}
	c.Flags().StringVar(&o.lang, "lang", "", "the language to review")
	nameValue(c.Flags(), "lang", "L")
	c.Flags().StringVarP(&o.output, "output", "o", "", "write the page to `FILE` instead of standard output")
	return c
}

func runReview(g *glot, o *reviewOptions) error {
	name, layout := reportName(o.output, "")
	r, err := g.site().Review(o.lang, name, layout, nil)
	if err != nil {
		return err
	}
	files, err := r.Files()
	if err != nil {
		return err
	}
	return g.outputFiles(o.output, files)
}
