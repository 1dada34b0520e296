package merge_test

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/merge"
)

func TestFoldAndNothingLeft(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA, "b.md": pageB})
	s.extract()
	res := s.merge("es", merge.Options{})
	if res.Missing != 6 || res.Folded != 0 {
		t.Fatalf("first merge: %s", summary(res))
	}
	s.translate("es", spanish)
	res = s.merge("es", merge.Options{})
	if res.Folded != 6 || res.Missing != 0 || res.Stale != 0 {
		t.Fatalf("second merge: %s", summary(res))
	}
	if strings.Contains(s.file("translate.es.toml"), "[") {
		t.Errorf("translate.es.toml still has entries:\n%s", s.file("translate.es.toml"))
	}
	if !strings.Contains(s.file("active.es.toml"), `other = "ES The first paragraph of page A talks about <1>ketamine</1> and <2>receptors</2>."`) {
		t.Errorf("active.es.toml:\n%s", s.file("active.es.toml"))
	}
	// A third merge and a second extract change nothing.
	if res := s.merge("es", merge.Options{}); !res.Plan.Empty() {
		t.Errorf("merge again writes %v", res.Plan.Paths())
	}
	if res := s.extract(); !res.Plan.Empty() {
		t.Errorf("extract again writes %v", res.Plan.Paths())
	}
}

func TestNothingLostWhenPagesChange(t *testing.T) {
	tests := []struct {
		name       string
		change     func(s *site)
		stale      int
		missing    int
		translated int // of the messages after the change
	}{
		{"paragraph moved within the page", func(s *site) {
			s.edit("a.md", "The third paragraph of page A closes the page.\n", "")
			s.edit("a.md", "# Page A\n", "# Page A\n\nThe third paragraph of page A closes the page.\n")
		}, 0, 0, 6},
		{"paragraph moved to another page", func(s *site) {
			s.edit("a.md", "The third paragraph of page A closes the page.\n", "")
			s.edit("b.md", "own.\n", "own.\n\nThe third paragraph of page A closes the page.\n")
		}, 0, 0, 6},
		{"page renamed", func(s *site) {
			s.write("renamed.md", string(s.content["a.md"].Data))
			s.remove("a.md")
		}, 0, 0, 6},
		{"page renamed and edited", func(s *site) {
			s.write("guide/a.md", strings.Replace(string(s.content["a.md"].Data), "closes the page", "ends the page", 1))
			s.remove("a.md")
		}, 1, 0, 5},
		{"paragraph split", func(s *site) {
			s.edit("a.md", "is about something else entirely.", "is about something.\n\nSomething else entirely.")
		}, 2, 0, 5},
		{"paragraphs merged", func(s *site) {
			s.edit("a.md", "else entirely.\n\nThe third", "else entirely. The third")
		}, 1, 0, 4},
		{"pages merged", func(s *site) {
			s.edit("a.md", "closes the page.\n", "closes the page.\n\nPage B has a paragraph of its own.\n")
			s.remove("b.md")
		}, 0, 0, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := translated(t, newSite(t, map[string]string{"a.md": pageA, "b.md": pageB}))
			tt.change(s)
			s.extract()
			res := s.merge("es", merge.Options{})
			st := s.status("es")
			if res.Stale != tt.stale || res.Missing != tt.missing || st.Translated != tt.translated || st.Stale != tt.stale {
				t.Fatalf("merge %s, status %+v; want %d stale, %d missing, %d translated", summary(res), st, tt.stale, tt.missing, tt.translated)
			}
			// Every translation made so far is still on disk, current or
			// archived.
			all := s.file("active.es.toml") + s.file(ledger.ArchivePath("es"))
			for _, src := range []string{"The first paragraph of page A", "The second paragraph of page A", "The third paragraph of page A", "Page B has a paragraph", "Page A"} {
				if !strings.Contains(all, `other = "ES `+src) {
					t.Errorf("the translation of %q is gone", src)
				}
			}
		})
	}
}

