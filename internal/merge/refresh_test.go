package merge_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/merge"
	"github.com/glot-i18n/glot/internal/tm"
	"github.com/glot-i18n/glot/internal/verdict"
)

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
