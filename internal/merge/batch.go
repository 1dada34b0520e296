package merge

import (
	"errors"
	"io/fs"
	"slices"
	"sync"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/parallel"
	"github.com/glot-i18n/glot/internal/tm"
	"github.com/glot-i18n/glot/internal/verdict"
)

// Batch is the languages of a site that one glot merge merges together.
type Batch struct {
	Langs []string
	// SiteLangs are the site's languages: a regional variant of one of
	// them starts its drafts from that one's texts.
	SiteLangs []string
	Locales   fs.FS            // the locales folder
	Source    *verdict.Source  // the compiled source
	Tables    []*verdict.Table // each language's compiled table, by index in Langs
	// Load loads the whole locales folder, for the languages merged in
	// full; it is called once, and only if one is.
	Load func() (*locale.Site, error)
	// Imported holds, by language, the work of translators' files.
	Imported map[string][]Imported
	Options  Options
}

// All merges every language of b, before anything is written: a
// malformed file anywhere leaves every file as it was. It returns each
// language's result, by index in b.Langs.
//
// A language with nothing to fold in (its catalog stands as it is, its
// translate file holds no translation but drafts, nothing was imported)
// needs only its translate file written afresh, which its compiled table
// says enough to do (Refresh); the others are merged in full (Run). The
// languages are merged side by side, sharing the words of the source's
// texts, and a regional variant after its parent languages of b (pt-BR
// after pt), from what they are once merged: what it inherits is then
// what it will inherit once the files are written, and a second merge
// finds nothing to do.
func All(b Batch) ([]*Result, error) {
	fast, err := b.quick()
	if err != nil {
		return nil, err
	}
	var site *locale.Site
	if slices.Contains(fast, nil) {
		if site, err = b.Load(); err != nil {
			return nil, err
		}
	}
	opts := b.Options
	if opts.Words == nil {
		opts.Words = tm.NewWords()
	}
	opts.Shared = sharedIndex(b.Source, opts.Words)
	index := map[string]int{}
	for i, lang := range b.Langs {
		index[lang] = i
	}
	results := make([]*Result, len(b.Langs))
	errs := make([]error, len(b.Langs))
	for _, wave := range waves(b.Langs) {
		_ = parallel.Each(len(wave), func(k int) error {
			i := wave[k]
			if fast[i] != nil {
				results[i], errs[i] = refresh(b.Locales, b.Source, b.Tables[i], fast[i], opts)
			} else {
				results[i], errs[i] = b.runAfterParents(site, i, index, results, opts)
			}
			return nil // kept by language, in errs
		})
		if err := errors.Join(errs...); err != nil {
			return nil, err
		}
	}
	return results, nil
}

// runAfterParents merges language i of b in full, from what its parent
// languages of b hold once merged (results).
func (b Batch) runAfterParents(site *locale.Site, i int, index map[string]int, results []*Result, opts Options) (*Result, error) {
	l, err := site.Lang(b.Langs[i])
	if err != nil {
		return nil, err
	}
	for _, p := range l.Parents {
		if k, ok := index[p.Tag]; ok && !p.Shipped && results[k] != nil && results[k].Active != nil {
			p.Active, p.Archive = results[k].Active, results[k].Archive
		}
	}
	opts.Imported = b.Imported[b.Langs[i]]
	return Run(site, l, opts)
}

// quick returns, by index in b.Langs, the translate file of each language
// Refresh may merge, as read to tell (nil for the others). A
// regional variant of a language of the site starts its drafts from that
// one's texts, which its table does not hold; and its table says what it
// inherited before its parents of b are merged: it is merged in full,
// unless they are all merged quickly and it is not such a variant.
func (b Batch) quick() ([]*catalog.Catalog, error) {
	fast := make([]*catalog.Catalog, len(b.Langs))
	for i, lang := range b.Langs {
		variant := slices.ContainsFunc(langtag.Parents(lang), func(p string) bool { return slices.Contains(b.SiteLangs, p) })
		if b.Options.Page != "" || len(b.Imported[lang]) > 0 || !b.Tables[i].Summary().Clean || variant {
			continue
		}
		tf, ok, err := fresh(b.Locales, b.Source, b.Tables[i])
		if err == nil && ok {
			ok, err = ActiveCurrent(b.Locales, lang)
		}
		if err != nil {
			return nil, err
		}
		if ok {
			fast[i] = tf
		}
	}
	for i, lang := range b.Langs {
		for _, p := range langtag.Parents(lang) {
			if k := slices.Index(b.Langs, p); k >= 0 && fast[k] == nil {
				fast[i] = nil
			}
		}
	}
	return fast, nil
}

// waves orders langs, by index, in waves to merge one after the other:
// the languages none of whose parents is in langs first, then those whose
// nearest parent in langs is in the wave before, and so on (es, then
// es-419, then es-MX).
func waves(langs []string) [][]int {
	depth := make([]int, len(langs))
	out := [][]int{nil}
	for i, lang := range langs {
		for _, p := range langtag.Parents(lang) {
			if slices.Contains(langs, p) {
				depth[i]++
			}
		}
		for len(out) <= depth[i] {
			out = append(out, nil)
		}
		out[depth[i]] = append(out[depth[i]], i)
	}
	return out
}

// sharedIndex is Options.Shared for the languages of a batch: the index
// of every source text of src, made once, when a language first asks.
func sharedIndex(src *verdict.Source, words *tm.Words) func() (*tm.Shared, error) {
	var once sync.Once
	var shared *tm.Shared
	var err error
	return func() (*tm.Shared, error) {
		once.Do(func() {
			pairs := make([]tm.Pair, src.Len())
			err = src.Each(func(i int, m *verdict.SourceMessage) error {
				pairs[i] = tm.Pair{ID: m.ID, Key: m.ID, Source: m.Message.Other}
				return nil
			})
			shared = tm.NewShared(words, pairs)
		})
		return shared, err
	}
}
