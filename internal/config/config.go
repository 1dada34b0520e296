// Package config owns glot.toml: it reads it, fills in defaults, and
// refuses anything it does not understand with the line it is on.
//
//	cfg, err := config.Parse("glot.toml", data)
//	for _, l := range cfg.Languages { ... }
package config

import (
	"regexp"
	"time"

	"github.com/glot-i18n/glot/internal/segment"
)

// File is the name of a site's configuration file.
const File = "glot.toml"

// Config is a site's configuration.
type Config struct {
	SourceLanguage string   `toml:"source_language"`
	Languages      []string `toml:"languages"`
	ContentDir     string   `toml:"content_dir"`
	LocalesDir     string   `toml:"locales_dir"`
	OutputDir      string   `toml:"output_dir"`
	MarkdownDir    string   `toml:"markdown_dir"`
	BaseURL        string   `toml:"base_url"`
	// SuggestionThreshold is how alike, in percent, a translated source
	// must be to a message's source for glot merge to suggest its
	// translation; 0 turns suggestions off. Default 75.
	SuggestionThreshold int     `toml:"suggestion_threshold"`
	Extract             Extract `toml:"extract"`
	Build               Build   `toml:"build"`
	Limits              Limits  `toml:"limits"`
	Content             Content `toml:"content"`
	Hugo                Hugo    `toml:"hugo"`
}

// Limits bound what glot reads of one page, so that no page, however it is
// written, holds up glot extract or glot build: a page beyond them is an
// error that names it.
type Limits struct {
	// MaxNesting is the deepest nesting allowed of lists, block quotes,
	// emphasis, links and HTML elements. Default 100.
	MaxNesting int `toml:"max_nesting"`
	// MaxPageBytes is the size of the largest page, in bytes. Default
	// 10485760 (10 MiB); at most 1 GiB.
	MaxPageBytes int `toml:"max_page_bytes"`
	// PageTimeout is the time reading one page may take, written as a Go
	// duration ("10s", "1m30s"). Default 10s.
	PageTimeout time.Duration `toml:"page_timeout"`
}

// maxPageBytes is the largest max_page_bytes: the segmenter counts a
// page's bytes in 32 bits.
const maxPageBytes = 1 << 30

// Build holds what the build does with pages that are not fully
// translated.
type Build struct {
	// Threshold is the share of a page's text, in percent, that must be
	// translated for the page to be built in a language as any other.
	// Default 100.
	Threshold int `toml:"threshold"`
	// Incomplete says what becomes of a page below the threshold:
	// "notice" (default) builds it with a notice that it is not fully
	// translated, "skip" leaves that language's version out.
	Incomplete string `toml:"incomplete"`
	// Digits sets, per language, the numbering system of the numbers and
	// dates glot itself writes on its pages (reading time, last updated):
	// a CLDR numbering system id such as "latn" (0123456789) or "arab"
	// (٠١٢٣٤٥٦٧٨٩). A language not listed has CLDR's default for it; a
	// regional variant not listed has its language's. It never changes a
	// translation's own text.
	Digits map[string]string `toml:"digits"`
}

// Extract holds the extraction rules: what in a page is translatable. An
// empty list means glot's default for it.
type Extract struct {
	// FrontMatter lists the front matter keys whose values are
	// translated; nested keys are written with dots (menu.main.name).
	// Default: title, description.
	FrontMatter []string `toml:"front_matter"`
	// Attributes lists the HTML attributes whose values are translated.
	// Default: alt, title, placeholder, aria-label, aria-description, and
	// value on buttons and content on description, Open Graph and Twitter
	// <meta> elements.
	Attributes []string `toml:"attributes"`
	// NoTranslateClasses lists classes that keep an element out of the
	// catalogs, as translate="no" does. Default: notranslate.
	NoTranslateClasses []string `toml:"no_translate_classes"`
	// Shortcodes says how each Hugo shortcode is read, by name: either
	// the list of its parameters whose values are translated,
	// figure = ["caption", "alt"], or a table,
	// [extract.shortcodes.alert] params = ["title"], inner = "markdown"
	// (see Shortcode). A name ending in "/*" ("blocks/*") stands for every
	// shortcode under that folder. These add to and override glot's
	// defaults, name by name:
	//
	//   - Hugo's: figure (caption, alt and title translated); details
	//     (summary; inner Markdown); highlight, code-toggle and comment
	//     (inner opaque); ref, relref and param (atoms); youtube and vimeo
	//     (title).
	//   - Docsy's: alert (title; inner Markdown); pageinfo, tabpane,
	//     cardpane and imgproc (inner Markdown); tab (header, name; inner
	//     Markdown, but opaque, code, when it or its tabpane sets lang,
	//     codelang or langEqualsHeader, unless one says text=true); card
	//     (header, title, subtitle, footer; inner Markdown, opaque with
	//     code=true); blocks/* (title, subtitle, url_text; inner Markdown).
	//   - The Kubernetes docs': note, caution, warning and tabs (inner
	//     Markdown); table (caption; inner Markdown); glossary_tooltip
	//     (text); mermaid (inner opaque).
	//
	// Any other shortcode follows Hugo's rule: the inside of {{% %}} is
	// Markdown, that of {{< >}} is opaque (and glot extract says so when
	// it holds text). A tag is never translated: it is a placeholder.
	Shortcodes map[string]Shortcode `toml:"shortcodes"`
	// Atoms are regular expressions (Go's syntax) for other generators'
	// macros, kept byte for byte as placeholders and never translated:
	// MDN's `\{\{\s*[A-Za-z_]+\(.*?\)\s*\}\}` for {{Glossary("HTML")}},
	// Jekyll's Liquid `\{%.*?%\}` and `\{\{.*?\}\}`. Default: none.
	Atoms []string `toml:"atoms"`
}

// AtomPatterns returns the compiled Atoms, which Parse has checked.
func (e *Extract) AtomPatterns() []*regexp.Regexp {
	out := make([]*regexp.Regexp, 0, len(e.Atoms))
	for _, a := range e.Atoms {
		if re, err := regexp.Compile(a); err == nil {
			out = append(out, re)
		}
	}
	return out
}

// Default returns the configuration of a site whose glot.toml sets nothing.
func Default() Config {
	return Config{
		SourceLanguage: "en",
		ContentDir:     "content",
		LocalesDir:     "locales",
		OutputDir:      "public",
		MarkdownDir:    "localized",
		BaseURL:        "/",

		SuggestionThreshold: 75,
		Build:               Build{Threshold: 100, Incomplete: "notice"},
		Limits:              Limits{MaxNesting: 100, MaxPageBytes: 10 << 20, PageTimeout: 10 * time.Second},
	}
}

// Rules are the segmenter's rules of the site: what [extract] says is
// translatable, and the [limits] of a page.
func (c *Config) Rules() *segment.Rules {
	e, l := c.Extract, c.Limits
	shortcodes := make(map[string]segment.ShortcodeRule, len(e.Shortcodes))
	for name, sc := range e.Shortcodes {
		shortcodes[name] = segment.ShortcodeRule(sc)
	}
	return &segment.Rules{
		FrontMatter:        e.FrontMatter,
		Attributes:         e.Attributes,
		NoTranslateClasses: e.NoTranslateClasses,
		Shortcodes:         shortcodes,
		Atoms:              e.AtomPatterns(),
		MaxNesting:         l.MaxNesting,
		MaxPageBytes:       l.MaxPageBytes,
		PageTimeout:        l.PageTimeout,
	}
}
