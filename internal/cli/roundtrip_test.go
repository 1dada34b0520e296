package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/glottest"
)

// Every message of a site goes out through each exchange format, is filled
// by the libraries translators' own scripts and tools are built on (polib
// for PO, lxml for XLIFF and TMX: testdata/roundtrip/fill.py), and comes
// back: page text with links, emphasis and code, interface messages with
// template fields, Arabic's six plural forms, emoji and right-to-left text.
// Then every message is translated, and the Arabic pages built show each
// plural form where Arabic uses it, with the markup of the source around
// the translated words.
func TestRoundTripThroughTranslatorsTools(t *testing.T) {
	t.Parallel()
	py := glottest.Python(t, "polib", "lxml")
	fill, err := filepath.Abs(filepath.Join("testdata", "roundtrip", "fill.py"))
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"po", "xliff", "xliff12", "tmx"} {
		t.Run(format, func(t *testing.T) {
			dir, pages := readingSite(t)
			write(t, filepath.Join(dir, "content", "care.md"), "# Care 💊\n\nRead [the study](https://example.org/study) on *ketamine* and `dose`, which says مرحبا.\n")
			run(t, dir, 0, "extract")
			file := filepath.Join(dir, "work.ar."+format)
			run(t, dir, 0, "export", "--lang", "ar", "--format", format, "-o", file)
			glottest.Run(t, py, fill, format, file)
			run(t, dir, 0, "import", file)

			var st struct {
				Languages []struct {
					Messages, Translated int
				}
			}
			if err := json.Unmarshal(run(t, dir, 0, "status", "--format", "json", "--lang", "ar"), &st); err != nil {
				t.Fatal(err)
			}
			if l := st.Languages[0]; l.Translated != l.Messages || l.Messages == 0 {
				data, _ := os.ReadFile(file)
				t.Fatalf("after the round trip, %d of %d messages are translated; the file:\n%s", l.Translated, l.Messages, data)
			}

			run(t, dir, 0, "build")
			for form := range pages {
				if got := shown(t, dir, form); !strings.Contains(got, "«"+form+"»") {
					t.Errorf("the Arabic page that takes the %s form shows %s", form, got)
				}
			}
			care := string(read(t, filepath.Join(dir, "public", "ar", "care", "index.html")))
			for _, want := range []string{
				"«other» Care 💊",
				`«other» Read <a href="https://example.org/study"`,
				"<em>ketamine</em>",
				"<code>dose</code>, which says مرحبا.",
			} {
				if !strings.Contains(care, want) {
					t.Errorf("public/ar/care/index.html lacks %q:\n%s", want, care)
				}
			}
		})
	}
}
