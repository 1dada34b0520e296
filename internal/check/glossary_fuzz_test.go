package check

import (
	"testing"

	"github.com/glot-i18n/glot/internal/fuzzcheck"
)

// FuzzGlossary reads any glossary.toml: the read ends in bounded time and
// memory and refuses with the file and line, and a glossary it takes can
// check a translation into each language. The seeds in testdata/fuzz are
// the sample site's glossary, the one in the package documentation, and
// hostile ones.
func FuzzGlossary(f *testing.F) {
	langs := []string{"es", "fr", "de", "ar", "pt-BR"}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > fuzzcheck.MaxInput {
			return
		}
		var g *Glossary
		var err error
		fuzzcheck.Bounded(t, func() { g, err = ParseGlossary(GlossaryFile, data, langs) })
		if err != nil {
			fuzzcheck.ErrorIn(t, err, GlossaryFile, data)
			return
		}
		fuzzcheck.Bounded(t, func() {
			for _, l := range langs {
				g.check("en", l, "Ketamine treats major depressive disorder (MDD); NMDA.", "La ketamina trata el trastorno depresivo mayor (TDM); NMDA.", false)
			}
		})
	})
}
