package site

import (
	"slices"

	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/verdict"
)

// Counts are a language's messages (distinct message ids, page text and
// interface text alike) by state, in glot status's words: translated (the
// reviewed ones among them), stale and missing, each as the language's
// compiled table decides it. A translation held back (it fails a blocking
// check and no reviewer approved it) is stale to status, and named as
// held back here. For a build of the whole site they are status's counts;
// for a shard, those of the messages its pages and the interface show.
type Counts struct {
	Messages, Translated, Reviewed, Stale, Missing int
	// Held are the stale messages whose translation is held back, shown
	// in the source language.
	Held int
	// ShownInSource are the messages whose pages show the source text;
	// InSource says which of them are missing, stale, and translated but
	// not reviewed (under --require reviewed).
	ShownInSource                              int
	MissingInSource, StaleInSource, Unreviewed int
	// ShownStale are the stale messages shown in their earlier
	// translation (--allow-stale).
	ShownStale int
}

// countMessages counts, for lang, the messages of the source whose
// indices are idx, and unknown more that the source does not have (a
// page changed since the last extract), under policy p. A language with
// no table yet has every message missing; a pseudo-language, every one
// translated.
func countMessages(lang string, t *verdict.Table, idx []int, unknown int, p verdict.Policy) Counts {
	c := Counts{Messages: len(idx) + unknown}
	if langtag.IsPseudo(lang) {
		c.Translated = c.Messages
		return c
	}
	c.Missing, c.ShownInSource, c.MissingInSource = unknown, unknown, unknown
	if t == nil {
		c.Missing += len(idx)
		c.ShownInSource, c.MissingInSource = c.Messages, c.Messages
		return c
	}
	for _, i := range idx {
		st := t.State(i)
		switch st {
		case verdict.Translated:
			c.Translated++
			if t.Reviewed(i) {
				c.Reviewed++
			}
		case verdict.Stale, verdict.Held:
			c.Stale++
		default:
			c.Missing++
		}
		switch {
		case t.Shown(i, p) == 0:
			c.ShownInSource++
			switch st {
			case verdict.Translated:
				c.Unreviewed++
			case verdict.Stale, verdict.Held:
				c.StaleInSource++
				if t.HoldsBack(i, p) {
					c.Held++
				}
			default:
				c.MissingInSource++
			}
		case t.ShownStale(i, p):
			c.ShownStale++
		}
	}
	return c
}

// messageSet is what the build counts in each language: every message of
// the source for a build of the whole site, else those of the pages of
// its shard and the interface's; and the number of distinct ids of those
// pages that the source does not have.
func (b *builder) messageSet() (idx []int, unknown int) {
	src := b.o.Source
	seen := map[int]bool{}
	unknownIDs := map[string]bool{}
	whole := b.o.Shard.N <= 1
	for _, p := range b.pages {
		if !whole && !b.o.Shard.Has(p.Path) {
			continue
		}
		s := b.sums[p.Path]
		for k, n := range s.idx {
			if n < 0 {
				unknownIDs[s.IDs[k]] = true
			} else {
				seen[n] = true
			}
		}
	}
	if src == nil {
		return nil, len(unknownIDs)
	}
	if whole {
		idx = make([]int, src.Len())
		for i := range idx {
			idx[i] = i
		}
		return idx, len(unknownIDs)
	}
	for _, id := range b.interfaceIDs() {
		if n, ok := src.Index(id); ok {
			seen[n] = true
		}
	}
	for n := range seen {
		idx = append(idx, n)
	}
	slices.Sort(idx)
	return idx, len(unknownIDs)
}

// interfaceIDs are the ids of the interface messages: a Hugo site's i18n
// messages, or the layout's.
func (b *builder) interfaceIDs() []string {
	var ids []string
	if b.o.Config.IsHugo() {
		for _, m := range b.o.HugoI18n {
			ids = append(ids, m.ID)
		}
		return ids
	}
	for _, m := range b.ui.set.Interface() {
		ids = append(ids, m.ID)
	}
	return ids
}