func TestDeletedTextComesBackWithItsTranslation(t *testing.T) {
	s := translated(t, newSite(t, map[string]string{"a.md": pageA, "b.md": pageB}))
	s.remove("b.md")
	s.extract()
	res := s.merge("es", merge.Options{})
	if res.Archived != 2 {
		t.Fatalf("removing a page archives its 2 translations: %s", summary(res))
	}
	if strings.Contains(s.file("active.es.toml"), "Page B") {
		t.Error("active.es.toml holds only translations in force")
	}
	s.write("b.md", pageB)
	s.extract()
	res = s.merge("es", merge.Options{})
	if res.Restored != 2 || res.Missing != 0 {
		t.Fatalf("restoring the page restores its translations: %s", summary(res))
	}
}

func TestRefusedTranslationStaysWithTheTranslator(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA})
	s.extract()
	s.merge("es", merge.Options{})
	s.translate("es", func(src string) string {
		if strings.Contains(src, "<2>") {
			return "ES sin el enlace <1>ketamina</1>" // <2>…</2> dropped
		}
		return spanish(src)
	})
	res := s.merge("es", merge.Options{})
	if len(res.Refused) != 1 || !strings.Contains(res.Refused[0].Text, "<2>…</2> is missing") || res.Refused[0].File != "locales/translate.es.toml" || res.Refused[0].Line == 0 {
		t.Fatalf("refused: %+v", res.Refused)
	}
	tr := s.file("translate.es.toml")
	if !strings.Contains(tr, "# REFUSED: <2>…</2> is missing") || !strings.Contains(tr, `other = "ES sin el enlace <1>ketamina</1>"`) {
		t.Errorf("the refused translation must stay in the translate file, marked:\n%s", tr)
	}
	if strings.Contains(s.file("active.es.toml"), "sin el enlace") {
		t.Error("a refused translation must not be in force")
	}
	// Merging again keeps it there, still refused.
	if res := s.merge("es", merge.Options{}); len(res.Refused) != 1 {
		t.Fatalf("second merge: %+v", res.Refused)
	}
	if !strings.Contains(s.file("translate.es.toml"), "sin el enlace") {
		t.Error("the refused translation was lost on the second merge")
	}
}

// An interface message's translation may use its source's template fields
// and nothing else. One that reaches for more is refused, stays in the
// translate file with the reason, and the merge goes on.
func TestRefusedTemplateAction(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA})
	s.ui = []*catalog.Message{{ID: "ui-reading-time", One: "Reading time: {{.Count}} minute", Other: "Reading time: {{.Count}} minutes"}}
	s.extract()
	s.merge("es", merge.Options{})
	s.translate("es", func(src string) string {
		if strings.Contains(src, "{{.Count}}") {
			return `Tiempo de lectura: {{.Minutes}} minutos`
		}
		return spanish(src)
	})
	res := s.merge("es", merge.Options{})
	if len(res.Refused) != 1 || res.Refused[0].ID != "ui-reading-time" || !strings.Contains(res.Refused[0].Text, "{{.Minutes}}") {
		t.Fatalf("refused: %+v", res.Refused)
	}
	tr := s.file("translate.es.toml")
	if !strings.Contains(tr, "# REFUSED: other: template action {{.Minutes}} is not allowed") || !strings.Contains(tr, "{{.Minutes}} minutos") {
		t.Errorf("the refused translation must stay in the translate file, with its reason:\n%s", tr)
	}
	if strings.Contains(s.file("active.es.toml"), "Minutes") {
		t.Error("a refused translation must not be in force")
	}
}

