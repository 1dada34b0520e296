package corpus

import (
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/merge"
)

// Translate writes locales/active.<lang>.toml for each language of o from
// the source catalog locales/active.en.toml, which glot extract must have
// written: every message translated by the language's dictionary, with the
// hash of the source it translates and, for a message with plural forms,
// every plural form of the language. A share o.Untranslated of the
// messages, chosen by a hash of their ids, is left out, for glot merge and
// the reports to find.
func Translate(dir string, o Options) error {
	o = o.withDefaults()
	srcPath := filepath.Join(dir, "locales", "active."+SourceLanguage+".toml")
	data, err := os.ReadFile(srcPath)
	if err != nil {
		return fmt.Errorf("read source catalog: %w", err)
	}
	src, err := catalog.Parse(srcPath, data)
	if err != nil {
		return fmt.Errorf("parse source catalog: %w", err)
	}
	// Each language has a dictionary of its own, so they are written on
	// every core.
	errs := make([]error, len(o.Languages))
	sem := make(chan struct{}, runtime.NumCPU())
	var wg sync.WaitGroup
	for i, lang := range o.Languages {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			out := translateCatalog(src, lang, o)
			// Written as glot merge writes a catalog, so that merge
			// takes it as its own: gibberish that keeps every
			// placeholder, number and address.
			data := merge.CatalogBytes(lang, SourceLanguage, out, func(id string) *catalog.Message { return src.Messages[id] })
			path := filepath.Join(dir, "locales", "active."+lang+".toml")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				errs[i] = fmt.Errorf("write catalog: %w", err)
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// translateCatalog translates every message of src into lang but the ones
// left out.
func translateCatalog(src *catalog.Catalog, lang string, o Options) *catalog.Catalog {
	d := newDictionary(lang)
	forms := langtag.PluralForms(lang)
	out := catalog.New()
	for _, id := range src.IDs() {
		if left(o.Seed, lang, id, o.Untranslated) {
			continue
		}
		m := src.Messages[id]
		t := &catalog.Message{ID: id, Hash: catalog.Hash(m)}
		if len(catalog.Forms(m)) == 1 {
			t.Other = d.translate(m.Other)
		} else {
			for _, f := range forms {
				setForm(t, f, d.translate(sourceForm(m, f)))
			}
		}
		out.Messages[id] = t
	}
	return out
}

// sourceForm is the source text a plural form of a translation is made
// from: the source's own form when it has one, else its "other".
func sourceForm(m *catalog.Message, form string) string {
	for _, f := range catalog.Forms(m) {
		if f.Name == form {
			return f.Text
		}
	}
	return m.Other
}

func setForm(m *catalog.Message, form, text string) {
	switch form {
	case "zero":
		m.Zero = text
	case "one":
		m.One = text
	case "two":
		m.Two = text
	case "few":
		m.Few = text
	case "many":
		m.Many = text
	default:
		m.Other = text
	}
}

// left reports whether message id stays untranslated in lang: a hash of
// the seed, the language and the id, below the share.
func left(seed uint64, lang, id string, share float64) bool {
	if share <= 0 {
		return false
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%d\x00%s\x00%s", seed, lang, id)
	return float64(h.Sum64()%1_000_000)/1_000_000 < share
}
