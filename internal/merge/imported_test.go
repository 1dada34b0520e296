package merge_test

import (
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/merge"
)

// idOf is the id of the message of s whose source is text.
func idOf(t *testing.T, s *site, text string) string {
	t.Helper()
	for id, m := range s.load().Source.Messages {
		if m.Other == text {
			return id
		}
	}
	t.Fatalf("no message has the source %q", text)
	return ""
}

// strictErr runs a merge of es that must fail, and returns its error.
func strictErr(t *testing.T, s *site, im []merge.Imported) error {
	t.Helper()
	ls := s.load()
	l, err := ls.Lang("es")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := merge.Run(ls, l, merge.Options{ContentName: "content", Imported: im}); err != nil {
		return err
	}
	t.Fatal("the merge took a file it must refuse")
	return nil
}

// A file made against an earlier version of a message's source (the id
// stayed, the English changed) brings a translation of that earlier text:
// it is kept as stale, with the source it translated, and offered to the
// translator beside the new source, never put in force. A translation
// whose carried source is the current one is taken, rewrapped or not.
func TestImportFromAnEarlierSource(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA})
	s.ui = []*catalog.Message{{ID: "ui-skip", Other: "Skip to the main content"}}
	s.extract()
	page := idOf(t, s, "Page A")
	res := s.merge("es", merge.Options{Imported: []merge.Imported{{
		File:         "es.po",
		Translations: map[string]*catalog.Message{"ui-skip": {Other: "Saltar al contenido"}, page: {Other: "Página A"}},
		Lines:        map[string]int{"ui-skip": 14, page: 20},
		Sources:      map[string]*catalog.Message{"ui-skip": {Other: "Skip to content"}, page: {Other: " Page\n A"}},
	}}})
	if res.Folded != 1 {
		t.Errorf("the translation of the current source is not taken: %s", summary(res))
	}
	active := s.file("active.es.toml")
	if strings.Contains(active, "Saltar al contenido") || !strings.Contains(active, "Página A") {
		t.Errorf("in force:\n%s", active)
	}
	archive := s.file(".glot/archive.es.toml")
	if !strings.Contains(archive, `source = "Skip to content"`) || !strings.Contains(archive, `other = "Saltar al contenido"`) {
		t.Errorf("the translation of the earlier source is not kept with it:\n%s", archive)
	}
	tr := s.file("translate.es.toml")
	i := strings.Index(tr, "[ui-skip]")
	if i < 0 || !strings.Contains(tr[:i], "Skip to content") || !strings.Contains(tr[i:], `other = "Saltar al contenido"`) {
		t.Errorf("the translate file does not offer the old translation with its source beside the new one:\n%s", tr)
	}
	said := false
	for _, n := range res.Notes {
		said = said || n.ID == "ui-skip" && n.Line == 14 && strings.Contains(n.Text, `earlier source, "Skip to content"`)
	}
	if !said {
		t.Errorf("no note says why: %v", res.Notes)
	}
	if st := s.status("es"); st.Stale != 1 {
		t.Errorf("status: %+v", st)
	}

	// Once the current source is translated, a late file for the earlier
	// one changes nothing in force, and says so.
	res = s.merge("es", merge.Options{Imported: []merge.Imported{{
		File:         "es.xlf",
		Translations: map[string]*catalog.Message{"ui-skip": {Other: "Saltar al contenido principal"}},
		Sources:      map[string]*catalog.Message{"ui-skip": {Other: "Skip to the main content"}},
	}}})
	if res.Folded != 1 {
		t.Fatalf("merge: %s", summary(res))
	}
	res = s.merge("es", merge.Options{Imported: []merge.Imported{{
		File:         "old.po",
		Translations: map[string]*catalog.Message{"ui-skip": {Other: "Saltar"}},
		Sources:      map[string]*catalog.Message{"ui-skip": {Other: "Skip"}},
	}}})
	if res.Folded != 0 || !strings.Contains(s.file("active.es.toml"), "Saltar al contenido principal") || len(res.Notes) != 1 {
		t.Errorf("a late file for an earlier source: %s\n%s", summary(res), s.file("active.es.toml"))
	}
}

