package site_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/extract"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/segment"
	"github.com/glot-i18n/glot/internal/site"
)

// The HTML build runs a page's shortcodes, with the site's templates and
// glot's own, in each language: none is printed as written.
func TestShortcodesInBuild(t *testing.T) {
	content := fstest.MapFS{
		"index.md": {Data: []byte(`---
title: Home
---
# Home

{{% notice warning %}}
Read *this* first.
{{% /notice %}}

See [the guide]({{< relref "guide.md#install" >}}) or {{< ref "/guide" >}}.

{{< figure src="img/a.png" caption="A picture" >}}

This page is {{< param "title" >}}; write ` + "`{{</* notice */>}}`" + ` for a notice.
`)},
		"guide.md":  {Data: []byte("# Guide\n")},
		"img/a.png": {Data: []byte("PNG")},
	}
	layouts := fstest.MapFS{
		"shortcodes/notice.html": {Data: []byte(`<div class="notice {{ .Get 0 }}" data-page="{{ .Page.Title }}" data-lang="{{ .Page.Lang }}">{{ .Inner }}</div>`)},
	}
	cfg := config.Default()
	cfg.Languages = []string{"es"}
	cfg.BaseURL = "https://example.org/"
	es := map[string]string{
		"Home": "Inicio", "Read <1>this</1> first.": "Lea <1>esto</1> primero.",
		"This page is <1/>; write <2/> for a notice.": "Esta página es <1/>; escriba <2/> para un aviso.",
	}
	ls := translatedLocales(t, content, map[string]func(string) (string, bool){"es": from(es)})
	files := build(t, cfg, content, ls, site.Options{Layouts: layouts, HTML: true, MD: true})
	for _, tc := range []struct{ page, want string }{
		{"public/en/index.html", `<div class="notice warning" data-page="Home" data-lang="en">` + "\n<p>Read <em>this</em> first.</p>\n</div>"},
		{"public/es/index.html", `<div class="notice warning" data-page="Inicio" data-lang="es">` + "\n<p>Lea <em>esto</em> primero.</p>\n</div>"},
		// A ref leads to the page's version in the same language.
		{"public/en/index.html", `See <a href="guide/#install">the guide</a> or https://example.org/en/guide/.`},
		{"public/es/index.html", `See <a href="guide/#install">the guide</a> or https://example.org/es/guide/.`},
		// figure's image is the one copy at the root.
		{"public/es/index.html", `<figure><img src="../img/a.png" alt="A picture"><figcaption><p>A picture</p></figcaption></figure>`},
		// param is the front matter of the page as translated.
		{"public/es/index.html", `<p>Esta página es Inicio; escriba <code>{{&lt; notice &gt;}}</code> para un aviso.</p>`},
	} {
		if got := string(files[tc.page]); !strings.Contains(got, tc.want) {
			t.Errorf("%s lacks\n%s\nin\n%s", tc.page, tc.want, got)
		}
	}
	for _, p := range []string{"public/en/index.html", "public/es/index.html"} {
		if strings.Contains(string(files[p]), "{{<") || strings.Contains(string(files[p]), "{{%") {
			t.Errorf("%s prints a shortcode as written:\n%s", p, files[p])
		}
	}
	// The Markdown tree keeps its shortcodes for the site generator.
	if got := string(files["localized/es/index.md"]); !strings.Contains(got, `{{< relref "guide.md#install" >}}`) {
		t.Errorf("localized Markdown:\n%s", got)
	}
}

