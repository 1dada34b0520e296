package site

import (
	"bytes"
	"encoding/xml"
	"fmt"

	"github.com/glot-i18n/glot/internal/content"
)

// The limits of one sitemap file, as sitemaps.org sets them.
const (
	sitemapURLs  = 50000
	sitemapBytes = 50 << 20
)

// sitemaps makes the sitemap and hands each file of it to emit: one file
// listing every version built of every page, each with the others and
// itself as alternates and x-default; or, for a site too large for one
// file, the files (sitemap-1.xml, ...) and then their index, sitemap.xml.
// Each entry is written once, into the file it fits in.
func (b *builder) sitemaps(emit func(name string, data []byte) error) error {
	cfg := b.o.Config
	const head = xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n"
	const foot = "</urlset>\n"
	var parts []string
	var buf, entry bytes.Buffer
	urls := 0
	flush := func() error {
		buf.WriteString(foot)
		name := fmt.Sprintf("sitemap-%d.xml", len(parts)+1)
		parts = append(parts, name)
		err := emit(name, bytes.Clone(buf.Bytes()))
		buf.Reset()
		buf.WriteString(head)
		urls = 0
		return err
	}
	buf.WriteString(head)
	for _, p := range b.pages {
		langs := b.emitted(p)
		for _, l := range langs {
			entry.Reset()
			b.entry(&entry, p, l, langs)
			if urls > 0 && (urls+1 > sitemapURLs || buf.Len()+entry.Len()+len(foot) > sitemapBytes) {
				if err := flush(); err != nil {
					return err
				}
			}
			buf.Write(entry.Bytes())
			urls++
		}
	}
	buf.WriteString(foot)
	if len(parts) == 0 {
		return emit("sitemap.xml", buf.Bytes())
	}
	buf.Truncate(buf.Len() - len(foot))
	if err := flush(); err != nil {
		return err
	}
	var index bytes.Buffer
	index.WriteString(xml.Header)
	index.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, name := range parts {
		index.WriteString("  <sitemap><loc>")
		_ = xml.EscapeText(&index, []byte(cfg.BaseURL+name))
		index.WriteString("</loc></sitemap>\n")
	}
	index.WriteString("</sitemapindex>\n")
	return emit("sitemap.xml", index.Bytes())
}

// entry writes the sitemap's <url> of page p in lang, whose versions are
// in langs.
func (b *builder) entry(w *bytes.Buffer, p content.Page, lang string, langs []string) {
	cfg := b.o.Config
	esc := func(s string) { _ = xml.EscapeText(w, []byte(s)) }
	w.WriteString("  <url>\n    <loc>")
	esc(cfg.BaseURL + b.url(lang, p))
	w.WriteString("</loc>\n")
	for _, a := range langs {
		w.WriteString(`    <xhtml:link rel="alternate" hreflang="` + a + `" href="`)
		esc(cfg.BaseURL + b.url(a, p))
		w.WriteString(`"/>` + "\n")
	}
	w.WriteString(`    <xhtml:link rel="alternate" hreflang="x-default" href="`)
	esc(cfg.BaseURL + b.url(cfg.SourceLanguage, p))
	w.WriteString(`"/>` + "\n  </url>\n")
}
