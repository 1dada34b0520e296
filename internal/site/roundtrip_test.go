package site_test

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/commonmark"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/extract"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/merge"
	"github.com/glot-i18n/glot/internal/segment"
	"github.com/glot-i18n/glot/internal/shortcode"
	"github.com/glot-i18n/glot/internal/site"
)

// identity runs the whole pipeline on content: extract, merge, fill every
// entry of translate.eo.toml with its own source text, merge again, build.
// It returns the build's files.
func identity(t *testing.T, content fstest.MapFS, rules *segment.Rules) map[string][]byte {
	t.Helper()
	locales := fstest.MapFS{}
	res, err := extract.Run(extract.Input{Content: content, Locales: locales, Source: "en", ContentName: "content", LocalesName: "locales", Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Plan.Writes {
		locales[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	doMerge := func() {
		ls, err := locale.Load(locales, "locales", "en")
		if err != nil {
			t.Fatal(err)
		}
		l, err := ls.Lang("eo")
		if err != nil {
			t.Fatal(err)
		}
		mr, err := merge.Run(ls, l, merge.Options{ContentName: "content"})
		if err != nil {
			t.Fatal(err)
		}
		if len(mr.Refused) > 0 {
			t.Fatalf("refused: %v", mr.Refused)
		}
		for _, f := range mr.Plan.Writes {
			locales[f.Path] = &fstest.MapFile{Data: f.Data}
		}
	}
	doMerge()
	// The translator writes each source text back as its translation.
	ls, err := locale.Load(locales, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := catalog.Parse("translate.eo.toml", locales[locale.TranslatePath("eo")].Data)
	if err != nil {
		t.Fatal(err)
	}
	for id, m := range tr.Messages {
		m.Other = ls.Source.Messages[id].Other
	}
	locales[locale.TranslatePath("eo")] = &fstest.MapFile{Data: tr.Bytes("", false)}
	doMerge()
	if ls, err = locale.Load(locales, "locales", "en"); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.Languages = []string{"eo"}
	cfg.BaseURL = "https://example.org/"
	// The HTML build runs the pages' shortcodes: each has a template that
	// shows what it holds.
	layouts := fstest.MapFS{}
	for _, f := range content {
		for _, sc := range shortcode.Find(f.Data) {
			layouts["shortcodes/"+sc.Name+".html"] = &fstest.MapFile{Data: []byte("{{ .Inner }}")}
		}
	}
	sink := &memSink{}
	rep, err := site.Build(site.Options{Config: &cfg, Content: content, Layouts: layouts, Locales: ls, HTML: true, MD: true, Rules: rules}, sink)
	if err != nil {
		t.Fatal(err)
	}
	// Every segment was translated (by itself): none fell back to the
	// source, which would make the round trip pass for nothing.
	for _, l := range rep.Langs {
		if l.Lang == "eo" && (l.ShownInSource != 0 || l.Messages == 0) {
			t.Fatalf("eo: %d of %d messages fell back to the source", l.ShownInSource, l.Messages)
		}
	}
	return sink.files
}

// TestIdentityRoundTrip: when every translation equals its source, the
// pipeline gives back every page as it was. Markdown pages and the HTML
// pages of the Markdown output come back byte for byte; an HTML document in
// the HTML output differs only by what a language version adds: lang and
// dir on <html>, and canonical and alternate links in <head>.
func TestIdentityRoundTrip(t *testing.T) {
	content := fstest.MapFS{}
	for _, glob := range []string{"../../content/*.md", "../segment/testdata/markdown/*.md", "../segment/testdata/html/*.html"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			content[path.Base(f)] = &fstest.MapFile{Data: data}
		}
	}
	files := identity(t, content, nil)
	for name, f := range content {
		got := files["localized/eo/"+name]
		if doc := strings.HasSuffix(name, ".html") && segment.IsDocument(f.Data); doc && documentAdditions(string(got)) != documentAdditions(string(f.Data)) ||
			!doc && string(got) != string(f.Data) {
			t.Errorf("localized/eo/%s differs from the page:\n%s", name, got)
		}
		if strings.HasSuffix(name, ".html") && segment.IsDocument(f.Data) {
			got := documentAdditions(string(files["public/eo/"+name]))
			want := documentAdditions(string(f.Data))
			if got != want {
				t.Errorf("public/eo/%s differs from the page by more than its language:\n%s", name, files["public/eo/"+name])
			}
		}
	}
}

var (
	htmlTag       = regexp.MustCompile(`(?i)<html[^>]*>`)
	addedHeadLink = regexp.MustCompile(`<link rel="(canonical|alternate)"[^>]*>\n|<nav class="glot-languages".*</nav>\n`)
)

// documentAdditions removes what a language version adds to a document.
func documentAdditions(s string) string {
	return htmlTag.ReplaceAllString(addedHeadLink.ReplaceAllString(s, ""), "<html>")
}

// TestIdentityRoundTripSpec does the same for every example of the
// CommonMark spec, each a page of its own.
func TestIdentityRoundTripSpec(t *testing.T) {
	examples, err := commonmark.Examples()
	if err != nil {
		t.Fatal(err)
	}
	content := fstest.MapFS{}
	for _, ex := range examples {
		content[fmt.Sprintf("example-%03d.md", ex.Example)] = &fstest.MapFile{Data: []byte(ex.Markdown)}
	}
	files := identity(t, content, &segment.Rules{CommonMark: true})
	for name, f := range content {
		if got := files["localized/eo/"+name]; string(got) != string(f.Data) {
			t.Errorf("%s: %q comes back as %q", name, f.Data, got)
		}
	}
}
