package site_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/site"
)

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
