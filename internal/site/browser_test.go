package site_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	chromium "github.com/glot-i18n/glot/internal/glottest/browser"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/site"
)

// diskSink writes the build under a folder.
type diskSink string

func (d diskSink) Kept(site.Output) bool { return false }

func (d diskSink) Write(out site.Output, data []byte) error {
	return plan.WriteFile(filepath.Join(string(d), filepath.FromSlash(out.Name)), data)
}

// browser starts headless Chromium for a test and returns its context and
// a function that runs a script in the current page and returns its
// value.
func browser(t *testing.T) (context.Context, func(js string) any) {
	t.Helper()
	ctx := chromium.Sized(t, "", 1024, 900).Ctx
	eval := func(js string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	return ctx, eval
}

// switcherAligned says whether the language switcher's items of the
// current page sit on one line: the same top and bottom, within a pixel.
// It returns their boxes for the failure message.
func switcherAligned(eval func(string) any) (bool, any) {
	boxes := eval(`[...document.querySelectorAll("nav.languages li a")].map(a => { const r = a.getBoundingClientRect(); return [r.top, r.bottom]; })`).([]any)
	if len(boxes) < 2 {
		return false, boxes
	}
	first := boxes[0].([]any)
	for _, b := range boxes[1:] {
		b := b.([]any)
		for i := range 2 {
			if d := b[i].(float64) - first[i].(float64); d > 1 || d < -1 {
				return false, boxes
			}
		}
	}
	return true, boxes
}

// TestBrowser builds the sample site and opens it in headless Chromium:
// the Spanish and Arabic pages say their language and direction, Arabic is
// laid out right to left, the switcher leads to the other languages'
// versions of the same page, its items on one line, and a German page shows its notice and marks
// its English parts. Screenshots are saved in $GLOT_SCREENSHOTS, or in the
// test's temporary folder.
func TestBrowser(t *testing.T) {
	glottest.Slow(t, "it starts Chromium")
	data, err := os.ReadFile("../../glot.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Parse("glot.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	ls, err := locale.Load(os.DirFS("../../locales"), "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := site.Build(site.Options{Config: cfg, Content: os.DirFS("../../content"), Locales: ls, HTML: true}, diskSink(out)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(out, cfg.OutputDir))))
	defer srv.Close()
	shots := os.Getenv("GLOT_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	ctx, eval := browser(t)
	var heading string
	check := func(url, wantLang, wantDir string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+url), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		lang, dir := eval(`document.documentElement.lang`), eval(`document.documentElement.dir`)
		h1Dir := eval(`getComputedStyle(document.querySelector("main h1")).direction`)
		if lang != wantLang || dir != wantDir || h1Dir != wantDir {
			t.Errorf("%s: lang %q dir %q (heading laid out %s), want %q %q", url, lang, dir, h1Dir, wantLang, wantDir)
		}
		if ok, boxes := switcherAligned(eval); !ok {
			t.Errorf("%s: the switcher's items are not on one line (top, bottom): %v", url, boxes)
		}
		var err error
		if heading, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main h1"))); err != nil {
			t.Fatal(err)
		}
		shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(shots, strings.Trim(strings.ReplaceAll(url, "/", "_"), "_")+".jpg")
		if err := os.WriteFile(name, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %q, screenshot %s", url, heading, name)
	}
	check("/es/ketamine-infusion-therapy/", "es", "ltr")
	if heading != "Terapia de infusión de ketamina" {
		t.Errorf("the Spanish page's heading is %q", heading)
	}
	check("/ar/ketamine-infusion-therapy/", "ar", "rtl")
	if !strings.Contains(heading, "الكيتامين") {
		t.Errorf("the Arabic page's heading is %q", heading)
	}
	// Right to left: the language switcher, at the end of the header, is
	// on the left of the Arabic page.
	homeX := eval(`document.querySelector("header .home").getBoundingClientRect().left`).(float64)
	navX := eval(`document.querySelector("nav.languages").getBoundingClientRect().left`).(float64)
	if navX >= homeX {
		t.Errorf("in Arabic the switcher (x=%v) should be left of the site's name (x=%v)", navX, homeX)
	}

	// Follow the switcher from Arabic to Deutsch: the same page in German.
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`nav.languages a[hreflang="de"]`))); err != nil {
		t.Fatal(err)
	}
	if lang := eval(`document.documentElement.lang`); lang != "de" {
		t.Errorf("after the switcher: lang %v", lang)
	}
	if url, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(url, "/de/ketamine-infusion-therapy/") {
		t.Errorf("the switcher led to %s", url)
	}
	// The German trauma page is not fully translated: a notice, in German,
	// and its English paragraphs marked as English for screen readers.
	check("/de/depression-and-trauma/", "de", "ltr")
	notice, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main .notice")))
	if err != nil {
		t.Fatal(err)
	}
	english := eval(`document.querySelectorAll('main [lang="en"]').length`).(float64)
	if !strings.Contains(notice, "nicht vollständig übersetzt") || english == 0 {
		t.Errorf("German page: notice %q, %v elements marked English", notice, english)
	}
	// Every switcher link leads to a page that exists.
	links := eval(`[...document.querySelectorAll("nav.languages a")].map(a => a.href)`).([]any)
	if len(links) != 5 {
		t.Errorf("the switcher has %d languages: %v", len(links), links)
	}
	for _, l := range links {
		resp, err := http.Get(l.(string))
		if err != nil {
			t.Errorf("switcher link %v: %v", l, err)
			continue
		}
		if resp.StatusCode != http.StatusOK {
			t.Errorf("switcher link %v: %s", l, resp.Status)
		}
		resp.Body.Close()
	}
}

