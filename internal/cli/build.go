package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/project"
	"github.com/glot-i18n/glot/internal/report"
)

func newBuildCmd(g *glot) *cobra.Command {
	o := &project.BuildOptions{}
	var formats []string
	c := &cobra.Command{
		Use:   "build",
		Short: "Build every page in every language, as HTML and as Markdown",
		Long: `Build writes every page in the source language and in every target language:
HTML through the layout (the site's layouts/page.html, or glot's own) into the
output folder, and Markdown into the Markdown folder. A segment without a
current translation shows its source text.

A build makes again only what changed since the last one, and writes a file
only when its bytes changed; it removes the outputs of pages that are gone.
What it remembers is in .glot-cache/; --force makes everything again.

A translation that fails a blocking check (a number, an address or link, a
required glossary term, a hidden character) is held back: its segment shows
the source text, marked in the source language, and the build names it.
glot approve releases it; --strict fails the build instead.

--shard I/N builds only shard I of N of the pages (chosen by a hash of each
page's path), and the files of the whole site in shard 1: N machines build a
large site together, and their outputs add up to the whole build.

In a Hugo site (a [hugo] section in glot.toml) build writes no HTML: it
writes each language's pages into its content folder and its interface text
into i18n/<lang>.toml, where Hugo reads them, and hugo builds the site.`,
		Example: `  glot build
  glot build --lang es --format html
  glot build --allow-stale
  glot build --strict
  glot build --shard 2/4`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			// json is the report's format; html and md are the outputs,
			// both unless one is named.
			var outputs []string
			for _, f := range formats {
				for _, f := range strings.Split(f, ",") {
					if strings.TrimSpace(f) == "json" {
						g.json = true
					} else {
						outputs = append(outputs, f)
					}
				}
			}
			o.FormatsGiven = c.Flags().Changed("format") && len(outputs) > 0
			if len(outputs) == 0 {
				outputs = []string{"html", "md"}
			}
			o.Formats = outputs
			return runBuild(g, *o)
		},
	}
	langsFlag(c, &o.Langs)
	c.Flags().StringSliceVar(&formats, "format", []string{"html", "md"}, "the outputs, HTML pages and Markdown pages; json adds a JSON report on standard output")
	nameValue(c.Flags(), "format", "html,md,json")
	outputFlag(g, c)
	c.Flags().BoolVar(&o.AllowStale, "allow-stale", false, "use a translation made for an earlier version of its source rather than the source text")
	c.Flags().StringVar(&o.Require, "require", "", "use only translations a reviewer approved (glot approve)")
	nameValue(c.Flags(), "require", "reviewed")
	c.Flags().StringVar(&o.Shard, "shard", "", "build only shard I of N of the pages (and the site's own files when I is 1)")
	nameValue(c.Flags(), "shard", "I/N")
	c.Flags().BoolVar(&o.Force, "force", false, "make every output again, whatever the last build made")
	c.Flags().BoolVar(&o.Strict, "strict", false, "fail, and build nothing, if a translation would be held back (for CI)")
	return c
}

// buildDone is what glot build --format json says.
type buildDone struct {
	NothingChanged bool   `json:"nothing_changed"`
	Pages          int    `json:"pages"`
	FilesWritten   int    `json:"files_written"`
	FilesKept      int    `json:"files_kept"`
	FilesRemoved   int    `json:"files_removed"`
	Shard          string `json:"shard,omitempty"`
	// Extracted are the pages changed since the last glot extract, which
	// the build extracted first.
	Extracted []string    `json:"extracted,omitempty"`
	Languages []buildLang `json:"languages"`
	Warnings  []string    `json:"warnings"`
}

// buildLang counts, for one language built, its pages and its messages,
// as glot status counts them (see site.Counts).
type buildLang struct {
	Lang          string `json:"lang"`
	PagesWritten  int    `json:"pages_written"`
	PagesKept     int    `json:"pages_kept"`
	PagesSkipped  int    `json:"pages_skipped"`
	Messages      int    `json:"messages"`
	Translated    int    `json:"translated"`
	Reviewed      int    `json:"reviewed"`
	Stale         int    `json:"stale"`
	Missing       int    `json:"missing"`
	Held          int    `json:"held"`
	ShownInSource int    `json:"shown_in_source"`
	ShownStale    int    `json:"shown_stale"`
}

