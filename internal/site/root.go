package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"path"
	"strings"

	"github.com/glot-i18n/glot/internal/content"
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
	maps := b.sitemaps()
	for i, m := range maps {
		name := "sitemap.xml" // the only one, or the index
		if i > 0 {
			name = fmt.Sprintf("sitemap-%d.xml", i)
		}
		if err := b.put(Output{Name: path.Join(cfg.OutputDir, name), Format: "site", Key: newKeyer(key).str(name).key()}, func() ([]byte, error) { return m(), nil }); err != nil {
			return err
		}
	}
	return nil
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
	return b.ui.execute(cfg.SourceLanguage, "index.html", d)
}

// The limits of one sitemap file, as sitemaps.org sets them.
const (
	sitemapURLs  = 50000
	sitemapBytes = 50 << 20
)

// sitemaps returns the makers of the sitemap: one file listing every
// version built of every page, each with the others and itself as
// alternates and x-default; or, for a site too large for one file, an
// index (sitemap.xml) and the files it lists (sitemap-1.xml, ...).
func (b *builder) sitemaps() []func() []byte {
	cfg := b.o.Config
	esc := func(s string) string {
		var sb strings.Builder
		_ = xml.EscapeText(&sb, []byte(s))
		return sb.String()
	}
	// Where each file starts, by page and language, worked out from the
	// size of each entry.
	type cut struct{ page, lang int }
	var cuts []cut
	urls, size := 0, 0
	for i, p := range b.pages {
		langs := b.emitted(p)
		for j := range langs {
			n := len(b.entry(p, langs[j], langs, esc))
			if urls > 0 && (urls+1 > sitemapURLs || size+n > sitemapBytes-1024) {
				cuts = append(cuts, cut{i, j})
				urls, size = 0, 0
			}
			urls++
			size += n
		}
	}
	part := func(from, to cut) []byte {
		var buf bytes.Buffer
		buf.WriteString(xml.Header)
		buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
		for i := from.page; i < len(b.pages) && i <= to.page; i++ {
			p := b.pages[i]
			langs := b.emitted(p)
			for j, l := range langs {
				if i == from.page && j < from.lang || i == to.page && j >= to.lang {
					continue
				}
				buf.WriteString(b.entry(p, l, langs, esc))
			}
		}
		buf.WriteString("</urlset>\n")
		return buf.Bytes()
	}
	end := cut{len(b.pages), 0}
	if len(cuts) == 0 {
		return []func() []byte{func() []byte { return part(cut{}, end) }}
	}
	starts := append([]cut{{}}, cuts...)
	out := []func() []byte{func() []byte {
		var buf bytes.Buffer
		buf.WriteString(xml.Header)
		buf.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for i := range starts {
			fmt.Fprintf(&buf, "  <sitemap><loc>%s</loc></sitemap>\n", esc(fmt.Sprintf("%ssitemap-%d.xml", cfg.BaseURL, i+1)))
		}
		buf.WriteString("</sitemapindex>\n")
		return buf.Bytes()
	}}
	for i, from := range starts {
		to := end
		if i+1 < len(starts) {
			to = starts[i+1]
		}
		out = append(out, func() []byte { return part(from, to) })
	}
	return out
}

// entry is the sitemap's <url> of page p in lang, whose versions are in
// langs.
func (b *builder) entry(p content.Page, lang string, langs []string, esc func(string) string) string {
	cfg := b.o.Config
	var sb strings.Builder
	sb.WriteString("  <url>\n")
	sb.WriteString("    <loc>" + esc(cfg.BaseURL+b.url(lang, p)) + "</loc>\n")
	for _, a := range langs {
		sb.WriteString(`    <xhtml:link rel="alternate" hreflang="` + a + `" href="` + esc(cfg.BaseURL+b.url(a, p)) + `"/>` + "\n")
	}
	sb.WriteString(`    <xhtml:link rel="alternate" hreflang="x-default" href="` + esc(cfg.BaseURL+b.url(cfg.SourceLanguage, p)) + `"/>` + "\n")
	sb.WriteString("  </url>\n")
	return sb.String()
}
