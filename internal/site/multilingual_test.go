package site_test

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/extract"
	"github.com/glot-i18n/glot/internal/layout"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/segment"
	"github.com/glot-i18n/glot/internal/site"
)

// catalogs makes a locales folder for content: the source catalog with the
// default layout's messages, and for each language the translations of
// tr, by source text (interface messages by id, with their forms).
func catalogs(t *testing.T, content fstest.MapFS, tr map[string]map[string]*catalog.Message) *locale.Site {
	t.Helper()
	set, err := layout.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	locales := fstest.MapFS{}
	res, err := extract.Run(extract.Input{Content: content, Locales: locales, Source: "en", ContentName: "content", LocalesName: "locales", Interface: set.Interface()})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Plan.Writes {
		locales[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	ls, _ := locale.Load(locales, "locales", "en")
	for lang, msgs := range tr {
		c := catalog.New()
		for id, src := range ls.Source.Messages {
			m := msgs[src.Other]
			if m == nil {
				m = msgs[id]
			}
			if m != nil {
				cp := *m
				cp.ID = id
				if cp.Hash == "" { // else a translation made for an earlier source
					cp.Hash = catalog.Hash(src)
				}
				c.Messages[id] = &cp
			}
		}
		locales[locale.ActivePath(lang)] = &fstest.MapFile{Data: c.Bytes("", false)}
	}
	ls, err = locale.Load(locales, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// rulesFor are the extraction rules of cfg.
func rulesFor(cfg config.Config) *segment.Rules {
	return &segment.Rules{Extract: segment.Extract{FrontMatter: cfg.Extract.FrontMatter}}
}

func other(s string) *catalog.Message { return &catalog.Message{Other: s} }

func build(t *testing.T, cfg config.Config, content fs.FS, ls *locale.Site, o site.Options) map[string][]byte {
	t.Helper()
	o.Config, o.Content, o.Locales = &cfg, content, ls
	if !o.MD && !o.HTML {
		o.HTML = true
	}
	sink := &memSink{}
	if _, err := site.Build(o, sink); err != nil {
		t.Fatal(err)
	}
	return sink.files
}

var page = fstest.MapFS{
	"index.md": {Data: []byte("---\ntitle: Home\nlastmod: 2026-11-25\n---\n# Home\n\nFirst paragraph.\n\nSecond paragraph.\n\n- one item\n- another item\n\n[Other page](other.md)\n")},
	"other.md": {Data: []byte("# Other\n\nOther text.\n")},
}
