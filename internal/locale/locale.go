// Package locale owns a site's locales folder as a whole: it loads the
// source catalog, the bookkeeping and each language's files together, with
// the links between them (which message each block of a page holds, which
// message an edited one succeeds, which languages a regional variant falls
// back to). Whether a translation stands is package verdict's to say.
//
//	site, err := locale.Load(os.DirFS("locales"), "locales", "en")
//	es, err := site.Lang("es")
//	table, err := verdict.Compile(verdict.NewSource(site), es)
package locale

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/layout"
	"github.com/glot-i18n/glot/internal/ledger"
)

// Site is a loaded locales folder.
type Site struct {
	FS         fs.FS
	Name       string // the folder as the user knows it, for messages
	SourceLang string
	// Glossary is the site's glossary, which the one who loads the site
	// sets: the rule a translation must meet asks it (see package
	// verdict).
	Glossary    *check.Glossary
	Source      *catalog.Catalog
	HasSource   bool // whether the source catalog exists: glot extract has run
	Pages       []*ledger.Page
	Retired     ledger.Retired
	was         map[string][]string // id -> ids it succeeds, from every block that holds it
	onPage      map[string]bool
	predecessor map[string]bool
	firstUse    map[string]Use
}

// Use is a place where a message is used: a block of a page.
type Use struct {
	Page string // relative to the content folder
	Line int
	Kind string
	// Block is the block's place among the page's, Context the context a
	// glot:context directive gave it, and Codes what each of its
	// placeholders stands for.
	Block   int
	Context string
	Codes   []string
	// Where says where the block stands, for the translator: a table
	// cell's column and row.
	Where string
}

// Lang is one target language's files.
type Lang struct {
	Tag       string
	Active    *catalog.Catalog // active.<lang>.toml
	Translate *catalog.Catalog // translate.<lang>.toml, as the translator left it, once ReadTranslate has read it
	Archive   ledger.Archive   // .glot/archive.<lang>.toml
	Reviews   ledger.Reviews   // .glot/review.<lang>.toml
	// Parents are the languages a regional variant falls back to, nearest
	// first, that have a catalog: es-MX falls back to es-419, then es.
	// Last come glot's own translations of its default layout's interface
	// text (see layout.ShippedFor), each as a parent that is Shipped: a
	// translation the site has, in the language or a parent, comes first,
	// and one of a message whose source the site changed never stands, for
	// its hash is the default source's.
	Parents []*Lang
	// Shipped says the catalog is glot's, not the site's: it has no file
	// in the locales folder.
	Shipped bool
	HasArchive,
	HasTranslate bool
}

// ActivePath and TranslatePath name a language's files in the locales folder.
func ActivePath(lang string) string    { return "active." + lang + ".toml" }
func TranslatePath(lang string) string { return "translate." + lang + ".toml" }