// A plural message's carried forms are compared form by form, a form the
// source lacks (English has no few) with the source's other form. The
// file brings a new few form of a message that Arabic has in force.
func TestImportFromAnEarlierPluralSource(t *testing.T) {
	s := pluralSite(t)
	cur := map[string]*catalog.Message{"ui-reading-time": {One: "Reading time: {{.Count}} minute", Other: "Reading time: {{.Count}} minutes", Few: "Reading time: {{.Count}} minutes"}}
	old := map[string]*catalog.Message{"ui-reading-time": {One: "Read in {{.Count}} minute", Other: "Read in {{.Count}} minutes"}}
	brought := func() map[string]*catalog.Message {
		return map[string]*catalog.Message{"ui-reading-time": {Few: "زمن القراءة الجديد: {{.Count}} دقائق"}}
	}
	res := s.merge("ar", merge.Options{Imported: []merge.Imported{{File: "ar.xlf", Translations: brought(), Sources: old}}})
	if res.Folded != 0 || strings.Contains(s.file("active.ar.toml"), "الجديد") {
		t.Errorf("a form made for an earlier source is in force: %s", summary(res))
	}
	res = s.merge("ar", merge.Options{Imported: []merge.Imported{{File: "ar.xlf", Translations: brought(), Sources: cur}}})
	if res.Folded != 1 || !strings.Contains(s.file("active.ar.toml"), "الجديد") {
		t.Errorf("a form made for the current source is not taken: %s", summary(res))
	}
}

// Units a file names by their source text alone (a PO entry without
// msgctxt, a TMX unit without tuid) stand for the message with that
// source. One whose source no message has is refused, as an unknown id is.
func TestImportBySource(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA})
	s.extract()
	page := idOf(t, s, "Page A")
	im := func() []merge.Imported {
		return []merge.Imported{{File: "es.po",
			BySource:      map[string]*catalog.Message{"Page A": {Other: "Página A"}, "Not on this site": {Other: "No"}},
			BySourceLines: map[string]int{"Page A": 7, "Not on this site": 11},
		}}
	}
	err := strictErr(t, s, im())
	if !strings.Contains(err.Error(), `es.po:11: no message of the site has the source "Not on this site"`) {
		t.Fatalf("strict import: %v", err)
	}
	res := s.merge("es", merge.Options{Imported: im(), Partial: true})
	if res.Folded != 1 || len(res.LeftOut) != 1 || res.LeftOut[0].Line != 11 {
		t.Fatalf("partial import: %s; left out %v", summary(res), res.LeftOut)
	}
	if m := activeForms(t, s, "es", page); m.Other != "Página A" {
		t.Errorf("%s in force: %q", page, m.Other)
	}
}

// A fault in a file (a duplicate unit, a unit partly translated) refuses
// the whole file, naming it; with Partial, what the file holds for the
// faulty message is left out, even a translation it has for it, and the
// rest is taken.
func TestImportFaults(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA})
	s.extract()
	page := idOf(t, s, "Page A")
	second := idOf(t, s, "The second paragraph of page A is about something else entirely.")
	im := func() []merge.Imported {
		return []merge.Imported{{File: "es.xlf",
			Translations: map[string]*catalog.Message{page: {Other: "Página A"}, second: {Other: "El segundo párrafo"}},
			Lines:        map[string]int{page: 5, second: 9},
			Faults:       []merge.Problem{{File: "es.xlf", Line: 30, ID: second, Text: "a second unit with this id (the first is on line 9)"}},
		}}
	}
	err := strictErr(t, s, im())
	if !strings.Contains(err.Error(), "es.xlf:30: "+second+": a second unit") || !strings.Contains(err.Error(), "nothing was imported") {
		t.Fatalf("strict import: %v", err)
	}
	res := s.merge("es", merge.Options{Imported: im(), Partial: true})
	if res.Folded != 1 || len(res.LeftOut) != 1 || res.LeftOut[0].ID != second {
		t.Fatalf("partial import: %s; left out %v", summary(res), res.LeftOut)
	}
	if strings.Contains(s.file("active.es.toml"), "El segundo") || !strings.Contains(s.file("active.es.toml"), "Página A") {
		t.Errorf("in force:\n%s", s.file("active.es.toml"))
	}
}
