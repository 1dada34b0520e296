package site_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/site"
)

// TestFallbackAfterHTMLBlocks builds, untranslated, a page where HTML
// blocks and Markdown paragraphs alternate: every paragraph is shown in
// the source language and says so, however many HTML blocks before it
// were marked in their own bytes.
func TestFallbackAfterHTMLBlocks(t *testing.T) {
	const n = 20
	var page strings.Builder
	for i := range n {
		fmt.Fprintf(&page, "<p>Block %d</p>\n\nParagraph %d.\n\n", i, i)
	}
	content := fstest.MapFS{"index.md": {Data: []byte(page.String())}}
	cfg := config.Default()
	cfg.Languages = []string{"es"}
	sink := &memSink{}
	if _, err := site.Build(site.Options{Config: &cfg, Content: content, Locales: translatedLocales(t, content, nil), HTML: true}, sink); err != nil {
		t.Fatal(err)
	}
	es := string(sink.files["public/es/index.html"])
	for i := range n {
		for _, want := range []string{
			fmt.Sprintf(`<p><span lang="en">Block %d</span></p>`, i),
			fmt.Sprintf(`<p lang="en">Paragraph %d.</p>`, i),
		} {
			if !strings.Contains(es, want) {
				t.Errorf("public/es/index.html has no %s", want)
			}
		}
	}
}

// Every text shown in the source language on a translated page says so,
// down to an image's alt text and the site's name in the header; on a
// right-to-left page it is also laid out left to right.
func TestFallbackMarks(t *testing.T) {
	content := fstest.MapFS{"index.md": {Data: []byte("# Home\n\nSee ![Our logo](logo.png) here.\n")}}
	tr := map[string]*catalog.Message{"See <1/> here.": other("Vea <1/> aquí.")}
	arTr := map[string]*catalog.Message{"See <1/> here.": other("انظر <1/> هنا.")}
	cfg := config.Default()
	cfg.Languages = []string{"es", "ar"}
	files := build(t, cfg, content, catalogs(t, content, map[string]map[string]*catalog.Message{"es": tr, "ar": arTr}), site.Options{})
	for file, want := range map[string][]string{
		"public/es/index.html": {`<p>Vea <img src="logo.png" alt="Our logo" lang="en"> aquí.</p>`, `<a class="home" href="./" lang="en">Home</a>`, `<h1 id="home" lang="en">Home</h1>`},
		"public/ar/index.html": {`<p>انظر <img src="logo.png" alt="Our logo" lang="en" dir="ltr"> هنا.</p>`, `<a class="home" href="./" lang="en" dir="ltr">Home</a>`, `<h1 id="home" lang="en" dir="ltr">Home</h1>`},
		"public/en/index.html": {`<p>See <img src="logo.png" alt="Our logo"> here.</p>`, `<a class="home" href="./">Home</a>`},
	} {
		for _, w := range want {
			if !strings.Contains(string(files[file]), w) {
				t.Errorf("%s lacks %s:\n%s", file, w, files[file])
			}
		}
	}
}

// A page not fully translated: its untranslated blocks are marked with the
// source language; below the threshold it gets a notice, or with "skip" is
// not built, and then no switcher, alternate or sitemap names it.
func TestIncompletePages(t *testing.T) {
	de := map[string]*catalog.Message{"Home": other("Startseite"), "First paragraph.": other("Erster Absatz."), "one item": other("ein Punkt"), "ui-untranslated": other("Noch nicht ganz übersetzt.")}
	ls := catalogs(t, page, map[string]map[string]*catalog.Message{"de": de})
	cfg := config.Default()
	cfg.Languages = []string{"de"}
	cfg.BaseURL = "https://example.org/"
	files := build(t, cfg, page, ls, site.Options{})
	home := string(files["public/de/index.html"])
	for _, want := range []string{
		`<p class="notice" role="note" lang="de">Noch nicht ganz übersetzt.</p>`,
		`<p>Erster Absatz.</p>`,
		`<p lang="en">Second paragraph.</p>`,
		`<li>ein Punkt</li>`,
		`<li lang="en">another item</li>`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("public/de/index.html lacks %s:\n%s", want, home)
		}
	}
	// Skip what is below 50 %: other.md is not translated at all.
	cfg.Build = config.Build{Threshold: 50, Incomplete: "skip"}
	files = build(t, cfg, page, ls, site.Options{})
	if files["public/de/other/index.html"] != nil {
		t.Error("a page below the threshold is not built with incomplete = skip")
	}
	if strings.Contains(string(files["public/de/index.html"]), `class="notice"`) {
		t.Error("a page above the threshold gets no notice")
	}
	other := string(files["public/en/other/index.html"])
	if strings.Contains(other, "/de/") || strings.Contains(string(files["public/sitemap.xml"]), "de/other") {
		t.Errorf("a version not built is listed:\n%s", other)
	}
	// The link from the German home page to it goes to the page that exists.
	if !strings.Contains(string(files["public/de/index.html"]), `<a href="../en/other/" lang="en">`) && !strings.Contains(string(files["public/de/index.html"]), `href="../en/other/"`) {
		t.Errorf("the link to a page not built in German:\n%s", files["public/de/index.html"])
	}
}

// es-MX falls back to es for what it lacks, page text and interface text
// alike; and says it only where it differs.
func TestRegionalFallback(t *testing.T) {
	es := map[string]*catalog.Message{"Home": other("Inicio"), "First paragraph.": other("Primer párrafo."), "ui-skip": other("Ir al contenido")}
	mx := map[string]*catalog.Message{"First paragraph.": other("Primer párrafo, en México.")}
	cfg := config.Default()
	cfg.Languages = []string{"es", "es-MX"}
	files := build(t, cfg, page, catalogs(t, page, map[string]map[string]*catalog.Message{"es": es, "es-MX": mx}), site.Options{MD: true, HTML: true})
	mxHome := string(files["localized/es-MX/index.md"])
	if !strings.Contains(mxHome, "# Inicio") || !strings.Contains(mxHome, "Primer párrafo, en México.") || !strings.Contains(mxHome, "Second paragraph.") {
		t.Errorf("localized/es-MX/index.md:\n%s", mxHome)
	}
	if html := string(files["public/es-MX/index.html"]); !strings.Contains(html, `lang="es">Ir al contenido</a>`) {
		t.Errorf("the interface text falls back to es, and says so:\n%s", html)
	}
}
