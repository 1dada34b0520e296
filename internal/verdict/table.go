package verdict

import (
	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
)

// Table is the compiled catalog of one language: for every message of the
// source catalog, where it stands and what a page in that language shows
// for it. It is worked out once from the language's files (and those of
// the languages it falls back to), and every command reads it.
type Table struct {
	Lang    string
	entries map[string]*Entry
}

// Entry is what a Table knows of one source message.
type Entry struct {
	State State
	// Reason says why a Held translation is held back.
	Reason *Problem
	// Own is the translation made in this language for this version of
	// the source: the one in force (Translated), or one held back.
	Own *catalog.Message
	// InForce is what a page in this language shows: Own when it stands,
	// else the translation of the nearest parent language that stands
	// (es-MX shows es), else nil for the source text.
	InForce *catalog.Message
	// From is the language InForce is in.
	From string
	// Reviewed says a reviewer signed InForce off, as it is now.
	Reviewed bool
	// Prior is the translation the message had, for a Stale or Held one.
	Prior *Prior
}

// Prior is an earlier translation of a message.
type Prior struct {
	ID          string // the message it translated: the same id, or one this message succeeds
	Lang        string // the language it is in: the table's
	Source      string // the source text it translated, when known
	Translation *catalog.Message
	// Fits says it fits the current source (see Fits), so that a build
	// may show it when stale translations are allowed; Reason says why
	// not.
	Fits   bool
	Reason *Problem
}

// Policy says which translations a build may show.
type Policy struct {
	AllowStale      bool // a stale translation rather than the source text
	RequireReviewed bool // only translations a reviewer signed off
}

// Use returns the translation a page shows for the message under p, the
// language it is in, and whether it is stale; ok is false when the
// source text shows.
func (e *Entry) Use(p Policy) (m *catalog.Message, lang string, stale, ok bool) {
	switch {
	case e == nil:
		return nil, "", false, false
	case e.InForce != nil:
		if p.RequireReviewed && !e.Reviewed {
			return nil, "", false, false
		}
		return e.InForce, e.From, false, true
	case p.AllowStale && !p.RequireReviewed && e.Prior != nil && e.Prior.Fits:
		return e.Prior.Translation, e.Prior.Lang, true, true
	}
	return nil, "", false, false
}

// Problem says why a translation the message has is not shown under p,
// or nil when nothing is held back: a build reports it.
func (e *Entry) Problem(p Policy) *Problem {
	switch {
	case e == nil:
		return nil
	case e.State == Held && e.InForce == nil:
		return e.Reason
	case p.AllowStale && !p.RequireReviewed && e.InForce == nil && e.Prior != nil && !e.Prior.Fits:
		return e.Prior.Reason
	}
	return nil
}

// Entry returns the entry of source message id; nil when the source
// catalog has no such message.
func (t *Table) Entry(id string) *Entry {
	if t == nil {
		return nil
	}
	return t.entries[id]
}

// Compile works out the table of language l of site s.
func Compile(s *locale.Site, l *locale.Lang) *Table {
	t := &Table{Lang: l.Tag, entries: make(map[string]*Entry, len(s.Source.Messages))}
	for id, src := range s.Source.Messages {
		t.entries[id] = entry(s, l, id, src)
	}
	return t
}

func entry(s *locale.Site, l *locale.Lang, id string, src *catalog.Message) *Entry {
	e := &Entry{State: Missing}
	if own := l.Active.Messages[id]; own != nil {
		switch v := Judge(l.Tag, src, own); v.State {
		case Translated:
			e.State, e.Own, e.InForce, e.From = Translated, own, own, l.Tag
			e.Reviewed = reviewed(l.Reviews, id, own)
			return e
		case Held:
			e.State, e.Own, e.Reason = Held, own, v.Reason
			e.Prior = prior(l.Tag, src, id, src.Other, own)
		case Stale:
			e.State = Stale
			e.Prior = prior(l.Tag, src, id, "", own)
		}
	}
	// A regional variant shows its parent's translation where it has
	// none that stands.
	for _, p := range l.Parents {
		if t := p.Active.Messages[id]; t != nil && Judge(l.Tag, src, t).State == Translated {
			e.InForce, e.From = t, p.Tag
			e.Reviewed = reviewed(p.Reviews, id, t)
			if e.State == Missing {
				e.State = Translated
			}
			return e
		}
	}
	if e.State != Missing {
		return e
	}
	// An earlier translation: archived, or of a message this one
	// succeeds.
	if a := l.Archive[id]; a != nil && !catalog.Empty(&a.Message) {
		e.State, e.Prior = Stale, prior(l.Tag, src, id, a.Source, &a.Message)
		return e
	}
	for _, w := range s.Was(id) {
		if t := l.Active.Messages[w]; t != nil && !catalog.Empty(t) {
			e.State, e.Prior = Stale, prior(l.Tag, src, w, s.SourceText(w), t)
			return e
		}
		if a := l.Archive[w]; a != nil && !catalog.Empty(&a.Message) {
			from := a.Source
			if from == "" {
				from = s.SourceText(w)
			}
			e.State, e.Prior = Stale, prior(l.Tag, src, w, from, &a.Message)
			return e
		}
	}
	return e
}

func prior(lang string, src *catalog.Message, id, source string, t *catalog.Message) *Prior {
	p := &Prior{ID: id, Lang: lang, Source: source, Translation: t}
	p.Reason = Fits(lang, src, t)
	p.Fits = p.Reason == nil
	return p
}

// reviewed reports whether a reviewer signed off translation t of message
// id, as it is now.
func reviewed(r ledger.Reviews, id string, t *catalog.Message) bool {
	rv, ok := r[id]
	return ok && rv.Translation == ledger.TextHash(t)
}

// CompileLangs compiles the table of each of langs.
func CompileLangs(s *locale.Site, langs []string) ([]*Table, error) {
	out := make([]*Table, 0, len(langs))
	for _, lang := range langs {
		l, err := s.Lang(lang)
		if err != nil {
			return nil, err
		}
		out = append(out, Compile(s, l))
	}
	return out, nil
}
