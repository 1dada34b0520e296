package site_test

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/extract"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/site"
)

// fragmentContent is a site whose page includes a fragment kept in a
// headless bundle, _common/, as Hugo sites keep them, and links to it.
var fragmentContent = fstest.MapFS{
	"index.md":               {Data: []byte("# Home\n\nRead the [therapy](docs/therapy.md) page.\n")},
	"docs/therapy.md":        {Data: []byte("# Therapy\n\nKetamine is given slowly.\n\n{{< include \"note\" >}}\n\nSee [the note](../_common/note.md).\n")},
	"_common/index.md":       {Data: []byte("---\nheadless: true\n---\n")},
	"_common/note.md":        {Data: []byte("Ask your doctor first.\n")},
	"_common/diagram.svg":    {Data: []byte("<svg/>")},
	"drafts/unfinished.md":   {Data: []byte("# Not yet\n")},
	"docs/notes.tmp":         {Data: []byte("scratch")},
	"docs/_includes/tip.md":  {Data: []byte("A tip.\n")},
	"docs/_includes/tip.png": {Data: []byte("PNG")},
}

var fragmentES = map[string]string{
	"Home": "Inicio", "Read the <1>therapy</1> page.": "Lea la página de <1>terapia</1>.", "Therapy": "Terapia",
	"Ketamine is given slowly.": "La ketamina se administra despacio.", "See <1>the note</1>.": "Vea <1>la nota</1>.",
	"Ask your doctor first.": "Consulte primero a su médico.", "A tip.": "Un consejo.",
}

// A fragment is translated into each language's Markdown tree, with the
// assets beside it, but has no HTML page: no switcher, alternate, sitemap
// entry or link leads to it. What [content] exclude matches is nowhere.
func TestFragmentsAndExclude(t *testing.T) {
	cfg := config.Default()
	cfg.Languages = []string{"es"}
	cfg.BaseURL = "https://example.org/"
	cfg.Content.Exclude = []string{"drafts/**", "**/*.tmp"}
	cfg.Build.Incomplete = "skip"
	ls := translatedLocales(t, fragmentContent, map[string]func(string) (string, bool){"es": from(fragmentES)})
	sink := &memSink{}
	// The site's own shortcode shows where the fragment goes; what it
	// shows is the site's business.
	layouts := fstest.MapFS{"shortcodes/include.html": {Data: []byte(`<aside class="include">{{ .Get 0 }}</aside>`)}}
	rep, err := site.Build(site.Options{Config: &cfg, Content: fragmentContent, Locales: ls, Layouts: layouts, HTML: true, MD: true}, sink)
	if err != nil {
		t.Fatal(err)
	}
	files := sink.files
	for _, want := range []string{"localized/es/_common/note.md", "localized/es/_common/index.md", "localized/es/docs/_includes/tip.md",
		"localized/es/_common/diagram.svg", "localized/es/docs/_includes/tip.png", "localized/en/_common/note.md"} {
		if files[want] == nil {
			t.Errorf("no %s", want)
		}
	}
	if got := string(files["localized/es/_common/note.md"]); got != "Consulte primero a su médico.\n" {
		t.Errorf("the fragment in Spanish: %q", got)
	}
	for name := range files {
		if strings.HasPrefix(name, "public/") && (strings.Contains(name, "_common") && !strings.HasSuffix(name, ".svg") || strings.Contains(name, "_includes") && !strings.HasSuffix(name, ".png")) {
			t.Errorf("a fragment has a page of its own: %s", name)
		}
		if strings.Contains(name, "drafts") || strings.Contains(name, ".tmp") {
			t.Errorf("an excluded file was written: %s", name)
		}
	}
	for _, name := range []string{"public/sitemap.xml", "public/es/docs/therapy/index.html", "public/en/index.html"} {
		if strings.Contains(string(files[name]), "_common") && name != "public/es/docs/therapy/index.html" {
			t.Errorf("%s names a fragment:\n%s", name, files[name])
		}
	}
	if sm := string(files["public/sitemap.xml"]); strings.Count(sm, "<url>") != 4 {
		t.Errorf("the sitemap lists %d URLs, want 2 pages x 2 languages:\n%s", strings.Count(sm, "<url>"), sm)
	}
	// The link to the fragment is left as written: there is no page to
	// lead it to.
	if therapy := string(files["public/es/docs/therapy/index.html"]); !strings.Contains(therapy, `<a href="../_common/note.md">la nota</a>`) {
		t.Errorf("the link to the fragment:\n%s", therapy)
	}
	for _, l := range rep.Langs {
		if l.Skipped != 0 {
			t.Errorf("%s: %d pages counted as left out; a fragment is not a page left out", l.Lang, l.Skipped)
		}
	}
	if rep.Pages != 5 {
		t.Errorf("%d pages, want 2 pages and 3 fragments", rep.Pages)
	}
}

