package config

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/content"
)

// Content says which files of the content folder are part of the site.
type Content struct {
	// Exclude lists globs over paths in the content folder ("drafts/**",
	// "**/*.tmp"; see content.Exclude): what they match is neither page
	// nor asset.
	Exclude []string `toml:"exclude"`
}

// Hugo makes glot the translation pipeline of a Hugo site, when glot.toml
// has a [hugo] section: glot reads the source language's pages where Hugo
// reads them, and glot build writes each language's pages into that
// language's content folder and its interface text into Hugo's i18n
// folder, and no HTML: Hugo builds the site.
type Hugo struct {
	// Content is the folder of the source language's pages (its
	// contentDir in Hugo's configuration). Required; it stands for
	// content_dir, which a Hugo site does not set.
	Content string `toml:"content"`
	// ContentDirs is the folder each target language's pages are written
	// to, by language; a language not listed has the folder named by its
	// tag beside Content (content/en: content/es). Parse fills in every
	// target language.
	ContentDirs map[string]string `toml:"content_dirs"`
	// I18n is Hugo's i18n folder: glot extract reads the source
	// language's file there (<source>.toml, .yaml or .json) and glot build
	// writes <lang>.toml for each language. Default "i18n".
	I18n string `toml:"i18n"`
	// ThemeI18n are the i18n folders of the site's themes, read after
	// I18n: a message the site defines is the site's.
	ThemeI18n []string `toml:"theme_i18n"`
	// Incomplete says what becomes of a page below [build] threshold:
	// "fallback" (default) leaves it out, so that Hugo shows the source
	// language's page in its place; "source" writes it, its untranslated
	// text in the source language.
	Incomplete string `toml:"incomplete"`
}

// IsHugo reports whether the site is a Hugo site's: glot.toml has a
// [hugo] section.
func (c *Config) IsHugo() bool { return c.Hugo.Content != "" }

// HugoDir returns the folder of lang's pages in a Hugo site: the source
// language's Content, or a target language's (a pseudo-language's beside
// it, as for a language not listed).
func (c *Config) HugoDir(lang string) string {
	if lang == c.SourceLanguage {
		return c.Hugo.Content
	}
	if d, ok := c.Hugo.ContentDirs[lang]; ok {
		return d
	}
	return path.Join(path.Dir(path.Clean(c.Hugo.Content)), lang)
}

// parseHugo fills in the defaults of a [hugo] section that glot.toml has,
// and makes its Content the site's content folder; defined reports
// whether the file sets key.
func (c *Config) parseHugo(defined func(key ...string) bool) error {
	if !defined("hugo") {
		return nil
	}
	if defined("content_dir") {
		return &keyError{key: "content_dir", err: fmt.Errorf("a Hugo site names the folder of its source pages with content in [hugo]: remove content_dir")}
	}
	if strings.TrimSpace(c.Hugo.Content) == "" {
		return &keyError{key: "hugo", section: "hugo", err: fmt.Errorf("[hugo] needs content, the folder of the source language's pages (content = \"content/en\")")}
	}
	if c.Hugo.I18n == "" {
		c.Hugo.I18n = "i18n"
	}
	if c.Hugo.Incomplete == "" {
		c.Hugo.Incomplete = "fallback"
	}
	c.ContentDir = c.Hugo.Content
	return nil
}

// validateHugo checks a [hugo] section once the languages and the other
// folders are known: every folder it names is inside the site, and none
// that glot writes overlaps another folder it reads or writes.
func (c *Config) validateHugo() error {
	if !c.IsHugo() {
		return nil
	}
	h := &c.Hugo
	if h.Incomplete != "fallback" && h.Incomplete != "source" {
		return &keyError{key: "incomplete", section: "hugo", err: fmt.Errorf("incomplete = %q: give fallback (leave the page out: Hugo shows the source language's) or source (write it, untranslated text in the source language)", h.Incomplete)}
	}
	for _, l := range slices.Sorted(maps.Keys(h.ContentDirs)) {
		if !slices.Contains(c.Languages, l) {
			return &keyError{key: l, section: "hugo.content_dirs", err: fmt.Errorf("[hugo.content_dirs] names %s, which is not one of languages", l)}
		}
	}
	dirs := map[string]string{}
	for _, l := range c.Languages {
		dirs[l] = c.HugoDir(l)
	}
	h.ContentDirs = dirs
	// The folders glot writes, each with the key that names it, and
	// those it reads.
	type folder struct{ key, section, dir string }
	name := func(f folder) string {
		if f.section == "hugo.content_dirs" {
			return "the folder of " + f.key
		}
		return f.key
	}
	written := []folder{{"i18n", "hugo", h.I18n}}
	for _, l := range c.Languages {
		written = append(written, folder{l, "hugo.content_dirs", dirs[l]})
	}
	read := []folder{{"content", "hugo", h.Content}, {"locales_dir", "", c.LocalesDir}}
	var themes []folder
	for _, d := range h.ThemeI18n {
		themes = append(themes, folder{"theme_i18n", "hugo", d})
	}
	for _, f := range append(slices.Clone(written), themes...) {
		if err := checkDir(f.dir); err != nil {
			return &keyError{key: f.key, section: f.section, err: fmt.Errorf("%s: %w", name(f), err)}
		}
	}
	for i, f := range written {
		for _, o := range append(slices.Clone(written[:i]), read...) {
			if overlaps(path.Clean(f.dir), path.Clean(o.dir)) {
				return &keyError{key: f.key, section: f.section, err: fmt.Errorf("%s %q overlaps %s %q: glot writes it, so it must be a folder of its own", name(f), f.dir, name(o), o.dir)}
			}
		}
	}
	// A theme's messages are read, never written: glot must not read
	// back what it wrote.
	for _, f := range themes {
		for _, o := range written {
			if overlaps(path.Clean(f.dir), path.Clean(o.dir)) {
				return &keyError{key: f.key, section: f.section, err: fmt.Errorf("theme_i18n %q overlaps %s %q, which glot writes", f.dir, name(o), o.dir)}
			}
		}
	}
	return nil
}

