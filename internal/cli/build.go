package cli

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/cache"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/site"
	"github.com/glot-i18n/glot/internal/verdict"
)

type buildOptions struct {
	langs      []string
	formats    []string
	formatSet  bool // --format was given
	allowStale bool
	require    string
	shard      string
	force      bool
	strict     bool
}

func newBuildCmd(g *glot) *cobra.Command {
	o := &buildOptions{}
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
			for _, f := range o.formats {
				for _, f := range strings.Split(f, ",") {
					if strings.TrimSpace(f) == "json" {
						g.json = true
					} else {
						outputs = append(outputs, f)
					}
				}
			}
			o.formatSet = c.Flags().Changed("format") && len(outputs) > 0
			if len(outputs) == 0 {
				outputs = []string{"html", "md"}
			}
			o.formats = outputs
			return runBuild(g, o)
		},
	}
	langsFlag(c, &o.langs)
	c.Flags().StringSliceVar(&o.formats, "format", []string{"html", "md"}, "the outputs, HTML pages and Markdown pages; json adds a JSON report on standard output")
	nameValue(c.Flags(), "format", "html,md,json")
	outputFlag(g, c)
	c.Flags().BoolVar(&o.allowStale, "allow-stale", false, "use a translation made for an earlier version of its source rather than the source text")
	c.Flags().StringVar(&o.require, "require", "", "use only translations a reviewer approved (glot approve)")
	nameValue(c.Flags(), "require", "reviewed")
	c.Flags().StringVar(&o.shard, "shard", "", "build only shard I of N of the pages (and the site's own files when I is 1)")
	nameValue(c.Flags(), "shard", "I/N")
	c.Flags().BoolVar(&o.force, "force", false, "make every output again, whatever the last build made")
	c.Flags().BoolVar(&o.strict, "strict", false, "fail, and build nothing, if a translation would be held back (for CI)")
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
func countsLine(lang string, c site.Counts, shard site.Shard, source string) string {
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
		fmt.Fprintf(&b, "; %s shown in %s", andList(shown), source)
	}
	if c.Held > 0 {
		fmt.Fprintf(&b, " (%d held back)", c.Held)
	}
	if c.ShownStale > 0 {
		fmt.Fprintf(&b, "; %d stale shown in an earlier translation", c.ShownStale)
	}
	return b.String()
}

// buildFlags reads the build's flags into site options.
func buildFlags(cfg *config.Config, o *buildOptions) (site.Options, error) {
	var langs []string
	if len(o.langs) > 0 {
		// The source language is a valid choice here: it is built too.
		var targets []string
		for _, f := range o.langs {
			for _, l := range strings.Split(f, ",") {
				if strings.TrimSpace(l) == cfg.SourceLanguage {
					langs = append(langs, cfg.SourceLanguage)
				} else {
					targets = append(targets, l)
				}
			}
		}
		sel, err := selectLangs(cfg, targets, true)
		if err != nil {
			return site.Options{}, err
		}
		if len(targets) > 0 {
			langs = append(langs, sel...)
		}
	}
	switch o.require {
	case "", "translated":
	case "reviewed":
		if o.allowStale {
			return site.Options{}, &usageError{fmt.Errorf("--allow-stale and --require reviewed contradict each other: a stale translation is not reviewed")}
		}
	default:
		return site.Options{}, &usageError{fmt.Errorf("--require %q: give reviewed", o.require)}
	}
	opts := site.Options{Config: cfg, Langs: langs, AllowStale: o.allowStale, RequireReviewed: o.require == "reviewed", Rules: cfg.Rules()}
	for _, f := range o.formats {
		for _, f := range strings.Split(f, ",") {
			switch strings.TrimSpace(f) {
			case "html":
				opts.HTML = true
			case "md":
				opts.MD = true
			default:
				return site.Options{}, &usageError{fmt.Errorf("--format %q: glot build writes html and md", f)}
			}
		}
	}
	if cfg.IsHugo() {
		// A Hugo site's HTML is Hugo's to make, from the Markdown glot
		// writes where Hugo reads it.
		if opts.HTML && (o.formatSet || !opts.MD) {
			return site.Options{}, &usageError{fmt.Errorf("glot build writes no HTML in a Hugo site ([hugo] in %s): it writes each language's pages and i18n file, and hugo builds the site", config.File)}
		}
		if slices.Contains(langs, cfg.SourceLanguage) {
			return site.Options{}, &usageError{fmt.Errorf("--lang %s: the source language's pages are the site's own, in %s/; glot build writes the other languages'", cfg.SourceLanguage, cfg.ContentDir)}
		}
		opts.HTML, opts.MD = false, true
	}
	if o.shard != "" {
		s, err := site.ParseShard(o.shard)
		if err != nil {
			return site.Options{}, &usageError{fmt.Errorf("--shard %w", err)}
		}
		opts.Shard = s
	}
	return opts, nil
}

