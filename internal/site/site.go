// Package site owns `glot build`: every page of a site in every language,
// as HTML through a layout and as Markdown, with the switcher, alternate
// links, root language chooser and sitemap that tie the languages together.
//
// A build has three steps. Every page is read and segmented, on all cores,
// before anything is written: a broken page stops the build with no file
// written. Then the versions are planned: which language versions of each
// page are built (a page below the completeness threshold may be left
// out), at which URL (a translated slug gives one of its own), so that
// every switcher, alternate link and sitemap entry names exactly the
// versions that exist. Then each page is written in each language, page by
// page on all cores, its output going to the Sink as it is made, so memory
// holds the plan and a few pages, not the site.
//
// A build is incremental. Each output has a key: a hash of everything it is
// made from (the page's bytes, what the compiled catalogs show for each of
// its messages, the versions of the pages it links to, the layout, the
// configuration, glot itself). The Sink remembers the key each output was
// last made under, and an output whose key has not changed is not made
// again. Segmenting a page is cached by the hash of its bytes.
//
//	rep, err := site.Build(site.Options{...}, sink)
package site

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/layout"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/parallel"
	"github.com/glot-i18n/glot/internal/segment"
	"github.com/glot-i18n/glot/internal/verdict"
)

// Output is one file of the build.
type Output struct {
	// Name is its path, slash-separated and relative to the site's root
	// ("public/es/index.html").
	Name string
	// Page is the page it is made from, in the content folder; "" for the
	// files of the whole site (the language chooser, the sitemap).
	Page string
	// Lang is its language; "" for an asset, which all share.
	Lang string
	// Format is "html" or "md" for a page, "asset" for a copy of an asset,
	// "site" for the files of the whole site, "i18n" for a Hugo site's
	// interface text in one language.
	Format string
	// Key is a hash of everything it is made from.
	Key Key
}

// Sink receives the build's outputs. It is called from several goroutines
// at once.
type Sink interface {
	// Kept reports whether out is as the last build left it, made under
	// the same key: the build then does not make it again.
	Kept(out Output) bool
	// Write writes out.
	Write(out Output, data []byte) error
}

// Cache keeps what the build can make again: the segments of each page,
// by a hash of its bytes. It is called from several goroutines at once.
// A key is a folder and a name, "segments/3f9a...".
type Cache interface {
	Get(key string) ([]byte, bool)
	Put(key string, data []byte)
	// Keep removes the entries of folder dir whose keys are not in
	// keep: those of a page's bytes that no page has any more.
	Keep(dir string, keep map[string]bool)
}

// Options say what to build.
type Options struct {
	Config  *config.Config
	Content fs.FS // the content folder
	Layouts fs.FS // the site's layouts folder, or nil
	// Source and Tables are the compiled catalogs: the source, and a
	// table for each language of the site that has one, by tag. Without
	// a Source, every page shows its source text.
	Source *verdict.Source
	Tables map[string]*verdict.Table
	// Locales, when Source is nil, is a loaded locales folder to compile
	// them from.
	Locales *locale.Site
	// Langs are the languages to build, the source language included when
	// wanted. Empty means the source language and every target language.
	Langs      []string
	HTML, MD   bool // which outputs to write
	AllowStale bool // use a stale translation rather than the source text
	// RequireReviewed uses only translations a reviewer signed off.
	RequireReviewed bool
	// Marks says, in every HTML output of a page, where each of its
	// messages stands (data-glot-id), for the in-page editor (see the
	// doc comment of marks.go).
	Marks bool
	// Rules say what is translatable; nil means glot's defaults.
	Rules *segment.Rules
	// Shard, when N > 1, builds only the pages (and assets) whose shard
	// Of gives, and the files of the whole site only in shard 1.
	Shard Shard
	// Hash returns a hash of the bytes of a file of the content folder;
	// nil reads and hashes them.
	Hash func(name string) ([32]byte, error)
	// Cache keeps the segments of each page; nil keeps nothing.
	Cache Cache
	// Salt is mixed into every key: what else the outputs depend on that
	// the build cannot see, such as the version of glot.
	Salt []byte
	// Progress, if set, is called as pages are done.
	Progress func(done, total int)
	// HugoI18n are the interface messages of a Hugo site (Config.IsHugo)
	// in the source language, as its i18n files define them now: the
	// build writes their translations into each language's i18n file.
	HugoI18n []*catalog.Message
}

