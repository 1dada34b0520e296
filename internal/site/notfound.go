package site

import (
	"fmt"
	"html/template"
	"path"

	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/parallel"
)

// notFoundPage is the name of each language's page for addresses that lead
// nowhere, in that language's folder of the output: public/es/404.html.
// glot serve answers a missing address under /es/ with it, and a host can
// be set to do the same.
const notFoundPage = "404.html"

// writeNotFound writes the 404 page of each language that has a page: the site's layout, in
// that language, with a link to the language's home page and the switcher
// to the other languages' home pages. Its text is the status code and the
// site's title, so that it needs no message of its own to be in the
// language of its folder.
func (b *builder) writeNotFound() error {
	cfg := b.o.Config
	// A language with no page built (incomplete = "skip") has no folder,
	// and gets none for its 404 page.
	var langs []string
	for _, l := range b.all {
		for _, p := range b.pages {
			if v := b.versions[p.Path]; v == nil || v.emitted[l] {
				langs = append(langs, l)
				break
			}
		}
	}
	return parallel.Each(len(langs), func(i int) error {
		lang := langs[i]
		d := b.notFoundData(lang)
		k := newKeyer(b.salt).str("404").str(fmt.Sprintf("%+v", *d))
		return b.put(Output{Name: path.Join(cfg.OutputDir, lang, notFoundPage), Format: "site", Key: k.key()}, func() ([]byte, error) {
			return b.ui.execute(lang, "page.html", d, len(d.Content))
		})
	})
}

// notFoundData is what the layout shows on lang's 404 page, which lies in
// the folder lang/.
func (b *builder) notFoundData(lang string) *PageData {
	cfg := b.o.Config
	home, hasHome := b.homePage()
	homeURL := func(l string) string {
		if hasHome {
			return b.builtURL(l, home)
		}
		return l + "/"
	}
	d := &PageData{
		Lang: lang, Dir: langtag.Dir(lang), SourceLang: cfg.SourceLanguage,
		SiteTitle: b.home[lang], Root: "../", Home: relURL(lang, homeURL(lang)),
		IsPseudo: langtag.IsPseudo(lang), BaseURL: cfg.BaseURL, NotFound: true,
	}
	b.siteTitle(d, lang)
	d.Title = "404"
	if d.SiteTitle != "" {
		d.Title += " · " + d.SiteTitle
	}
	link := d.SiteTitle
	if link == "" {
		link = langtag.Name(lang)
	}
	attrs := ""
	if d.SiteTitleLang != "" {
		attrs += ` lang="` + template.HTMLEscapeString(d.SiteTitleLang) + `"`
	}
	if d.SiteTitleDir != "" {
		attrs += ` dir="` + d.SiteTitleDir + `"`
	}
	d.Content = template.HTML(`<h1>404</h1>` + "\n" + `<p><a href="` + template.HTMLEscapeString(d.Home) + `"` + attrs + `>` + template.HTMLEscapeString(link) + "</a></p>\n")
	langs := b.all
	if hasHome {
		langs = b.emitted(home)
	}
	for _, l := range langs {
		d.Languages = append(d.Languages, Version{Lang: l, Name: langtag.Name(l), Dir: langtag.Dir(l), Href: relURL(lang, homeURL(l)), URL: cfg.BaseURL + homeURL(l), Hreflang: l, Current: l == lang})
	}
	return d
}