// andList writes "a, b and c".
func andList(ss []string) string {
	if len(ss) < 2 {
		return strings.Join(ss, "")
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " and " + ss[len(ss)-1]
}

// builtLangs are the languages a Hugo site's build writes: those of
// --lang, or every target language.
func builtLangs(cfg *config.Config, opts site.Options) []string {
	if len(opts.Langs) > 0 {
		return opts.Langs
	}
	return cfg.Languages
}

func shardSuffix(s site.Shard) string {
	if s.N <= 1 {
		return ""
	}
	return fmt.Sprintf("-%d-of-%d", s.I, s.N)
}

// buildCache keeps the build's segments and summaries in the cache
// folder, the segments spread over folders by the first letters of their
// names.
type buildCache struct{ c *cache.Cache }

func (b buildCache) name(key string) string {
	if dir, k, ok := strings.Cut(key, "/"); ok && len(k) > 2 {
		return "build/" + dir + "/" + k[:2] + "/" + k[2:]
	}
	return "build/" + key
}

func (b buildCache) Get(key string) ([]byte, bool) {
	data, err := os.ReadFile(b.c.Path(b.name(key)))
	return data, err == nil
}

func (b buildCache) Put(key string, data []byte) {
	_ = b.c.Put(b.name(key), data) // a cache that cannot be written only costs time
}

// Keep removes the entries of dir, spread over subfolders by name, whose
// keys are not in keep. Files that name no entry (another build's
// temporary files) are left alone.
func (b buildCache) Keep(dir string, keep map[string]bool) {
	top := b.c.Path("build/" + dir)
	subs, err := os.ReadDir(top)
	if err != nil {
		return
	}
	for _, sub := range subs {
		if !sub.IsDir() {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(top, sub.Name()))
		if err != nil {
			continue
		}
		for _, e := range entries {
			if n := e.Name(); !strings.HasPrefix(n, ".") && !keep[dir+"/"+sub.Name()+n] {
				_ = os.Remove(filepath.Join(top, sub.Name(), n))
			}
		}
	}
}

// strict fails, naming each one, if a build under opts would hold back a
// translation of the languages it builds: glot build --strict. It reads
// the tables the build is given.
func (g *glot) strict(cfg *config.Config, opts site.Options) error {
	langs := opts.Langs
	if len(langs) == 0 {
		langs = cfg.Languages
	}
	policy := verdict.Policy{AllowStale: opts.AllowStale, RequireReviewed: opts.RequireReviewed}
	src, held := opts.Source, 0
	for _, l := range langs {
		t := opts.Tables[l]
		if t == nil {
			continue // the source language, a pseudo-language, or nothing extracted
		}
		var idx []int
		for i := range src.IDs() {
			if t.HoldsBack(i, policy) {
				idx = append(idx, i)
			}
		}
		ms, err := src.Messages(idx)
		if err != nil {
			return err
		}
		for k, e := range t.Entries(idx) {
			if p := e.Problem(policy); p != nil {
				where := ""
				if ms[k].Page != "" {
					where = fmt.Sprintf("%s:%d: ", path.Join(cfg.ContentDir, ms[k].Page), ms[k].Line)
				}
				fmt.Fprintf(g.stderr, "glot: %s%s: message %s: held back: %s\n", where, t.Lang, ms[k].ID, p)
				held++
			}
		}
		if err := t.Err(); err != nil {
			return err
		}
	}
	if held > 0 {
		fmt.Fprintf(g.stderr, "glot: build --strict: %s held back; nothing built (glot approve releases a translation that is right)\n", plural(held, "translation"))
		return silentError{}
	}
	return nil
}
