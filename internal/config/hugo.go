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
