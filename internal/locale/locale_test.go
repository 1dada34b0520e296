package locale

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoad(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"active.en.toml": {Data: []byte(`
cur-a = "Current text"
new-b = "Edited text"
newer-c = "Edited twice"
fresh-d = "Never translated"
empty-e = "Translated as empty"
bad-f = "Has <1>a pair</1>"
`)},
		".glot/pages/p.md.toml": {Data: []byte(`
[[block]]
id = "new-b"
kind = "p"
line = 1
was = ["old-b"]

[[block]]
id = "newer-c"
kind = "p"
line = 3
was = ["mid-c", "old-c"]
`)},
		".glot/retired.toml": {Data: []byte("old-b = \"Original text\"\nmid-c = \"Edited once\"\nold-c = \"First text\"\n")},
		"active.es.toml": {Data: []byte(`
[cur-a]
other = "Texto actual"
[empty-e]
other = ""
[bad-f]
other = "Sin el par"
`)},
		".glot/archive.es.toml": {Data: []byte(`
[old-b]
source = "Original text"
other = "Texto original"
[old-c]
source = "First text"
other = "Primer texto"
`)},
	}
	s, err := Load(fsys, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Lang("es"); err != nil {
		t.Fatal(err)
	}
	if !s.IsPredecessor("old-b") || s.IsPredecessor("cur-a") || !s.OnPage("new-b") || s.OnPage("cur-a") {
		t.Error("IsPredecessor / OnPage")
	}
	if s.SourceText("mid-c") != "Edited once" {
		t.Error("SourceText of a retired id")
	}
}

// A message file glot would not read is named, with the languages
// glot.toml has: an error when its tag is not one glot.toml could have, a
// warning when it is a valid tag the site does not have.
func TestCheckNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file         string
		err, warning string // what each must contain; "" for none
	}{
		{"active.en.toml", "", ""},
		{"active.es.toml", "", ""},
		{"translate.pt-BR.toml", "", ""},
		{"translate.es_ES.toml", `locales/translate.es_ES.toml: "es_ES" is not a language tag in canonical BCP 47 form, so glot never reads this file (glot.toml has source_language en and languages [es, pt-BR]); rename it to translate.es-ES.toml and add es-ES to languages, or to translate.es.toml`, ""},
		{"translate.pt_BR.toml", `rename it to translate.pt-BR.toml`, ""},
		{"active.ES.toml", `"ES" is not a language tag in canonical BCP 47 form`, ""},
		{"active.pt-br.toml", `rename it to active.pt-BR.toml`, ""},
		{"active.xx.toml", `locales/active.xx.toml: "xx" is not a language tag`, ""},
		{"translate.es.done.toml", `"es.done" is not a language tag`, ""},
		{"active.fr.toml", "", "locales/active.fr.toml is not read: fr is not a language of the site (glot.toml has source_language en and languages [es, pt-BR])"},
		{"translate.de-CH.toml", "", "de-CH is not a language of the site"},
		{"translate.en.toml", "", "locales/translate.en.toml is not read: en is the source language"},
		{"active.en-XA.toml", "", "en-XA is a pseudo-language"},
		// Not named as a catalog glot reads: left alone.
		{"glossary.toml", "", ""},
		{"es.toml", "", ""},
		{"active.es.toml.bak", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			fsys := fstest.MapFS{"active.en.toml": {}, tt.file: {}, ".glot/archive.xx_YY.toml": {}}
			warnings, err := CheckNames(fsys, "locales", "en", []string{"pt-BR", "es"})
			if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
				t.Errorf("error = %v, want %q", err, tt.err)
			}
			got := strings.Join(warnings, "\n")
			if tt.warning == "" && got != "" || !strings.Contains(got, tt.warning) {
				t.Errorf("warnings = %q, want %q", got, tt.warning)
			}
		})
	}
	if w, err := CheckNames(fstest.MapFS{}, "locales", "en", nil); w != nil || err != nil {
		t.Errorf("an empty folder: %v %v", w, err)
	}
}