// Report says what the build did.
type Report struct {
	Pages    int
	Files    int // outputs written
	Kept     int // outputs that were already as they should be
	Langs    []LangReport
	Warnings []string // translations that could not be used, and why
	// InScope says whether an output of an earlier build is one this
	// build would make: one it did not make belongs to a page, asset or
	// language version that is gone, and can be removed.
	InScope func(out Output) bool
	// URLs, in a build with Marks (glot edit's), say where each page
	// (by its path in the content folder) is in each language, from the
	// output root, as this build made it ("de/guide/setup/"): its version
	// in the language, or the source language's when it was not built in
	// it.
	URLs map[string]map[string]string
}

// LangReport counts, for one language built, its messages by state, what
// its pages show of them, and the pages left out. The source language's
// counts are zero.
type LangReport struct {
	Lang string
	Counts
	Skipped int // pages below the threshold, not built (in a Hugo site, not written)
}

// Build writes the site.
func Build(o Options, sink Sink) (*Report, error) {
	cfg := o.Config
	exclude, err := content.NewExclude(cfg.Content.Exclude)
	if err != nil {
		return nil, err
	}
	pages, assets, err := content.WalkExcluding(o.Content, exclude)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", cfg.ContentDir, err)
	}
	set, err := layout.Load(o.Layouts)
	if err != nil {
		return nil, err
	}
	if o.Source == nil && o.Locales != nil && o.Locales.HasSource {
		if o.Source, o.Tables, err = compileAll(o.Locales, cfg); err != nil {
			return nil, err
		}
	}
	b := newBuilder(o, sink, pages, assets)
	if b.ui, err = newUI(set, o.Source, cfg, append(siteLangs(cfg), langtag.Pseudo()...), o.Tables, b.policy); err != nil {
		return nil, err
	}
	b.salt = b.globalKey(set)
	if err := b.run(); err != nil {
		return nil, err
	}
	return b.report(), nil
}

// buildLangs are the languages o builds: those asked for, or the source
// language and every target language. A Hugo site's source language is
// Hugo's own to build: the build writes the other languages'.
func buildLangs(o Options) []string {
	cfg := o.Config
	langs := o.Langs
	if len(langs) == 0 {
		langs = append([]string{cfg.SourceLanguage}, cfg.Languages...)
	}
	if cfg.IsHugo() {
		langs = slices.DeleteFunc(slices.Clone(langs), func(l string) bool { return l == cfg.SourceLanguage })
	}
	return langs
}

// newBuilder is the builder of the site of pages and assets, with the sets
// that links are looked up in and a report to fill in.
func newBuilder(o Options, sink Sink, pages []content.Page, assets []string) *builder {
	langs := buildLangs(o)
	b := &builder{o: o, sink: sink, pages: pages, assets: assets, langs: langs, all: siteLangs(o.Config), rep: &Report{Pages: len(pages)}}
	b.policy = verdict.Policy{AllowStale: o.AllowStale, RequireReviewed: o.RequireReviewed}
	b.pageSet, b.linkSet = linkSets(pages)
	b.assetSet = make(map[string]bool, len(assets))
	for _, a := range assets {
		b.assetSet[a] = true
	}
	b.stats = make(map[string]*LangReport, len(langs))
	for _, l := range langs {
		b.stats[l] = &LangReport{Lang: l}
	}
	return b
}

// report finishes the build's report: each language's counts of
// messages, and the warnings, sorted.
func (b *builder) report() *Report {
	idx, unknown := b.messageSet()
	for _, l := range b.langs {
		if l != b.o.Config.SourceLanguage {
			b.stats[l].Counts = countMessages(l, b.o.Tables[l], idx, unknown, b.policy)
		}
		b.rep.Langs = append(b.rep.Langs, *b.stats[l])
		for _, w := range b.ui.warnings {
			if strings.HasPrefix(w, l+": ") {
				b.rep.Warnings = append(b.rep.Warnings, w)
			}
		}
	}
	sort.Strings(b.rep.Warnings)
	b.rep.InScope = b.inScope
	if b.o.Marks {
		b.rep.URLs = make(map[string]map[string]string, len(b.pages))
		for _, p := range b.pages {
			b.rep.URLs[p.Path] = make(map[string]string, len(b.langs))
			for _, l := range b.langs {
				b.rep.URLs[p.Path][l] = b.builtURL(l, p)
			}
		}
	}
	return b.rep
}

// compileAll compiles the catalogs of every language of the site, in
// memory.
func compileAll(s *locale.Site, cfg *config.Config) (*verdict.Source, map[string]*verdict.Table, error) {
	src, ts, err := verdict.CompileLangs(s, cfg.Languages)
	if err != nil {
		return nil, nil, err
	}
	tables := map[string]*verdict.Table{}
	for _, t := range ts {
		tables[t.Lang] = t
	}
	return src, tables, nil
}

