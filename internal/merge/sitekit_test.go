package merge_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/extract"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/merge"
	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/report"
	"github.com/glot-i18n/glot/internal/verdict"
)

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