// layoutContent is a small site for the layout's typography: emphasis, a
// task list beside a plain list.
var layoutContent = fstest.MapFS{
	"index.md": {Data: []byte(`---
title: Home
---
# Home

Some *emphasis* here.

- [x] done
- [ ] to do

* a plain item
* another

1. [ ] a loose task

2. [x] in a numbered list
`)},
	"doc.html": {Data: []byte(`<!DOCTYPE html>
<html>
<head><title>A document</title></head>
<body>
<h1>A document</h1>
<p>It has a layout of its own.</p>
</body>
</html>
`)},
}

// serveBuild builds content in English, Japanese and Arabic (each text
// translated as itself, but for those of ja) and serves the output.
func serveBuild(t *testing.T, content fstest.MapFS, ja map[string]string) *httptest.Server {
	t.Helper()
	cfg := config.Default()
	cfg.Languages = []string{"ja", "ar"}
	cfg.BaseURL = "https://example.org/"
	same := func(s string) (string, bool) { return s, true }
	ls := translatedLocales(t, content, map[string]func(string) (string, bool){
		"ja": func(s string) (string, bool) {
			if tr, ok := ja[s]; ok {
				return tr, true
			}
			return s, true
		},
		"ar": same,
	})
	out := t.TempDir()
	if _, err := site.Build(site.Options{Config: &cfg, Content: content, Locales: ls, HTML: true}, diskSink(out)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(out, cfg.OutputDir))))
	t.Cleanup(srv.Close)
	return srv
}

// TestBrowserTypography opens pages of the default layout in headless
// Chromium: a task list item shows its checkbox and no bullet, while a
// plain list keeps its bullets; emphasis is italic in English and, since
// CJK typography has no italic, emphasis marks in Japanese; the language
// chooser offers the reader's language first; a whole HTML document,
// without the layout, has its alternates and a switcher of its own.
func TestBrowserTypography(t *testing.T) {
	glottest.Slow(t, "it starts Chromium")
	srv := serveBuild(t, layoutContent, map[string]string{"Some <1>emphasis</1> here.": "ここは<1>強調</1>です。"})
	ctx, eval := browser(t)
	open := func(url string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+url), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
	}
	open("/en/")
	tasks := eval(`[...document.querySelectorAll('main li:has(input[type="checkbox"])')].map(li => getComputedStyle(li).listStyleType)`).([]any)
	plain := eval(`getComputedStyle(document.querySelector('main li:not(:has(input))')).listStyleType`)
	if len(tasks) != 4 || plain != "disc" {
		t.Errorf("%d task list items, plain item %v; want 4 and disc", len(tasks), plain)
	}
	for i, s := range tasks {
		if s != "none" {
			t.Errorf("task list item %d has the bullet %v beside its checkbox", i+1, s)
		}
	}
	if style := eval(`getComputedStyle(document.querySelector("main em")).fontStyle`); style != "italic" {
		t.Errorf("English emphasis is %v, want italic", style)
	}
	open("/ja/")
	em := eval(`(() => { const s = getComputedStyle(document.querySelector("main em")); return [s.fontStyle, s.textEmphasisStyle || s.webkitTextEmphasisStyle]; })()`).([]any)
	if em[0] != "normal" || em[1] == "none" || em[1] == "" {
		t.Errorf("Japanese emphasis: font-style %v, text-emphasis %v; want normal with emphasis marks", em[0], em[1])
	}

	// An Arabic page whose skip link is in English, left to right, is no
	// wider than the window: the hidden link does not stick out of it.
	for _, u := range []string{"/ar/", "/ar/404.html"} {
		open(u)
		if w := eval(`[document.documentElement.scrollWidth, innerWidth]`).([]any); w[0].(float64) > w[1].(float64) {
			t.Errorf("%s: the page is %v px wide in a window of %v: it scrolls sideways", u, w[0], w[1])
		}
	}

	// A whole document has no layout, but has its alternates and a
	// switcher that leads to its other versions.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/ar/doc.html"), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
		t.Fatal(err)
	}
	alts := eval(`[...document.head.querySelectorAll('link[rel="alternate"]')].map(l => l.hreflang).join(" ")`)
	header := eval(`document.querySelectorAll("header, main").length`)
	if alts != "en ja ar x-default" || header != 0.0 || eval(`document.documentElement.dir`) != "rtl" {
		t.Errorf("/ar/doc.html: alternates %q, %v layout elements, dir %v; want en ja ar x-default, none, rtl", alts, header, eval(`document.documentElement.dir`))
	}
	if eval(`document.querySelectorAll('nav a[hreflang="ja"]').length`) != 1.0 {
		t.Fatal("/ar/doc.html has no switcher link to ja")
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`nav a[hreflang="ja"]`))); err != nil {
		t.Fatalf("/ar/doc.html has no switcher link to ja: %v", err)
	}
	if url, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(url, "/ja/doc.html") || eval(`document.documentElement.lang`) != "ja" {
		t.Errorf("the document's switcher led to %s", url)
	}

	// The language chooser offers the reader's language first: a reader
	// of Arabic, then of Japanese from Japan.
	for _, c := range []struct{ accept, first string }{{"ar,en;q=0.5", "ar"}, {"ja-JP,fr;q=0.5", "ja"}} {
		if _, err := chromedp.Call(ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: "Mozilla/5.0 glot-test", AcceptLanguage: c.accept}); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("main ul"))); err != nil {
			t.Fatal(err)
		}
		got := eval(`[...document.querySelectorAll("main li a")].map(a => a.hreflang + (a.parentNode.classList.contains("preferred") ? "*" : "")).join(" ")`)
		if !strings.HasPrefix(got.(string), c.first+"* ") || strings.Count(got.(string), " ") != 2 {
			t.Errorf("Accept-Language %s: the chooser lists %v, want %s first and stressed, and three languages", c.accept, got, c.first)
		}
	}
}
