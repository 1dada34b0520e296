// Package site owns `glot build`: every page of a site in every language,
// as HTML through a layout and as Markdown, with the switcher, alternate
// links, root language chooser and sitemap that tie the languages together.
//
// Work is done page by page on all cores: a page is read and segmented once,
// then written in each language. Output goes to a Sink as it is produced, so
// memory holds a few pages at a time, not the site.
//
//	rep, err := site.Build(site.Options{...}, sink)
package site

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/extract"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/pseudo"
	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/segment"
)

//go:embed layouts/*.html
var defaultLayouts embed.FS

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
// text.
type LangReport struct {
	Lang      string
	Segments  int
	Fallbacks int
	Stale     int // stale translations used (with AllowStale)
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
	layouts, err := loadLayouts(o.Layouts)
	if err != nil {
		return nil, err
	}
	b := &builder{o: o, sink: sink, layouts: layouts, pages: pages, langs: langs, rep: &Report{Pages: len(pages)}}
	b.pageSet = map[string]content.Page{}
	for _, p := range pages {
		b.pageSet[p.Path] = p
	}
	b.assetSet = map[string]bool{}
	for _, a := range assets {
		b.assetSet[a] = true
	}
	b.tr = map[string]*translator{}
	for _, l := range langs {
		if l == cfg.SourceLanguage || pseudo.Is(l) {
			continue
		}
		t, err := newTranslator(o.Locales, l, o.AllowStale, o.RequireReviewed)
		if err != nil {
			return nil, err
		}
		b.tr[l] = t
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
	if o.HTML {
		if len(o.Langs) == 0 {
			// The language chooser and the sitemap list every language:
			// they are written when the whole site is built.
			if err := b.writeRoot(); err != nil {
				return nil, err
			}
		}
	}
	for _, l := range langs {
		b.rep.Langs = append(b.rep.Langs, *b.stats[l])
	}
	sort.Strings(b.rep.Warnings)
	return b.rep, nil
}

type builder struct {
	o        Options
	sink     Sink
	layouts  *template.Template
	pages    []content.Page
	pageSet  map[string]content.Page
	assetSet map[string]bool
	langs    []string
	tr       map[string]*translator

	mu    sync.Mutex
	rep   *Report
	stats map[string]*LangReport
	home  map[string]string // lang -> title of the home page
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

func (b *builder) warn(s string) {
	b.mu.Lock()
	b.rep.Warnings = append(b.rep.Warnings, s)
	b.mu.Unlock()
}

// run builds every page on all cores. Every page is read and segmented
// before anything is written, so a page with an error stops the build with
// no file written.
func (b *builder) run() error {
	infos := make([]*pageInfo, len(b.pages))
	err := parallel(len(b.pages), func(i int) (err error) {
		infos[i], err = b.prepare(b.pages[i])
		return err
	})
	if err != nil {
		return err
	}
	// The home page's title names the site in each language's header.
	b.home = map[string]string{}
	for _, info := range infos {
		if info.page.Path == "index.md" || info.page.Path == "_index.md" {
			for _, l := range b.langs {
				b.home[l] = info.title(l, b)
			}
		}
	}
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

// pageInfo is what is worked out once per page, whatever the language.
type pageInfo struct {
	page       content.Page
	src        []byte
	segs       []segment.Segment
	headingIDs [][]byte // the id of each heading, from the source text
	document   bool     // an HTML page that is a whole document
}

func (b *builder) prepare(p content.Page) (*pageInfo, error) {
	sp, src, err := extract.Segment(b.o.Content, p, b.o.Rules)
	if err != nil {
		return nil, fileerr.InFile(path.Join(b.o.Config.ContentDir, p.Path), err)
	}
	info := &pageInfo{page: p, src: src, segs: sp.Segments}
	if p.Kind == content.Markdown {
		fm, _ := content.SplitFrontMatter(src)
		info.headingIDs = headingIDs(src[fm.Body:])
	} else {
		info.document = segment.IsDocument(src)
	}
	return info, nil
}

// translator returns what translates info's page into lang: the catalog,
// a pseudo-translation, or nothing for the source language.
func (b *builder) translator(lang string, info *pageInfo) render.Translator {
	if pseudo.Is(lang) {
		t := pseudoTranslator{}
		for _, s := range info.segs {
			t[s.ID] = pseudo.Translate(lang, s.Text)
		}
		return t
	}
	if t := b.tr[lang]; t != nil {
		return t
	}
	return nil
}

// pseudoTranslator holds the pseudo-translations of one page.
type pseudoTranslator map[string]string

func (p pseudoTranslator) Lookup(id string) (string, bool) { s, ok := p[id]; return s, ok }

func (b *builder) page(info *pageInfo) error {
	p := info.page
	cfg := b.o.Config
	for _, l := range b.langs {
		out := info.src
		if tr := b.translator(l, info); tr != nil {
			var fb []render.Fallback
			out, fb = render.Splice(info.src, info.segs, tr)
			b.count(l, info, fb)
		}
		if b.o.MD {
			md := out
			if info.document {
				// The content tree's copy of a document says its language
				// too; links and head stay for the generator to make.
				md = localizeLang(out, l)
			}
			if err := b.write(path.Join(cfg.MarkdownDir, l, p.Path), md); err != nil {
				return err
			}
		}
		if b.o.HTML {
			html, err := b.html(info, l, out)
			if err != nil {
				return fileerr.InFile(path.Join(cfg.ContentDir, p.Path), err)
			}
			if err := b.write(path.Join(cfg.OutputDir, outputPath(l, p)), html); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *builder) count(lang string, info *pageInfo, fb []render.Fallback) {
	b.mu.Lock()
	defer b.mu.Unlock()
	st := b.stats[lang]
	st.Segments += len(info.segs)
	st.Fallbacks += len(fb)
	for _, f := range fb {
		if f.Reason != "missing" {
			s := info.segs[f.Segment]
			b.rep.Warnings = append(b.rep.Warnings, fmt.Sprintf("%s:%d: %s: message %s: %s; built from the source text",
				path.Join(b.o.Config.ContentDir, info.page.Path), s.Line, lang, s.ID, f.Reason))
		}
	}
	if tr := b.tr[lang]; tr != nil && tr.allowStale {
		for _, s := range info.segs {
			if tr.stale[s.ID] {
				st.Stale++
			}
		}
	}
}

// title returns the page's title in lang: its front matter title or HTML
// <title>, else its first top-level heading, else its file name.
func (info *pageInfo) title(lang string, b *builder) string {
	for _, kinds := range [][]string{{"title"}, {"h1"}, {"h2", "h3", "h4", "h5", "h6"}} {
		if t, ok := info.text(lang, b, kinds...); ok {
			return t
		}
	}
	return strings.TrimSuffix(path.Base(info.page.Path), path.Ext(info.page.Path))
}

// text returns, as plain text in lang, the first segment of the page of
// one of kinds.
func (info *pageInfo) text(lang string, b *builder, kinds ...string) (string, bool) {
	for i := range info.segs {
		s := &info.segs[i]
		if !slices.Contains(kinds, s.Kind) {
			continue
		}
		text := s.Text
		if tr := b.translator(lang, info); tr != nil {
			if t, ok := tr.Lookup(s.ID); ok && render.Fits(s, t) {
				text = t
			}
		}
		return render.PlainText(s, text), true
	}
	return "", false
}

// outputPath is where the HTML of page p in lang goes, in the output folder:
// content/P.md at lang/P/index.html, an index page at its folder's
// index.html, content/P.html at lang/P.html.
func outputPath(lang string, p content.Page) string {
	if p.Kind == content.HTML {
		return path.Join(lang, p.Path)
	}
	return path.Join(lang, pageDir(p.Path), "index.html")
}

// pageDir is the folder, in a language's output, whose index.html is the
// Markdown page p.
func pageDir(p string) string {
	dir, file := path.Split(p)
	stem := strings.TrimSuffix(file, path.Ext(file))
	if stem == "index" || stem == "_index" {
		return path.Clean(dir)
	}
	return path.Join(dir, stem)
}

func loadLayouts(site fs.FS) (*template.Template, error) {
	t := template.New("")
	for _, name := range []string{"page.html", "index.html"} {
		data, err := fs.ReadFile(defaultLayouts, "layouts/"+name)
		if err != nil {
			return nil, err
		}
		file := "glot's default layout " + name
		if site != nil {
			if own, err := fs.ReadFile(site, name); err == nil {
				data, file = own, "layouts/"+name
			} else if !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
		}
		if _, err := t.New(name).Parse(string(data)); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
	}
	return t, nil
}

func execute(t *template.Template, name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
