package merge

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
)

// foldImports folds in the work of translators' own files, after the
// translate file's, once admit has screened it.
func (m *merger) foldImports() error {
	imports, leftOut, err := admit(m.s, m.opts.Imported, m.opts.Partial)
	if err != nil {
		return err
	}
	m.res.LeftOut = leftOut
	for _, im := range imports {
		for _, id := range slices.Sorted(maps.Keys(im.Translations)) {
			src, carried := m.s.Source.Messages[id], im.Sources[id]
			if src != nil && carried != nil && !madeFor(src, carried) {
				m.foldEarlier(im, id, src, carried)
				continue
			}
			m.foldUnit(im, id)
		}
	}
	return nil
}

// foldEarlier keeps what file im brings for message id, made against
// another version of its source, carried: not a translation of src, the
// current one, it is kept as a stale one is, and offered beside the new
// source with that history.
func (m *merger) foldEarlier(im Imported, id string, src, carried *catalog.Message) {
	t, _ := overlay(src, nil, im.Translations[id])
	t.Hash = catalog.Hash(carried)
	switch {
	case catalog.Empty(t):
	case m.active.Messages[id] != nil:
		m.note(im.File, im.Lines[id], id, "",
			fmt.Sprintf("translated from an earlier source, %s: the translation of the current source stays, and this one is not taken", quoteShort(carried.Other)))
	default:
		m.retire(id, t, carried.Other)
		m.note(im.File, im.Lines[id], id, "",
			fmt.Sprintf("translated from an earlier source, %s: kept as stale, and shown in %s beside the new source", quoteShort(carried.Other), m.translatePath))
	}
}

// foldUnit folds in what file im brings for message id: the forms it
// brings, over the translation in force. Brought back unchanged, it may
// only mark that one reviewed; brought over a translation waiting in the
// translate file, it wins, and the other is kept in the archive.
func (m *merger) foldUnit(im Imported, id string) {
	src := m.s.Source.Messages[id]
	t, changed := overlay(src, m.active.Messages[id], im.Translations[id])
	if !changed {
		// What was exported comes back unchanged, perhaps reviewed
		// since.
		if im.Reviewed[id] && m.active.Messages[id] != nil {
			m.marked[id] = im.File
		}
		return
	}
	if src != nil {
		for _, f := range catalog.Forms(im.Translations[id]) {
			if forms := shownForms(m.l.Tag, src); !slices.Contains(forms, f.Name) {
				m.note(im.File, im.Lines[id], id, "",
					fmt.Sprintf("the plural form %s is not one that %s uses for this message (%s): it is kept, but no page shows it", f.Name, m.l.Tag, strings.Join(forms, ", ")))
			}
		}
	}
	w := m.waiting[id]
	if !m.take(im.File, func(id, _ string) int { return im.Lines[id] }, id, t) {
		return
	}
	delete(m.archive, id)
	m.res.Folded++
	delete(m.marked, id)
	if im.Reviewed[id] {
		m.marked[id] = im.File
	}
	if w != nil {
		// Two translators' work for one message: the file imported
		// wins, and the other is kept where merge offers it again,
		// beside the source.
		delete(m.waiting, id)
		m.retire(id, w, src.Other)
		m.note(im.File, im.Lines[id], id, "", fmt.Sprintf("replaces the translation waiting in %s, which is kept in the archive", m.translatePath))
	}
}