// countsLine says a language's counts in a line of glot build's:
// "de: 34 of 52 messages translated; 18 missing shown in en".
func countsLine(lang string, c project.Counts, shard project.Shard, source string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d of %d messages", lang, c.Translated, c.Messages)
	if shard.N > 1 {
		fmt.Fprintf(&b, " of shard %s", shard)
	}
	b.WriteString(" translated")
	var shown []string
	for _, x := range []struct {
		n    int
		what string
	}{{c.MissingInSource, "missing"}, {c.StaleInSource, "stale"}, {c.Unreviewed, "not reviewed"}} {
		if x.n > 0 {
			shown = append(shown, fmt.Sprintf("%d %s", x.n, x.what))
		}
	}
	if len(shown) > 0 {
		fmt.Fprintf(&b, "; %s shown in %s", report.AndList(shown), source)
	}
	if c.Held > 0 {
		fmt.Fprintf(&b, " (%d held back)", c.Held)
	}
	if c.ShownStale > 0 {
		fmt.Fprintf(&b, "; %d stale shown in an earlier translation", c.ShownStale)
	}
	return b.String()
}

func runBuild(g *glot, o project.BuildOptions) error {
	res, err := g.site().Build(o)
	var held *project.HeldBack
	if errors.As(err, &held) {
		for _, l := range held.Lines {
			fmt.Fprintf(g.stderr, "glot: %s\n", l)
		}
		fmt.Fprintf(g.stderr, "glot: build --strict: %v\n", held)
		return silentError{}
	}
	if err != nil {
		return err
	}
	if res.NothingChanged {
		if g.json {
			return g.writeJSON(buildDone{NothingChanged: true, Extracted: res.Extracted, Languages: []buildLang{}, Warnings: append([]string{}, g.warnings...)})
		}
		fmt.Fprintf(g.stdout, "glot build: nothing changed since the last build\n")
		return nil
	}
	return g.sayBuilt(res)
}

// sayBuilt says what the build did: its warnings, then its files and
// each language's counts, in text or in JSON.
func (g *glot) sayBuilt(res *project.Built) error {
	cfg := res.Config
	for _, w := range res.Warnings {
		g.warnf("%s", w)
	}
	if g.json {
		return g.writeJSON(g.built(res))
	}
	fmt.Fprintf(g.stdout, "glot build: %s in %s, %s in %s", report.Plural(res.Pages, "page"), report.Plural(len(res.Langs), "language"), report.Plural(res.Files, "file"), report.AndList(res.Where))
	if res.Kept > 0 {
		fmt.Fprintf(g.stdout, " (%d unchanged)", res.Kept)
	}
	if res.Shard.N > 1 {
		fmt.Fprintf(g.stdout, ", shard %s", res.Shard)
	}
	if cfg.IsHugo() {
		fmt.Fprintf(g.stdout, "; no HTML: this is a Hugo site, which hugo builds")
	}
	fmt.Fprintln(g.stdout)
	for _, l := range res.Langs {
		if l.Messages == 0 {
			continue
		}
		fmt.Fprintf(g.stdout, "  %s", countsLine(l.Lang, l.Counts, res.Shard, cfg.SourceLanguage))
		if l.Skipped > 0 && res.HTML {
			fmt.Fprintf(g.stdout, "; %s below the %d %% threshold left out of %s/", report.Plural(l.Skipped, "page"), cfg.Build.Threshold, cfg.OutputDir)
		}
		if l.Skipped > 0 && cfg.IsHugo() {
			fmt.Fprintf(g.stdout, "; %s below the %d %% threshold left out of %s/, for Hugo to show in %s", report.Plural(l.Skipped, "page"), cfg.Build.Threshold, cfg.HugoDir(l.Lang), cfg.SourceLanguage)
		}
		fmt.Fprintln(g.stdout)
	}
	return nil
}

// built is what the build did, for --format json.
func (g *glot) built(res *project.Built) buildDone {
	done := buildDone{Extracted: res.Extracted, Pages: res.Pages, FilesWritten: res.Files, FilesKept: res.Kept, FilesRemoved: res.Removed,
		Languages: []buildLang{}, Warnings: append([]string{}, g.warnings...)}
	if res.Shard.N > 1 {
		done.Shard = res.Shard.String()
	}
	for _, l := range res.Langs {
		bl := buildLang{Lang: l.Lang, Messages: l.Messages, Translated: l.Translated, Reviewed: l.Reviewed, Stale: l.Stale,
			Missing: l.Missing, Held: l.Held, ShownInSource: l.ShownInSource, ShownStale: l.ShownStale, PagesSkipped: l.Skipped}
		bl.PagesWritten, bl.PagesKept = res.PagesOf(l.Lang)
		done.Languages = append(done.Languages, bl)
	}
	return done
}
