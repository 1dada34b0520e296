package merge

import (
	"fmt"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/verdict"
)

// take decides the fate of translation t of message id, read from file,
// where lineOf gives the line of each of its keys: in force, archived,
// refused, or kept as a draft. It reports whether t is now in force.
func (m *merger) take(file string, lineOf func(id, key string) int, id string, t *catalog.Message) bool {
	src := m.s.Source.Messages[id]
	if file == m.translatePath && m.l.Translate.Fuzzy[id] > 0 && m.keepDraft(id, src, t) {
		return false
	}
	if src == nil {
		m.takeGone(file, lineOf, id, t)
		return false
	}
	t, ok := m.slips(file, lineOf, id, src, t)
	return ok && m.judge(file, lineOf, id, src, t)
}

// keepDraft keeps a draft the translator has not confirmed, translation t
// of message id, to go back into the translate file as it is, still
// marked; one of a message that is gone and that is what the archive
// holds already needs nothing more. It reports whether it kept it: a
// draft of a message that is gone and archived with another text is the
// translator's newest work, and is taken as any translation of a message
// that is gone.
func (m *merger) keepDraft(id string, src, t *catalog.Message) bool {
	if src != nil {
		if !catalog.Empty(t) {
			m.drafts[id] = t
		}
		return true
	}
	e := m.archive[id]
	return e != nil && sameForms(&e.Message, t)
}

// takeGone archives translation t of message id, which no message of the
// site has: one whose message is gone, or an id mistyped, which goes back
// to the translator from the translate file with the id it most likely
// stands for.
func (m *merger) takeGone(file string, lineOf func(id, key string) int, id string, t *catalog.Message) {
	if catalog.Empty(t) {
		return
	}
	if m.s.Retired[id] != "" || m.s.IsPredecessor(id) {
		m.retire(id, t, m.s.Retired[id])
		if !m.s.IsPredecessor(id) {
			// An edited message's old translation is shown as stale;
			// only one that nothing replaces is worth a note.
			m.note(file, lineOf(id, ""), id, "", "no page uses this message any more: its translation is kept in the archive")
		}
		return
	}
	if m.index == nil {
		m.index = newIDIndex(m.s)
	}
	reason := "no message of the site has this id" + closestID(m.index, m.l.Translate, id, t)
	if file == m.translatePath {
		m.unknown[id] = t
		m.refuse(file, lineOf(id, ""), id, "", t, reason)
		return
	}
	m.retire(id, t, "")
	m.note(file, lineOf(id, ""), id, "", reason+": its translation is kept in the archive")
}

// slips deals with a translator's slips in translation t of message id,
// whose source is src: an edited hash is said and put right; a plural
// form on a message with one text is refused. It returns the translation
// to judge, and false when it refused it.
func (m *merger) slips(file string, lineOf func(id, key string) int, id string, src, t *catalog.Message) (*catalog.Message, bool) {
	if t.Hash != "" && t.Hash != catalog.Hash(src) && slipped(m.s, m.l, id, src, t.Hash) {
		m.note(file, lineOf(id, "hash"), id, "hash",
			"its hash is that of no version of its source, so it was edited: the translation is taken as made for the current source (leave hash as glot merge writes it)")
		c := *t
		c.Hash = ""
		t = &c
	}
	if file == m.translatePath && len(catalog.Forms(src)) == 1 && !catalog.Empty(t) {
		// A message with one text has no plural forms: go-i18n would
		// keep a "one" form, and no page would ever show it.
		for _, f := range catalog.Forms(t) {
			if f.Name != "other" {
				m.refuse(file, lineOf(id, f.Name), id, f.Name, t, fmt.Sprintf("this message has no plural forms, only other: remove the `%s` line", f.Name))
				return nil, false
			}
		}
	}
	return t, true
}

// judge puts translation t of message id in force, as the verdict judges
// it against its source src, or archives it as stale, or refuses it. It
// reports whether t is now in force.
func (m *merger) judge(file string, lineOf func(id, key string) int, id string, src, t *catalog.Message) bool {
	v := m.rules.Judge(m.l.Tag, src, t)
	switch v.State {
	case verdict.Missing:
		// An empty translation is no translation; nothing is lost.
		return false
	case verdict.Stale:
		m.retire(id, t, "")
		m.note(file, lineOf(id, "hash"), id, "", "translated for an earlier version of its source: kept in the archive as stale")
		return false
	case verdict.Held:
		if !verdict.Takes(v) {
			m.refuse(file, lineOf(id, v.Reason.Form), id, v.Reason.Form, t, v.Reason.Error())
			return false
		}
		if !verdict.Approved(v, m.l.Reviews, id, t) {
			m.heldForm[len(m.res.Held)] = v.Reason.Form
			m.res.Held = append(m.res.Held, Problem{file, lineOf(id, v.Reason.Form), id, v.Reason.Error()})
		}
	}
	m.heldNow[id] = v.State == verdict.Held && !verdict.Approved(v, m.l.Reviews, id, t)
	c := *t
	c.ID = id
	c.Hash = catalog.Hash(src)
	m.active.Messages[id] = &c
	delete(m.refused, id)
	return true
}
