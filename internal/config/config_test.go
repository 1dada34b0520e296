package config

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/glot-i18n/glot/internal/segment"
)

func TestParseDefaults(t *testing.T) {
	cfg, err := Parse("glot.toml", []byte(`languages = ["es", "pt-BR"]`))
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.Languages = []string{"es", "pt-BR"}
	if !reflect.DeepEqual(*cfg, want) {
		t.Fatalf("got %+v, want %+v", *cfg, want)
	}
	cfg, err = Parse("glot.toml", []byte("base_url = \"https://a.example/site\"\n"))
	if err != nil || cfg.BaseURL != "https://a.example/site/" {
		t.Fatalf("base_url gets its trailing slash: %+v %v", cfg, err)
	}
}

func TestExtractRules(t *testing.T) {
	cfg, err := Parse("glot.toml", []byte(`
[extract]
front_matter = ["title", "menu.main.name"]
no_translate_classes = ["keep"]
[extract.shortcodes]
figure = ["caption"]
`))
	if err != nil {
		t.Fatal(err)
	}
	want := segment.Extract{FrontMatter: []string{"title", "menu.main.name"}, NoTranslateClasses: []string{"keep"}, Shortcodes: map[string]segment.ShortcodeRule{"figure": {Params: []string{"caption"}}}}
	if !reflect.DeepEqual(cfg.Extract, want) {
		t.Errorf("got %+v", cfg.Extract)
	}
	if _, err := Parse("glot.toml", []byte("[extract]\nfrontmatter = [\"x\"]\n")); err == nil || !strings.Contains(err.Error(), `glot.toml:2: unknown key "extract.frontmatter"`) {
		t.Errorf("unknown extract key: %v", err)
	}
}

