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
//	rep, err := site.Build(site.Options{...}, sink)
package site

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/layout"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/pseudo"
	"github.com/glot-i18n/glot/internal/segment"
	"github.com/glot-i18n/glot/internal/verdict"
)

// Sink receives the files of the build. Paths are slash-separated and
// relative to the site's root ("public/es/index.html"). It is called from
// several goroutines at once.
type Sink interface {
	WriteFile(name string, data []byte) error
}

// Options say what to build.
type Options struct {
	Config  *config.Config
	Content fs.FS        // the content folder
	Layouts fs.FS        // the site's layouts folder, or nil
	Locales *locale.Site // the loaded locales folder
	// Langs are the languages to build, the source language included when
	// wanted. Empty means the source language and every target language.
	Langs      []string
	HTML, MD   bool // which outputs to write
	AllowStale bool // use a stale translation rather than the source text
	// RequireReviewed uses only translations a reviewer signed off.
	RequireReviewed bool
	// Rules say what is translatable; nil means glot's defaults.
	Rules *segment.Rules
}

// Report says what the build did.
type Report struct {
	Pages    int
	Files    int
	Langs    []LangReport
	Warnings []string // translations that could not be used, and why
}

// LangReport counts, for one language, the segments that showed source
// text and the pages left out.
type LangReport struct {
	Lang      string
	Segments  int
	Fallbacks int
	Stale     int // stale translations used (with AllowStale)
	Skipped   int // pages below the threshold, not built
}

// Build writes the site.
func Build(o Options, sink Sink) (*Report, error) {
	cfg := o.Config
	pages, assets, err := content.Walk(o.Content)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", cfg.ContentDir, err)
	}
	langs := o.Langs
	if len(langs) == 0 {
		langs = append([]string{cfg.SourceLanguage}, cfg.Languages...)
	}
	set, err := layout.Load(o.Layouts)
	if err != nil {
		return nil, err
	}
	b := &builder{o: o, sink: sink, pages: pages, langs: langs, rep: &Report{Pages: len(pages)}}
	b.pageSet = map[string]content.Page{}
	for _, p := range pages {
		b.pageSet[p.Path] = p
	}
	b.assetSet = map[string]bool{}
	for _, a := range assets {
		b.assetSet[a] = true
	}
	b.tr = map[string]*translator{}
	pol := verdict.Policy{AllowStale: o.AllowStale, RequireReviewed: o.RequireReviewed}
	var src *verdict.Source
	if o.Locales != nil {
		src = verdict.NewSource(o.Locales)
	}
	for _, l := range siteLangs(cfg) {
		if l == cfg.SourceLanguage || o.Locales == nil {
			continue
		}
		// Every language of the site, built or not: a page's other
		// versions are listed from what they would be.
		t, err := newTranslator(o.Locales, src, l, pol)
		if err != nil {
			return nil, err
		}
		b.tr[l] = t
	}
	if b.ui, err = newUI(set, o.Locales, cfg, append(siteLangs(cfg), pseudo.Langs...), b.tr); err != nil {
		return nil, err
	}
	b.stats = make(map[string]*LangReport, len(langs))
	for _, l := range langs {
		b.stats[l] = &LangReport{Lang: l}
	}

	if err := b.run(); err != nil {
		return nil, err
	}
	// Assets: once at the root of the HTML output, where every language
	// links to them; and in each language's Markdown tree, which another
	// site generator takes over whole, so its relative links still work.
	for _, a := range assets {
		if !o.HTML && !o.MD {
			break
		}
		data, err := fs.ReadFile(o.Content, a)
		if err != nil {
			return nil, err
		}
		if o.HTML {
			if err := b.write(path.Join(cfg.OutputDir, a), data); err != nil {
				return nil, err
			}
		}
		if o.MD {
			for _, l := range langs {
				if err := b.write(path.Join(cfg.MarkdownDir, l, a), data); err != nil {
					return nil, err
				}
			}
		}
	}
	if o.HTML && len(o.Langs) == 0 {
		// The language chooser and the sitemap list every language:
		// they are written when the whole site is built.
		if err := b.writeRoot(); err != nil {
			return nil, err
		}
	}
	for _, l := range langs {
		b.rep.Langs = append(b.rep.Langs, *b.stats[l])
		for _, w := range b.ui.warnings {
			if strings.HasPrefix(w, l+": ") {
				b.rep.Warnings = append(b.rep.Warnings, w)
			}
		}
	}
	sort.Strings(b.rep.Warnings)
	return b.rep, nil
}

type builder struct {
	o        Options
	sink     Sink
	ui       *ui
	pages    []content.Page
	pageSet  map[string]content.Page
	assetSet map[string]bool
	langs    []string
	tr       map[string]*translator

	// The plan: the versions of each page, by page path.
	versions map[string]*versions
	home     map[string]string // lang -> title of the home page
	homeLang map[string]string // lang -> the language that title is in

	mu    sync.Mutex
	rep   *Report
	stats map[string]*LangReport
}

func (b *builder) write(name string, data []byte) error {
	if err := b.sink.WriteFile(name, data); err != nil {
		return err
	}
	b.mu.Lock()
	b.rep.Files++
	b.mu.Unlock()
	return nil
}

// run builds every page on all cores: read and segment them all, plan
// their versions, write them.
func (b *builder) run() error {
	infos := make([]*pageInfo, len(b.pages))
	err := parallel(len(b.pages), func(i int) (err error) {
		infos[i], err = b.prepare(b.pages[i])
		return err
	})
	if err != nil {
		return err
	}
	b.plan(infos)
	return parallel(len(infos), func(i int) error {
		err := b.page(infos[i])
		infos[i] = nil // done with it: let the collector have it
		return err
	})
}

// parallel calls f(0) ... f(n-1) on all cores and joins their errors, in
// order.
func parallel(n int, f func(i int) error) error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

// siteLangs is every real language of the site, source first.
func siteLangs(cfg *config.Config) []string {
	return append([]string{cfg.SourceLanguage}, cfg.Languages...)
}
