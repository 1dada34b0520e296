package corpus_test

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/glot-i18n/glot/bench/corpus"
	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/cli"
	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/langtag"
)

// readTree reads every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestSameSeedSameSite(t *testing.T) {
	glottest.Slow(t, "it generates three corpus sites of 120 pages")
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	o := corpus.Options{Pages: 120, Seed: 7}
	for _, dir := range []string{a, b} {
		if err := corpus.Content(dir, o); err != nil {
			t.Fatal(err)
		}
	}
	o.Seed = 8
	if err := corpus.Content(c, o); err != nil {
		t.Fatal(err)
	}
	ta, tb, tc := readTree(t, a), readTree(t, b), readTree(t, c)
	pages := 0
	for p, data := range ta {
		if !bytes.Equal(data, tb[p]) {
			t.Errorf("%s differs between two runs with the same seed", p)
		}
		if strings.HasSuffix(p, ".md") {
			pages++
		}
	}
	if len(ta) != len(tb) {
		t.Errorf("two runs with the same seed wrote %d and %d files", len(ta), len(tb))
	}
	if pages != o.Pages {
		t.Errorf("wrote %d pages, want %d", pages, o.Pages)
	}
	same := 0
	for p, data := range ta {
		if bytes.Equal(data, tc[p]) {
			same++
		}
	}
	if same > len(ta)/2 {
		t.Errorf("seeds 7 and 8 wrote %d of %d files alike", same, len(ta))
	}
}

// glot runs glot on dir and returns its exit status and output.
func glot(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	var out bytes.Buffer
	code := cli.Run(append([]string{"-C", dir}, args...), &out, &out)
	return code, out.String()
}

func TestTranslationsPassCheck(t *testing.T) {
	glottest.Slow(t, "it generates a corpus site in every language and checks and builds it")
	dir := t.TempDir()
	if err := corpus.Generate(dir, corpus.Options{Pages: 20}); err != nil {
		t.Fatal(err)
	}
	if code, out := glot(t, dir, "check"); code != 0 {
		t.Fatalf("glot check: exit status %d\n%s", code, out)
	}
	code, out := glot(t, dir, "status")
	if code != 0 {
		t.Fatalf("glot status: exit status %d\n%s", code, out)
	}
	if strings.Count(out, "100.00%") != len(corpus.Languages) {
		t.Fatalf("glot status: want every language complete:\n%s", out)
	}
	if code, out := glot(t, dir, "build", "--format", "md"); code != 0 {
		t.Fatalf("glot build: exit status %d\n%s", code, out)
	}
}

func TestUntranslatedShare(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, corpus.Options{Pages: 20, Languages: []string{"de", "ar"}, Untranslated: 0.2}); err != nil {
		t.Fatal(err)
	}
	src := parse(t, filepath.Join(dir, "locales", "active.en.toml"))
	de := parse(t, filepath.Join(dir, "locales", "active.de.toml"))
	share := 1 - float64(len(de.Messages))/float64(len(src.Messages))
	if share < 0.1 || share > 0.3 {
		t.Errorf("%.0f %% of the messages left untranslated, want about 20 %%", share*100)
	}
	// glot merge writes the work left, with suggestions from what is
	// translated, and exits cleanly.
	if code, out := glot(t, dir, "merge"); code != 0 {
		t.Fatalf("glot merge: exit status %d\n%s", code, out)
	}
	work, err := os.ReadFile(filepath.Join(dir, "locales", "translate.de.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(work, []byte("\nother = \"\"")); n == 0 {
		t.Errorf("translate.de.toml asks for nothing:\n%s", work)
	}
}

func parse(t *testing.T, path string) *catalog.Catalog {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestPluralFormsAndScripts(t *testing.T) {
	glottest.Slow(t, "it generates a corpus site in every language and builds it")
	dir := t.TempDir()
	if err := corpus.Generate(dir, corpus.Options{Pages: 20}); err != nil {
		t.Fatal(err)
	}
	for _, lang := range corpus.Languages {
		c := parse(t, filepath.Join(dir, "locales", "active."+lang+".toml"))
		m := c.Messages["ui-reading-time"]
		if m == nil {
			t.Fatalf("%s: no ui-reading-time", lang)
		}
		var got []string
		for _, f := range catalog.Forms(m) {
			got = append(got, f.Name)
			if !strings.Contains(f.Text, "{{.Count}}") {
				t.Errorf("%s: ui-reading-time %s = %q lost {{.Count}}", lang, f.Name, f.Text)
			}
		}
		if want := langtag.PluralForms(lang); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: ui-reading-time has forms %v, want %v", lang, got, want)
		}
	}
	ja := parse(t, filepath.Join(dir, "locales", "active.ja.toml"))
	for id, m := range ja.Messages {
		rs := []rune(m.Other)
		for i := 1; i+1 < len(rs); i++ {
			if rs[i] == ' ' && unicode.Is(unicode.Han, rs[i-1]) && unicode.Is(unicode.Han, rs[i+1]) {
				t.Errorf("ja: %s has a space between words: %q", id, m.Other)
				break
			}
		}
	}
}

// TestExtractWarnsOfNothing checks that glot reads every block of the
// generated pages as text it extracts: it warns of any it leaves out.
func TestExtractWarnsOfNothing(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Content(dir, corpus.Options{Pages: 40}); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if code := cli.Run([]string{"-C", dir, "extract"}, io.Discard, &stderr); code != 0 || stderr.Len() > 0 {
		t.Fatalf("glot extract: exit status %d\n%s", code, stderr.String())
	}
}