// A shortcode's entry is the list of its translated parameters, as
// before, or a table that also says what the inside of a pair is.
func TestExtractShortcodes(t *testing.T) {
	cfg, err := Parse("glot.toml", []byte(`
[extract.shortcodes]
figure = ["caption", "alt"]
[extract.shortcodes.alert]
params = ["title"]
inner = "markdown"
[extract.shortcodes."blocks/*"]
inner = "opaque"
[extract.shortcodes.tab]
params = ["header"]
inner = "text"
opaque_if = ["lang"]
markdown_if = ["text"]
`))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]segment.ShortcodeRule{
		"figure":   {Params: []string{"caption", "alt"}},
		"alert":    {Params: []string{"title"}, Inner: "markdown"},
		"blocks/*": {Inner: "opaque"},
		"tab":      {Params: []string{"header"}, Inner: "text", OpaqueIf: []string{"lang"}, MarkdownIf: []string{"text"}},
	}
	if !reflect.DeepEqual(cfg.Extract.Shortcodes, want) {
		t.Errorf("got %+v", cfg.Extract.Shortcodes)
	}
	for _, tt := range []struct{ name, data, want string }{
		{"unknown inner", "[extract.shortcodes.alert]\ninner = \"html\"\n", `glot.toml:1:1: inner = "html": give "markdown", "text" or "opaque"`},
		{"unknown key", "[extract.shortcodes.alert]\nparams = [\"title\"]\ninside = \"markdown\"\n", `glot.toml:1:1: unknown key "inside" (known keys: params, inner, opaque_if, markdown_if)`},
		{"not a list", "[extract.shortcodes]\nfigure = \"caption\"\n", "glot.toml:2:11: give a list of parameter names, or a table with params and inner"},
		{"not names", "[extract.shortcodes.alert]\nparams = [1, 2]\n", "glot.toml:1:1: params: give a list of parameter names"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("glot.toml", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// Atoms are regular expressions, checked when glot.toml is read.
func TestExtractAtoms(t *testing.T) {
	cfg, err := Parse("glot.toml", []byte("[extract]\natoms = ['\\{\\{\\s*[A-Za-z_]+\\(.*?\\)\\s*\\}\\}', '\\{%.*?%\\}']\n"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := segment.Markdown([]byte("See {{Glossary(\"HTML\")}} {% raw %}here{% endraw %}.\n"), cfg.Rules())
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Segments) != 1 || p.Segments[0].Text != "See <1/> <2/>here<3/>." {
		t.Errorf("atoms %q: segments %+v, want the macros as placeholders", cfg.Extract.Atoms, p.Segments)
	}
	for _, tt := range []struct{ name, data, want string }{
		{"bad pattern", "[extract]\n\natoms = ['\\{\\{(']\n", "glot.toml:3: atoms: pattern \"\\\\{\\\\{(\": error parsing regexp: missing closing )"},
		{"empty pattern", "[extract]\natoms = ['']\n", "glot.toml:2: atoms: an empty pattern matches nothing to keep"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("glot.toml", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	cfg, err := Parse("glot.toml", []byte("languages = [\"es\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := (segment.Limits{MaxNesting: 100, MaxPageBytes: 10485760, PageTimeout: 10 * time.Second}); cfg.Limits != want {
		t.Errorf("defaults: got %+v, want %+v", cfg.Limits, want)
	}
	cfg, err = Parse("glot.toml", []byte("[limits]\nmax_nesting = 20\nmax_page_bytes = 1048576\npage_timeout = \"1m30s\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := (segment.Limits{MaxNesting: 20, MaxPageBytes: 1 << 20, PageTimeout: 90 * time.Second}); cfg.Limits != want {
		t.Errorf("set: got %+v, want %+v", cfg.Limits, want)
	}
	tests := []struct{ name, data, want string }{
		{"nesting 0", "[limits]\nmax_nesting = 0\n", "glot.toml:2: max_nesting = 0: give a number of levels, 1 or more"},
		{"negative size", "[limits]\n\nmax_page_bytes = -1\n", "glot.toml:3: max_page_bytes = -1: give a number of bytes from 1 to 1073741824 (1 GiB)"},
		{"size too large", "[limits]\nmax_page_bytes = 2147483648\n", "glot.toml:2: max_page_bytes = 2147483648: give a number of bytes from 1"},
		{"bad duration", "[limits]\npage_timeout = \"ten seconds\"\n", `glot.toml:2:17: invalid duration: "ten seconds"`},
		{"bare number", "[limits]\npage_timeout = 10\n", `glot.toml:2: page_timeout: give a duration as a string, such as "10s" or "1m"`},
		{"zero duration", "[limits]\npage_timeout = \"0s\"\n", `glot.toml:2: page_timeout = "0s": give a duration longer than 0, such as "10s"`},
		{"unknown key", "[limits]\nmax_depth = 3\n", `glot.toml:2: unknown key "limits.max_depth"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("glot.toml", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestTemplateIsValid(t *testing.T) {
	if _, err := Parse("glot.toml", []byte(Template)); err != nil {
		t.Fatal(err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"syntax", "source_language = \"en\"\nlanguages = [\"es\"\n", "glot.toml:2:18:"},
		{"unknown key", "source_language = \"en\"\n\noutput = \"x\"\n", `glot.toml:3: unknown key "output"`},
		{"unknown tag", "languages = [\"es\", \"xx\"]\n", `glot.toml:1: unknown language tag "xx"`},
		{"non-canonical tag", "\nlanguages = [\"pt_BR\"]\n", `glot.toml:2: language tag "pt_BR" is not in canonical BCP 47 form; write "pt-BR"`},
		{"bad source", "source_language = \"english\"\n", `glot.toml:1: unknown language tag "english"`},
		{"duplicate", "languages = [\"es\", \"es\"]\n", "es is listed twice"},
		{"source listed", "languages = [\"en\"]\n", "en is listed twice, or is the source language"},
		{"pseudo listed", "languages = [\"en-XA\"]\n", "en-XA is a pseudo-language"},
		{"dir outside", "output_dir = \"../www\"\n", `glot.toml:1: "../www" must be a folder inside the site`},
		{"table", "languages = [\"es\"]\n\n[extra]\nx = 1\n", `glot.toml:3: unknown key "extra`},
		{"output in content", "output_dir = \"content/out\"\n", `glot.toml:1: "content/out" overlaps content_dir "content"`},
		{"same folders", "markdown_dir = \"public\"\n", `glot.toml:1: "public" overlaps output_dir "public"`},
		{"relative base_url", "base_url = \"example\"\n", `glot.toml:1: "example/" must be an absolute http(s) URL`},
		{"ftp base_url", "base_url = \"ftp://example.org\"\n", `must be an absolute http(s) URL`},
		{"wrong type", "\nlanguages = \"es\"\n", "glot.toml:2: incompatible types"},
		// Folders that would be read back, or written over, or that lie
		// outside the site.
		{"output in layouts", "languages = [\"es\"]\noutput_dir = \"layouts\"\n", `glot.toml:2: "layouts" overlaps the layouts folder "layouts"`},
		{"markdown around layouts", "\nmarkdown_dir = \"./\"\n", `glot.toml:2: "./" must be a folder inside the site`},
		{"layouts by another case", "output_dir = \"Layouts/site\"\n", `glot.toml:1: "Layouts/site" overlaps the layouts folder`},
		{"output is .git", "\n\noutput_dir = \".git\"\n", `glot.toml:3: ".git" is inside git's own folder`},
		{"content in .git", "content_dir = \".git/content\"\n", `glot.toml:1: ".git/content" is inside git's own folder`},
		{"output in a nested .git", "markdown_dir = \"vendor/.GIT/md\"\n", `glot.toml:1: "vendor/.GIT/md" is inside git's own folder`},
		{"output in the cache", "output_dir = \".glot-cache/www\"\n", `glot.toml:1: ".glot-cache/www" overlaps glot's cache folder`},
		{"output over glot.toml", "output_dir = \"glot.toml\"\n", `glot.toml:1: "glot.toml" overlaps the site's configuration`},
		{"locales is the root", "locales_dir = \"x/..\"\n", `glot.toml:1: "x/.." must be a folder inside the site`},
		{"markdown escapes", "markdown_dir = \"md/../../md\"\n", `glot.toml:1: "md/../../md" must be a folder inside the site`},
		{"locales in content", "locales_dir = \"content/locales\"\n", `glot.toml:1: "content/locales" overlaps content_dir "content"`},
		{"markdown holds locales", "locales_dir = \"md/locales\"\nmarkdown_dir = \"md\"\n", `glot.toml:2: "md" overlaps locales_dir "md/locales"`},
		// The key set in the file is blamed, not the one left at its
		// default.
		{"content over the default output", "\ncontent_dir = \"public\"\n", `glot.toml:2: "public" overlaps content_dir "public"`},
		{"digits of no language", "languages = [\"ar\"]\n\n[build]\ndigits = { fa = \"latn\" }\n", `glot.toml:4: digits: "fa" is not a language of the site`},
		{"digits unknown", "languages = [\"ar\"]\n[build]\ndigits = { ar = \"roman\" }\n", `glot.toml:3: digits: ar = "roman" is not a numbering system glot knows`},
		{"newline in a folder", "output_dir = \"pub\\nlic\"\n", `glot.toml:1: "pub\nlic" holds a control character`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("glot.toml", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestSelect(t *testing.T) {
	cfg := Default()
	cfg.Languages = []string{"es", "fr", "ar"}
	got, err := cfg.Select(nil, false)
	if err != nil || !reflect.DeepEqual(got, []string{"es", "fr", "ar"}) {
		t.Fatalf("default = %v %v", got, err)
	}
	got, err = cfg.Select([]string{"fr,es", "fr"}, false)
	if err != nil || !reflect.DeepEqual(got, []string{"fr", "es"}) {
		t.Fatalf("--lang fr,es = %v %v", got, err)
	}
	if _, err := cfg.Select([]string{"de"}, false); err == nil || !strings.Contains(err.Error(), "language de is not one of the site's languages") {
		t.Fatalf("unknown site language: %v", err)
	}
	if _, err := cfg.Select([]string{"zz"}, false); err == nil || !strings.Contains(err.Error(), `"zz"`) {
		t.Fatalf("unknown tag: %v", err)
	}
	if got, err := cfg.Select([]string{"en-XA"}, true); err != nil || got[0] != "en-XA" {
		t.Fatalf("pseudo for build: %v %v", got, err)
	}
	if _, err := cfg.Select([]string{"ar-XB"}, false); err == nil {
		t.Fatal("pseudo-languages have no catalog")
	}
}

// A translator's file says its language as its tool writes it.
func TestFileLanguage(t *testing.T) {
	cfg := Default()
	cfg.Languages = []string{"es", "fr", "pt-BR", "zh-Hant", "sr-Latn"}
	for _, tt := range []struct{ tag, want, err string }{
		{"es", "es", ""},
		{"es_ES", "es", ""},
		{"ES-es", "es", ""},
		{"es-419", "es", ""},
		{"pt_BR", "pt-BR", ""},
		{"pt-br", "pt-BR", ""},
		{"pt-PT", "", "not one of the site's languages"},
		{"pt", "", "not one of the site's languages"},
		{"zh-TW", "zh-Hant", ""}, // Taiwan writes Traditional Chinese
		{"zh-Hant-TW", "zh-Hant", ""},
		{"sr-Latn-RS", "sr-Latn", ""},
		{"sr-Cyrl", "", "not one of the site's languages"},
		{"de", "", "(es, fr, pt-BR, sr-Latn, zh-Hant)"},
		{"xx-!!", "", "unknown language tag"},
	} {
		got, err := cfg.FileLanguage(tt.tag)
		switch {
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("FileLanguage(%q) = %q, %v; want %q", tt.tag, got, err, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("FileLanguage(%q) = %q, %v; want an error saying %q", tt.tag, got, err, tt.err)
		}
	}
	cfg.Languages = []string{"es", "es-MX"}
	if got, err := cfg.FileLanguage("es_MX"); got != "es-MX" || err != nil {
		t.Errorf("es_MX with es and es-MX: %q, %v", got, err)
	}
	if _, err := cfg.FileLanguage("es-ES"); err != nil {
		t.Errorf("es-ES with es and es-MX: %v", err)
	}
}

func TestNameLanguage(t *testing.T) {
	cfg := Default()
	cfg.Languages = []string{"es", "fr", "pt-BR"}
	for file, want := range map[string]string{
		"es.xlf":                 "es",
		"work/review.fr.po":      "fr",
		"glot-pt_BR.po":          "",
		"review.pt_BR.po":        "pt-BR",
		"translations.xlf":       "",
		"de.po":                  "", // not a language of the site
		"es":                     "", // no extension: the name is the format's
		"clinic.2026.es.tmx":     "es",
		"../handoff/es-ES.xliff": "es",
	} {
		if got := cfg.NameLanguage(file); got != want {
			t.Errorf("NameLanguage(%q) = %q, want %q", file, got, want)
		}
	}
}

// A [hugo] section makes the site a Hugo site's: its content is the
// source's folder, and every target language has a folder, named or beside
// it.
func TestHugo(t *testing.T) {
	cfg, err := Parse("glot.toml", []byte(`source_language = "en"
languages = ["es", "ar", "pt-BR"]
[hugo]
content = "content/en"
[hugo.content_dirs]
ar = "arabic/content"
`))
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.IsHugo() || cfg.ContentDir != "content/en" || cfg.Hugo.I18n != "i18n" || cfg.Hugo.Incomplete != "fallback" {
		t.Errorf("defaults: %+v, content_dir %q", cfg.Hugo, cfg.ContentDir)
	}
	want := map[string]string{"es": "content/es", "ar": "arabic/content", "pt-BR": "content/pt-BR"}
	if !reflect.DeepEqual(cfg.Hugo.ContentDirs, want) {
		t.Errorf("content_dirs = %v, want %v", cfg.Hugo.ContentDirs, want)
	}
	for lang, dir := range map[string]string{"en": "content/en", "es": "content/es", "ar": "arabic/content", "en-XA": "content/en-XA"} {
		if got := cfg.HugoDir(lang); got != dir {
			t.Errorf("HugoDir(%s) = %q, want %q", lang, got, dir)
		}
	}
	plain, err := Parse("glot.toml", []byte(`languages = ["es"]`))
	if err != nil || plain.IsHugo() || plain.ContentDir != "content" {
		t.Errorf("a site without [hugo] is no Hugo site: %+v %v", plain, err)
	}
}

func TestHugoErrors(t *testing.T) {
	const head = "languages = [\"es\", \"ar\"]\n"
	tests := []struct{ name, data, want string }{
		{"no content", head + "[hugo]\ni18n = \"i18n\"\n", `glot.toml:2: [hugo] needs content`},
		{"content_dir too", "content_dir = \"content\"\n" + head + "[hugo]\ncontent = \"content/en\"\n", `glot.toml:1: a Hugo site names the folder of its source pages with content in [hugo]`},
		{"bad incomplete", head + "[content]\n[hugo]\ncontent = \"content/en\"\nincomplete = \"notice\"\n", `glot.toml:5: incomplete = "notice": give fallback`},
		{"unknown language", head + "[hugo]\ncontent = \"content/en\"\n[hugo.content_dirs]\nfr = \"content/fr\"\n", `glot.toml:5: [hugo.content_dirs] names fr, which is not one of languages`},
		{"target is the source", head + "[hugo]\ncontent = \"content/en\"\n[hugo.content_dirs]\nes = \"content/en\"\n", `glot.toml:5: the folder of es "content/en" overlaps content "content/en"`},
		{"target inside the source", head + "[hugo]\ncontent = \"content\"\n[hugo.content_dirs]\nes = \"content/es\"\n", `glot.toml:5: the folder of es "content/es" overlaps content "content"`},
		{"two languages, one folder", head + "[hugo]\ncontent = \"content/en\"\n[hugo.content_dirs]\nes = \"content/x\"\nar = \"content/x/ar\"\n", `glot.toml:6: the folder of ar "content/x/ar" overlaps the folder of es "content/x"`},
		{"i18n in the locales", head + "locales_dir = \"i18n\"\n[hugo]\ncontent = \"content/en\"\n", `glot.toml:3: i18n "i18n" overlaps locales_dir "i18n"`},
		{"target outside", head + "[hugo]\ncontent = \"content/en\"\n[hugo.content_dirs]\nes = \"../es\"\n", `glot.toml:5: the folder of es: "../es" must be a folder inside the site`},
		{"i18n in .git", head + "[hugo]\ncontent = \"content/en\"\ni18n = \".git/i18n\"\n", `glot.toml:4: i18n: ".git/i18n" is inside git's own folder`},
		{"target over the layouts", head + "[hugo]\ncontent = \"content/en\"\n[hugo.content_dirs]\nes = \"layouts\"\n", `glot.toml:5: the folder of es: "layouts" overlaps the layouts folder`},
		{"theme's i18n is the site's", head + "[hugo]\ncontent = \"content/en\"\ntheme_i18n = [\"i18n\"]\n", `glot.toml:4: theme_i18n "i18n" overlaps i18n "i18n", which glot writes`},
		{"unknown key", head + "[hugo]\ncontent = \"content/en\"\nthemes = []\n", `glot.toml:4: unknown key "hugo.themes"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("glot.toml", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// [content] exclude is read as globs, and a glob that cannot mean what it
// says is refused with its line.
func TestContentExclude(t *testing.T) {
	cfg, err := Parse("glot.toml", []byte("[content]\nexclude = [\"drafts/**\", \"**/*.tmp\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cfg.Content.Exclude, []string{"drafts/**", "**/*.tmp"}) {
		t.Errorf("exclude = %q", cfg.Content.Exclude)
	}
	for data, want := range map[string]string{
		"[content]\n\nexclude = [\"docs/**.md\"]\n":   `glot.toml:3: [content] exclude "docs/**.md": ** must be a whole path element`,
		"[content]\nexclude = [\"/abs\"]\n":           `glot.toml:2: [content] exclude "/abs": a glob is a path in the content folder, without a leading /`,
		"[extract]\n[content]\nexclude = [\"[a-\"]\n": `glot.toml:3: [content] exclude "[a-": "[a-": syntax error in pattern`,
	} {
		if _, err := Parse("glot.toml", []byte(data)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error = %v, want %q", data, err, want)
		}
	}
}

// The glot.toml of a Hugo site is the template's, with a [hugo] section
// in place of the keys a Hugo site does not use, and reads back as it
// was made.
func TestHugoTemplate(t *testing.T) {
	h := Hugo{Content: "content/en", I18n: "i18n", ThemeI18n: []string{"themes/docsy/i18n"}, Incomplete: "source",
		ContentDirs: map[string]string{"es": "content/es", "pt-BR": "content/pt-br"}}
	text, err := HugoTemplate("en", []string{"es", "pt-BR"}, h, map[string]string{"es": "not in hugo.toml"})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := Parse("glot.toml", []byte(text))
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	if cfg.SourceLanguage != "en" || !reflect.DeepEqual(cfg.Languages, []string{"es", "pt-BR"}) || !reflect.DeepEqual(cfg.Hugo, h) || cfg.ContentDir != "content/en" {
		t.Errorf("read back: %+v\n%s", cfg, text)
	}
	for _, gone := range []string{"content_dir =", "output_dir =", "markdown_dir =", "base_url =", "incomplete = \"notice\""} {
		if strings.Contains(text, gone) {
			t.Errorf("a Hugo site's glot.toml sets %s:\n%s", gone, text)
		}
	}
	for _, want := range []string{"\n[hugo]\n", "\ncontent = \"content/en\"\n", "\nes = \"content/es\" # not in hugo.toml\n", "\npt-BR = \"content/pt-br\"\n", "\n[limits]\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("glot.toml lacks %q:\n%s", want, text)
		}
	}
}

// [build] digits takes a numbering system for any of the site's
// languages, the source included.
func TestDigits(t *testing.T) {
	c, err := Parse("glot.toml", []byte("languages = [\"ar\", \"fa\"]\n[build]\ndigits = { ar = \"latn\", en = \"arab\", fa = \"arabext\" }\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Build.Digits["ar"] != "latn" || c.Build.Digits["en"] != "arab" || len(c.Build.Digits) != 3 {
		t.Errorf("digits = %v", c.Build.Digits)
	}
}

// glot.toml's [extract] and [limits] are the segmenter's own types: a
// file that sets every key decodes into them whole, and the rules made of
// it read a page as each key says.
func TestExtractAndLimitsAreTheSegmenters(t *testing.T) {
	cfg, err := Parse("glot.toml", []byte(`
[extract]
front_matter = ["summary"]
attributes = ["data-label"]
no_translate_classes = ["keep"]
atoms = ['\{\{\s*[A-Za-z_]+\(.*?\)\s*\}\}']
[extract.shortcodes]
figure = ["alt"]
[extract.shortcodes.note]
params = ["heading"]
inner = "text"
opaque_if = ["code"]
markdown_if = ["md"]

[limits]
max_nesting = 3
max_page_bytes = 4096
page_timeout = "30s"
`))
	if err != nil {
		t.Fatal(err)
	}
	wantExtract := segment.Extract{
		FrontMatter:        []string{"summary"},
		Attributes:         []string{"data-label"},
		NoTranslateClasses: []string{"keep"},
		Shortcodes: map[string]segment.ShortcodeRule{
			"figure": {Params: []string{"alt"}},
			"note":   {Params: []string{"heading"}, Inner: segment.InnerText, OpaqueIf: []string{"code"}, MarkdownIf: []string{"md"}},
		},
		Atoms: []string{`\{\{\s*[A-Za-z_]+\(.*?\)\s*\}\}`},
	}
	if !reflect.DeepEqual(cfg.Extract, wantExtract) {
		t.Errorf("[extract] = %+v, want %+v", cfg.Extract, wantExtract)
	}
	if want := (segment.Limits{MaxNesting: 3, MaxPageBytes: 4096, PageTimeout: 30 * time.Second}); cfg.Limits != want {
		t.Errorf("[limits] = %+v, want %+v", cfg.Limits, want)
	}
	rules := cfg.Rules()
	page := "---\ntitle: Not this\nsummary: A summary\n---\n" +
		"{{< figure src=\"a.png\" caption=\"Not this\" alt=\"A cat\" >}}\n\n" +
		"{{< note heading=\"Mind\" >}}Some *plain* text.{{< /note >}}\n\n" +
		"{{< note code=\"go\" >}}x := 1{{< /note >}}\n\n" +
		"{{< note code=\"go\" md=\"true\" >}}\nSome **Markdown**.\n{{< /note >}}\n\n" +
		"See {{Glossary(\"HTML\")}}.\n\n" +
		"<p class=\"keep\">Not this</p>\n\n" +
		"<p data-label=\"A label\">Text</p>\n"
	p, err := segment.Markdown([]byte(page), rules)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range p.Segments {
		got = append(got, s.Kind+": "+s.Text)
	}
	// Each line is there, or not, because of one key: summary and not
	// title, alt and not caption, the note's heading and its inside as
	// plain text, code's inside kept, md's read as Markdown, the macro a
	// placeholder, the keep paragraph left out, data-label translated.
	want := []string{
		"summary: A summary",
		"figure.alt: A cat",
		"note.heading: Mind",
		"note: Some *plain* text.",
		"p: Some <1>Markdown</1>.",
		"p: See <1/>.",
		"data-label: A label",
		"p: Text",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("segments:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := segment.Markdown([]byte("> > > > Too deep.\n"), rules); err == nil || !strings.Contains(err.Error(), "max_nesting 3") {
		t.Errorf("a page nested 4 deep: error = %v, want max_nesting 3", err)
	}
	if _, err := segment.Markdown([]byte(strings.Repeat("word ", 1000)), rules); err == nil || !strings.Contains(err.Error(), "max_page_bytes 4096") {
		t.Errorf("a page of 5000 bytes: error = %v, want max_page_bytes 4096", err)
	}
}