func TestHandEditedActiveFile(t *testing.T) {
	s := translated(t, newSite(t, map[string]string{"a.md": pageA}))
	active := s.file("active.es.toml")
	// A translator empties one entry and adds one for a message that does
	// not exist.
	active = strings.Replace(active, `other = "ES Page A"`, `other = ""`, 1)
	active += "\n[no-such-message-aaaaaaaaaaaa]\nother = \"huérfano\"\n"
	s.locales["active.es.toml"] = &fstest.MapFile{Data: []byte(active)}
	res := s.merge("es", merge.Options{})
	if res.Missing != 1 || res.Archived != 1 || len(res.Notes) != 1 {
		t.Fatalf("merge: %s", summary(res))
	}
	if !strings.Contains(s.file(ledger.ArchivePath("es")), "huérfano") {
		t.Error("a translation of an unknown message is kept in the archive")
	}
}

func TestPageFilter(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA, "guide/b.md": pageB})
	s.extract()
	res := s.merge("es", merge.Options{Page: "guide/*"})
	if res.Missing != 2 {
		t.Fatalf("--page guide/*: %s", summary(res))
	}
	tr := s.file("translate.es.toml")
	if strings.Contains(tr, "content/a.md") || !strings.Contains(tr, "content/guide/b.md") {
		t.Errorf("translate file:\n%s", tr)
	}
}

// TestTranslateFileGolden pins the translator's file: page order, comments,
// stale entries with their history.
func TestTranslateFileGolden(t *testing.T) {
	s := translated(t, newSite(t, map[string]string{"a.md": pageA, "b.md": pageB}))
	s.edit("a.md", "something else entirely", "something different entirely")
	s.write("c.md", "# Page C\n\nA new page with `code`, a line  \nbreak and an ![image](i.png).\n")
	s.extract()
	s.merge("es", merge.Options{})
	glottest.Golden(t, path.Join("testdata", "translate.es.toml.golden"), []byte(s.file("translate.es.toml")))
}

// Merging writes deterministic files: the same input gives the same bytes,
// whatever order maps are walked in.
func TestDeterministic(t *testing.T) {
	var outs []string
	for i := 0; i < 5; i++ {
		s := translated(t, newSite(t, map[string]string{"a.md": pageA, "b.md": pageB}))
		var b strings.Builder
		names := slices.Sorted(maps.Keys(s.locales))
		for _, n := range names {
			fmt.Fprintf(&b, "== %s\n%s", n, s.locales[n].Data)
		}
		outs = append(outs, b.String())
	}
	for _, o := range outs[1:] {
		if o != outs[0] {
			t.Fatal("two runs wrote different bytes")
		}
	}
}

// An import that edits a translation already in force, and whose edit is
// refused, keeps the translation in force and writes the refused edit to
// the translate file, marked REFUSED, for the translator to mend: their
// work is never thrown away.
func TestRefusedEditOfTranslatedMessage(t *testing.T) {
	s := translated(t, newSite(t, map[string]string{"a.md": pageA}))
	var id, src string
	for i, m := range s.load().Source.Messages {
		if strings.Contains(m.Other, "<1>") {
			id, src = i, m.Other
		}
	}
	if id == "" {
		t.Fatal("pageA has no message with a tag")
	}
	res := s.merge("es", merge.Options{Imported: []merge.Imported{{
		File: "es.xlf", Translations: map[string]*catalog.Message{id: {ID: id, Other: "Sin etiquetas, editado."}}, Lines: map[string]int{id: 4},
	}}})
	if len(res.Refused) != 1 || res.Refused[0].ID != id {
		t.Fatalf("merge: %s", summary(res))
	}
	if !strings.Contains(s.file("active.es.toml"), catalog.Quote(spanish(src))) {
		t.Errorf("the translation in force is gone:\n%s", s.file("active.es.toml"))
	}
	tr := s.file("translate.es.toml")
	if !strings.Contains(tr, `other = "Sin etiquetas, editado."`) || !strings.Contains(tr, "REFUSED") {
		t.Errorf("the refused edit is not in the translate file, marked REFUSED:\n%s", tr)
	}
}
