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
	"github.com/glot-i18n/glot/internal/site"
)

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

	sample, content, ls := sampleSite(t)
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

// sampleSite reads the repository's own site: its glot.toml, content
// folder and locales.
func sampleSite(t *testing.T) (*config.Config, fs.FS, *locale.Site) {
	t.Helper()
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
	return sample, os.DirFS("../../content"), ls
}
