package site

import (
	"fmt"
	"path"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/hugo"
	"github.com/glot-i18n/glot/internal/langtag"
)

// A Hugo site's build (config.IsHugo) writes each target language's pages
// into that language's content folder, where Hugo reads them, and its
// interface text into Hugo's i18n folder; Hugo makes the HTML.

// markdownName is where the Markdown of file rel of the content folder is
// written in lang: in a Hugo site, in the language's content folder; else
// in the language's tree of markdown_dir.
func (b *builder) markdownName(lang, rel string) string {
	cfg := b.o.Config
	if cfg.IsHugo() {
		return path.Join(cfg.HugoDir(lang), rel)
	}
	return path.Join(cfg.MarkdownDir, lang, rel)
}

// markdown reports whether the Markdown of page p is written in lang. It
// is, but in a Hugo site whose incomplete is "fallback", for a page below
// the threshold: Hugo then shows the source language's page. A fragment
// is written whatever its share: the pages that include it read it from
// their own language's folder, where Hugo has no fallback.
func (b *builder) markdown(p content.Page, v *versions, lang string) bool {
	cfg := b.o.Config
	return !cfg.IsHugo() || cfg.Hugo.Incomplete != "fallback" || p.Fragment || v.percent[lang] >= cfg.Build.Threshold
}

// writeI18n writes the i18n file of each language being built: the
// translations in force of the interface messages the site's i18n files
// define now. A message is left out when it has none, when its
// translation is held back, or when its source changed since it was
// extracted (its translations were judged against another text): Hugo
// then shows it from the theme's file or in the default language.
func (b *builder) writeI18n() error {
	cfg := b.o.Config
	msgs := b.o.HugoI18n
	// The source as it was extracted, by message.
	extracted := map[string]string{}
	if src := b.o.Source; src != nil {
		var idx []int
		var ids []string
		for _, m := range msgs {
			if n, ok := src.Index(m.ID); ok {
				idx, ids = append(idx, n), append(ids, m.ID)
			}
		}
		sms, err := src.Messages(idx)
		if err != nil {
			return err
		}
		for i, sm := range sms {
			extracted[ids[i]] = sm.Hash
		}
	}
	var warnings []string
	for _, l := range b.langs {
		var out []*catalog.Message
		t := b.o.Tables[l]
		for _, m := range msgs {
			if langtag.IsPseudo(l) {
				p := *m
				p.Zero, p.One, p.Two, p.Few, p.Many, p.Other = pseudoForm(l, m.Zero), pseudoForm(l, m.One), pseudoForm(l, m.Two), pseudoForm(l, m.Few), pseudoForm(l, m.Many), pseudoForm(l, m.Other)
				out = append(out, &p)
				continue
			}
			if t == nil || extracted[m.ID] != catalog.Hash(m) {
				continue
			}
			e := t.Entry(m.ID)
			tm, _, _, ok := e.Use(b.policy)
			if !ok {
				if p := e.Problem(b.policy); p != nil {
					warnings = append(warnings, fmt.Sprintf("%s: interface message %s: %v; shown in the source language", l, m.ID, p))
				}
				continue
			}
			c := *tm
			c.ID = m.ID
			out = append(out, &c)
		}
		if t != nil {
			if err := t.Err(); err != nil {
				return err
			}
		}
		data := hugo.I18nFile(l, cfg.LocalesDir, out)
		key := newKeyer(b.salt).str("i18n").raw(data).key()
		name := path.Join(cfg.Hugo.I18n, l+".toml")
		if err := b.put(Output{Name: name, Lang: l, Format: "i18n", Key: key}, func() ([]byte, error) { return data, nil }); err != nil {
			return err
		}
	}
	b.mu.Lock()
	b.rep.Warnings = append(b.rep.Warnings, warnings...)
	b.mu.Unlock()
	return nil
}
