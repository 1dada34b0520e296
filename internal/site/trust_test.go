package site_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/merge"
	"github.com/glot-i18n/glot/internal/site"
)

func TestBrokenTranslationFallsBackWithWarning(t *testing.T) {
	broken := map[string]string{}
	for k, v := range testES {
		broken[k] = v
	}
	broken["Read the <1>guide</1> and see the <2/>."] = "Lea la guía." // placeholders dropped
	rep, files := buildSite(t, site.Options{HTML: true}, map[string]map[string]string{"es": broken})
	if !strings.Contains(string(files["public/es/index.html"]), "Read the <a") {
		t.Error("a translation that does not fit its source is not used")
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], "content/index.md:8: es: message read-the-guide-and-see") {
		t.Errorf("warnings: %q", rep.Warnings)
	}
}

// Page text is text: "{{" in a page or a translation never reaches a
// template engine, go-i18n's or html/template's. A translation may write
// only the template fields its source has; one with any other action is
// held back, whatever the message.
func TestTemplateLookalikesAreText(t *testing.T) {
	cfg := config.Default()
	cfg.Languages = []string{"es", "fr"}
	content := fstest.MapFS{"a.md": {Data: []byte("Write {{ .Title }} and {{< x >}} here.\n")}}
	ls := translatedLocales(t, content, map[string]func(string) (string, bool){
		// {{< x >}} in the page is a shortcode, a placeholder; the rest is
		// the translator's.
		"es": func(string) (string, bool) { return "Escriba {{ .Title }} y <1/> aquí.", true },
		"fr": func(string) (string, bool) { return "Écrivez {{ printf \"%s\" 1 }} et <1/> ici.", true },
	})
	sink := &memSink{}
	layouts := fstest.MapFS{"shortcodes/x.html": {Data: []byte("<b>X</b>")}}
	rep, err := site.Build(site.Options{Config: &cfg, Content: content, Layouts: layouts, Locales: ls, HTML: true, MD: true}, sink)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(sink.files["public/en/a/index.html"]); !strings.Contains(got, "<p>Write {{ .Title }} and <b>X</b> here.</p>") {
		t.Errorf("source page:\n%s", got)
	}
	if got := string(sink.files["public/es/a/index.html"]); !strings.Contains(got, `<p>Escriba {{ .Title }} y <b>X</b> aquí.</p>`) {
		t.Errorf("translated page:\n%s", got)
	}
	// In the Markdown that a site generator reads, only the page's own
	// shortcode is one.
	if got, want := string(sink.files["localized/es/a.md"]), "Escriba {\\{ .Title }} y {{< x >}} aquí.\n"; got != want {
		t.Errorf("localized Markdown %q, want %q", got, want)
	}
	if got := string(sink.files["localized/fr/a.md"]); got != "Write {{ .Title }} and {{< x >}} here.\n" {
		t.Errorf("a translation with a template action is shown: %q", got)
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], "fr: message") || !strings.Contains(rep.Warnings[0], "printf") {
		t.Errorf("warnings: %q", rep.Warnings)
	}
}

// glot build --require reviewed uses only what a reviewer signed off.
func TestRequireReviewed(t *testing.T) {
	ls := translatedLocales(t, testContent, map[string]func(string) (string, bool){"es": from(testES)})
	l, err := ls.Lang("es")
	if err != nil {
		t.Fatal(err)
	}
	p, n, err := merge.Approve(ls, l, merge.Approval{Page: "guide/*"})
	if err != nil || n != 3 {
		t.Fatalf("approve: %d %v", n, err)
	}
	fsys := ls.FS.(fstest.MapFS)
	for _, f := range p.Writes {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	if ls, err = locale.Load(fsys, "locales", "en"); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.Languages = []string{"es"}
	sink := &memSink{}
	if _, err := site.Build(site.Options{Config: &cfg, Content: testContent, Locales: ls, MD: true, RequireReviewed: true}, sink); err != nil {
		t.Fatal(err)
	}
	if got := string(sink.files["localized/es/guide/setup.md"]); !strings.Contains(got, "# Instalación") {
		t.Errorf("a reviewed translation is used:\n%s", got)
	}
	if got := string(sink.files["localized/es/index.md"]); !strings.Contains(got, "# Home") {
		t.Errorf("a translation not reviewed is not:\n%s", got)
	}
}
