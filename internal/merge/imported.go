package merge

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/locale"
)

// admit screens the work of translators' files before merge folds it in,
// and returns what may be folded: for each file, its translations by
// message id, those it named by source text alone (Imported.BySource)
// given to every message with that source.
//
// Import is strict. A file with a fault (a duplicate unit, a unit partly
// translated) or a unit for a message the site never had (not in the
// source, not retired, held by no page's block before) is refused whole,
// and every such unit is named in the error: a file from another project,
// or with ids made up, would otherwise fill the archive with whatever it
// brings. With partial, what is sound is admitted, and each unit left out
// is named in the problems returned.
func admit(s *locale.Site, imports []Imported, partial bool) ([]Imported, []Problem, error) {
	var bySource map[string][]string // source text -> the messages with it
	var bad []Problem
	out := make([]Imported, 0, len(imports))
	for _, im := range imports {
		ok := im
		ok.Translations, ok.Lines = maps.Clone(im.Translations), maps.Clone(im.Lines)
		if ok.Translations == nil {
			ok.Translations, ok.Lines = map[string]*catalog.Message{}, map[string]int{}
		}
		for _, src := range slices.Sorted(maps.Keys(im.BySource)) {
			if bySource == nil {
				bySource = sourceIndex(s)
			}
			ids := bySource[src]
			if len(ids) == 0 {
				bad = append(bad, Problem{im.File, im.BySourceLines[src], "", fmt.Sprintf("no message of the site has the source %s", quoteShort(src))})
				continue
			}
			for _, id := range ids {
				if _, named := ok.Translations[id]; !named {
					// A unit that names the message by its id says more
					// than one that has its source text.
					t := *im.BySource[src]
					t.ID = id
					ok.Translations[id], ok.Lines[id] = &t, im.BySourceLines[src]
				}
			}
		}
		faulty := map[string]bool{}
		for _, f := range im.Faults {
			bad = append(bad, f)
			if f.ID != "" {
				faulty[f.ID] = true
			}
		}
		for _, id := range slices.Sorted(maps.Keys(ok.Translations)) {
			if faulty[id] {
				delete(ok.Translations, id)
				continue
			}
			if s.Source.Messages[id] != nil || s.Retired[id] != "" || s.IsPredecessor(id) {
				continue
			}
			bad = append(bad, Problem{im.File, ok.Lines[id], id, "no message of the site has this id"})
			delete(ok.Translations, id)
		}
		out = append(out, ok)
	}
	slices.SortStableFunc(bad, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	if len(bad) > 0 && !partial {
		errs := make([]error, len(bad))
		for i, p := range bad {
			errs[i] = errors.New(p.String())
		}
		return nil, nil, fmt.Errorf("%w\nnothing was imported: fix the files, or import what is sound with glot import --partial", errors.Join(errs...))
	}
	return out, bad, nil
}

// sourceIndex maps each source text of s (its other form) to the
// messages that have it, in id order.
func sourceIndex(s *locale.Site) map[string][]string {
	idx := map[string][]string{}
	for _, id := range s.Source.IDs() {
		m := s.Source.Messages[id]
		idx[m.Other] = append(idx[m.Other], id)
	}
	return idx
}

// madeFor reports whether the source a translator's file carries beside a
// translation is src as it is now: every plural form the file carries is
// src's form of that name, or its other form where src has none (as
// exchange writes a form English lacks). Runs of white space count as
// one, since tools rewrap what they carry.
func madeFor(src, carried *catalog.Message) bool {
	for _, f := range catalog.Forms(carried) {
		want := catalog.FormText(src, f.Name)
		if want == "" {
			want = src.Other
		}
		if strings.Join(strings.Fields(f.Text), " ") != strings.Join(strings.Fields(want), " ") {
			return false
		}
	}
	return true
}

// quoteShort quotes s for a message, cut to a readable length.
func quoteShort(s string) string {
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "..."
	}
	return fmt.Sprintf("%q", s)
}