// checkExclude compiles the globs of [content] exclude, so that a glob that
// cannot mean what it says is refused when glot.toml is read.
func (c *Config) checkExclude() error {
	if _, err := content.NewExclude(c.Content.Exclude); err != nil {
		return &keyError{key: "exclude", section: "content", err: fmt.Errorf("[content] %w", err)}
	}
	return nil
}

// HugoTemplate returns the commented glot.toml of a Hugo site whose source
// language is source, translated into langs, with [hugo] section h. note,
// when it has a language, is a comment to put beside its folder. It is
// Template with the keys a Hugo site does not use taken out (content_dir,
// which [hugo] content stands for, and the HTML output's), and the
// section added.
func HugoTemplate(source string, langs []string, h Hugo, note map[string]string) (string, error) {
	text := Template
	edits := []struct{ old, new string }{
		{`# The language the pages in content_dir are written in (a BCP 47 tag).
source_language = "en"`, "# The language of the pages in [hugo] content (a BCP 47 tag): Hugo's\n# defaultContentLanguage.\nsource_language = " + quote(source)},
		{"languages = []", "languages = [" + strings.Join(quoteAll(langs), ", ") + "]"},
		{`# Source pages (Markdown and HTML); every other file there is an asset.
content_dir = "content"

`, ""},
		{`# Localized HTML, one folder per language.
output_dir = "public"

# Localized Markdown, a content tree per language.
markdown_dir = "localized"

# Where the site is published: absolute URLs (canonical, hreflang, sitemap)
# start with it.
base_url = "https://example.com/"

`, ""},
		{`# ... and what becomes of a page below it: "notice" builds it with a notice
# that it is not fully translated (its untranslated parts marked as in the
# source language); "skip" leaves that language's version out.
incomplete = "notice"
`, "# ... (what becomes of a page below it is incomplete, in [hugo]).\n"},
		{"# glot.toml: the configuration of a glot site. Every key has a default.\n",
			"# glot.toml: the configuration of a glot site. Every key has a default.\n" +
				"# This site is a Hugo site's: glot extract reads the source language's\n" +
				"# pages and i18n file where Hugo reads them, and glot build writes each\n" +
				"# language's pages and i18n file where Hugo reads them, and no HTML: hugo\n" +
				"# builds the site.\n"},
	}
	for _, e := range edits {
		if strings.Count(text, e.old) != 1 {
			return "", fmt.Errorf("glot.toml's template no longer has %q", e.old)
		}
		text = strings.Replace(text, e.old, e.new, 1)
	}
	var b strings.Builder
	b.WriteString(text)
	b.WriteString(`
# A Hugo site's folders, as its configuration names them.
[hugo]
# The source language's pages (its contentDir).
content = ` + quote(h.Content) + `
# Hugo's i18n folder: glot extract reads the source language's file there
# (` + source + `.toml, .yaml or .json) and glot build writes <lang>.toml.
i18n = ` + quote(h.I18n) + "\n")
	b.WriteString("# The i18n folders of the site's themes, read after the site's own.\n")
	b.WriteString("theme_i18n = [" + strings.Join(quoteAll(h.ThemeI18n), ", ") + "]\n")
	b.WriteString(`# A page below the threshold of [build]: "fallback" leaves it out, so that
# Hugo shows the source language's page in its place; "source" writes it,
# with its untranslated text in the source language.
incomplete = ` + quote(h.Incomplete) + `

# Where glot build writes each language's pages (its contentDir). A
# language not listed here has the folder named by its tag beside content.
[hugo.content_dirs]
`)
	for _, l := range langs {
		b.WriteString(tomlKey(l) + " = " + quote(h.ContentDirs[l]))
		if n := note[l]; n != "" {
			b.WriteString(" # " + n)
		}
		b.WriteString("\n")
	}
	return b.String(), nil
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = quote(s)
	}
	return out
}

// tomlKey writes a language tag as a TOML key: bare, as a canonical tag
// always can be.
func tomlKey(tag string) string {
	for _, r := range tag {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return quote(tag)
		}
	}
	return tag
}
