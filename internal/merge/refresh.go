package merge

import (
	"errors"
	"io/fs"
	"maps"
	"slices"
	"sort"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/tm"
	"github.com/glot-i18n/glot/internal/verdict"
)

// Refresh is Run for a language with nothing to fold in: every translation
// of its catalog stands for its source as it is, no archived one comes
// back (the table says so: verdict.Summary.Clean), its translate file has
// no translation filled in but drafts (Fresh says so), and nothing was
// imported. Run would then leave
// the catalog and the archive as they are, and write the translate file
// afresh. Refresh writes that same file from the compiled source and table
// alone, without reading the catalog: on a large site, the catalog of each
// language is a hundred megabytes.
//
// The translation memory is opts.Shared's index of the source texts, of
// which the language's takes those it has translated, and the archive,
// read from locales folder fsys.
func Refresh(fsys fs.FS, src *verdict.Source, t *verdict.Table, opts Options) (*Result, error) {
	tf, err := readTranslate(fsys, t.Lang)
	if err != nil {
		return nil, err
	}
	return refresh(fsys, src, t, tf, opts)
}

// refresh is Refresh with the translate file tf already read.
func refresh(fsys fs.FS, src *verdict.Source, t *verdict.Table, tf *catalog.Catalog, opts Options) (*Result, error) {
	res := &Result{Lang: t.Lang, Left: LeftOf(t)}
	archive := ledger.Archive{}
	if data, err := fs.ReadFile(fsys, ledger.ArchivePath(t.Lang)); err == nil {
		if archive, err = ledger.ParseArchive(ledger.ArchivePath(t.Lang), data); err != nil {
			return nil, err
		}
	}
	items, err := refreshItems(src, t, draftsOf(tf))
	if err != nil {
		return nil, err
	}
	var sharedErr error
	build := func() *tm.Memory {
		m, err := sharedMemory(src, t, archive, opts)
		sharedErr = err
		return m
	}
	text := translateFile(t.Lang, src.Lang, items, nil, opts, memory(suggestThreshold(opts), build), res)
	if err := errors.Join(t.Err(), sharedErr); err != nil {
		return nil, err
	}
	if _, err := fs.Stat(fsys, locale.ActivePath(t.Lang)); errors.Is(err, fs.ErrNotExist) {
		// A new language: Run writes its catalog, empty, for the
		// translators to find.
		res.Plan.Write(locale.ActivePath(t.Lang), catalog.New().Bytes(activeHeader(t.Lang), false))
	}
	res.Plan.WriteIfChanged(fsys, locale.TranslatePath(t.Lang), text)
	return res, nil
}

// draftsOf are the drafts of translate file tf: its entries marked fuzzy
// that hold a text.
func draftsOf(tf *catalog.Catalog) map[string]*catalog.Message {
	drafts := map[string]*catalog.Message{}
	for id := range tf.Fuzzy {
		if m := tf.Messages[id]; m != nil && !catalog.Empty(m) {
			drafts[id] = m
		}
	}
	return drafts
}

// refreshItems are the entries of the translate file of table t, as Run
// lists them: every message with no translation in force, and a draft of
// one whose translation stands, unless it is that translation; page by
// page in the site's order, block by block, then the messages on no page,
// by id.
func refreshItems(src *verdict.Source, t *verdict.Table, drafts map[string]*catalog.Message) ([]item, error) {
	var todo []int
	for i := range src.Len() {
		if !t.InForce(i) {
			todo = append(todo, i)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(drafts)) {
		if i, ok := src.Index(id); ok && t.InForce(i) {
			if e := t.Entry(id); e == nil || e.InForce == nil || !sameForms(e.InForce, drafts[id]) {
				todo = append(todo, i)
			}
		}
	}
	slices.Sort(todo)
	srcs, err := src.Messages(todo)
	if err != nil {
		return nil, err
	}
	entries := t.Entries(todo)
	if err := t.Err(); err != nil {
		return nil, err
	}
	items := make([]item, len(todo))
	block := make(map[string]int, len(srcs))
	order := make(map[string]int, len(srcs))
	for k, sm := range srcs {
		items[k] = item{id: sm.ID, src: sm.Message, page: sm.Page, entry: entries[k], draft: drafts[sm.ID]}
		if sm.Page != "" {
			items[k].blk = &ledger.Block{ID: sm.ID, Kind: sm.Kind, Line: sm.Line, Context: sm.Context, Where: sm.Where, Codes: sm.Codes}
		}
		block[sm.ID] = sm.Block
		order[sm.Page] = sm.PageOrder
	}
	sort.SliceStable(items, func(a, b int) bool {
		x, y := items[a], items[b]
		switch {
		case (x.page == "") != (y.page == ""):
			return y.page == ""
		case x.page != y.page:
			return order[x.page] < order[y.page] // the site's order
		case x.page != "":
			return block[x.id] < block[y.id]
		}
		return x.id < y.id
	})
	return items, nil
}

// sharedMemory is the translation memory of table t's language, from
// opts.Shared's index of the source texts: those it has translated, and
// its archive.
func sharedMemory(src *verdict.Source, t *verdict.Table, archive ledger.Archive, opts Options) (*tm.Memory, error) {
	shared, err := opts.Shared()
	if err != nil {
		return nil, err
	}
	member := make([]bool, src.Len())
	for i := range member {
		// An approved translation that fails a blocking check is right
		// for its own page only.
		member[i] = t.Own(i) && t.InForce(i) && !t.Approved(i)
	}
	translation := func(p tm.Pair) string {
		if e := t.Entry(p.ID); e != nil && e.InForce != nil {
			return e.InForce.Other
		}
		return ""
	}
	return shared.Memory(member, archivePairs(src.Rules(), t.Lang, archive), translation), nil
}

// Fresh reports whether the translate file of language t, in locales
// folder fsys, leaves Refresh nothing to fold in: no translation filled
// in, only drafts marked fuzzy of messages src still has (a draft of a
// message that is gone is Run's, which archives it).
func Fresh(fsys fs.FS, src *verdict.Source, t *verdict.Table) (bool, error) {
	_, ok, err := fresh(fsys, src, t)
	return ok, err
}

// fresh is Fresh, that also returns the translate file it read, for
// refresh to take it from there.
func fresh(fsys fs.FS, src *verdict.Source, t *verdict.Table) (*catalog.Catalog, bool, error) {
	c, err := readTranslate(fsys, t.Lang)
	var fe *fs.PathError
	if err != nil && !errors.As(err, &fe) {
		// Run reads the file again, and says where it is wrong.
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	for id, m := range c.Messages {
		if catalog.Empty(m) {
			continue
		}
		if _, ok := src.Index(id); !ok || c.Fuzzy[id] == 0 {
			return nil, false, nil
		}
	}
	return c, true, nil
}

// readTranslate reads the translate file of lang in locales folder fsys,
// with its drafts; none is an empty one.
func readTranslate(fsys fs.FS, lang string) (*catalog.Catalog, error) {
	data, err := fs.ReadFile(fsys, locale.TranslatePath(lang))
	if errors.Is(err, fs.ErrNotExist) {
		return catalog.New(), nil
	}
	if err != nil {
		return nil, err
	}
	return catalog.ParseKeyed(locale.TranslatePath(lang), data)
}
