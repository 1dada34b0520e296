package site_test

import (
	"bytes"
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/extract"
	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/site"
)

// memSink keeps the build's files in memory.
type memSink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memSink) Kept(site.Output) bool { return false }

func (m *memSink) Write(out site.Output, data []byte) error {
	name := out.Name
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	if _, dup := m.files[name]; dup {
		return fmt.Errorf("%s written twice", name)
	}
	m.files[name] = append([]byte(nil), data...)
	return nil
}

var testContent = fstest.MapFS{
	"index.md": {Data: []byte(`---
title: Home
description: The home page.
---

# Home

Read the [guide](guide/setup.md#install-it) and see the ![logo](img/logo.png).

This paragraph has no translation.
`)},
	"guide/setup.md": {Data: []byte(`# Setup

## Install it

Run ` + "`make`" + ` and *wait*. Back [home](../index.md).
`)},
	"img/logo.png": {Data: []byte("PNG")},
	"about.html": {Data: []byte(`<!DOCTYPE html>
<html lang=en>
<head>
<title>About us</title>
<meta name="description" content="Who we are.">
</head>
<body>
<h1>About us</h1>
<p>We are <em>small</em>. <img src="img/logo.png" alt="Our logo"> <a href="index.md">Home</a></p>
<p translate="no">Clinic GmbH</p>
</body>
</html>
`)},
	"contact.html": {Data: []byte(`<h1>Contact</h1>
<p>Write to <a href="mailto:x@example.org">us</a>.</p>
`)},
}

// translations of testContent into es; the paragraph without one falls
// back to English.
var testES = map[string]string{
	"Home":           "Inicio",
	"The home page.": "La página de inicio.",
	"Read the <1>guide</1> and see the <2/>.": "Lea la <1>guía</1> y vea el <2/>.",
	"Setup":      "Instalación",
	"Install it": "Instálelo",
	"Run <1/> and <2>wait</2>. Back <3>home</3>.": "Ejecute <1/> y <2>espere</2>. Volver al <3>inicio</3>.",
	"About us":                              "Quiénes somos",
	"Who we are.":                           "Quiénes somos & qué hacemos.",
	"We are <1>small</1>. <2/> <3>Home</3>": "Somos <1>pequeños</1>. <2/> <3>Inicio</3>",
	"Our logo":                              "Nuestro logotipo",
	"Contact":                               "Contacto",
	"Write to <1>us</1>.":                   "Escríbanos <1>aquí</1>.",
}

