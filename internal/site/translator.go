package site

import (
	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/render"
)

// translator gives the build the translation in force for each message of
// one language: current ones only, or, with allowStale, a stale one where
// there is no current one.
type translator struct {
	text       map[string]string
	stale      map[string]bool
	allowStale bool
}

var _ render.Translator = (*translator)(nil)

func newTranslator(s *locale.Site, lang string, allowStale, requireReviewed bool) (*translator, error) {
	t := &translator{text: map[string]string{}, stale: map[string]bool{}, allowStale: allowStale}
	if s == nil {
		return t, nil
	}
	l, err := s.Lang(lang)
	if err != nil {
		return nil, err
	}
	for id, src := range s.Source.Messages {
		// A translation made for this source is handed to the splice even
		// if its placeholders are wrong: the splice refuses it and the
		// build says why, rather than leaving it out in silence.
		if m := l.Active.Messages[id]; m != nil && !catalog.Empty(m) && (m.Hash == "" || m.Hash == catalog.Hash(src)) {
			if !requireReviewed || l.Reviewed(id) {
				t.text[id] = m.Other
			}
			continue
		}
		// A regional variant takes what it lacks from its parents.
		if m, from := s.Inherited(l, id); m != nil {
			if !requireReviewed || from.Reviewed(id) {
				t.text[id] = m.Other
			}
			continue
		}
		if requireReviewed {
			continue
		}
		if !allowStale {
			continue
		}
		if st, prior := s.State(l, id); st == locale.Stale && !catalog.Empty(prior.Translation) {
			t.text[id] = prior.Translation.Other
			t.stale[id] = true
		}
	}
	return t, nil
}

func (t *translator) Lookup(id string) (string, bool) {
	s, ok := t.text[id]
	return s, ok
}
