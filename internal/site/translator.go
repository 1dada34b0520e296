package site

import (
	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/render"
)

// policy says which translations a build may use.
type policy struct {
	allowStale      bool // a stale translation rather than the source text
	requireReviewed bool // only translations a reviewer signed off
}

// choice is the translation a language's pages show for one message.
type choice struct {
	m     *catalog.Message
	lang  string // the language it is in: the page's, or a parent's
	stale bool
}

// choose returns the translation in force in l of message id, whose
// source is src, under p: l's own translation made for src, else a parent
// language's (es-MX takes what it lacks from es), else, when p allows, a
// translation made for an earlier source. ok is false when the source text
// shows. Page text and interface text are chosen alike.
//
// A translation made for src is chosen even if its placeholders are wrong:
// the splice refuses it and the build says why, rather than leaving it out
// in silence.
func choose(s *locale.Site, l *locale.Lang, id string, src *catalog.Message, p policy) (choice, bool) {
	current := func(t *catalog.Message) bool {
		return t != nil && !catalog.Empty(t) && (t.Hash == "" || t.Hash == catalog.Hash(src))
	}
	if t := l.Active.Messages[id]; current(t) {
		return choice{m: t, lang: l.Tag}, !p.requireReviewed || l.Reviewed(id)
	}
	for _, parent := range l.Parents {
		if t := parent.Active.Messages[id]; current(t) {
			return choice{m: t, lang: parent.Tag}, !p.requireReviewed || parent.Reviewed(id)
		}
	}
	if p.requireReviewed || !p.allowStale {
		return choice{}, false
	}
	if st, prior := s.State(l, id); st == locale.Stale && !catalog.Empty(prior.Translation) {
		return choice{m: prior.Translation, lang: l.Tag, stale: true}, true
	}
	return choice{}, false
}

// translator gives the splice the page text of one language: the
// translations chosen for it, by message id.
type translator struct {
	text  map[string]string
	stale map[string]bool
}

var _ render.Translator = (*translator)(nil)

func newTranslator(s *locale.Site, lang string, p policy) (*translator, error) {
	t := &translator{text: map[string]string{}, stale: map[string]bool{}}
	if s == nil {
		return t, nil
	}
	l, err := s.Lang(lang)
	if err != nil {
		return nil, err
	}
	for id, src := range s.Source.Messages {
		if c, ok := choose(s, l, id, src, p); ok {
			t.text[id] = c.m.Other
			if c.stale {
				t.stale[id] = true
			}
		}
	}
	return t, nil
}

func (t *translator) Lookup(id string) (string, bool) {
	s, ok := t.text[id]
	return s, ok
}
