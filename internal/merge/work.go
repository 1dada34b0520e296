package merge

import (
	"maps"
	"path"
	"slices"

	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/tm"
)

// work lists the entries of the translate file: page by page, block by
// block, each message with no translation in force where a reader first
// meets it (of the pages Options.Page matches); then the messages on no
// page (interface text, say), and the refused translations and drafts of
// pages --page left out, so that none is ever lost.
func (m *merger) work() []item {
	written := map[string]bool{}
	var items []item
	add := func(id, page string, blk *ledger.Block) {
		written[id] = true
		it := item{id: id, src: m.s.Source.Messages[id], page: page, blk: blk, entry: m.entryOf(id),
			refused: m.refused[id], why: m.why[id], draft: m.drafts[id]}
		if len(m.l.Parents) > 0 {
			it.from, it.inherited = inherited(m.rules, m.l, sourceMessage(m.s, it.id))
		}
		items = append(items, it)
	}
	for _, p := range m.s.Pages {
		if ok, _ := path.Match(m.opts.Page, p.Path); m.opts.Page != "" && !ok {
			continue
		}
		for i := range p.Blocks {
			if blk := &p.Blocks[i]; !written[blk.ID] && m.todo(blk.ID) {
				add(blk.ID, p.Path, blk)
			}
		}
	}
	for _, id := range m.s.Source.IDs() {
		kept := m.refused[id] != nil || m.drafts[id] != nil
		if !written[id] && m.todo(id) && (kept || m.opts.Page == "" && !m.s.OnPage(id)) {
			add(id, "", nil)
		}
	}
	return items
}

// todo reports whether message id has an entry in the translate file.
func (m *merger) todo(id string) bool {
	if m.s.Source.Messages[id] == nil {
		return false
	}
	// A refused edit of a translation in force goes back to the
	// translator too, beside the translation that stays: it is their
	// work, and glot has said it keeps it.
	if m.refused[id] != nil {
		return true
	}
	// So does a draft that differs from what is in force: the
	// translator's words, not yet confirmed.
	cur := m.active.Messages[id]
	if d := m.drafts[id]; d != nil && (cur == nil || !sameForms(cur, d)) {
		return true
	}
	if cur != nil {
		return false
	}
	// A regional variant has nothing to do where its parent language's
	// translation serves.
	return m.entryOf(id).InForce == nil
}

// lost are the entries of ids the site never had, as the translator
// wrote them, for the translate file to give back, by id.
func (m *merger) lost() []item {
	var out []item
	for _, id := range slices.Sorted(maps.Keys(m.unknown)) {
		out = append(out, item{id: id, refused: m.unknown[id], why: m.why[id]})
	}
	return out
}

// memory is the language's translation memory: every translation with a
// known source, those in force and those archived. One that fails a
// blocking check against its own source is never offered, approved or
// not: a dose converted for one page is wrong on another.
func (m *merger) memory() *tm.Memory {
	var ps []tm.Pair
	for _, id := range m.active.IDs() {
		if src := m.s.Source.Messages[id]; src != nil && m.rules.Fits(m.l.Tag, src, m.active.Messages[id]) == nil {
			ps = append(ps, tm.Pair{ID: id, Key: id, Source: src.Other, Translation: m.active.Messages[id].Other})
		}
	}
	words := m.opts.Words
	if words == nil {
		words = tm.NewWords()
	}
	return tm.NewWith(words, append(ps, archivePairs(m.rules, m.l.Tag, m.archive)...), nil)
}
