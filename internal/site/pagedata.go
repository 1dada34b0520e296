package site

import (
	"html/template"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/render"
)

// Version is one language version of a page, for switchers and alternate
// links.
type Version struct {
	Lang     string
	Name     string // the language's name in that language
	Dir      string
	Href     string // relative to the current page
	URL      string // absolute
	Hreflang string
	Current  bool
}

// PageData is what a page layout is executed with.
type PageData struct {
	Lang, Dir   string
	SourceLang  string
	Title       string
	Description string
	SiteTitle   string // the home page's title, in this language
	// SiteTitleLang is the language SiteTitle is in when it is not Lang
	// (it has no translation): for its element's lang attribute.
	SiteTitleLang string
	SiteTitleDir  string        // its direction, when it is not Dir
	Home          string        // relative link to this language's home page
	Content       template.HTML // the page's body
	Canonical     string        // absolute URL of this page; "" for a pseudo-language
	Languages     []Version     // every language version built, for the switcher
	Alternates    []Version     // hreflang alternates, x-default included
	Root          string        // relative path from this page to the output root
	Path          string        // the source page, relative to the content folder
	IsPseudo      bool
	// NotFound says the page is a language's 404 page (notFoundPage):
	// no page's content, and not for search engines.
	NotFound bool
	BaseURL  string
	// Untranslated says the page is below the site's completeness
	// threshold and shows parts in the source language; Outdated that it
	// uses translations made for an earlier version of its source.
	Untranslated, Outdated bool
	ReadingTime            int    // in minutes
	LastUpdated            string // the date, written for the language; "" when unknown
}

func (b *builder) pageData(info *pageInfo, lang, curDir string, tr render.Translator) *PageData {
	cfg := b.o.Config
	v := b.versions[info.page.Path]
	d := &PageData{
		Lang:         lang,
		Dir:          langtag.Dir(lang),
		SourceLang:   cfg.SourceLanguage,
		Title:        info.title(lang, b, tr),
		Description:  description(info, lang, b, tr),
		SiteTitle:    b.home[lang],
		Root:         relURL(curDir, ""),
		Path:         info.page.Path,
		IsPseudo:     langtag.IsPseudo(lang),
		BaseURL:      cfg.BaseURL,
		Canonical:    cfg.BaseURL + b.url(lang, info.page),
		Untranslated: v.percent[lang] < cfg.Build.Threshold,
		Outdated:     v.stale[lang],
		ReadingTime:  info.readingTime(tr),
	}
	if info.HasDate {
		d.LastUpdated = formatDate(b.ui.numbers(lang), info.Date)
	}
	if home, ok := b.homePage(); ok {
		d.Home = relURL(curDir, b.builtURL(lang, home))
	}
	if d.IsPseudo {
		// A pseudo-language is for looking at, not for search engines.
		d.Canonical = ""
	}
	b.siteTitle(d, lang)
	for _, l := range b.emitted(info.page) {
		u := b.url(l, info.page)
		v := Version{Lang: l, Name: langtag.Name(l), Dir: langtag.Dir(l), Href: relURL(curDir, u), URL: cfg.BaseURL + u, Hreflang: l, Current: l == lang}
		d.Languages = append(d.Languages, v)
		if !d.IsPseudo {
			d.Alternates = append(d.Alternates, v)
		}
	}
	if !d.IsPseudo {
		d.Alternates = append(d.Alternates, Version{Hreflang: "x-default", URL: cfg.BaseURL + b.url(cfg.SourceLanguage, info.page)})
	}
	return d
}

// homePage returns the site's home page, if it has one.
func (b *builder) homePage() (content.Page, bool) {
	for _, p := range []string{"index.md", "_index.md", "index.html"} {
		if pg, ok := b.pageSet[p]; ok {
			return pg, true
		}
	}
	return content.Page{}, false
}

// description is the page's description in lang, from its front matter or
// its <meta name="description">.
func description(info *pageInfo, lang string, b *builder, tr render.Translator) string {
	t, _, _ := info.text(lang, b, tr, "description")
	return t
}

// siteTitle names the site on page d in lang: by the title of lang's home
// page, or, where lang has none, of the source language's, marked with
// the language and direction it is in where they are not the page's.
func (b *builder) siteTitle(d *PageData, lang string) {
	cfg := b.o.Config
	if d.SiteTitle == "" {
		d.SiteTitle = b.home[cfg.SourceLanguage]
		d.SiteTitleLang = cfg.SourceLanguage
	} else if in := b.homeLang[lang]; in != lang {
		d.SiteTitleLang = in
	}
	if d.SiteTitleLang != "" && langtag.Dir(d.SiteTitleLang) != d.Dir {
		d.SiteTitleDir = langtag.Dir(d.SiteTitleLang)
	}
}
