package site_test

import (
	"encoding/xml"
	"io/fs"
	"maps"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/extract"
	"github.com/glot-i18n/glot/internal/layout"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/segment"
	"github.com/glot-i18n/glot/internal/site"
)

// catalogs makes a locales folder for content: the source catalog with the
// default layout's messages, and for each language the translations of
// tr, by source text (interface messages by id, with their forms).
func catalogs(t *testing.T, content fstest.MapFS, tr map[string]map[string]*catalog.Message) *locale.Site {
	t.Helper()
	set, err := layout.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	locales := fstest.MapFS{}
	res, err := extract.Run(extract.Input{Content: content, Locales: locales, Source: "en", ContentName: "content", LocalesName: "locales", Interface: set.Interface()})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Plan.Writes {
		locales[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	ls, _ := locale.Load(locales, "locales", "en")
	for lang, msgs := range tr {
		c := catalog.New()
		for id, src := range ls.Source.Messages {
			m := msgs[src.Other]
			if m == nil {
				m = msgs[id]
			}
			if m != nil {
				cp := *m
				cp.ID = id
				if cp.Hash == "" { // else a translation made for an earlier source
					cp.Hash = catalog.Hash(src)
				}
				c.Messages[id] = &cp
			}
		}
		locales[locale.ActivePath(lang)] = &fstest.MapFile{Data: c.Bytes("", false)}
	}
	ls, err = locale.Load(locales, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// rulesFor are the extraction rules of cfg.
func rulesFor(cfg config.Config) *segment.Rules {
	return &segment.Rules{FrontMatter: cfg.Extract.FrontMatter}
}

func other(s string) *catalog.Message { return &catalog.Message{Other: s} }

func build(t *testing.T, cfg config.Config, content fs.FS, ls *locale.Site, o site.Options) map[string][]byte {
	t.Helper()
	o.Config, o.Content, o.Locales = &cfg, content, ls
	if !o.MD && !o.HTML {
		o.HTML = true
	}
	sink := &memSink{}
	if _, err := site.Build(o, sink); err != nil {
		t.Fatal(err)
	}
	return sink.files
}

var page = fstest.MapFS{
	"index.md": {Data: []byte("---\ntitle: Home\nlastmod: 2026-11-25\n---\n# Home\n\nFirst paragraph.\n\nSecond paragraph.\n\n- one item\n- another item\n\n[Other page](other.md)\n")},
	"other.md": {Data: []byte("# Other\n\nOther text.\n")},
}

// The layout's interface text goes through go-i18n with each language's
// plural forms; a translation that would run a template action it has no
// right to is not used.
func TestInterfaceText(t *testing.T) {
	ar := map[string]*catalog.Message{
		"ui-reading-time": {Zero: "صفر {{.Count}}", One: "دقيقة واحدة", Two: "دقيقتان", Few: "{{.Count}} دقائق", Many: "{{.Count}} دقيقة", Other: "{{.Count}} دقيقة (كثير)"},
		"ui-skip":         other("{{.Secret}} انتقل"), // not allowed: refused
		"ui-languages":    other("اللغات"),
		"ui-last-updated": other("آخر تحديث: {{.Date}}"),
	}
	cfg := config.Default()
	cfg.Languages = []string{"ar"}
	files := build(t, cfg, page, catalogs(t, page, map[string]map[string]*catalog.Message{"ar": ar}), site.Options{})
	home := string(files["public/ar/index.html"])
	for _, want := range []string{
		`aria-label="اللغات"`,
		`<span lang="ar">دقيقة واحدة</span>`,                              // one minute: Arabic's "one" form
		`<span lang="ar">آخر تحديث: ٢٠٢٦-١١-٢٥</span>`,                    // the date in Arabic digits
		`<a class="skip" href="#content" lang="ar">انتقل إلى المحتوى</a>`, // the refused translation: glot's own Arabic stands in for it
	} {
		if !strings.Contains(home, want) {
			t.Errorf("public/ar/index.html lacks %s", want)
		}
	}
	if strings.Contains(home, "Secret") {
		t.Error("a refused interface translation was used")
	}
}

// [build] digits sets the digits of what glot writes, per language:
// Arabic with Western digits, English with Devanagari ones; a language not
// listed keeps CLDR's default; the page's own text is never changed.
func TestDigits(t *testing.T) {
	digitsPage := fstest.MapFS{"index.md": {Data: []byte("---\ntitle: Home\nlastmod: 2026-11-25\n---\n# Home\n\nRoom 12.\n")}}
	ar := map[string]*catalog.Message{
		"ui-reading-time": {Zero: "صفر", One: "{{.Count}} دقيقة", Two: "دقيقتان", Few: "{{.Count}} دقائق", Many: "{{.Count}} دقيقة", Other: "{{.Count}} دقيقة"},
		"ui-last-updated": other("آخر تحديث: {{.Date}}"),
		"Room 12.":        other("الغرفة ١٢."),
	}
	for _, c := range []struct {
		name   string
		digits map[string]string
		want   map[string][]string
	}{
		{"default", nil, map[string][]string{
			"ar": {`>١ دقيقة<`, `آخر تحديث: ٢٠٢٦-١١-٢٥`, `الغرفة ١٢.`},
			"en": {`Reading time: 1 minute`, `Last updated: 2026-11-25`},
		}},
		{"set", map[string]string{"ar": "latn", "en": "deva"}, map[string][]string{
			"ar": {`>1 دقيقة<`, `آخر تحديث: 2026-11-25`, `الغرفة ١٢.`},
			"en": {`Reading time: १ minute`, `Last updated: २०२६-११-२५`, `Room 12.`},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := config.Default()
			cfg.Languages = []string{"ar"}
			cfg.Build.Digits = c.digits
			files := build(t, cfg, digitsPage, catalogs(t, digitsPage, map[string]map[string]*catalog.Message{"ar": ar}), site.Options{})
			for lang, want := range c.want {
				got := string(files["public/"+lang+"/index.html"])
				for _, w := range want {
					if !strings.Contains(got, w) {
						t.Errorf("public/%s/index.html lacks %s:\n%s", lang, w, got)
					}
				}
			}
		})
	}
}

// Interface text a language lacks shows in the source language, marked so:
// never in a pseudo-language, however near its tag (ar-XB to ar, en-XA to
// en), and with the build's policy on stale and unreviewed translations,
// as page text. (Urdu and Catalan are languages glot ships no interface
// translations for.)
func TestInterfaceFallback(t *testing.T) {
	es := map[string]*catalog.Message{
		"ui-skip":      other("Vés al contingut"),
		"ui-languages": {Other: "Idiomes antics", Hash: "sha1-0000000000000000000000000000000000000000"}, // stale
	}
	ls := catalogs(t, page, map[string]map[string]*catalog.Message{"ca": es})
	cfg := config.Default()
	cfg.Languages = []string{"ca", "ur"}
	files := build(t, cfg, page, ls, site.Options{})
	ar := string(files["public/ur/index.html"])
	if !strings.Contains(ar, `<a class="skip" href="#content" lang="en" dir="ltr">Skip to content</a>`) || strings.ContainsAny(ar, "\u202e⟦") {
		t.Errorf("Urdu without interface translations shows English, marked:\n%s", ar)
	}
	// A site written in German, translated into English: the English pages
	// show German where English is missing, never pseudo-English.
	deCfg := config.Default()
	deCfg.SourceLanguage, deCfg.Languages = "de", []string{"en"}
	o := site.Options{Config: &deCfg, Content: page, HTML: true}
	sink := &memSink{}
	if _, err := site.Build(o, sink); err != nil {
		t.Fatal(err)
	}
	if en := string(sink.files["public/en/index.html"]); strings.Contains(en, "⟦") {
		t.Errorf("pseudo-English on a real English page:\n%s", en)
	}

	es0 := string(files["public/ca/index.html"])
	if !strings.Contains(es0, `lang="ca">Vés al contingut</a>`) || !strings.Contains(es0, `aria-label="Languages"`) {
		t.Errorf("a stale interface translation is not used by default:\n%s", es0)
	}
	files = build(t, cfg, page, ls, site.Options{AllowStale: true})
	if es := string(files["public/ca/index.html"]); !strings.Contains(es, `aria-label="Idiomes antics"`) {
		t.Errorf("--allow-stale uses a stale interface translation:\n%s", es)
	}
	files = build(t, cfg, page, ls, site.Options{RequireReviewed: true})
	if es := string(files["public/ca/index.html"]); !strings.Contains(es, `lang="en">Skip to content</a>`) {
		t.Errorf("--require reviewed leaves out an unreviewed interface translation:\n%s", es)
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

// A translated slug gives a version a URL of its own, made safe: a
// translation cannot put a page outside its language's folder.
func TestTranslatedSlug(t *testing.T) {
	content := fstest.MapFS{
		"index.md":   {Data: []byte("# Home\n\nSee [the therapy](therapy.md).\n")},
		"therapy.md": {Data: []byte("---\ntitle: Therapy\nslug: therapy\n---\n# Therapy\n")},
	}
	es := map[string]*catalog.Message{"therapy": other("terapia de ketamina"), "See <1>the therapy</1>.": other("Vea <1>la terapia</1>.")}
	fr := map[string]*catalog.Message{"therapy": other("../../etc/passwd")}
	cfg := config.Default()
	cfg.Languages = []string{"es", "fr"}
	cfg.Extract.FrontMatter = []string{"title", "slug"}
	o := site.Options{}
	o.Rules = rulesFor(cfg)
	set, _ := layout.Load(nil)
	locales := fstest.MapFS{}
	res, err := extract.Run(extract.Input{Content: content, Locales: locales, Source: "en", ContentName: "content", LocalesName: "locales", Interface: set.Interface(), Rules: o.Rules})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Plan.Writes {
		locales[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	ls, _ := locale.Load(locales, "locales", "en")
	for lang, msgs := range map[string]map[string]*catalog.Message{"es": es, "fr": fr} {
		c := catalog.New()
		for id, src := range ls.Source.Messages {
			if m := msgs[src.Other]; m != nil {
				c.Messages[id] = &catalog.Message{ID: id, Hash: catalog.Hash(src), Other: m.Other}
			}
		}
		locales[locale.ActivePath(lang)] = &fstest.MapFile{Data: c.Bytes("", false)}
	}
	ls, _ = locale.Load(locales, "locales", "en")
	files := build(t, cfg, content, ls, o)
	names := slices.Sorted(maps.Keys(files))
	for _, want := range []string{"public/es/terapia-de-ketamina/index.html", "public/en/therapy/index.html", "public/fr/etc-passwd/index.html"} {
		if files[want] == nil {
			t.Errorf("no %s in %v", want, names)
		}
	}
	for _, n := range names {
		if strings.Contains(n, "..") || !strings.HasPrefix(n, "public/") {
			t.Errorf("%s is outside the output", n)
		}
	}
	if !strings.Contains(string(files["public/es/index.html"]), `<a href="terapia-de-ketamina/">la terapia</a>`) {
		t.Errorf("links follow the translated slug:\n%s", files["public/es/index.html"])
	}
	if !strings.Contains(string(files["public/en/therapy/index.html"]), `hreflang="es" href="/es/terapia-de-ketamina/"`) {
		t.Errorf("alternates follow it too:\n%s", files["public/en/therapy/index.html"])
	}
}

// Every version built lists every version built of its page, itself
// included, and x-default, with absolute URLs; every version of a page
// lists the same ones; so does the sitemap. Checked on a small site, on
// the sample site, and on the sample site with its incomplete German pages
// left out.
func TestAlternatesEverywhere(t *testing.T) {
	es := map[string]*catalog.Message{"Home": other("Inicio")}
	cfg := config.Default()
	cfg.Languages = []string{"es", "ar"}
	cfg.BaseURL = "https://example.org/"
	files := build(t, cfg, page, catalogs(t, page, map[string]map[string]*catalog.Message{"es": es}), site.Options{})
	checkAlternates(t, cfg.BaseURL, files, 2*3)

	data, err := os.ReadFile("../../glot.toml")
	if err != nil {
		t.Fatal(err)
	}
	sample, err := config.Parse("glot.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	ls, err := locale.Load(os.DirFS("../../locales"), "locales", sample.SourceLanguage)
	if err != nil {
		t.Fatal(err)
	}
	content := os.DirFS("../../content")
	pages := 3
	t.Run("sample", func(t *testing.T) {
		files := build(t, *sample, content, ls, site.Options{})
		checkAlternates(t, sample.BaseURL, files, pages*(len(sample.Languages)+1))
	})
	t.Run("sample, incomplete pages skipped", func(t *testing.T) {
		skip := *sample
		skip.Build = config.Build{Threshold: 100, Incomplete: "skip"}
		files := build(t, skip, content, ls, site.Options{})
		n := 0
		for name := range files {
			if strings.HasPrefix(name, "public/de/") && name != "public/de/404.html" {
				n++
			}
		}
		if n == 0 || n == pages {
			t.Fatalf("German should be partly built: %d of %d pages", n, pages)
		}
		checkAlternates(t, skip.BaseURL, files, pages*len(skip.Languages)+n)
	})
}

// checkAlternates checks the alternates of every page of a build, and its
// sitemap, which should list urls versions.
func checkAlternates(t *testing.T, base string, files map[string][]byte, urls int) {
	t.Helper()
	built := func(u string) bool {
		name := "public/" + strings.TrimPrefix(u, base)
		if strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		return strings.HasPrefix(u, base) && files[name] != nil
	}
	alt := regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)
	canon := regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
	sets := map[string]string{} // url -> its alternates, written out
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") || name == "public/index.html" || strings.HasSuffix(name, "/404.html") {
			continue // the chooser, and the 404 pages, which stand for no page
		}
		got := map[string]string{}
		var list []string
		for _, m := range alt.FindAllStringSubmatch(string(data), -1) {
			got[m[1]] = m[2]
			list = append(list, m[1]+"="+m[2])
		}
		self := canon.FindStringSubmatch(string(data))
		if self == nil {
			t.Errorf("%s: no canonical link", name)
			continue
		}
		if got["x-default"] == "" || !built(got["x-default"]) {
			t.Errorf("%s: x-default %q", name, got["x-default"])
		}
		listsSelf := false
		for l, u := range got {
			if !built(u) {
				t.Errorf("%s: the alternate %s (%s) is not a page that was built", name, l, u)
			}
			listsSelf = listsSelf || u == self[1] && l != "x-default"
		}
		if !listsSelf {
			t.Errorf("%s: its alternates %v do not list it (%s)", name, got, self[1])
		}
		sort.Strings(list)
		sets[self[1]] = strings.Join(list, " ")
	}
	// Each version lists the same versions as every other it lists.
	for u, set := range sets {
		for _, a := range strings.Fields(set) {
			other := a[strings.Index(a, "=")+1:]
			if o, ok := sets[other]; ok && o != set {
				t.Errorf("%s lists %s, which lists %s", u, set, o)
			}
		}
	}
	var sm struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["public/sitemap.xml"], &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	if len(sm.URLs) != urls {
		t.Errorf("sitemap: %d urls, want %d", len(sm.URLs), urls)
	}
	for _, u := range sm.URLs {
		var list []string
		for _, l := range u.Links {
			list = append(list, l.Hreflang+"="+l.Href)
		}
		sort.Strings(list)
		if set, ok := sets[u.Loc]; !ok || set != strings.Join(list, " ") {
			t.Errorf("sitemap: %s lists %v; the page lists %q", u.Loc, list, set)
		}
	}
}

// The footer's line says the page is available in several languages only
// where it is, and is followed by links to its other versions, each named
// in its own language; a page built in one language has neither.
func TestFooterVersions(t *testing.T) {
	cfg := config.Default()
	cfg.Languages = []string{"es", "ar"}
	cfg.Build = config.Build{Threshold: 100, Incomplete: "skip"}
	es := map[string]*catalog.Message{"Home": other("Inicio"), "First paragraph.": other("Primer párrafo."), "Second paragraph.": other("Segundo párrafo."),
		"one item": other("un elemento"), "another item": other("otro elemento"), "<1>Other page</1>": other("<1>Otra página</1>")}
	files := build(t, cfg, page, catalogs(t, page, map[string]map[string]*catalog.Message{"es": es}), site.Options{})
	footer := regexp.MustCompile(`(?s)<footer>.*</footer>`)
	home := footer.FindString(string(files["public/es/index.html"]))
	for _, want := range []string{
		// The line is glot's own Spanish for the default layout's text.
		`<nav class="versions" aria-labelledby="glot-versions">` + "\n" + `<p id="glot-versions" lang="es">Esta página está disponible en varios idiomas.</p>`,
		`<li><a href="../en/" hreflang="en" lang="en" dir="ltr">English</a></li>` + "\n</ul>",
	} {
		if !strings.Contains(home, want) {
			t.Errorf("the footer of public/es/index.html lacks %s:\n%s", want, home)
		}
	}
	if strings.Contains(home, `hreflang="es"`) || strings.Contains(home, `hreflang="ar"`) {
		t.Errorf("the footer lists the page itself, or a version not built:\n%s", home)
	}
	if files["public/es/other/index.html"] != nil {
		t.Fatal("the untranslated page should be built in English only")
	}
	if other := footer.FindString(string(files["public/en/other/index.html"])); strings.Contains(other, "several languages") || strings.Contains(other, "versions") {
		t.Errorf("a page in one language says it is in several:\n%s", other)
	}
}