type builder struct {
	o        Options
	sink     Sink
	ui       *ui
	policy   verdict.Policy
	pages    []content.Page
	assets   []string
	pageSet  map[string]content.Page
	linkSet  map[string]content.Page // what a link's path names (see findPage)
	assetSet map[string]bool
	langs    []string
	all      []string // the site's languages, source first: siteLangs, made once
	salt     Key

	// The plan: what is known of each page, and its versions.
	sums     map[string]*summary
	versions map[string]*versions
	home     map[string]string // lang -> title of the home page
	homeLang map[string]string // lang -> the language that title is in

	mu    sync.Mutex
	rep   *Report
	stats map[string]*LangReport
	files atomic.Int64
	kept  atomic.Int64
}

// put hands an output to the sink, unless the sink has it already; make
// makes its bytes.
func (b *builder) put(out Output, make func() ([]byte, error)) error {
	if b.sink.Kept(out) {
		b.kept.Add(1)
		return nil
	}
	data, err := make()
	if err != nil {
		return err
	}
	if err := b.sink.Write(out, data); err != nil {
		return err
	}
	b.files.Add(1)
	return nil
}

// run builds the site: the summary of every page, the plan, then every
// page of this shard in every language, on all cores.
func (b *builder) run() error {
	if err := b.summarize(); err != nil {
		return err
	}
	if b.o.HTML {
		if err := b.checkShortcodes(); err != nil {
			return err
		}
	}
	if err := b.plan(); err != nil {
		return err
	}
	var mine []content.Page
	for _, p := range b.pages {
		if b.o.Shard.Has(p.Path) {
			mine = append(mine, p)
		}
	}
	var done atomic.Int64
	err := parallel.Each(len(mine), func(i int) error {
		err := b.page(mine[i])
		if b.o.Progress != nil {
			b.o.Progress(int(done.Add(1)), len(mine))
		}
		return err
	})
	if err != nil {
		return err
	}
	if err := b.writeAssets(); err != nil {
		return err
	}
	if b.o.Config.IsHugo() && b.o.MD && b.o.Shard.Site() {
		if err := b.writeI18n(); err != nil {
			return err
		}
	}
	if b.o.HTML && len(b.o.Langs) == 0 && b.o.Shard.Site() {
		// The language chooser and the sitemap list every language:
		// they are written when the whole site is built.
		if err := b.writeRoot(); err != nil {
			return err
		}
		if err := b.writeNotFound(); err != nil {
			return err
		}
	}
	b.rep.Files, b.rep.Kept = int(b.files.Load()), int(b.kept.Load())
	return nil
}

// writeAssets copies the assets of this shard: once to the root of the
// HTML output, where every language links to them, and into each
// language's Markdown tree, which another site generator takes over
// whole, so its relative links still work.
func (b *builder) writeAssets() error {
	if !b.o.HTML && !b.o.MD {
		return nil
	}
	var mine []string
	for _, a := range b.assets {
		if b.o.Shard.Has(a) {
			mine = append(mine, a)
		}
	}
	cfg := b.o.Config
	return parallel.Each(len(mine), func(i int) error {
		a := mine[i]
		sum, err := b.hash(a)
		if err != nil {
			return err
		}
		k := newKeyer(b.salt).str("asset").raw(sum[:]).key()
		read := func() ([]byte, error) { return fs.ReadFile(b.o.Content, a) }
		if b.o.HTML {
			if err := b.put(Output{Name: path.Join(cfg.OutputDir, a), Page: a, Format: "asset", Key: k}, read); err != nil {
				return err
			}
		}
		if b.o.MD {
			for _, l := range b.langs {
				if err := b.put(Output{Name: b.markdownName(l, a), Page: a, Lang: l, Format: "asset", Key: k}, read); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// inScope reports whether an output of an earlier build is one this
// build makes, or would make if its page still existed.
func (b *builder) inScope(out Output) bool {
	switch out.Format {
	case "site":
		return b.o.HTML && len(b.o.Langs) == 0 && b.o.Shard.Site()
	case "asset":
		if !b.o.Shard.Has(out.Page) {
			return false
		}
		if out.Lang == "" {
			return b.o.HTML
		}
		return b.o.MD && b.building(out.Lang)
	case "html", "md":
		return (out.Format == "html" && b.o.HTML || out.Format == "md" && b.o.MD) && b.building(out.Lang) && b.o.Shard.Has(out.Page)
	case "i18n":
		return b.o.Config.IsHugo() && b.o.MD && b.building(out.Lang) && b.o.Shard.Site()
	}
	return false
}

func (b *builder) building(lang string) bool {
	for _, l := range b.langs {
		if l == lang {
			return true
		}
	}
	return false
}

// siteLangs is every real language of the site, source first.
func siteLangs(cfg *config.Config) []string {
	return append([]string{cfg.SourceLanguage}, cfg.Languages...)
}
