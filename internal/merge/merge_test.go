package merge_test

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/extract"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/merge"
	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/report"
	"github.com/glot-i18n/glot/internal/tm"
	"github.com/glot-i18n/glot/internal/verdict"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// site is a glot site in memory, run through extract and merge the way the
// CLI runs it on disk.
type site struct {
	t       *testing.T
	content fstest.MapFS
	locales fstest.MapFS
	ui      []*catalog.Message // the layout's interface messages
}

func newSite(t *testing.T, pages map[string]string) *site {
	s := &site{t: t, content: fstest.MapFS{}, locales: fstest.MapFS{}}
	for p, text := range pages {
		s.write(p, text)
	}
	return s
}

func (s *site) write(page, text string) {
	s.content[page] = &fstest.MapFile{Data: []byte(text)}
}

func (s *site) remove(page string) { delete(s.content, page) }

func (s *site) edit(page, old, new string) {
	s.t.Helper()
	f := s.content[page]
	if f == nil || !bytes.Contains(f.Data, []byte(old)) {
		s.t.Fatalf("%s does not contain %q", page, old)
	}
	s.write(page, strings.Replace(string(f.Data), old, new, 1))
}

func (s *site) apply(p plan.Plan) {
	for _, f := range p.Writes {
		s.locales[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	for _, r := range p.Removes {
		delete(s.locales, r)
	}
}

func (s *site) extract() *extract.Result {
	s.t.Helper()
	res, err := extract.Run(extract.Input{Content: s.content, Locales: s.locales, Source: "en", ContentName: "content", LocalesName: "locales", Interface: s.ui})
	if err != nil {
		s.t.Fatal(err)
	}
	s.apply(res.Plan)
	return res
}

func (s *site) load() *locale.Site {
	s.t.Helper()
	ls, err := locale.Load(s.locales, "locales", "en")
	if err != nil {
		s.t.Fatal(err)
	}
	return ls
}

func (s *site) merge(lang string, opts merge.Options) *merge.Result {
	s.t.Helper()
	ls := s.load()
	l, err := ls.Lang(lang)
	if err != nil {
		s.t.Fatal(err)
	}
	opts.ContentName = "content"
	res, err := merge.Run(ls, l, opts)
	if err != nil {
		s.t.Fatal(err)
	}
	s.apply(res.Plan)
	return res
}

// translate plays the translator: it fills every entry of
// translate.<lang>.toml with tr(source text), keeping the file's hashes.
func (s *site) translate(lang string, tr func(src string) string) {
	s.t.Helper()
	ls := s.load()
	file := locale.TranslatePath(lang)
	c, err := catalog.Parse(file, s.locales[file].Data)
	if err != nil {
		s.t.Fatal(err)
	}
	for id, m := range c.Messages {
		m.Other = tr(ls.Source.Messages[id].Other)
	}
	s.locales[file] = &fstest.MapFile{Data: c.Bytes("", false)}
}

func (s *site) file(name string) string {
	if f := s.locales[name]; f != nil {
		return string(f.Data)
	}
	return ""
}

func (s *site) status(lang string) report.LangStatus {
	s.t.Helper()
	ls := s.load()
	src, ts, err := verdict.CompileLangs(ls, []string{lang})
	if err != nil {
		s.t.Fatal(err)
	}
	st := report.Status(src, ts)
	return st.Languages[0]
}

func summary(r *merge.Result) string {
	return fmt.Sprintf("folded %d, restored %d, archived %d, missing %d, stale %d, refused %v, notes %v, writes %v",
		r.Folded, r.Restored, r.Archived, r.Missing, r.Stale, r.Refused, r.Notes, r.Plan.Paths())
}

// spanish is a stand-in translation that keeps the placeholders.
func spanish(src string) string { return "ES " + src }

const pageA = `---
title: Page A
---

# Page A

The first paragraph of page A talks about *ketamine* and [receptors](b.md).

The second paragraph of page A is about something else entirely.

The third paragraph of page A closes the page.
`

const pageB = `# Page B

Page B has a paragraph of its own.
`

func translated(t *testing.T, s *site) *site {
	t.Helper()
	s.extract()
	s.merge("es", merge.Options{})
	s.translate("es", spanish)
	s.merge("es", merge.Options{})
	if st := s.status("es"); st.Translated != st.Messages || st.Messages == 0 {
		t.Fatalf("after translating everything: %+v", st)
	}
	return s
}

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

func TestEditedParagraphIsStaleNotLost(t *testing.T) {
	s := translated(t, newSite(t, map[string]string{"a.md": pageA, "b.md": pageB}))
	oldSrc := "The second paragraph of page A is about something else entirely."
	s.edit("a.md", "something else entirely", "something different entirely")
	s.extract()
	res := s.merge("es", merge.Options{})
	if res.Stale != 1 || res.Missing != 0 || res.Archived != 1 {
		t.Fatalf("merge after the edit: %s", summary(res))
	}
	tr := s.file("translate.es.toml")
	for _, want := range []string{
		"STALE: the source changed since it was translated",
		"# en (now):    The second paragraph of page A is about something different entirely.",
		"# en (before): " + oldSrc,
		"# changed:     … A is about something [-else-] {+different+} entirely.",
		"#, fuzzy\n[",
		"other = \"ES " + oldSrc + "\"",
	} {
		if !strings.Contains(tr, want) {
			t.Errorf("translate.es.toml lacks %q:\n%s", want, tr)
		}
	}
	// The old translation is kept, with the source it translated.
	arch := s.file(ledger.ArchivePath("es"))
	if !strings.Contains(arch, `source = "`+oldSrc+`"`) || !strings.Contains(arch, `other = "ES `+oldSrc+`"`) {
		t.Errorf("archive:\n%s", arch)
	}
	if st := s.status("es"); st.Stale != 1 || st.Missing != 0 || st.Translated != st.Messages-1 {
		t.Errorf("status: %+v", st)
	}
	// The translator updates it: it is current again, and the stale mark
	// is gone.
	s.translate("es", func(src string) string { return "ES2 " + src })
	res = s.merge("es", merge.Options{})
	if res.Folded != 1 || res.Stale != 0 {
		t.Fatalf("merge of the update: %s", summary(res))
	}
	if strings.Contains(s.file("translate.es.toml"), "STALE") {
		t.Error("the stale entry is still there")
	}
	if st := s.status("es"); st.Translated != st.Messages {
		t.Errorf("status: %+v", st)
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
	got := s.file("translate.es.toml")
	golden := path.Join("testdata", "translate.es.toml.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("translate.es.toml differs from %s (go test -update rewrites it):\n%s", golden, got)
	}
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

// A new message close to one already translated gets that translation as a
// suggestion, with its score, and a warning when numbers, units or
// negations differ. A suggestion is a comment: nothing is translated until
// the translator writes it in.
func TestSuggestions(t *testing.T) {
	s := translated(t, newSite(t, map[string]string{"a.md": pageA, "b.md": pageB}))
	s.write("c.md", "# Page C\n\nThe first paragraph of page C talks about *ketamine* and [receptors](b.md).\n\nThe third paragraph of page A closes the page, not.\n\nThe second paragraph of page A is about 2 other things entirely.\n")
	s.extract()
	res := s.merge("es", merge.Options{})
	if res.Suggested != 3 {
		t.Fatalf("suggested %d: %s", res.Suggested, summary(res))
	}
	tr := s.file("translate.es.toml")
	for _, want := range []string{
		"# suggestion (93 %): ES The first paragraph of page A talks about <1>ketamine</1> and <2>receptors</2>.",
		"#   translates: The first paragraph of page A talks about <1>ketamine</1> and <2>receptors</2>.",
		"# CAUTION: negations differ: not here, none there: check the suggestion before using it",
		"# CAUTION: numbers differ: 2 here, none there: check the suggestion before using it",
	} {
		if !strings.Contains(tr, want) {
			t.Errorf("translate.es.toml lacks %q:\n%s", want, tr)
		}
	}
	if st := s.status("es"); st.Missing != 4 {
		t.Errorf("a suggestion is not a translation: %+v", st)
	}
}

// A reviewer's sign-off holds for the exact text reviewed.
func TestApprove(t *testing.T) {
	s := translated(t, newSite(t, map[string]string{"a.md": pageA, "b.md": pageB}))
	ls := s.load()
	l, _ := ls.Lang("es")
	if _, _, err := merge.Approve(ls, l, merge.Approval{IDs: []string{"no-such-id"}}); err == nil {
		t.Error("approving an unknown message")
	}
	p, n, err := merge.Approve(ls, l, merge.Approval{Page: "b.md", By: "Dr. R"})
	if err != nil || n != 2 {
		t.Fatalf("approve b.md: %d %v", n, err)
	}
	s.apply(p)
	if st := s.status("es"); st.Reviewed != 2 {
		t.Errorf("status: %+v", st)
	}
	rev := s.file(ledger.ReviewPath("es"))
	if strings.Count(rev, "translation = \"sha1-") != 2 || !strings.Contains(rev, `by = "Dr. R"`) {
		t.Errorf("review file:\n%s", rev)
	}
	// Approving again changes nothing.
	ls = s.load()
	l, _ = ls.Lang("es")
	if p, n, _ := merge.Approve(ls, l, merge.Approval{Page: "b.md"}); n != 0 || !p.Empty() {
		t.Errorf("second approval: %d %v", n, p.Paths())
	}
	// The translator changes one of them: it is no longer reviewed.
	active := strings.Replace(s.file("active.es.toml"), `other = "ES Page B"`, `other = "Página B"`, 1)
	s.locales["active.es.toml"] = &fstest.MapFile{Data: []byte(active)}
	if st := s.status("es"); st.Reviewed != 1 {
		t.Errorf("after an edit: %+v", st)
	}
}

// On the sample site itself: a paragraph is edited; the Spanish translate
// file carries the previous source and the old translation; the
// translator's update, merged, clears it.
func TestSampleSiteEdit(t *testing.T) {
	s := &site{t: t, content: fstest.MapFS{}, locales: fstest.MapFS{}}
	for dir, m := range map[string]fstest.MapFS{"../../content": s.content, "../../locales": s.locales} {
		err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path.Join(dir, p))
			m[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	const before = "It does so by turning BDNF production back on."
	s.edit("ketamine-infusion-therapy.md", before, "It does so by switching BDNF production back on.")
	s.extract()
	res := s.merge("es", merge.Options{})
	if res.Stale != 1 || res.Missing != 0 {
		t.Fatalf("merge: %s", summary(res))
	}
	tr := s.file("translate.es.toml")
	for _, want := range []string{"# en (now):    It does so by switching BDNF production back on.", "# en (before): " + before,
		"# changed:     It does so by [-turning-] {+switching+} BDNF production back on. …", "#, fuzzy\n[it-does-so", "other = \"Lo hace reactivando la producción de BDNF."} {
		if !strings.Contains(tr, want) {
			t.Errorf("translate.es.toml lacks %q:\n%s", want, tr)
		}
	}
	s.translate("es", func(src string) string {
		return strings.Replace(src, "It does so by switching BDNF production back on.", "Lo hace volviendo a activar la producción de BDNF.", 1)
	})
	res = s.merge("es", merge.Options{})
	if res.Folded != 1 || res.Stale != 0 || strings.Contains(s.file("translate.es.toml"), "STALE") {
		t.Fatalf("after the update: %s\n%s", summary(res), s.file("translate.es.toml"))
	}
	if st := s.status("es"); st.Translated != st.Messages {
		t.Errorf("status: %+v", st)
	}
}

// Work brought back from a translator's tool is folded in as the translate
// file's is: checked, and refused when its placeholders do not fit.
func TestImported(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA})
	s.extract()
	ls := s.load()
	var good, bad string
	for id, m := range ls.Source.Messages {
		switch {
		case strings.Contains(m.Other, "<2>"):
			bad = id
		case m.Other == "Page A":
			good = id
		}
	}
	res := s.merge("es", merge.Options{Imported: []merge.Imported{{
		File:         "es.xlf",
		Translations: map[string]*catalog.Message{good: {Other: "Página A"}, bad: {Other: "Sin etiquetas."}},
		Lines:        map[string]int{good: 7, bad: 12},
	}}})
	if res.Folded != 1 || len(res.Refused) != 1 || res.Refused[0].File != "es.xlf" || res.Refused[0].Line != 12 {
		t.Fatalf("merge: %s", summary(res))
	}
	if !strings.Contains(s.file("active.es.toml"), `other = "Página A"`) || !strings.Contains(s.file("translate.es.toml"), `other = "Sin etiquetas."`) {
		t.Errorf("the good one is in force, the refused one waits in the translate file:\n%s", s.file("translate.es.toml"))
	}
}

// An import that brings a translation of a message whose translation
// waits, filled in, in the translate file takes the imported one, and
// keeps the other in the archive, saying so: two translators' work for one
// message, and neither is lost.
func TestImportKeepsWaitingTranslation(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA})
	s.extract()
	s.merge("es", merge.Options{})
	s.translate("es", spanish)
	var id string
	for i, m := range s.load().Source.Messages {
		if m.Other == "Page A" {
			id = i
		}
	}
	res := s.merge("es", merge.Options{Imported: []merge.Imported{{
		File: "es.po", Translations: map[string]*catalog.Message{id: {Other: "Página A"}}, Lines: map[string]int{id: 9},
	}}})
	if !strings.Contains(s.file("active.es.toml"), `other = "Página A"`) {
		t.Errorf("the imported translation is not in force:\n%s", s.file("active.es.toml"))
	}
	if !strings.Contains(s.file(".glot/archive.es.toml"), `other = "ES Page A"`) {
		t.Errorf("the translation that waited in the translate file is not in the archive:\n%s", s.file(".glot/archive.es.toml"))
	}
	said := false
	for _, n := range res.Notes {
		said = said || n.File == "es.po" && n.Line == 9 && n.ID == id && strings.Contains(n.Text, "translate.es.toml")
	}
	if !said {
		t.Errorf("no note names the replaced translation: %v", res.Notes)
	}
}

// Refresh, which a language with nothing to fold in gets, writes the
// translate file Run would, byte for byte, from the compiled table alone:
// stale and missing messages, page by page, with the old translation and
// the suggestions, the interface messages last. (A regional variant of a
// language of the site is merged in full: its drafts start from its
// parent's texts, which its table does not hold.)
func TestRefreshWritesWhatRunWrites(t *testing.T) {
	s := translated(t, newSite(t, map[string]string{"a.md": pageA, "b.md": pageB}))
	s.ui = []*catalog.Message{{ID: "ui-reading-time", One: "Reading time: {{.Count}} minute", Other: "Reading time: {{.Count}} minutes"}, {ID: "ui-skip", Other: "Skip to content"}}
	s.write("c.md", "# Page C\n\nThe first paragraph of page C talks about *ketamine* and [receptors](b.md).\n\nThe third paragraph of page A closes the page, not.\n")
	s.edit("a.md", "something else entirely", "something else, entirely")
	s.extract()
	s.merge("es", merge.Options{})
	for _, lang := range []string{"es"} {
		ls := s.load()
		src := verdict.NewSource(ls)
		l, err := ls.Lang(lang)
		if err != nil {
			t.Fatal(err)
		}
		tb, err := verdict.Compile(src, l)
		if err != nil {
			t.Fatal(err)
		}
		if !tb.Summary().Clean {
			t.Fatalf("%s: after a merge, the catalog is not clean: %+v", lang, tb.Summary())
		}
		run, err := merge.Run(ls, l, merge.Options{ContentName: "content"})
		if err != nil {
			t.Fatal(err)
		}
		shared := func() (*tm.Shared, error) {
			var ps []tm.Pair
			for _, id := range src.IDs() {
				ps = append(ps, tm.Pair{ID: id, Key: id, Source: ls.Source.Messages[id].Other})
			}
			return tm.NewShared(tm.NewWords(), ps), nil
		}
		fresh, err := merge.Refresh(s.locales, src, tb, merge.Options{ContentName: "content", Shared: shared})
		if err != nil {
			t.Fatal(err)
		}
		if len(fresh.Plan.Writes) != 0 || len(run.Plan.Writes) != 0 {
			t.Errorf("%s: a merge with nothing to do writes %v (Run) and %v (Refresh)", lang, run.Plan.Paths(), fresh.Plan.Paths())
		}
		if run.Missing != fresh.Missing || run.Stale != fresh.Stale || run.Suggested != fresh.Suggested {
			t.Errorf("%s: Run %s, Refresh %s", lang, summary(run), summary(fresh))
		}
		if lang == "es" && (run.Stale == 0 || run.Suggested == 0 || run.Missing == 0) {
			t.Errorf("the case is not what it should be: %s", summary(run))
		}
		// Written afresh, each says the same.
		delete(s.locales, locale.TranslatePath(lang))
		run, _ = merge.Run(ls, l, merge.Options{ContentName: "content"})
		fresh, _ = merge.Refresh(s.locales, src, tb, merge.Options{ContentName: "content", Shared: shared})
		var a, b []byte
		for _, w := range run.Plan.Writes {
			if w.Path == locale.TranslatePath(lang) {
				a = w.Data
			}
		}
		for _, w := range fresh.Plan.Writes {
			if w.Path == locale.TranslatePath(lang) {
				b = w.Data
			}
		}
		if a == nil || !bytes.Equal(a, b) {
			t.Errorf("%s: Refresh writes\n%s\nRun writes\n%s", lang, b, a)
		}
		s.locales[locale.TranslatePath(lang)] = &fstest.MapFile{Data: a}
	}
}

// Translation memory never offers a text that fails a blocking check
// against its own source: a wrong interval would be copied to the next
// page, approved or not.
func TestSuggestionsPassTheBlockingChecks(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": "# Dosing\n\nTake 2 tablets every 6 hours with water.\n\nDrink a glass of water after each of the tablets.\n"})
	s.extract()
	s.merge("es", merge.Options{})
	s.translate("es", func(src string) string { return "ES " + strings.ReplaceAll(src, "6", "8") })
	res := s.merge("es", merge.Options{})
	if len(res.Held) != 1 || res.Folded != 3 {
		t.Fatalf("the wrong interval is not held back: %s, held %v", summary(res), res.Held)
	}
	// Said at the form that fails, in the catalog it is now in, not in
	// the translate file it was read from, which merge rewrote.
	if h := res.Held[0]; h.File != "locales/active.es.toml" || h.Line != lineOf(s.file("active.es.toml"), h.ID, "other") {
		t.Errorf("held back at %s, want active.es.toml:%d", h.Where(), lineOf(s.file("active.es.toml"), h.ID, "other"))
	}
	s.write("b.md", "# More dosing\n\nTake 2 tablets every 6 hours with milk.\n\nDrink a glass of water after each of the tablets, please.\n")
	s.extract()
	s.merge("es", merge.Options{})
	tr := s.file("translate.es.toml")
	if !strings.Contains(tr, "# suggestion") || !strings.Contains(tr, "ES Drink a glass of water after each of the tablets.") {
		t.Fatalf("the good translation is not suggested:\n%s", tr)
	}
	if strings.Contains(tr, "every 8 hours") {
		t.Errorf("the wrong interval is suggested:\n%s", tr)
	}
}

// arabicReadingTime is a translation of the interface message
// ui-reading-time into Arabic, with the six forms Arabic distinguishes.
var arabicReadingTime = catalog.Message{
	Zero:  "مدة القراءة: {{.Count}} دقيقة (صفر)",
	One:   "مدة القراءة: دقيقة واحدة",
	Two:   "مدة القراءة: دقيقتان",
	Few:   "مدة القراءة: {{.Count}} دقائق",
	Many:  "مدة القراءة: {{.Count}} دقيقة",
	Other: "مدة القراءة: {{.Count}} دقيقة (مئة)",
}

// pluralSite is a site whose interface message ui-reading-time has plural
// forms, translated into Arabic with all six in force.
func pluralSite(t *testing.T) *site {
	t.Helper()
	s := newSite(t, map[string]string{"a.md": pageA})
	src := &catalog.Message{ID: "ui-reading-time", One: "Reading time: {{.Count}} minute", Other: "Reading time: {{.Count}} minutes"}
	s.ui = []*catalog.Message{src}
	s.extract()
	m := arabicReadingTime
	m.Hash = catalog.Hash(src)
	var b bytes.Buffer
	catalog.WriteTable(&b, "ui-reading-time", &m, true)
	s.locales["active.ar.toml"] = &fstest.MapFile{Data: b.Bytes()}
	return s
}

// activeForms are the forms of message id in force in lang's catalog.
func activeForms(t *testing.T, s *site, lang, id string) *catalog.Message {
	t.Helper()
	c, err := catalog.Parse("active."+lang+".toml", []byte(s.file("active."+lang+".toml")))
	if err != nil {
		t.Fatal(err)
	}
	if m := c.Messages[id]; m != nil {
		return m
	}
	return &catalog.Message{}
}

// An import that brings some plural forms of a message changes those, and
// keeps the others in force: a file that brings only "other" (as every
// export did) took none, or would have left Arabic with one form of six.
func TestImportKeepsPluralForms(t *testing.T) {
	for name, tt := range map[string]struct {
		brought catalog.Message
		want    func(m *catalog.Message)
	}{
		"other only": {catalog.Message{Other: "زمن القراءة: {{.Count}} دقيقة"}, func(m *catalog.Message) { m.Other = "زمن القراءة: {{.Count}} دقيقة" }},
		"few and many": {catalog.Message{Few: "زمن القراءة: {{.Count}} دقائق", Many: "زمن القراءة: {{.Count}} دقيقة"}, func(m *catalog.Message) {
			m.Few, m.Many = "زمن القراءة: {{.Count}} دقائق", "زمن القراءة: {{.Count}} دقيقة"
		}},
		"all six": {catalog.Message{Zero: "0 {{.Count}}", One: "1", Two: "2", Few: "{{.Count}} few", Many: "{{.Count}} many", Other: "{{.Count}} other"}, func(m *catalog.Message) {
			*m = catalog.Message{Zero: "0 {{.Count}}", One: "1", Two: "2", Few: "{{.Count}} few", Many: "{{.Count}} many", Other: "{{.Count}} other"}
		}},
	} {
		t.Run(name, func(t *testing.T) {
			s := pluralSite(t)
			brought := tt.brought
			res := s.merge("ar", merge.Options{Imported: []merge.Imported{{
				File: "ar.po", Translations: map[string]*catalog.Message{"ui-reading-time": &brought}, Lines: map[string]int{"ui-reading-time": 12},
			}}})
			if len(res.Refused) != 0 || res.Folded != 1 {
				t.Fatalf("merge: %s", summary(res))
			}
			want := arabicReadingTime
			tt.want(&want)
			got := activeForms(t, s, "ar", "ui-reading-time")
			if !slices.Equal(catalog.Forms(got), catalog.Forms(&want)) {
				t.Errorf("in force:\n%v\nwant\n%v", catalog.Forms(got), catalog.Forms(&want))
			}
			if st := s.status("ar"); st.Missing+st.Stale != st.Messages-1 {
				t.Errorf("ui-reading-time is not translated: %+v", st)
			}
		})
	}
}

// A plural form brought back that the language does not use is kept, and
// the merge says so: it is neither dropped nor taken in silence.
func TestImportedFormTheLanguageLacks(t *testing.T) {
	s := pluralSite(t)
	m := &catalog.Message{Hash: catalog.Hash(&catalog.Message{Other: "Reading time: {{.Count}} minutes"}), One: "Lesezeit: {{.Count}} Minute", Other: "Lesezeit: {{.Count}} Minuten"}
	var b bytes.Buffer
	catalog.WriteTable(&b, "ui-reading-time", m, true)
	s.locales["active.de.toml"] = &fstest.MapFile{Data: b.Bytes()}
	res := s.merge("de", merge.Options{Imported: []merge.Imported{{
		File: "de.xlf", Translations: map[string]*catalog.Message{"ui-reading-time": {Few: "Lesezeit: {{.Count}} Minuten (einige)"}}, Lines: map[string]int{"ui-reading-time": 30},
	}}})
	got := activeForms(t, s, "de", "ui-reading-time")
	if got.Few != "Lesezeit: {{.Count}} Minuten (einige)" || got.One != m.One || got.Other != m.Other {
		t.Errorf("in force: %+v", got)
	}
	said := false
	for _, n := range res.Notes {
		said = said || n.File == "de.xlf" && n.Line == 30 && strings.Contains(n.Text, "few") && strings.Contains(n.Text, "no page shows it")
	}
	if !said {
		t.Errorf("no note names the form de does not use: %s", summary(res))
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

// A file with units for messages the site never had is an error naming
// each, and nothing of it is taken; with Partial the rest is taken and
// each unit left out is named. Neither fills the archive with them.
func TestImportUnknownIDs(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA})
	s.extract()
	var good string
	for id, m := range s.load().Source.Messages {
		if m.Other == "Page A" {
			good = id
		}
	}
	im := func() []merge.Imported {
		return []merge.Imported{{File: "es.po", Translations: map[string]*catalog.Message{
			good:        {ID: good, Other: "Página A"},
			"made-up-1": {ID: "made-up-1", Other: "Inventado"},
		}, Lines: map[string]int{good: 5, "made-up-1": 9}}}
	}
	ls := s.load()
	l, err := ls.Lang("es")
	if err != nil {
		t.Fatal(err)
	}
	_, err = merge.Run(ls, l, merge.Options{ContentName: "content", Imported: im()})
	if err == nil || !strings.Contains(err.Error(), "es.po:9: made-up-1: no message of the site has this id") || !strings.Contains(err.Error(), "--partial") {
		t.Fatalf("strict import: error = %v", err)
	}
	res := s.merge("es", merge.Options{Imported: im(), Partial: true})
	if res.Folded != 1 || len(res.LeftOut) != 1 || res.LeftOut[0].ID != "made-up-1" || res.LeftOut[0].Line != 9 {
		t.Fatalf("partial import: %s, left out %v", summary(res), res.LeftOut)
	}
	if !strings.Contains(s.file("active.es.toml"), "Página A") || strings.Contains(s.file(".glot/archive.es.toml"), "made-up-1") {
		t.Errorf("active:\n%s\narchive:\n%s", s.file("active.es.toml"), s.file(".glot/archive.es.toml"))
	}
}

// A stale message's old translation is offered as a draft, marked fuzzy:
// merge leaves it alone, keeps the translator's edits of it, and takes it
// once the mark is gone, as gettext's tools do with a fuzzy entry.
func TestStaleDraft(t *testing.T) {
	const oldES = "ES The second paragraph of page A is about something else entirely."
	setup := func(t *testing.T) *site {
		s := translated(t, newSite(t, map[string]string{"a.md": pageA, "b.md": pageB}))
		s.edit("a.md", "something else entirely", "something different entirely")
		s.extract()
		s.merge("es", merge.Options{})
		return s
	}
	rewrite := func(s *site, old, new string) {
		s.t.Helper()
		f := locale.TranslatePath("es")
		tr := s.file(f)
		if !strings.Contains(tr, old) {
			s.t.Fatalf("%s lacks %q:\n%s", f, old, tr)
		}
		s.locales[f] = &fstest.MapFile{Data: []byte(strings.Replace(tr, old, new, 1))}
	}

	t.Run("untouched", func(t *testing.T) {
		s := setup(t)
		if res := s.merge("es", merge.Options{}); !res.Plan.Empty() || res.Folded != 0 || res.Stale != 1 {
			t.Errorf("a second merge: %s", summary(res))
		}
		if st := s.status("es"); st.Stale != 1 {
			t.Errorf("a draft counts as translated: %+v", st)
		}
	})
	t.Run("edited and still marked", func(t *testing.T) {
		s := setup(t)
		const edited = "ES The second paragraph of page A is about something different entirely."
		rewrite(s, oldES, edited)
		res := s.merge("es", merge.Options{})
		tr := s.file("translate.es.toml")
		if res.Folded != 0 || !strings.Contains(tr, "#, fuzzy\n[the-second") || !strings.Contains(tr, `other = "`+edited+`"`) {
			t.Errorf("the edited draft is taken or lost: %s\n%s", summary(res), tr)
		}
		// The old translation is shown beside the draft, since the
		// draft is no longer it.
		if !strings.Contains(tr, "# es (before): "+oldES) {
			t.Errorf("no old translation beside the edited draft:\n%s", tr)
		}
		if strings.Contains(s.file("active.es.toml"), edited) {
			t.Errorf("a draft is in force")
		}
	})
	t.Run("confirmed", func(t *testing.T) {
		s := setup(t)
		const fixed = "ES Corrected: about something different entirely."
		rewrite(s, oldES, fixed)
		rewrite(s, "#, fuzzy\n", "")
		res := s.merge("es", merge.Options{})
		if res.Folded != 1 || res.Stale != 0 || !strings.Contains(s.file("active.es.toml"), fixed) {
			t.Errorf("the confirmed draft is not taken: %s", summary(res))
		}
		if st := s.status("es"); st.Translated != st.Messages {
			t.Errorf("status: %+v", st)
		}
	})
	t.Run("confirmed as it was", func(t *testing.T) {
		s := setup(t)
		rewrite(s, "#, fuzzy\n", "")
		if res := s.merge("es", merge.Options{}); res.Folded != 1 || !strings.Contains(s.file("active.es.toml"), oldES) {
			t.Errorf("the old translation, confirmed, is not taken: %s", summary(res))
		}
	})
	t.Run("message gone", func(t *testing.T) {
		s := setup(t)
		const edited = "ES A draft for a paragraph about to go."
		rewrite(s, oldES, edited)
		s.edit("a.md", "The second paragraph of page A is about something different entirely.\n", "")
		s.extract()
		s.merge("es", merge.Options{})
		if !strings.Contains(s.file(ledger.ArchivePath("es")), edited) {
			t.Errorf("the draft of a message that is gone is lost:\n%s", s.file(ledger.ArchivePath("es")))
		}
	})
}

// runAndRefresh merges lang with Run and, when Fresh allows it, with
// Refresh, and returns the translate file each writes (nil for none).
func runAndRefresh(s *site, lang string) (run, fresh []byte, isFresh bool) {
	s.t.Helper()
	ls := s.load()
	src := verdict.NewSource(ls)
	l, err := ls.Lang(lang)
	if err != nil {
		s.t.Fatal(err)
	}
	tb, err := verdict.Compile(src, l)
	if err != nil {
		s.t.Fatal(err)
	}
	opts := merge.Options{ContentName: "content"}
	r, err := merge.Run(ls, l, opts)
	if err != nil {
		s.t.Fatal(err)
	}
	isFresh, err = merge.Fresh(s.locales, src, tb)
	if err != nil || !isFresh || !tb.Summary().Clean {
		return written(r, lang), nil, false
	}
	opts.Shared = func() (*tm.Shared, error) {
		var ps []tm.Pair
		for _, id := range src.IDs() {
			ps = append(ps, tm.Pair{ID: id, Key: id, Source: ls.Source.Messages[id].Other})
		}
		return tm.NewShared(tm.NewWords(), ps), nil
	}
	f, err := merge.Refresh(s.locales, src, tb, opts)
	if err != nil {
		s.t.Fatal(err)
	}
	return written(r, lang), written(f, lang), true
}

// written is what res writes to the translate file of lang; nil for
// nothing.
func written(res *merge.Result, lang string) []byte {
	for _, w := range res.Plan.Writes {
		if w.Path == locale.TranslatePath(lang) {
			return w.Data
		}
	}
	return nil
}

// Refresh, the quick merge of a language with nothing to fold in, keeps
// a translator's drafts as Run does.
func TestRefreshKeepsDrafts(t *testing.T) {
	s := translated(t, newSite(t, map[string]string{"a.md": pageA, "b.md": pageB}))
	s.edit("a.md", "something else entirely", "something different entirely")
	s.edit("b.md", "a paragraph of its own", "a paragraph all its own")
	s.extract()
	s.merge("es", merge.Options{})
	f := locale.TranslatePath("es")
	// One draft edited, one left as merge wrote it; a fresh file is
	// written by both, and the same.
	edited := strings.Replace(s.file(f), `other = "ES Page B has a paragraph of its own."`, `other = "ES Page B has a paragraph all its own."`, 1)
	s.locales[f] = &fstest.MapFile{Data: []byte(edited)}
	run, fresh, isFresh := runAndRefresh(s, "es")
	if !isFresh {
		t.Fatal("a translate file holding drafts only is not fresh")
	}
	if run == nil || !bytes.Equal(run, fresh) {
		t.Errorf("Refresh writes\n%s\nRun writes\n%s", fresh, run)
	}
	if !strings.Contains(string(run), `other = "ES Page B has a paragraph all its own."`) {
		t.Errorf("the edited draft is lost:\n%s", run)
	}
	// A translation filled in, not marked, is Run's to fold.
	s.locales[f] = &fstest.MapFile{Data: []byte(strings.Replace(string(run), "#, fuzzy\n[page-b", "[page-b", 1))}
	if _, _, isFresh := runAndRefresh(s, "es"); isFresh {
		t.Error("a confirmed draft leaves the file fresh")
	}
}
