package layout

import (
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/langtag"
)

// The translations of the default layout's interface text that glot ships,
// so that a new site need not translate "Skip to content" before its first
// build. They are the 30 most used content languages of the web after
// English, in the order of W3Techs' ranking of content languages for
// websites (as published in 2022, the list reproduced by the Observatory
// of Linguistic and Cultural Diversity on the Internet, funredes.org/lc2022):
//
//	ru Russian     tr Turkish      es Spanish     fa Persian    fr French
//	de German      ja Japanese     vi Vietnamese  zh-Hans, zh-Hant Chinese
//	ar Arabic      it Italian      nl Dutch       pl Polish     id Indonesian
//	pt Portuguese  uk Ukrainian    th Thai        ko Korean     he Hebrew
//	sv Swedish     ro Romanian     da Danish      el Greek      cs Czech
//	fi Finnish     hu Hungarian    nb Norwegian Bokmål  bg Bulgarian  sk Slovak
//
// Chinese counts once in the ranking and ships in both scripts. pt is
// Brazilian Portuguese, as CLDR's pt is, and pt-PT ships beside it, for
// Portugal and the variants CLDR derives from it (pt-AO, pt-MZ...).
// Serbo-Croatian, next in the ranking, is left out: its sites are written
// in four standards and two scripts, none of which stands for the rest.
//
// Each file gives each message the hash of the English source it
// translates (catalog.Hash), as a language's own catalog does: a site
// that words a message otherwise in its own ui.toml gets no shipped
// translation of it, for the hash is not its source's.
//
//go:embed default/i18n/*.toml
var shippedFS embed.FS

// ShippedDir is the folder of the shipped translations in the binary.
const ShippedDir = "default/i18n"

// Shipped is glot's translation of the default layout's interface text
// into one language.
type Shipped struct {
	Lang     string
	File     string           // where it is read, for messages
	Messages *catalog.Catalog // with each message's source hash
}

var shipped struct {
	once  sync.Once
	langs map[string]*Shipped
	err   error
}

func loadShipped() (map[string]*Shipped, error) {
	shipped.once.Do(func() {
		shipped.langs = map[string]*Shipped{}
		entries, err := fs.ReadDir(shippedFS, ShippedDir)
		if err != nil {
			shipped.err = err
			return
		}
		for _, e := range entries {
			lang, ok := strings.CutSuffix(e.Name(), ".toml")
			if !ok {
				continue
			}
			file := "glot's default layout i18n/" + e.Name()
			data, err := fs.ReadFile(shippedFS, path.Join(ShippedDir, e.Name()))
			if err == nil {
				var c *catalog.Catalog
				if c, err = catalog.Parse(file, data); err == nil {
					err = catalog.CheckTranslations(file, c)
				}
				shipped.langs[lang] = &Shipped{Lang: lang, File: file, Messages: c}
			}
			if err != nil {
				shipped.err = fmt.Errorf("reading %s: %w", file, err)
				return
			}
		}
	})
	return shipped.langs, shipped.err
}

// ShippedLangs returns the languages glot ships translations of its
// default layout's interface text into, sorted.
func ShippedLangs() ([]string, error) {
	langs, err := loadShipped()
	if err != nil {
		return nil, err
	}
	return slices.Sorted(maps.Keys(langs)), nil
}

// ShippedFor returns the shipped translations a page in lang may show,
// nearest first: lang's own, then those of the languages it falls back
// to as CLDR has them (pt-AO gives pt-PT, then pt), then those of its
// most likely script ("zh" and "zh-CN" are written in Hans, so they get
// zh-Hans). The caller must not change them.
func ShippedFor(lang string) ([]*Shipped, error) {
	langs, err := loadShipped()
	if err != nil {
		return nil, err
	}
	t, err := language.Parse(lang)
	if err != nil || langtag.IsPseudo(lang) {
		// A pseudo-language shows what pseudo-translation makes of the
		// source, never a real language's text.
		return nil, nil
	}
	cands := append([]string{t.String()}, langtag.Parents(lang)...)
	base, _ := t.Base()
	if s, conf := t.Script(); conf != language.No {
		cands = append(cands, base.String()+"-"+s.String())
	}
	cands = append(cands, base.String())
	if base.String() == "no" {
		// Norwegian with no written standard named: Bokmål is what
		// nearly every Norwegian site is written in.
		cands = append(cands, "nb")
	}
	var out []*Shipped
	for _, c := range cands {
		if s := langs[c]; s != nil && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out, nil
}