// hugoConfig is the glot.toml of a Hugo site translated into es and ar.
func hugoConfig(t *testing.T, incomplete string) *config.Config {
	t.Helper()
	cfg, err := config.Parse("glot.toml", []byte(`source_language = "en"
languages = ["es", "ar"]
[build]
threshold = 100
[content]
exclude = ["drafts/**", "**/*.tmp"]
[hugo]
content = "content/en"
incomplete = "`+incomplete+`"
[hugo.content_dirs]
ar = "content/arabic"
`))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// hugoI18n is the site's i18n/en.toml.
var hugoI18n = []*catalog.Message{
	{ID: "home", Other: "Home"},
	{ID: "readingTime", One: "One minute to read", Other: "{{ .Count }} minutes to read"},
	{ID: "untranslated", Other: "Nobody translated this"},
}

// hugoLocales extracts content with the site's interface messages and
// gives es and ar their translations: the page text of tr, and the
// interface text of ui.
func hugoLocales(t *testing.T, content fstest.MapFS, tr map[string]map[string]string, ui map[string][]*catalog.Message) *locale.Site {
	t.Helper()
	locales := fstest.MapFS{}
	res, err := extract.Run(extract.Input{Content: content, Locales: locales, Source: "en", ContentName: "content/en", LocalesName: "locales", Interface: hugoI18n})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Plan.Writes {
		locales[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	ls, err := locale.Load(locales, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"es", "ar"} {
		m := tr[lang]
		c := catalog.New()
		for id, src := range ls.Source.Messages {
			if s, ok := m[src.Other]; ok {
				c.Messages[id] = &catalog.Message{ID: id, Hash: catalog.Hash(src), Other: s}
			}
		}
		for _, u := range ui[lang] {
			c2 := *u
			c2.Hash = catalog.Hash(ls.Source.Messages[u.ID])
			c.Messages[u.ID] = &c2
		}
		locales[locale.ActivePath(lang)] = &fstest.MapFile{Data: c.Bytes("", false)}
	}
	if ls, err = locale.Load(locales, "locales", "en"); err != nil {
		t.Fatal(err)
	}
	return ls
}

var hugoUI = map[string][]*catalog.Message{
	"es": {{ID: "home", Other: "Inicio"}, {ID: "readingTime", One: "Un minuto de lectura", Many: "{{ .Count }} minutos de lectura", Other: "{{ .Count }} minutos de lectura"}},
	"ar": {{ID: "home", Other: "الرئيسية"}, {ID: "readingTime", Zero: "لا دقائق", One: "دقيقة واحدة", Two: "دقيقتان", Few: "{{ .Count }} دقائق", Many: "{{ .Count }} دقيقة", Other: "{{ .Count }} من الدقائق"}},
}

// A Hugo site's build writes each target language's pages into that
// language's content folder, byte for byte what the source page is but
// for its translated text, the assets beside them, and each language's
// i18n file, with the plural forms of the language; never the source
// language's pages, and no HTML. A page below the threshold is left out
// with "fallback", so that Hugo shows the source's, and written with its
// untranslated text in the source language with "source"; a fragment is
// written either way.
func TestHugoBuild(t *testing.T) {
	partial := map[string]string{}
	maps.Copy(partial, fragmentES)
	delete(partial, "Ketamine is given slowly.") // therapy.md is below the threshold
	delete(partial, "A tip.")                    // and so is the fragment tip.md
	for _, incomplete := range []string{"fallback", "source"} {
		t.Run(incomplete, func(t *testing.T) {
			cfg := hugoConfig(t, incomplete)
			ls := hugoLocales(t, fragmentContent, map[string]map[string]string{"es": partial}, hugoUI)
			sink := &memSink{}
			rep, err := site.Build(site.Options{Config: cfg, Content: fragmentContent, Locales: ls, MD: true, HugoI18n: hugoI18n}, sink)
			if err != nil {
				t.Fatal(err)
			}
			files := sink.files
			names := slices.Sorted(maps.Keys(files))
			for _, n := range names {
				if !strings.HasPrefix(n, "content/es/") && !strings.HasPrefix(n, "content/arabic/") && n != "i18n/es.toml" && n != "i18n/ar.toml" {
					t.Errorf("wrote %s: a Hugo site's build writes the target languages' content folders and i18n files only", n)
				}
			}
			if got := string(files["content/es/index.md"]); got != "# Inicio\n\nLea la página de [terapia](docs/therapy.md).\n" {
				t.Errorf("content/es/index.md = %q", got)
			}
			if got := string(files["content/es/_common/index.md"]); got != "---\nheadless: true\n---\n" {
				t.Errorf("the bundle's front matter is kept: %q", got)
			}
			if files["content/es/_common/diagram.svg"] == nil || files["content/arabic/_common/diagram.svg"] == nil {
				t.Errorf("the bundle's assets are not beside its pages: %v", names)
			}
			therapy, written := files["content/es/docs/therapy.md"]
			if written != (incomplete == "source") {
				t.Errorf("incomplete = %s: content/es/docs/therapy.md written: %v", incomplete, written)
			}
			if written && string(therapy) != "# Terapia\n\nKetamine is given slowly.\n\n{{< include \"note\" >}}\n\nVea [la nota](../_common/note.md).\n" {
				t.Errorf("the page below the threshold, in the source language where untranslated:\n%s", therapy)
			}
			if got := string(files["content/es/docs/_includes/tip.md"]); got != "A tip.\n" {
				t.Errorf("a fragment below the threshold is written all the same: %q", got)
			}
			for _, l := range rep.Langs {
				want := map[string]int{"fallback": 1, "source": 0}[incomplete]
				if l.Lang == "ar" {
					want = map[string]int{"fallback": 2, "source": 0}[incomplete] // nothing translated: both pages
				}
				if l.Skipped != want {
					t.Errorf("%s: %d pages left out, want %d", l.Lang, l.Skipped, want)
				}
			}
			es := string(files["i18n/es.toml"])
			for _, want := range []string{"# Written by glot build from locales/active.es.toml",
				"\n[home]\nother = \"Inicio\"\n",
				"\n[readingTime]\none = \"Un minuto de lectura\"\nmany = \"{{ .Count }} minutos de lectura\"\nother = \"{{ .Count }} minutos de lectura\"\n"} {
				if !strings.Contains(es, want) {
					t.Errorf("i18n/es.toml lacks %q:\n%s", want, es)
				}
			}
			ar := string(files["i18n/ar.toml"])
			if !strings.Contains(ar, "\n[readingTime]\nzero = \"لا دقائق\"\none = \"دقيقة واحدة\"\ntwo = \"دقيقتان\"\nfew = \"{{ .Count }} دقائق\"\nmany = \"{{ .Count }} دقيقة\"\nother = \"{{ .Count }} من الدقائق\"\n") {
				t.Errorf("i18n/ar.toml has not the six forms of Arabic:\n%s", ar)
			}
			// A message without a translation is left for Hugo to show
			// in the default language; glot's bookkeeping stays out.
			for _, file := range []string{es, ar} {
				if strings.Contains(file, "untranslated") || strings.Contains(file, "hash") || strings.Contains(file, "Nobody") {
					t.Errorf("an i18n file holds what it should not:\n%s", file)
				}
			}
		})
	}
}

// An interface message whose source changed since it was extracted has
// translations judged against another text: it is left out until extract
// and merge have seen it again. A pseudo-language gets every message, its
// pages in the folder named by its tag.
func TestHugoI18nSourceChanged(t *testing.T) {
	cfg := hugoConfig(t, "fallback")
	ls := hugoLocales(t, fragmentContent, nil, hugoUI)
	changed := []*catalog.Message{{ID: "home", Other: "Start"}, hugoI18n[1], hugoI18n[2]}
	sink := &memSink{}
	if _, err := site.Build(site.Options{Config: cfg, Content: fragmentContent, Locales: ls, MD: true, HugoI18n: changed, Langs: []string{"es", "en-XA"}}, sink); err != nil {
		t.Fatal(err)
	}
	es := string(sink.files["i18n/es.toml"])
	if strings.Contains(es, "Inicio") || !strings.Contains(es, "[readingTime]") {
		t.Errorf("i18n/es.toml:\n%s", es)
	}
	xa := string(sink.files["i18n/en-XA.toml"])
	if !strings.Contains(xa, "[home]") || !strings.Contains(xa, "⟦") || !strings.Contains(xa, "{{ .Count }}") {
		t.Errorf("i18n/en-XA.toml:\n%s", xa)
	}
	if sink.files["content/en-XA/docs/therapy.md"] == nil || sink.files["i18n/ar.toml"] != nil {
		t.Errorf("wrote %v", slices.Sorted(maps.Keys(sink.files)))
	}
}
