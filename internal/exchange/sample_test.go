package exchange_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/glot-i18n/glot/internal/exchange"
	"github.com/glot-i18n/glot/internal/locale"
)

// validators run the tools of the trade on an export in each format: the
// OASIS XLIFF 2.0 and 2.1 core schemas and the XLIFF 1.2 strict one,
// gettext's msgfmt (any warning is a failure), the TMX 1.4b DTD; offline,
// from the copies in testdata.
var validators = map[string]func(t *testing.T, file string){
	"xliff": func(t *testing.T, f string) {
		tool(t, "xmllint", "--noout", "--nonet", "--schema", xliffSchema(t), f)
		tool(t, "xmllint", "--noout", "--nonet", "--schema", filepath.Join("testdata", "xliff-2.1", "xliff_core_2.0.xsd"), f)
	},
	"po": func(t *testing.T, f string) {
		quiet(t, "msgfmt", "-c", "--check-format", "-o", os.DevNull, f)
	},
	"xliff12": func(t *testing.T, f string) {
		tool(t, "xmllint", "--noout", "--nonet", "--schema", xliff12Schema(t), f)
	},
	"pot": func(t *testing.T, f string) {
		// msgfmt -c refuses the nplurals=INTEGER every template has, as
		// xgettext writes it: msginit fills it in per language.
		quiet(t, "msgfmt", "--check-format", "--check-domain", "-o", os.DevNull, f)
	},
	"tmx": func(t *testing.T, f string) {
		tool(t, "xmllint", "--noout", "--nonet", "--dtdvalid", filepath.Join("testdata", "tmx-1.4b", "tmx14.dtd"), f)
	},
}

// The sample site as it ships (glot's own repository: page text with
// links, emphasis and numbers, the layout's interface messages with
// template fields and a plural message, Arabic's six forms) exports in
// every format, into every language, as the tools validate it.
func TestSampleSiteExportsPassTheTools(t *testing.T) {
	t.Parallel()
	s, err := locale.Load(os.DirFS(filepath.Join("..", "..", "locales")), "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"ar", "de", "es", "fr"} {
		l, err := s.Lang(lang)
		if err != nil {
			t.Fatal(err)
		}
		tb := table(t, s, l)
		for format, validate := range validators {
			t.Run(lang+"."+format, func(t *testing.T) {
				data, err := exchange.Export(s, tb, exchange.Options{Format: format, ContentName: "content", Date: exportDate})
				if err != nil {
					t.Fatal(err)
				}
				validate(t, write(t, lang+"."+format, data))
			})
		}
	}
}
