package site_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/site"
)

// A block kept out of translation with glot:skip shows the source
// language in every other language, and its element says so, as text
// that falls back does: lang (and dir, on a right-to-left page).
func TestSkippedBlocksSayTheirLanguage(t *testing.T) {
	content := fstest.MapFS{"a.md": {Data: []byte(`# Page

Translated paragraph.

<!-- glot:skip -->
Internal paragraph.

<!-- glot:skip -->
- one
- two

<!-- glot:skip -->
<div class="box">Box text</div>
Loose <b>text</b>

<!-- glot:skip -->
<p lang="fr">Déjà en français.</p>

<!-- glot:skip -->
{{% notice %}}
Inside the notice.
{{% /notice %}}

<!-- glot:skip -->
{{< x >}}

> <!-- glot:skip -->
> Quoted.

<!-- glot:skip -->
{{% notice %}}
First of two.

Second of two.
{{% /notice %}}
`)}}
	layouts := fstest.MapFS{
		"shortcodes/notice.html": {Data: []byte(`<div class="notice">{{ .Inner }}</div>`)},
		"shortcodes/x.html":      {Data: []byte(`<b>X</b>`)},
	}
	cfg := config.Default()
	cfg.Languages = []string{"es", "ar"}
	everything := func(src string) (string, bool) { return "T " + src, true }
	ls := translatedLocales(t, content, map[string]func(string) (string, bool){"es": everything, "ar": everything})
	files := build(t, cfg, content, ls, site.Options{Layouts: layouts})
	es, ar, en := string(files["public/es/a/index.html"]), string(files["public/ar/a/index.html"]), string(files["public/en/a/index.html"])
	for _, want := range []string{
		`<p>T Translated paragraph.</p>`,
		`<p lang="en">Internal paragraph.</p>`,
		`<ul lang="en">`,
		`<div class="box" lang="en">Box text</div>` + "\n" + `<span lang="en">Loose</span> <b lang="en">text</b>`,
		`<p lang="fr">Déjà en français.</p>`, // the page says what it is
		`<div class="notice">` + "\n" + `<p lang="en">Inside the notice.</p>` + "\n</div>",
		`<div lang="en"><b>X</b></div>`,
		`<!-- glot:skip -->` + "\n" + `<p lang="en">Quoted.</p>` + "\n</blockquote>",
		`<p lang="en">First of two.</p>`,
	} {
		if !strings.Contains(es, want) {
			t.Errorf("public/es/a/index.html lacks %s", want)
		}
	}
	// A block that was translated all the same is not claimed English.
	if strings.Contains(es, `lang="en">T `) {
		t.Errorf("a translated block is marked as English:\n%s", es)
	}
	for _, want := range []string{`<p lang="en" dir="ltr">Internal paragraph.</p>`, `<div class="box" lang="en" dir="ltr">Box text</div>`} {
		if !strings.Contains(ar, want) {
			t.Errorf("public/ar/a/index.html lacks %s", want)
		}
	}
	if !strings.Contains(en, "<p>Internal paragraph.</p>\n<!-- glot:skip -->\n<ul>") || !strings.Contains(en, `<div class="box">Box text</div>`) || strings.Contains(en, `<div lang`) {
		t.Errorf("the source language's page marks its own text:\n%s", en)
	}
	if t.Failed() {
		t.Logf("es:\n%s", es)
	}
}
