package site

import (
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/verdict"
)

// translator gives the splice the page text of one language: what the
// language's compiled table says a page shows for each message under the
// build's policy.
type translator struct {
	table  *verdict.Table
	policy verdict.Policy
}

var _ render.Translator = (*translator)(nil)

func newTranslator(s *locale.Site, src *verdict.Source, lang string, p verdict.Policy) (*translator, error) {
	l, err := s.Lang(lang)
	if err != nil {
		return nil, err
	}
	t, err := verdict.Compile(src, l)
	if err != nil {
		return nil, err
	}
	return &translator{table: t, policy: p}, nil
}

func (t *translator) Lookup(id string) (string, bool) {
	m, _, _, ok := t.table.Entry(id).Use(t.policy)
	if !ok {
		return "", false
	}
	return m.Other, true
}

// stale reports whether the text shown for id is a stale translation.
func (t *translator) stale(id string) bool {
	_, _, stale, ok := t.table.Entry(id).Use(t.policy)
	return ok && stale
}

// problem says why a translation of id is held back, or "".
func (t *translator) problem(id string) string {
	if p := t.table.Entry(id).Problem(t.policy); p != nil {
		return p.Error()
	}
	return ""
}
