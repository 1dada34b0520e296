package verdict

import (
	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
)

// EntryOf works out what language l has for source message sm: the entry
// a table compiled from l would hold.
func (r *Rules) EntryOf(l *locale.Lang, sm *SourceMessage) *Entry {
	id, srcMsg := sm.ID, sm.Message
	e := &Entry{State: Missing}
	if own := l.Active.Messages[id]; own != nil {
		v := r.judge(l.Tag, srcMsg, sm.Hash, own)
		if Approved(v, l.Reviews, id, own) {
			e.State, e.Own, e.InForce, e.From = Translated, own, own, l.Tag
			e.Reviewed, e.Approved, e.Reason = true, true, v.Reason
			return e
		}
		switch v.State {
		case Translated:
			e.State, e.Own, e.InForce, e.From = Translated, own, own, l.Tag
			e.Reviewed = reviewed(l.Reviews, id, own)
			return e
		case Held:
			e.State, e.Own, e.Reason = Held, own, v.Reason
			e.Prior = r.prior(l.Tag, srcMsg, id, srcMsg.Other, own)
		case Stale:
			e.State = Stale
			e.Prior = r.prior(l.Tag, srcMsg, id, "", own)
		}
	}
	// A regional variant shows its parent's translation where it has
	// none that stands.
	for _, p := range l.Parents {
		t := p.Active.Messages[id]
		if t == nil {
			continue
		}
		if v := r.judge(l.Tag, srcMsg, sm.Hash, t); v.State == Translated || Approved(v, p.Reviews, id, t) {
			e.InForce, e.From = t, p.Tag
			e.Reviewed = reviewed(p.Reviews, id, t)
			// The reason a language's own translation is held back stays
			// with it; the parent's is the reason only when that one
			// stands by a reviewer's approval.
			if e.Approved = v.State == Held; e.Approved {
				e.Reason = v.Reason
			}
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
		e.State, e.Prior = Stale, r.prior(l.Tag, srcMsg, id, a.Source, &a.Message)
		return e
	}
	for _, w := range sm.Was {
		if t := l.Active.Messages[w.ID]; t != nil && !catalog.Empty(t) {
			e.State, e.Prior = Stale, r.prior(l.Tag, srcMsg, w.ID, w.Text, t)
			return e
		}
		if a := l.Archive[w.ID]; a != nil && !catalog.Empty(&a.Message) {
			from := a.Source
			if from == "" {
				from = w.Text
			}
			e.State, e.Prior = Stale, r.prior(l.Tag, srcMsg, w.ID, from, &a.Message)
			return e
		}
	}
	return e
}

// Restorable reports whether archived translation a is current again for
// source message src, so that glot merge puts it back in the language's
// catalog: it was made for this source (by its hash, or by the source text
// the archive keeps with it) and merge takes it (see Takes).
func (r *Rules) Restorable(lang string, src *catalog.Message, a *ledger.Entry) bool {
	return r.restorable(lang, src, catalog.Hash(src), a)
}

func (r *Rules) restorable(lang string, src *catalog.Message, hash string, a *ledger.Entry) bool {
	m := a.Message
	if m.Hash == "" && a.Source != "" {
		if a.Source != src.Other {
			return false // made for a source text that is not this one
		}
		m.Hash = hash
	}
	return Takes(r.judge(lang, src, hash, &m))
}

func (r *Rules) prior(lang string, src *catalog.Message, id, source string, t *catalog.Message) *Prior {
	p := &Prior{ID: id, Lang: lang, Source: source, Translation: t}
	p.Reason = r.Fits(lang, src, t)
	p.Fits = p.Reason == nil
	return p
}

// Approved reports whether translation t of message id, judged v, is held
// back only by a blocking check and a reviewer approved it, as it is now:
// then it stands.
func Approved(v Verdict, r ledger.Reviews, id string, t *catalog.Message) bool {
	return v.State == Held && v.Reason.Approvable() && reviewed(r, id, t)
}

// reviewed reports whether a reviewer signed off translation t of message
// id, as it is now.
func reviewed(r ledger.Reviews, id string, t *catalog.Message) bool {
	rv, ok := r[id]
	return ok && rv.Rejected == "" && rv.Translation == ledger.TextHash(t)
}