// translatedLocales extracts content and gives each language of tr the
// translations tr[lang] returns for each source text (none where ok is
// false), as a translator and glot merge would leave them.
func translatedLocales(tb testing.TB, content fstest.MapFS, tr map[string]func(src string) (string, bool)) *locale.Site {
	tb.Helper()
	locales := fstest.MapFS{}
	res, err := extract.Run(extract.Input{Content: content, Locales: locales, Source: "en", ContentName: "content", LocalesName: "locales"})
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range res.Plan.Writes {
		locales[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	ls, err := locale.Load(locales, "locales", "en")
	if err != nil {
		tb.Fatal(err)
	}
	for lang, f := range tr {
		c := catalog.New()
		for id, m := range ls.Source.Messages {
			if s, ok := f(m.Other); ok {
				c.Messages[id] = &catalog.Message{ID: id, Hash: catalog.Hash(m), Other: s}
			}
		}
		locales[locale.ActivePath(lang)] = &fstest.MapFile{Data: c.Bytes("", false)}
	}
	if ls, err = locale.Load(locales, "locales", "en"); err != nil {
		tb.Fatal(err)
	}
	return ls
}

// from looks translations up in a map of source text to translation.
func from(m map[string]string) func(string) (string, bool) {
	return func(src string) (string, bool) { s, ok := m[src]; return s, ok }
}

// buildSite builds testContent in en, es and ar, with translations.
func buildSite(t *testing.T, opts site.Options, tr map[string]map[string]string) (*site.Report, map[string][]byte) {
	t.Helper()
	fs := map[string]func(string) (string, bool){}
	for lang, m := range tr {
		fs[lang] = from(m)
	}
	cfg := config.Default()
	cfg.Languages = []string{"es", "ar"}
	cfg.BaseURL = "https://example.org/"
	opts.Config = &cfg
	opts.Content = testContent
	opts.Locales = translatedLocales(t, testContent, fs)
	sink := &memSink{}
	rep, err := site.Build(opts, sink)
	if err != nil {
		t.Fatal(err)
	}
	return rep, sink.files
}

// TestBuildGolden pins the whole output of a small site: paths, layout,
// links, alternates, sitemap, Markdown.
func TestBuildGolden(t *testing.T) {
	rep, files := buildSite(t, site.Options{HTML: true, MD: true}, map[string]map[string]string{"es": testES})
	names := slices.Sorted(maps.Keys(files))
	var b bytes.Buffer
	for _, n := range names {
		data := files[n]
		if strings.HasSuffix(n, ".html") {
			// The stylesheet is the same everywhere; the golden file
			// keeps the markup.
			data = regexp.MustCompile(`(?s)<style>.*?</style>`).ReplaceAll(data, []byte("<style>…</style>"))
		}
		fmt.Fprintf(&b, "-- %s --\n%s", n, data)
	}
	glottest.Golden(t, filepath.Join("testdata", "build.golden"), b.Bytes())
	if rep.Files != len(files) || rep.Pages != 4 {
		t.Errorf("report: %+v", rep)
	}
}

func TestBuildPathsAndFallback(t *testing.T) {
	rep, files := buildSite(t, site.Options{HTML: true, MD: true}, map[string]map[string]string{"es": testES})
	for _, want := range []string{
		"public/en/index.html", "public/es/index.html", "public/ar/index.html",
		"public/es/guide/setup/index.html", "localized/es/guide/setup.md", "localized/en/index.md",
		"public/img/logo.png", "public/index.html", "public/sitemap.xml",
	} {
		if files[want] == nil {
			t.Errorf("no %s", want)
		}
	}
	es := string(files["public/es/index.html"])
	for _, want := range []string{
		`<html lang="es" dir="ltr">`, `<title>Inicio</title>`, `content="La página de inicio."`,
		`<a href="guide/setup/#install-it">guía</a>`,       // a link to a page goes to the same language's page
		`<img src="../img/logo.png" alt="logo" lang="en">`, // an asset is linked from the one copy at the root; its alt is English
		`This paragraph has no translation.`,               // the fallback
	} {
		if !strings.Contains(es, want) {
			t.Errorf("public/es/index.html lacks %s", want)
		}
	}
	setup := string(files["public/es/guide/setup/index.html"])
	if !strings.Contains(setup, `<h2 id="install-it">Instálelo</h2>`) || !strings.Contains(setup, `<a href="../../">inicio</a>`) {
		t.Errorf("headings keep the source's ids and links are relative:\n%s", setup)
	}
	if !strings.Contains(string(files["public/ar/index.html"]), `<html lang="ar" dir="rtl">`) {
		t.Error("Arabic pages are right to left")
	}
	if got := string(files["localized/es/guide/setup.md"]); got != "# Instalación\n\n## Instálelo\n\nEjecute `make` y *espere*. Volver al [inicio](../index.md).\n" {
		t.Errorf("localized Markdown:\n%s", got)
	}
	if !bytes.Equal(files["localized/en/index.md"], testContent["index.md"].Data) {
		t.Error("the source language's Markdown is the page itself")
	}
	for _, l := range rep.Langs {
		if l.Lang == "es" && (l.Messages == 0 || l.ShownInSource != 2 || l.Missing != 2 || l.Translated != l.Messages-2) {
			t.Errorf("es: %+v", l)
		}
	}
}

// Every emitted version lists every other and itself, plus x-default, with
// absolute URLs, in the page and in the sitemap.
func TestAlternates(t *testing.T) {
	_, files := buildSite(t, site.Options{HTML: true}, map[string]map[string]string{"es": testES})
	alt := regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)
	for _, page := range []string{"index.html", "guide/setup/index.html"} {
		for _, lang := range []string{"en", "es", "ar"} {
			html := string(files["public/"+lang+"/"+page])
			got := map[string]string{}
			for _, m := range alt.FindAllStringSubmatch(html, -1) {
				got[m[1]] = m[2]
			}
			dir := strings.TrimSuffix(page, "index.html")
			want := map[string]string{
				"en": "https://example.org/en/" + dir, "es": "https://example.org/es/" + dir,
				"ar": "https://example.org/ar/" + dir, "x-default": "https://example.org/en/" + dir,
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s/%s alternates = %v, want %v", lang, page, got, want)
			}
		}
	}
	sm := string(files["public/sitemap.xml"])
	if n := strings.Count(sm, "<url>"); n != 12 {
		t.Errorf("sitemap has %d urls, want 4 pages x 3 languages", n)
	}
	if n := strings.Count(sm, `hreflang="x-default"`); n != 12 {
		t.Errorf("sitemap has %d x-default links", n)
	}
}

// An HTML page that is a whole document stays one, localized; a fragment
// goes into the layout.
func TestBuildHTMLPages(t *testing.T) {
	_, files := buildSite(t, site.Options{HTML: true}, map[string]map[string]string{"es": testES})
	about := string(files["public/es/about.html"])
	for _, want := range []string{
		`<html lang="es" dir="ltr">`,
		`<title>Quiénes somos</title>`,
		`<meta name="description" content="Quiénes somos &amp; qué hacemos.">`,
		`<link rel="alternate" hreflang="x-default" href="https://example.org/en/about.html">` + "\n</head>",
		`<p>Somos <em>pequeños</em>. <img src="../img/logo.png" alt="Nuestro logotipo"> <a href="./">Inicio</a></p>`,
		`<p translate="no">Clinic GmbH</p>`,
	} {
		if !strings.Contains(about, want) {
			t.Errorf("public/es/about.html lacks %s:\n%s", want, about)
		}
	}
	if strings.Contains(about, "<header>") {
		t.Error("a whole document gets no layout")
	}
	if !strings.Contains(string(files["public/ar/about.html"]), `<html lang="ar" dir="rtl">`) {
		t.Error("the Arabic document is right to left")
	}
	contact := string(files["public/es/contact.html"])
	if !strings.Contains(contact, "<header>") || !strings.Contains(contact, `<p>Escríbanos <a href="mailto:x@example.org">aquí</a>.</p>`) || !strings.Contains(contact, "<title>Contacto</title>") {
		t.Errorf("a fragment goes in the layout:\n%s", contact)
	}
}

func TestBuildOneLanguageMarkdownOnly(t *testing.T) {
	_, files := buildSite(t, site.Options{Langs: []string{"es"}, MD: true}, map[string]map[string]string{"es": testES})
	names := slices.Sorted(maps.Keys(files))
	if fmt.Sprint(names) != "[localized/es/about.html localized/es/contact.html localized/es/guide/setup.md localized/es/img/logo.png localized/es/index.md]" {
		t.Errorf("wrote %v", names)
	}
}

// A page's title is its front matter title or <title>, else its first
// heading: never a link's title or an attribute.
func TestPageTitle(t *testing.T) {
	cfg := config.Default()
	content := fstest.MapFS{
		"page.md":   {Data: []byte("See [the docs](https://x.org \"A tooltip\") first.\n\n## Real heading\n")},
		"frag.html": {Data: []byte("<p>See <a href=\"https://x.org\" title=\"A tooltip\">the docs</a>.</p>\n<h2>Fragment heading</h2>\n")},
	}
	sink := &memSink{}
	if _, err := site.Build(site.Options{Config: &cfg, Content: content, Locales: translatedLocales(t, content, nil), HTML: true}, sink); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{"public/en/page/index.html": "<title>Real heading</title>", "public/en/frag.html": "<title>Fragment heading</title>"} {
		if !strings.Contains(string(sink.files[file]), want) {
			t.Errorf("%s lacks %s", file, want)
		}
	}
}

// Each language has a 404 page in its folder: the layout in that
// language, with a link to the language's home page and the switcher to
// the others', kept out of search engines and of the sitemap.
func TestNotFoundPages(t *testing.T) {
	_, files := buildSite(t, site.Options{HTML: true}, map[string]map[string]string{"es": testES})
	for lang, want := range map[string][]string{
		"es": {`<html lang="es" dir="ltr">`, `<title>404 · Inicio</title>`, `<meta name="robots" content="noindex">`, `<h1>404</h1>`, `<p><a href="./">Inicio</a></p>`, `<a href="../ar/" hreflang="ar"`},
		"ar": {`<html lang="ar" dir="rtl">`, `<a href="./" lang="en" dir="ltr">Home</a>`, `<a href="../es/" hreflang="es"`},
		"en": {`<html lang="en" dir="ltr">`, `<title>404 · Home</title>`},
	} {
		got := string(files["public/"+lang+"/404.html"])
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("public/%s/404.html lacks %s:\n%s", lang, w, got)
			}
		}
		if strings.Contains(got, "Reading time") || strings.Contains(got, `rel="alternate"`) || strings.Contains(got, "several languages") {
			t.Errorf("public/%s/404.html shows a page's reading time, alternates or other versions:\n%s", lang, got)
		}
	}
	if strings.Contains(string(files["public/sitemap.xml"]), "404") {
		t.Error("the sitemap lists a 404 page")
	}
}
