package site

import (
	"fmt"
	"path"

	"github.com/glot-i18n/glot/internal/langtag"
)

// writeRoot writes the output root's index.html, which leads to the
// languages of the home page, and the sitemap, which lists every page
// built with its alternates. Both depend on the plan alone: when it has not
// changed, neither is made again.
func (b *builder) writeRoot() error {
	cfg := b.o.Config
	k := newKeyer(b.salt).str("site")
	for _, p := range b.pages {
		k.str(p.Path)
		for _, l := range siteLangs(cfg) {
			k.str(l).flag(b.versions[p.Path].emitted[l]).str(b.url(l, p))
		}
	}
	k.str(b.home[cfg.SourceLanguage])
	key := k.key()
	if err := b.put(Output{Name: path.Join(cfg.OutputDir, "index.html"), Format: "site", Key: key}, b.chooser); err != nil {
		return err
	}
	first := Output{Name: path.Join(cfg.OutputDir, "sitemap.xml"), Format: "site", Key: newKeyer(key).str("sitemap.xml").key()}
	if b.sink.Kept(first) {
		// The same plan: the same files, however many there are.
		b.kept.Add(1)
		for i := 1; ; i++ {
			name := fmt.Sprintf("sitemap-%d.xml", i)
			if !b.sink.Kept(Output{Name: path.Join(cfg.OutputDir, name), Format: "site", Key: newKeyer(key).str(name).key()}) {
				return nil
			}
			b.kept.Add(1)
		}
	}
	return b.sitemaps(func(name string, data []byte) error {
		return b.put(Output{Name: path.Join(cfg.OutputDir, name), Format: "site", Key: newKeyer(key).str(name).key()}, func() ([]byte, error) { return data, nil })
	})
}

// chooser makes the output root's index.html.
func (b *builder) chooser() ([]byte, error) {
	cfg := b.o.Config
	d := &PageData{
		Lang: cfg.SourceLanguage, Dir: langtag.Dir(cfg.SourceLanguage), SourceLang: cfg.SourceLanguage,
		Title: b.home[cfg.SourceLanguage], Canonical: cfg.BaseURL, BaseURL: cfg.BaseURL,
	}
	if d.Title == "" {
		d.Title = cfg.BaseURL
	}
	langs := siteLangs(cfg)
	home, ok := b.homePage()
	if ok {
		langs = b.emitted(home)
	}
	for _, l := range langs {
		u := l + "/"
		if ok {
			u = b.url(l, home)
		}
		v := Version{Lang: l, Name: langtag.Name(l), Dir: langtag.Dir(l), Href: u, URL: cfg.BaseURL + u, Hreflang: l}
		d.Languages = append(d.Languages, v)
		d.Alternates = append(d.Alternates, v)
	}
	d.Alternates = append(d.Alternates, Version{Hreflang: "x-default", URL: cfg.BaseURL})
	return b.ui.execute(cfg.SourceLanguage, "index.html", d, 0)
}
