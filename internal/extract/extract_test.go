package extract_test

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/extract"
	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/layout"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/merge"
)

func run(t *testing.T, content fs.FS, locales fstest.MapFS) *extract.Result {
	t.Helper()
	res, err := extract.Run(extract.Input{Content: content, Locales: locales, Source: "en", ContentName: "content", LocalesName: "locales"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Plan.Writes {
		locales[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	for _, r := range res.Plan.Removes {
		delete(locales, r)
	}
	return res
}

func TestExtract(t *testing.T) {
	content := fstest.MapFS{
		"a.md":         {Data: []byte("---\ntitle: Shared title\n---\n# Shared title\n\nText of *a*.\n\n```\ncode\n```\n")},
		"sub/b.md":     {Data: []byte("Text of *a*.\n\n<div>html block</div>\n")},
		"img/logo.png": {Data: []byte("PNG")},
		".hidden.md":   {Data: []byte("skipped")},
	}
	locales := fstest.MapFS{}
	res := run(t, content, locales)
	if res.Pages != 2 || res.Messages != 3 || len(res.Added) != 3 {
		t.Fatalf("pages %d, messages %d, added %v", res.Pages, res.Messages, res.Added)
	}
	src := string(locales["active.en.toml"].Data)
	for _, want := range []string{`shared-title-`, `= "Shared title"`, `= "Text of <1>a</1>."`} {
		if !strings.Contains(src, want) {
			t.Errorf("active.en.toml lacks %s:\n%s", want, src)
		}
	}
	if strings.Contains(src, "code") || strings.Contains(src, "skipped") {
		t.Errorf("code and hidden files are not extracted:\n%s", src)
	}
	rec := string(locales[ledger.PagePath("sub/b.md")].Data)
	if !strings.Contains(rec, `kind = "p"`) || !strings.Contains(rec, `codes = ["emphasis"]`) || !strings.Contains(rec, "kind = \"div\"\nline = 3") {
		t.Errorf("record of sub/b.md:\n%s", rec)
	}
	// Again: nothing to write.
	if res := run(t, content, locales); !res.Plan.Empty() {
		t.Errorf("second extract writes %v", res.Plan.Paths())
	}
	// A page removed: its record goes, its text is retired, not forgotten.
	delete(content, "sub/b.md")
	content["a.md"] = &fstest.MapFile{Data: []byte("# Shared title\n")}
	res = run(t, content, locales)
	if len(res.Retired) != 2 || locales[ledger.PagePath("sub/b.md")] != nil {
		t.Fatalf("retired %v, removes %v", res.Retired, res.Plan.Removes)
	}
	if !strings.Contains(string(locales[ledger.RetiredPath].Data), `"Text of <1>a</1>."`) {
		t.Errorf("retired.toml:\n%s", locales[ledger.RetiredPath].Data)
	}
}

func TestExtractErrorsWriteNothing(t *testing.T) {
	content := fstest.MapFS{
		"good.md": {Data: []byte("# Fine\n")},
		"bad.md":  {Data: []byte("---\ntitle: [unclosed\n---\n# Bad\n")},
	}
	_, err := extract.Run(extract.Input{Content: content, Locales: fstest.MapFS{}, Source: "en", ContentName: "content", LocalesName: "locales"})
	if err == nil || !strings.HasPrefix(err.Error(), "content/bad.md:") {
		t.Fatalf("error = %v, want it to name content/bad.md and its line", err)
	}
	locales := fstest.MapFS{"active.en.toml": {Data: []byte("x = \n")}}
	_, err = extract.Run(extract.Input{Content: fstest.MapFS{"good.md": content["good.md"]}, Locales: locales, Source: "en", ContentName: "content", LocalesName: "locales"})
	if err == nil || !strings.HasPrefix(err.Error(), "locales/active.en.toml:1:") {
		t.Fatalf("error = %v, want it to name locales/active.en.toml:1", err)
	}
}

// TestSampleSiteIsUpToDate checks the repository's own site: its catalogs
// are what extract and merge make of its pages, so the committed example
// is always a real, working one.
func TestSampleSiteIsUpToDate(t *testing.T) {
	content, locales := os.DirFS("../../content"), os.DirFS("../../locales")
	set, err := layout.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := extract.Run(extract.Input{Content: content, Locales: locales, Source: "en", ContentName: "content", LocalesName: "locales", Interface: set.Interface()})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Plan.Empty() {
		t.Errorf("glot extract would write %v: run it and commit the result", res.Plan.Paths())
	}
	ls, err := locale.Load(locales, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"es", "fr", "ar", "de"} {
		l, err := ls.Lang(lang)
		if err != nil {
			t.Fatal(err)
		}
		res, err := merge.Run(ls, l, merge.Options{ContentName: "content"})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Plan.Empty() || len(res.Refused) > 0 {
			t.Errorf("glot merge --lang %s would write %v (refused %v): run it and commit the result", lang, res.Plan.Paths(), res.Refused)
		}
	}
}

// TestExtractGolden pins every file glot extract writes for a small site:
// the source catalog and the record of each page.
func TestExtractGolden(t *testing.T) {
	locales := fstest.MapFS{}
	res := run(t, os.DirFS("testdata/site"), locales)
	var b strings.Builder
	for _, p := range res.Plan.Paths() {
		fmt.Fprintf(&b, "-- %s --\n%s", p, locales[p].Data)
	}
	glottest.Golden(t, "testdata/extract.golden", []byte(b.String()))
}
