// Package locale owns a site's locales folder as a whole: it loads the
// source catalog, the bookkeeping and each language's files together, and
// answers the one question every later step asks: is this message
// translated, stale or missing in this language, and if stale, what was its
// translation?
//
//	site, err := locale.Load(os.DirFS("locales"), "locales", "en")
//	es, err := site.Lang("es")
//	st, prior := site.State(es, id)
package locale

import (
	"errors"
	"slices"

	"io/fs"
	"path"

	"golang.org/x/text/language"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/msgtext"
)

// Site is a loaded locales folder.
type Site struct {
	FS          fs.FS
	Name        string // the folder as the user knows it, for messages
	SourceLang  string
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
}

// Lang is one target language's files.
type Lang struct {
	Tag       string
	Active    *catalog.Catalog // active.<lang>.toml
	Translate *catalog.Catalog // translate.<lang>.toml, as the translator left it
	Archive   ledger.Archive   // .glot/archive.<lang>.toml
	Reviews   ledger.Reviews   // .glot/review.<lang>.toml
	// Parents are the languages a regional variant falls back to, nearest
	// first, that have a catalog: es-MX falls back to es-419, then es.
	Parents []*Lang
	HasArchive,
	HasTranslate bool
}

// Inherited returns the translation in force of message id that l takes
// from a parent language, and that language, when l has none of its own.
func (s *Site) Inherited(l *Lang, id string) (*catalog.Message, *Lang) {
	src := s.Source.Messages[id]
	if src == nil {
		return nil, nil
	}
	for _, p := range l.Parents {
		if t := p.Active.Messages[id]; t != nil && !catalog.Empty(t) && current(src, t) {
			return t, p
		}
	}
	return nil, nil
}

// Reviewed reports whether the translation in force of message id was
// signed off by a reviewer, as it is now.
func (l *Lang) Reviewed(id string) bool {
	t := l.Active.Messages[id]
	r, ok := l.Reviews[id]
	return ok && t != nil && r.Translation == ledger.TextHash(t)
}

// ActivePath and TranslatePath name a language's files in the locales folder.
func ActivePath(lang string) string    { return "active." + lang + ".toml" }
func TranslatePath(lang string) string { return "translate." + lang + ".toml" }

// Load reads the source side of the locales folder fsys.
func Load(fsys fs.FS, name, source string) (*Site, error) {
	s := &Site{FS: fsys, Name: name, SourceLang: source, Source: catalog.New(), Retired: ledger.Retired{}, was: map[string][]string{}}
	var err error
	if s.Source, s.HasSource, err = readCatalog(fsys, name, ActivePath(source)); err != nil {
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
		for _, b := range p.Blocks {
			if !s.onPage[b.ID] {
				s.firstUse[b.ID] = Use{Page: p.Path, Line: b.Line, Kind: b.Kind}
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

func readCatalog(fsys fs.FS, name, file string) (*catalog.Catalog, bool, error) {
	data, err := fs.ReadFile(fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		return catalog.New(), false, nil
	}
	if err != nil {
		return nil, false, err
	}
	c, err := catalog.Parse(path.Join(name, file), data)
	return c, true, err
}

// Lang reads the files of target language lang.
func (s *Site) Lang(lang string) (*Lang, error) {
	l := &Lang{Tag: lang, Archive: ledger.Archive{}, Reviews: ledger.Reviews{}}
	var err error
	if l.Active, _, err = readCatalog(s.FS, s.Name, ActivePath(lang)); err != nil {
		return nil, err
	}
	if l.Translate, l.HasTranslate, err = readCatalog(s.FS, s.Name, TranslatePath(lang)); err != nil {
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
	for _, p := range parents(lang) {
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
	return l, nil
}

// parents lists the parent languages of lang, nearest first: es-MX gives
// es-419 and es; es gives none.
func parents(lang string) []string {
	t, err := language.Parse(lang)
	if err != nil {
		return nil
	}
	var out []string
	for p := t.Parent(); p != language.Und; p = p.Parent() {
		out = append(out, p.String())
	}
	return out
}

// State is where a message stands in a language.
type State uint8

const (
	Missing    State = iota // no translation at all
	Stale                   // translated, but for an earlier version of its source
	Translated              // translated for its current source
)

func (s State) String() string {
	return [...]string{"missing", "stale", "translated"}[s]
}

// Prior is the translation a stale message had.
type Prior struct {
	ID          string // the message it translated: the same id, or one this message succeeds
	Source      string // the source text it translated, when known
	Translation *catalog.Message
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

// current reports whether t is a usable translation of source message
// src: made for this version of the source, with the same placeholders.
func current(src, t *catalog.Message) bool {
	if t.Hash != "" && t.Hash != catalog.Hash(src) {
		return false
	}
	return msgtext.Check(src.Other, t.Other) == nil
}

// State returns the state of source message id in l, and the earlier
// translation of a stale one.
func (s *Site) State(l *Lang, id string) (State, *Prior) {
	src := s.Source.Messages[id]
	if src == nil {
		return Missing, nil
	}
	if t := l.Active.Messages[id]; t != nil && !catalog.Empty(t) {
		if current(src, t) {
			return Translated, nil
		}
		return Stale, &Prior{ID: id, Translation: t}
	}
	if t, _ := s.Inherited(l, id); t != nil {
		return Translated, nil
	}
	if e := l.Archive[id]; e != nil && !catalog.Empty(&e.Message) {
		return Stale, &Prior{ID: id, Source: e.Source, Translation: &e.Message}
	}
	for _, w := range s.was[id] {
		if t := l.Active.Messages[w]; t != nil && !catalog.Empty(t) {
			return Stale, &Prior{ID: w, Source: s.SourceText(w), Translation: t}
		}
		if e := l.Archive[w]; e != nil && !catalog.Empty(&e.Message) {
			src := e.Source
			if src == "" {
				src = s.SourceText(w)
			}
			return Stale, &Prior{ID: w, Source: src, Translation: &e.Message}
		}
	}
	return Missing, nil
}
