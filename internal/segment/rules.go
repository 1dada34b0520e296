package segment

import (
	"fmt"
	"regexp"
	"sync"
	"time"
)

// The segmenter owns the description of what it reads: Extract and Limits
// are the [extract] and [limits] tables of glot.toml, with their keys, and
// package config decodes the file into them and checks their values. Rules
// are what a page is read under: the two tables and what glot.toml does
// not set.

// Extract holds the extraction rules, glot.toml's [extract]: what in a
// page is translatable. An empty list means glot's default for it.
type Extract struct {
	// FrontMatter lists the front matter keys whose values are
	// translated; nested keys are written with dots (menu.main.name).
	// Default: title, description (FrontMatterKeys).
	FrontMatter []string `toml:"front_matter"`
	// Attributes lists the HTML attributes whose values are translated.
	// Default: alt, title, placeholder, aria-label, aria-description, and
	// value on buttons and content on description, Open Graph and Twitter
	// <meta> elements (Attributes).
	Attributes []string `toml:"attributes"`
	// NoTranslateClasses lists classes that keep an element out of the
	// catalogs, as translate="no" does. Default: notranslate
	// (NoTranslateClasses).
	NoTranslateClasses []string `toml:"no_translate_classes"`
	// Shortcodes says how each Hugo shortcode is read, by name: either
	// the list of its parameters whose values are translated,
	// figure = ["caption", "alt"], or a table,
	// [extract.shortcodes.alert] params = ["title"], inner = "markdown"
	// (see ShortcodeRule). A name ending in "/*" ("blocks/*") stands for
	// every shortcode under that folder. These add to and override glot's
	// defaults (DefaultShortcodes), name by name:
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
	Shortcodes map[string]ShortcodeRule `toml:"shortcodes"`
	// Atoms are regular expressions (Go's syntax) for other generators'
	// macros, kept byte for byte as placeholders and never translated:
	// MDN's `\{\{\s*[A-Za-z_]+\(.*?\)\s*\}\}` for {{Glossary("HTML")}},
	// Jekyll's Liquid `\{%.*?%\}` and `\{\{.*?\}\}`. Default: none.
	Atoms []string `toml:"atoms"`
}

// Limits bound what glot reads of one page, glot.toml's [limits], so that
// no page, however it is written, holds up glot extract or glot build: a
// page beyond them is an error that names it. A bound of 0 means its
// default.
type Limits struct {
	// MaxNesting is the deepest nesting allowed of lists, block quotes,
	// emphasis, links and HTML elements. Default 100
	// (DefaultMaxNesting).
	MaxNesting int `toml:"max_nesting"`
	// MaxPageBytes is the size of the largest page, in bytes. Default
	// 10485760 (10 MiB, DefaultMaxPageBytes); at most 1 GiB.
	MaxPageBytes int `toml:"max_page_bytes"`
	// PageTimeout is the time reading one page may take, written as a Go
	// duration ("10s", "1m30s"). Default 10s (DefaultPageTimeout).
	PageTimeout time.Duration `toml:"page_timeout"`
}

// Rules say what a site extracts, and within which limits. The zero
// value, or nil, is glot's default. Rules are plain values: they may be
// copied, printed and compared, and read by any number of pages at once.
type Rules struct {
	Extract
	Limits
	// CommonMark reads Markdown as CommonMark alone: no front matter, no
	// GitHub extensions, no footnotes. No glot.toml sets it; the tests of
	// the CommonMark examples do.
	CommonMark bool
}

// frontMatterKeys are the front matter keys whose values are translated.
func (r *Rules) frontMatterKeys() []string {
	if r == nil || len(r.FrontMatter) == 0 {
		return FrontMatterKeys
	}
	return r.FrontMatter
}

// atomPatterns returns the compiled Atoms, or an error naming the first
// that does not compile (package config refuses those when it reads
// glot.toml, so only rules built in code meet it).
func (r *Rules) atomPatterns() ([]*regexp.Regexp, error) {
	if r == nil || len(r.Atoms) == 0 {
		return nil, nil
	}
	out := make([]*regexp.Regexp, 0, len(r.Atoms))
	for _, a := range r.Atoms {
		re, err := compileAtom(a)
		if err != nil {
			return nil, err
		}
		out = append(out, re)
	}
	return out, nil
}

// compiled holds the patterns of Atoms already compiled, by their text,
// each a compiledAtom. Every page asks for its rules' atoms, on all cores,
// and compiling them for each page would cost more than reading some
// pages; a cache keyed by the pattern's text, rather than state kept in
// Rules, lets Rules stay a plain value that is copied, printed into cache
// keys and built as a literal. A *regexp.Regexp is safe for concurrent
// use. The cache holds the few patterns of a site's glot.toml.
var compiled sync.Map

type compiledAtom struct {
	re  *regexp.Regexp
	err error
}

// compileAtom compiles the pattern of an atom, once.
func compileAtom(a string) (*regexp.Regexp, error) {
	if c, ok := compiled.Load(a); ok {
		return c.(compiledAtom).re, c.(compiledAtom).err
	}
	var c compiledAtom
	c.re, c.err = regexp.Compile(a)
	if c.err != nil {
		c.err = fmt.Errorf("atoms: pattern %q: %v", a, c.err)
	}
	v, _ := compiled.LoadOrStore(a, c)
	return v.(compiledAtom).re, v.(compiledAtom).err
}