// Load reads the source side of the locales folder fsys.
func Load(fsys fs.FS, name, source string) (*Site, error) {
	s := &Site{FS: fsys, Name: name, SourceLang: source, Source: catalog.New(), Retired: ledger.Retired{}, was: map[string][]string{}}
	var err error
	if s.Source, s.HasSource, err = readCatalog(fsys, name, ActivePath(source), false); err != nil {
		return nil, err
	}
	if data, err := fs.ReadFile(fsys, ledger.RetiredPath); err == nil {
		if s.Retired, err = ledger.ParseRetired(path.Join(name, ledger.RetiredPath), data); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if s.Pages, err = ledger.LoadPages(fsys, name); err != nil {
		return nil, err
	}
	s.onPage = map[string]bool{}
	s.predecessor = map[string]bool{}
	s.firstUse = map[string]Use{}
	for _, p := range s.Pages {
		for i, b := range p.Blocks {
			if !s.onPage[b.ID] {
				s.firstUse[b.ID] = Use{Page: p.Path, Line: b.Line, Kind: b.Kind, Block: i, Context: b.Context, Codes: b.Codes, Where: b.Where}
			}
			s.onPage[b.ID] = true
			for _, w := range b.Was {
				s.predecessor[w] = true
				if !slices.Contains(s.was[b.ID], w) {
					s.was[b.ID] = append(s.was[b.ID], w)
				}
			}
		}
	}
	return s, nil
}

// readCatalog reads a message file; one of translations (translations is
// true) must hold nothing but translations (see catalog.CheckTranslations).
func readCatalog(fsys fs.FS, name, file string, translations bool) (*catalog.Catalog, bool, error) {
	return readCatalogWith(catalog.Parse, fsys, name, file, translations)
}

// readCatalogWith is readCatalog with parse as the parser.
func readCatalogWith(parse func(string, []byte) (*catalog.Catalog, error), fsys fs.FS, name, file string, translations bool) (*catalog.Catalog, bool, error) {
	data, err := fs.ReadFile(fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		return catalog.New(), false, nil
	}
	if err != nil {
		return nil, false, err
	}
	c, err := parse(path.Join(name, file), data)
	if err == nil && translations {
		err = catalog.CheckTranslations(path.Join(name, file), c)
	}
	if err != nil {
		return nil, true, err
	}
	return c, true, nil
}

// Lang reads the files of target language lang.
func (s *Site) Lang(lang string) (*Lang, error) {
	l := &Lang{Tag: lang, Translate: catalog.New(), Archive: ledger.Archive{}, Reviews: ledger.Reviews{}}
	var err error
	if l.Active, _, err = readCatalog(s.FS, s.Name, ActivePath(lang), true); err != nil {
		return nil, err
	}
	if data, err := fs.ReadFile(s.FS, ledger.ArchivePath(lang)); err == nil {
		l.HasArchive = true
		if l.Archive, err = ledger.ParseArchive(path.Join(s.Name, ledger.ArchivePath(lang)), data); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if data, err := fs.ReadFile(s.FS, ledger.ReviewPath(lang)); err == nil {
		if l.Reviews, err = ledger.ParseReviews(path.Join(s.Name, ledger.ReviewPath(lang)), data); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	// A regional variant falls back through its parents (CLDR's, as
	// x/text knows them) that have a catalog.
	for _, p := range langtag.Parents(lang) {
		if _, err := fs.Stat(s.FS, ActivePath(p)); err != nil {
			continue
		}
		pl, err := s.Lang(p)
		if err != nil {
			return nil, err
		}
		pl.Parents = nil // its own parents come next in l's list
		l.Parents = append(l.Parents, pl)
	}
	shipped, err := layout.ShippedFor(lang)
	if err != nil {
		return nil, err
	}
	for _, sh := range shipped {
		// A reviewer who signs off a shipped translation signs it off in
		// the language it is in, as for a parent's.
		reviews := ledger.Reviews{}
		for _, k := range append([]*Lang{l}, l.Parents...) {
			if k.Tag == sh.Lang {
				reviews = k.Reviews
				break
			}
		}
		l.Parents = append(l.Parents, &Lang{Tag: sh.Lang, Active: sh.Messages, Archive: ledger.Archive{}, Reviews: reviews, Shipped: true})
	}
	return l, nil
}

// ReadTranslate reads l's translate file, which only glot merge needs.
func (s *Site) ReadTranslate(l *Lang) error {
	var err error
	// With the line of each form, so that what merge says of an entry
	// points at the form that is wrong.
	l.Translate, l.HasTranslate, err = readCatalogWith(catalog.ParseKeyed, s.FS, s.Name, TranslatePath(l.Tag), true)
	return err
}

// SourceText returns the source text of id, current or retired.
func (s *Site) SourceText(id string) string {
	if m, ok := s.Source.Messages[id]; ok {
		return m.Other
	}
	return s.Retired[id]
}

// IsPredecessor reports whether id is one that a current message
// succeeds: its translation is shown as stale, not merely kept.
func (s *Site) IsPredecessor(id string) bool { return s.predecessor[id] }

// FirstUse returns where message id is first used, in page order; ok is
// false for a message on no page.
func (s *Site) FirstUse(id string) (u Use, ok bool) {
	u, ok = s.firstUse[id]
	return u, ok
}

// OnPage reports whether some page holds message id.
func (s *Site) OnPage(id string) bool { return s.onPage[id] }

// Was returns the ids that message id succeeds, most recent first.
func (s *Site) Was(id string) []string { return s.was[id] }

// SourceFiles lists the files of locales folder fsys that the source side
// of a site is read from: the source catalog, the retired sources and the
// record of every page. Anything made from them is current as long as
// they are.
func SourceFiles(fsys fs.FS, source string) ([]string, error) {
	files := []string{ActivePath(source), ledger.RetiredPath}
	root := path.Join(ledger.Dir, "pages")
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == root {
			return fs.SkipDir
		}
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".toml") {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

// LangFiles lists the files of locales folder fsys that language lang is
// read from (see Lang), but its translate file: its catalog, archive and
// reviews, and the catalog and reviews of each language it falls back to.
func LangFiles(fsys fs.FS, lang string) []string {
	files := []string{ActivePath(lang), ledger.ArchivePath(lang), ledger.ReviewPath(lang)}
	for _, p := range langtag.Parents(lang) {
		if _, err := fs.Stat(fsys, ActivePath(p)); err == nil {
			files = append(files, ActivePath(p), ledger.ReviewPath(p))
		}
	}
	return files
}
