package hugo

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
)

func files(m map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range m {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// The same site, configured in each of the ways Hugo reads a
// configuration, reads the same.
func TestLoad(t *testing.T) {
	want := &Site{
		DefaultLanguage: "en", ContentDir: "content", I18nDir: "i18n", ThemeI18n: []string{"themes/docsy/i18n"},
		Languages: []Language{
			{Key: "en", Tag: "en", Code: "en-US", ContentDir: "content/en", Weight: 1},
			{Key: "es", Tag: "es", Code: "es-ES", ContentDir: "content/es", Weight: 2},
			{Key: "pt-br", Tag: "pt-BR", ContentDir: "content/pt-br", Weight: 3},
		},
	}
	theme := map[string]string{"themes/docsy/i18n/en.toml": "[next]\nother = \"Next\"\n", "themes/plain/layouts/x.html": ""}
	tests := []struct {
		name  string
		files map[string]string
		read  []string
	}{
		{"hugo.toml", map[string]string{"hugo.toml": `baseURL = "https://example.org/"
defaultContentLanguage = "en"
theme = ["docsy", "plain"]
[languages.en]
contentDir = "content/en"
languageCode = "en-US"
weight = 1
[languages.es]
contentDir = "./content/es/"
languageCode = "es-ES"
weight = 2
[languages.pt-br]
contentDir = "content/pt-br"
weight = 3
[languages.fr]
contentDir = "content/fr"
disabled = true
`}, []string{"hugo.toml"}},
		// Keys are read without regard to case; a language's weight
		// orders it, whatever its place in the file.
		{"config.yaml", map[string]string{"config.yaml": `DefaultContentLanguage: en
theme: docsy
disableLanguages: [fr]
languages:
  pt-br: {contentdir: content/pt-br, Weight: 3}
  es:
    contentDir: content/es
    languageCode: es-ES
    weight: 2
  fr:
    contentDir: content/fr
  en:
    contentDir: content/en
    languageCode: en-US
    weight: 1
`}, []string{"config.yaml"}},
		{"hugo.json", map[string]string{"hugo.json": `{"defaultContentLanguage": "en", "theme": "docsy", "disableLanguages": ["fr"],
 "languages": {"en": {"contentDir": "content/en", "languageCode": "en-US", "weight": 1},
  "es": {"contentDir": "content/es", "languageCode": "es-ES", "weight": 2},
  "pt-br": {"contentDir": "content/pt-br", "weight": 3}, "fr": {"contentDir": "content/fr"}}}`}, []string{"hugo.json"}},
		// config/_default/ is merged on top of the root's file, and its
		// languages file is the languages table.
		{"config dir", map[string]string{
			"config.toml":                    "defaultContentLanguage = \"fr\"\ntheme = \"docsy\"\n",
			"config/_default/hugo.yaml":      "defaultContentLanguage: en\ndisableLanguages: [fr]\n",
			"config/_default/languages.toml": "[en]\ncontentDir = \"content/en\"\nlanguageCode = \"en-US\"\nweight = 1\n[es]\ncontentDir = \"content/es\"\nlanguageCode = \"es-ES\"\nweight = 2\n[pt-br]\ncontentDir = \"content/pt-br\"\nweight = 3\n[fr]\ncontentDir = \"content/fr\"\n",
			"config/_default/params.toml":    "[x]\ny = 1\n",
		}, []string{"config.toml", "config/_default/hugo.yaml", "config/_default/languages.toml"}},
		// hugo.toml is Hugo's first choice, config.toml only its old name.
		{"hugo.toml before config.toml", map[string]string{
			"config.toml": "defaultContentLanguage = \"fr\"\n",
			"hugo.yaml":   "theme: docsy\ndisableLanguages: [fr]\nlanguages:\n  en: {contentDir: content/en, languageCode: en-US, weight: 1}\n  es: {contentDir: content/es, languageCode: es-ES, weight: 2}\n  pt-br: {contentDir: content/pt-br, weight: 3}\n",
		}, []string{"hugo.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := map[string]string{}
			for k, v := range theme {
				m[k] = v
			}
			for k, v := range tt.files {
				m[k] = v
			}
			got, err := Load(files(m))
			if err != nil {
				t.Fatal(err)
			}
			w := *want
			w.Files = tt.read
			// Each language is defined by the last file that has the
			// languages table.
			w.Languages = nil
			for _, l := range want.Languages {
				l.File = tt.read[len(tt.read)-1]
				w.Languages = append(w.Languages, l)
			}
			if !reflect.DeepEqual(*got, w) {
				t.Errorf("got  %+v\nwant %+v", *got, w)
			}
		})
	}
}

// A configuration glot cannot read is an error that names its file, and
// its line where there is one.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"none", map[string]string{"content/en/a.md": "x"}, "no Hugo configuration here"},
		{"toml syntax", map[string]string{"hugo.toml": "title = \"x\"\n[languages.en\n"}, "hugo.toml:3:"},
		{"yaml syntax", map[string]string{"hugo.yaml": "title: x\nlanguages:\n  en: [\n"}, "hugo.yaml:4:"},
		{"json syntax", map[string]string{"config.json": "{\n  \"title\": \"x\",\n  \"languages\": {,}\n}"}, "config.json:3:17:"},
		{"not a tag", map[string]string{"hugo.toml": "[languages.english]\ncontentDir = \"content/english\"\n"}, `hugo.toml: language "english": its key is not a BCP 47 language tag`},
		{"bad weight", map[string]string{"hugo.toml": "[languages.en]\nweight = 1.5\n"}, "hugo.toml: languages.en.weight: give a whole number"},
		{"bad theme", map[string]string{"hugo.toml": "theme = 3\n"}, "hugo.toml: theme: give a string or a list of strings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(files(tt.files))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

// glot init --hugo's glot.toml: the default language is the source, the
// others the languages, each with its content folder; one that has none
// in Hugo's configuration gets the folder beside the source's, and a
// note to set it there. It reads back as the site it was made from.
func TestGlotConfig(t *testing.T) {
	site, err := Load(files(map[string]string{
		"hugo.toml": `defaultContentLanguage = "en"
theme = "docsy"
[languages.ar]
weight = 3
[languages.en]
contentDir = "content/en"
weight = 1
[languages.es]
contentDir = "content/spanish"
weight = 2
`,
		"themes/docsy/i18n/en.toml": "",
	}))
	if err != nil {
		t.Fatal(err)
	}
	text, notes, err := site.GlotConfig()
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Parse("glot.toml", []byte(text))
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	want := config.Hugo{Content: "content/en", I18n: "i18n", ThemeI18n: []string{"themes/docsy/i18n"}, Incomplete: "fallback",
		ContentDirs: map[string]string{"es": "content/spanish", "ar": "content/ar"}}
	if cfg.SourceLanguage != "en" || !reflect.DeepEqual(cfg.Languages, []string{"es", "ar"}) || !reflect.DeepEqual(cfg.Hugo, want) {
		t.Errorf("glot.toml reads %+v %v %+v\n%s", cfg.SourceLanguage, cfg.Languages, cfg.Hugo, text)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], `hugo.toml: language ar has no contentDir: glot build writes its pages into content/ar/; set contentDir = "content/ar"`) {
		t.Errorf("notes = %q", notes)
	}
	if !strings.Contains(text, "\nar = \"content/ar\" # not the language's contentDir in Hugo's configuration: add it there\n") {
		t.Errorf("glot.toml does not say where ar's folder came from:\n%s", text)
	}
}

func TestGlotConfigErrors(t *testing.T) {
	tests := []struct{ name, config, want string }{
		{"one language", "title = \"x\"\n", `hugo.toml: no languages table: glot translates a site Hugo builds in several languages; add a table for each language, [languages.en]`},
		{"default not a language", "defaultContentLanguage = \"de\"\n[languages.en]\n[languages.es]\n", `hugo.toml: defaultContentLanguage "de" is not one of its languages (en, es)`},
		{"shared content folder", "[languages.en]\n[languages.es]\ncontentDir = \"content/es\"\n", `hugo.toml: language en has no contentDir of its own, so its pages are all of content/: glot reads the source pages from one folder and writes each language's into another`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, err := Load(files(map[string]string{"hugo.toml": tt.config}))
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := site.GlotConfig(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

// The source language's messages are read from the site's i18n folder and
// its themes', in every format Hugo reads, the site's winning over a
// theme's.
func TestReadI18n(t *testing.T) {
	fsys := files(map[string]string{
		"i18n/en.toml":              "home = \"Home\"\n[readingTime]\ndescription = \"On every page\"\none = \"One minute\"\nother = \"{{ .Count }} minutes\"\n",
		"i18n/EN.yaml":              "- id: footer\n  translation: \"All rights reserved\"\n",
		"i18n/es.toml":              "home = \"Inicio\"\n",
		"themes/docsy/i18n/en.json": `{"home": {"other": "Theme's home"}, "next": "Next", "posts": {"one": "{{ .Count }} post", "other": "{{ .Count }} posts"}}`,
		"themes/docsy/i18n/fr.toml": "next = \"Suivant\"\n",
	})
	got, err := ReadI18n(fsys, []string{"i18n", "themes/docsy/i18n", "themes/none/i18n"}, "en")
	if err != nil {
		t.Fatal(err)
	}
	want := []*catalog.Message{
		{ID: "footer", Other: "All rights reserved"},
		{ID: "home", Other: "Home"},
		{ID: "next", Other: "Next"},
		{ID: "posts", One: "{{ .Count }} post", Other: "{{ .Count }} posts"},
		{ID: "readingTime", Description: "On every page", One: "One minute", Other: "{{ .Count }} minutes"},
	}
	if !reflect.DeepEqual(got, want) {
		for _, m := range got {
			t.Logf("%+v", *m)
		}
		t.Errorf("messages differ")
	}
	for name, tt := range map[string]struct {
		files map[string]string
		want  string
	}{
		"toml":      {map[string]string{"i18n/en.toml": "home = \"Home\"\n[x]\nother = 3\n"}, "i18n/en.toml:2: message \"x\": other must be a string"},
		"yaml":      {map[string]string{"i18n/en.yaml": "home: Home\nx: [\n"}, "i18n/en.yaml:3:"},
		"twice":     {map[string]string{"i18n/en.toml": "home = \"Home\"\n", "i18n/en.yml": "home: Home\n"}, `i18n/en.yml: message "home" is also defined in i18n/en.toml`},
		"json type": {map[string]string{"i18n/en.json": "{\"home\": 3}"}, "i18n/en.json"},
	} {
		if _, err := ReadI18n(files(tt.files), []string{"i18n"}, "en"); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error = %v, want %q", name, err, tt.want)
		}
	}
}

// The i18n file glot writes is one Hugo's go-i18n reads: each form of
// each message, picked by the language's plural rules, and nothing of
// glot's bookkeeping.
func TestI18nFile(t *testing.T) {
	msgs := []*catalog.Message{
		{ID: "readingTime", Description: "glot's note", Hash: "sha1-x", Zero: "لا دقائق", One: "دقيقة واحدة", Two: "دقيقتان", Few: "{{ .Count }} دقائق", Many: "{{ .Count }} دقيقة", Other: "{{ .Count }} من الدقائق"},
		{ID: "home", Other: "الرئيسية \"١\""},
	}
	data := I18nFile("ar", "locales", msgs)
	if !WrittenByGlot(data) || WrittenByGlot([]byte("home = \"x\"\n")) {
		t.Errorf("header: %q", data)
	}
	if strings.Contains(string(data), "glot's note") || strings.Contains(string(data), "sha1-x") {
		t.Errorf("the file holds glot's bookkeeping:\n%s", data)
	}
	// Read as Hugo reads it: go-i18n's bundle, with a TOML decoder.
	bundle := i18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	if _, err := bundle.ParseMessageFileBytes(data, "ar.toml"); err != nil {
		t.Fatal(err)
	}
	loc := i18n.NewLocalizer(bundle, "ar")
	for n, want := range map[int]string{0: "لا دقائق", 1: "دقيقة واحدة", 2: "دقيقتان", 3: "3 دقائق", 11: "11 دقيقة", 100: "100 من الدقائق"} {
		got, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "readingTime", PluralCount: n, TemplateData: map[string]int{"Count": n}})
		if err != nil || got != want {
			t.Errorf("readingTime %d = %q %v, want %q", n, got, err, want)
		}
	}
	if got, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "home"}); err != nil || got != "الرئيسية \"١\"" {
		t.Errorf("home = %q %v", got, err)
	}
}