// A shortcode the HTML build cannot run stops the build before it writes
// anything, at the page's file and line; the Markdown build, which leaves
// shortcodes to the site generator, goes on.
func TestShortcodeErrorsStopTheBuild(t *testing.T) {
	for _, tc := range []struct{ name, page, want string }{
		{"no template", "---\ntitle: A\n---\n# A\n\nText {{< notice >}}.\n", `content/a.md:6: shortcode "notice" has no template: glot's HTML build runs layouts/shortcodes/notice.html`},
		{"a closing tag alone", "# A\n\n{{% /notice %}}\n", `content/a.md:3: shortcode notice: {{% /notice %}} closes no shortcode`},
		{"a ref to no page", "# A\n\nSee {{< ref \"nowhere.md\" >}}.\n", `content/a.md:3: shortcode ref: no page nowhere.md`},
		{"named and positional parameters", "# A\n\n{{< figure src=\"a.png\" \"b\" >}}\n", `content/a.md:3: shortcode figure: its parameters are named and positional both`},
		{"in a code block too", "# A\n\n```\n{{< notice >}}\n```\n", `content/a.md:4: shortcode "notice" has no template`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := config.Default()
			content := fstest.MapFS{"a.md": {Data: []byte(tc.page)}, "b.md": {Data: []byte("# B\n")}}
			sink := &memSink{}
			_, err := site.Build(site.Options{Config: &cfg, Content: content, HTML: true, MD: true}, sink)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %s", err, tc.want)
			}
			if len(sink.files) > 0 {
				t.Errorf("the build wrote %d files", len(sink.files))
			}
			sink = &memSink{}
			if _, err := site.Build(site.Options{Config: &cfg, Content: content, MD: true}, sink); err != nil || sink.files["localized/en/a.md"] == nil {
				t.Errorf("the Markdown build: %v", err)
			}
		})
	}
}

// A translation is text: what it holds that looks like a shortcode, a
// template action or a shortcode's stand-in in the build runs nothing and
// repeats nothing, and the page's own shortcodes run once each.
func TestTranslationAddsNoShortcode(t *testing.T) {
	content := fstest.MapFS{"a.md": {Data: []byte("# A\n\nWrite {{< x >}} here.\n\nType {{< to start a shortcode.\n")}}
	layouts := fstest.MapFS{"shortcodes/x.html": {Data: []byte(`<b>X</b>`)}}
	cfg := config.Default()
	cfg.Languages = []string{"es", "fr", "de"}
	ls := translatedLocales(t, content, map[string]func(string) (string, bool){
		// The source's "{{<" is no template, so the catalog lets
		// through a translation with others.
		"es": from(map[string]string{"Type {{< to start a shortcode.": "Escriba {{< x >}}, {{% x %}}, {{ .Page }} o {{</* x */>}}."}),
		// The words that stand for shortcodes in the build.
		"fr": from(map[string]string{"Write <1/> here.": "GLOTSC0Z GLOTSC1Z GLOTSCB1Z <1/> ici."}),
		// A brace against the shortcode's tag.
		"de": from(map[string]string{"Write <1/> here.": "Schreiben {<1/>{ hier."}),
	})
	files := build(t, cfg, content, ls, site.Options{Layouts: layouts, HTML: true, MD: true})
	for _, tc := range []struct{ page, want string }{
		{"public/es/a/index.html", "<p>Escriba {{&lt; x &gt;}}, {{% x %}}, {{ .Page }} o {{&lt;/* x */&gt;}}.</p>"},
		{"public/fr/a/index.html", "<p>GLOTSC0Z GLOTSC1Z GLOTSCB1Z <b>X</b> ici.</p>"},
		{"public/de/a/index.html", "<p>Schreiben {<b>X</b>{ hier.</p>"},
	} {
		got := string(files[tc.page])
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s lacks %s:\n%s", tc.page, tc.want, got)
		}
		if n := strings.Count(got, "<b>X</b>"); n != 1 {
			t.Errorf("%s runs the shortcode %d times", tc.page, n)
		}
	}
	if got := string(files["localized/es/a.md"]); !strings.Contains(got, "Escriba {\\{\\< x >}}, {\\{\\% x %}}, {\\{ .Page }} o {\\{\\</\\* x \\*/>}}.") {
		t.Errorf("the Markdown for the site generator:\n%s", got)
	}
}

