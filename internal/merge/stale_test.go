package merge_test

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/merge"
)

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