// The raw inner content of a {{< >}} pair reaches its template as HTML;
// a translation in it, if the page's segments put one there, does not.
func TestRawInnerTranslationIsText(t *testing.T) {
	content := fstest.MapFS{"a.md": {Data: []byte("# A\n\n{{< raw >}}Raw <b>text</b>.{{< /raw >}}\n")}}
	layouts := fstest.MapFS{"shortcodes/raw.html": {Data: []byte(`<div class="raw">{{ .Inner }}</div>`)}}
	cfg := config.Default()
	cfg.Languages = []string{"es"}
	ls := translatedLocales(t, content, map[string]func(string) (string, bool){"es": func(src string) (string, bool) {
		if strings.Contains(src, "Raw") {
			return strings.Replace(src, "Raw", `<img src=x onerror=alert(1)>`, 1), true
		}
		return src, true
	}})
	files := build(t, cfg, content, ls, site.Options{Layouts: layouts})
	es := string(files["public/es/a/index.html"])
	if strings.Contains(es, "<img") || !strings.Contains(es, `<div class="raw">`) {
		t.Errorf("public/es/a/index.html:\n%s", es)
	}
	if en := string(files["public/en/a/index.html"]); !strings.Contains(en, `<div class="raw">Raw <b>text</b>.</div>`) {
		t.Errorf("public/en/a/index.html:\n%s", en)
	}
}

// keySink remembers the key of each output, and keeps one made again
// under the same key, as glot build's sink does.
type keySink struct {
	memSink
	keys map[string]site.Key
}

func (k *keySink) Kept(out site.Output) bool { return k.keys[out.Name] == out.Key }

func (k *keySink) Write(out site.Output, data []byte) error {
	k.keys[out.Name] = out.Key
	return k.memSink.Write(out, data)
}

// A page is made again when a page it refs moves: its ref's URL is part
// of its key.
func TestRefFollowsItsPage(t *testing.T) {
	content := fstest.MapFS{
		"a.md": {Data: []byte("# A\n\nSee {{< relref \"b.md\" >}}.\n")},
		"b.md": {Data: []byte("---\ntitle: B\nslug: bee\n---\n# B\n")},
	}
	cfg := config.Default()
	cfg.Languages = []string{"es"}
	cfg.Extract.FrontMatter = []string{"title", "slug"}
	sink := &keySink{keys: map[string]site.Key{}}
	for _, slug := range []string{"abeja", "avispa"} {
		ls := slugLocales(t, content, rulesFor(cfg), slug)
		sink.files = nil
		if _, err := site.Build(site.Options{Config: &cfg, Content: content, Locales: ls, Rules: rulesFor(cfg), HTML: true}, sink); err != nil {
			t.Fatal(err)
		}
		if got, want := string(sink.files["public/es/a/index.html"]), "See ../"+slug+"/."; !strings.Contains(got, want) {
			t.Errorf("slug %s: public/es/a/index.html lacks %q:\n%s", slug, want, got)
		}
	}
}

// slugLocales extracts content with rules and translates its slug "bee"
// into es as slug.
func slugLocales(t *testing.T, content fstest.MapFS, rules *segment.Rules, slug string) *locale.Site {
	t.Helper()
	locales := fstest.MapFS{}
	res, err := extract.Run(extract.Input{Content: content, Locales: locales, Source: "en", ContentName: "content", LocalesName: "locales", Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Plan.Writes {
		locales[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	ls, _ := locale.Load(locales, "locales", "en")
	c := catalog.New()
	for id, src := range ls.Source.Messages {
		if src.Other == "bee" {
			c.Messages[id] = &catalog.Message{ID: id, Hash: catalog.Hash(src), Other: slug}
		}
	}
	locales[locale.ActivePath("es")] = &fstest.MapFile{Data: c.Bytes("", false)}
	ls, err = locale.Load(locales, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	return ls
}
