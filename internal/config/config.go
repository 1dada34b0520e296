// Package config owns glot.toml: it reads it, fills in defaults, and
// refuses anything it does not understand with the line it is on.
//
//	cfg, err := config.Parse("glot.toml", data)
//	for _, l := range cfg.Languages { ... }
package config

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/langtag"
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

// Shortcode is how glot reads one Hugo shortcode. Its fields are those of
// segment.ShortcodeRule, in the same order, so that one converts to the
// other.
type Shortcode struct {
	// Params lists the parameters whose values are translated: named
	// ones by name, positional ones by position from 0 ("0").
	Params []string `toml:"params"`
	// Inner is what the inside of a pair of its tags is: "markdown"
	// (segmented as the page is), "text" (one message of plain text),
	// "opaque" (kept as written), or "" for Hugo's rule.
	Inner string `toml:"inner"`
	// OpaqueIf lists parameters that, set on the tag or on the shortcode
	// around it, make the inside opaque (code): ["lang"].
	OpaqueIf []string `toml:"opaque_if"`
	// MarkdownIf lists parameters that, set to anything but false, make
	// the inside Markdown whatever OpaqueIf says: ["text"].
	MarkdownIf []string `toml:"markdown_if"`
}

// UnmarshalTOML reads a shortcode's entry: a list of parameters, or a
// table.
func (s *Shortcode) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case []any:
		if stringList(&s.Params, v, "") != nil {
			return fmt.Errorf("give a list of parameter names, or a table with params and inner")
		}
		return nil
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			var err error
			switch k {
			case "params":
				err = stringList(&s.Params, v[k], k)
			case "opaque_if":
				err = stringList(&s.OpaqueIf, v[k], k)
			case "markdown_if":
				err = stringList(&s.MarkdownIf, v[k], k)
			case "inner":
				in, ok := v[k].(string)
				switch in {
				case "markdown", "text", "opaque":
				default:
					if !ok {
						in = fmt.Sprint(v[k])
					}
					err = fmt.Errorf("inner = %q: give \"markdown\", \"text\" or \"opaque\"", in)
				}
				s.Inner = in
			default:
				err = fmt.Errorf("unknown key %q (known keys: params, inner, opaque_if, markdown_if)", k)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("give a list of parameter names, or a table with params and inner")
}

// stringList sets *dst to v, the value of key, which must be a list of
// strings.
func stringList(dst *[]string, v any, key string) error {
	list, ok := v.([]any)
	if !ok {
		return fmt.Errorf("%s: give a list of parameter names", key)
	}
	out := make([]string, 0, len(list))
	for _, e := range list {
		s, ok := e.(string)
		if !ok {
			return fmt.Errorf("%s: give a list of parameter names", key)
		}
		out = append(out, s)
	}
	*dst = out
	return nil
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

// Parse reads glot.toml. file is used in error messages.
func Parse(file string, data []byte) (*Config, error) {
	cfg := Default()
	md, err := toml.Decode(string(data), &cfg)
	if err != nil {
		return nil, fileerr.TOML(file, 0, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		key := und[0].String()
		return nil, fileerr.At(file, keyLine(data, und[0][len(und[0])-1]), 0,
			fmt.Errorf("unknown key %q (known keys: %s)", key, strings.Join(knownKeys(), ", ")))
	}
	if md.IsDefined("limits", "page_timeout") && md.Type("limits", "page_timeout") != "String" {
		// The decoder takes a bare number for nanoseconds: 10 would be
		// 10ns, never what was meant.
		return nil, fileerr.At(file, keyLine(data, "page_timeout"), 0,
			fmt.Errorf("page_timeout: give a duration as a string, such as \"10s\" or \"1m\""))
	}
	err = cfg.parseHugo(md.IsDefined)
	if err == nil {
		err = cfg.validate()
	}
	if err != nil {
		var ke *keyError
		if errors.As(err, &ke) {
			line := keyLine(data, ke.key)
			if ke.section != "" {
				line = sectionKeyLine(data, ke.section, ke.key)
			}
			if line == 0 && ke.other != "" {
				line = keyLine(data, ke.other)
			}
			return nil, fileerr.At(file, line, 0, ke.err)
		}
		return nil, fileerr.At(file, 0, 0, err)
	}
	return &cfg, nil
}

// keyError is an error in the value of key. other is a second key that
// the error is about, blamed when key is not in the file (its value is
// the default). section, when set, is the table key is in, for a key
// whose name other tables use too.
type keyError struct {
	key, other, section string
	err                 error
}

// reserved are the site's own files and folders, by their names at the
// site's root, that none of the folders of glot.toml may be or hold.
var reserved = map[string]string{
	"layouts":       "the layouts folder",
	".glot-cache":   "glot's cache folder",
	File:            "the site's configuration",
	"glossary.toml": "the site's glossary",
}

// overlaps reports whether clean folders a and b are the same folder or
// one holds the other. Case is ignored: on the file systems of macOS and
// Windows, "Public" and "public" are one folder.
func overlaps(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	return a == b || strings.HasPrefix(a, b+"/") || strings.HasPrefix(b, a+"/")
}

func (e *keyError) Error() string { return e.key + ": " + e.err.Error() }

func (c *Config) validate() error {
	src, err := langtag.Canonical(c.SourceLanguage)
	if err != nil {
		return &keyError{key: "source_language", err: err}
	}
	c.SourceLanguage = src
	seen := map[string]bool{src: true}
	for i, l := range c.Languages {
		t, err := langtag.Canonical(l)
		if err != nil {
			return &keyError{key: "languages", err: err}
		}
		if langtag.IsPseudo(t) {
			return &keyError{key: "languages", err: fmt.Errorf("%s is a pseudo-language: it is always available to --lang and must not be listed", t)}
		}
		if seen[t] {
			return &keyError{key: "languages", err: fmt.Errorf("%s is listed twice, or is the source language", t)}
		}
		seen[t] = true
		c.Languages[i] = t
	}
	dirs := []struct{ key, dir string }{
		{"content_dir", c.ContentDir}, {"locales_dir", c.LocalesDir}, {"output_dir", c.OutputDir}, {"markdown_dir", c.MarkdownDir},
	}
	for i, d := range dirs {
		clean := path.Clean(d.dir)
		if err := checkDir(d.dir); err != nil {
			return &keyError{key: d.key, err: err}
		}
		for _, e := range dirs[:i] {
			if overlaps(clean, path.Clean(e.dir)) {
				return &keyError{key: d.key, other: e.key, err: fmt.Errorf("%q overlaps %s %q: each folder must be separate", d.dir, e.key, e.dir)}
			}
		}
	}
	if c.Build.Threshold < 0 || c.Build.Threshold > 100 {
		return &keyError{key: "threshold", err: fmt.Errorf("%d is not a percentage from 0 to 100", c.Build.Threshold)}
	}
	if c.Build.Incomplete != "notice" && c.Build.Incomplete != "skip" {
		return &keyError{key: "incomplete", err: fmt.Errorf("%q: give notice or skip", c.Build.Incomplete)}
	}
	if err := c.checkDigits(seen); err != nil {
		return err
	}
	if c.Limits.MaxNesting < 1 {
		return &keyError{key: "max_nesting", err: fmt.Errorf("max_nesting = %d: give a number of levels, 1 or more", c.Limits.MaxNesting)}
	}
	if c.Limits.MaxPageBytes < 1 || c.Limits.MaxPageBytes > maxPageBytes {
		return &keyError{key: "max_page_bytes", err: fmt.Errorf("max_page_bytes = %d: give a number of bytes from 1 to %d (1 GiB)", c.Limits.MaxPageBytes, maxPageBytes)}
	}
	if c.Limits.PageTimeout <= 0 {
		return &keyError{key: "page_timeout", err: fmt.Errorf("page_timeout = %q: give a duration longer than 0, such as \"10s\"", c.Limits.PageTimeout)}
	}
	if err := c.checkExclude(); err != nil {
		return err
	}
	if err := c.validateHugo(); err != nil {
		return err
	}
	for _, a := range c.Extract.Atoms {
		if a == "" {
			return &keyError{key: "atoms", err: fmt.Errorf("atoms: an empty pattern matches nothing to keep")}
		}
		if _, err := regexp.Compile(a); err != nil {
			return &keyError{key: "atoms", err: fmt.Errorf("atoms: pattern %q: %v", a, err)}
		}
	}
	if c.SuggestionThreshold < 0 || c.SuggestionThreshold > 100 {
		return &keyError{key: "suggestion_threshold", err: fmt.Errorf("%d is not a percentage from 0 to 100", c.SuggestionThreshold)}
	}
	if c.BaseURL == "" {
		c.BaseURL = "/"
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	u, err := url.Parse(c.BaseURL)
	switch {
	case err != nil:
		return &keyError{key: "base_url", err: err}
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/"):
		// A path alone: links and alternates are relative to the host.
	case (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return &keyError{key: "base_url", err: fmt.Errorf("%q must be an absolute http(s) URL such as \"https://example.com/\"", c.BaseURL)}
	}
	return nil
}

// checkDigits checks [build] digits: each key one of the site's
// languages, each value a numbering system x/text writes digits in.
func (c *Config) checkDigits(langs map[string]bool) error {
	for _, l := range slices.Sorted(maps.Keys(c.Build.Digits)) {
		nu := c.Build.Digits[l]
		if !langs[l] {
			return &keyError{key: "digits", err: fmt.Errorf("digits: %q is not a language of the site (source_language or languages)", l)}
		}
		if !langtag.NumberingSystem(nu) {
			return &keyError{key: "digits", err: fmt.Errorf("digits: %s = %q is not a numbering system glot knows: give a CLDR id such as \"latn\" (0-9), \"arab\" (٠-٩), \"arabext\" (۰-۹), \"deva\", \"beng\", \"thai\"", l, nu)}
		}
	}
	return nil
}

func knownKeys() []string {
	return []string{"base_url", "content_dir", "languages", "locales_dir", "markdown_dir", "output_dir", "source_language", "suggestion_threshold",
		"[extract] front_matter, attributes, no_translate_classes, shortcodes, atoms", "[build] threshold, incomplete, digits",
		"[limits] max_nesting, max_page_bytes, page_timeout", "[content] exclude",
		"[hugo] content, content_dirs, i18n, theme_i18n, incomplete"}
}

// keyLine finds the first line that sets key, or opens it as a table.
func keyLine(data []byte, key string) int {
	re := regexp.MustCompile(`^\s*(?:"?` + regexp.QuoteMeta(key) + `"?\s*=|\[\[?\s*"?` + regexp.QuoteMeta(key) + `"?\s*[\].])`)
	for i, l := range strings.Split(string(data), "\n") {
		if re.MatchString(l) {
			return i + 1
		}
	}
	return 0
}

// Languages returns the languages a command should work on: those named in
// flag (comma-separated, pseudo-languages allowed when pseudo is true), or
// every target language of the site.
func (c *Config) Select(flag []string, pseudo bool) ([]string, error) {
	if len(flag) == 0 {
		return append([]string(nil), c.Languages...), nil
	}
	known := map[string]bool{}
	for _, l := range c.Languages {
		known[l] = true
	}
	var out []string
	seen := map[string]bool{}
	for _, f := range flag {
		for _, l := range strings.Split(f, ",") {
			l = strings.TrimSpace(l)
			if l == "" {
				continue
			}
			t, err := langtag.Canonical(l)
			if err != nil {
				return nil, err
			}
			switch {
			case langtag.IsPseudo(t) && !pseudo:
				return nil, fmt.Errorf("pseudo-language %s has no catalog; it is only for glot build", t)
			case !langtag.IsPseudo(t) && !known[t]:
				list := append([]string(nil), c.Languages...)
				sort.Strings(list)
				return nil, fmt.Errorf("language %s is not one of the site's languages (%s) in glot.toml", t, strings.Join(list, ", "))
			}
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out, nil
}

// NameLanguage is the site language a translator's file is named for, by
// a part of its name between dots ("es.xlf", "review.pt_BR.po"), or "" if
// its name names none. A file whose name says one language and whose
// content another has been relabelled, or misnamed.
func (c *Config) NameLanguage(file string) string {
	parts := strings.Split(path.Base(filepath.ToSlash(file)), ".")
	for _, p := range parts[:len(parts)-1] {
		if l, err := c.FileLanguage(p); err == nil {
			return l
		}
	}
	return ""
}

// FileLanguage is the site language that a translator's file written for
// tag is for. Tools write tags their own way (es_ES, ES-es, pt_br): the
// tag is read with x/text, and it is the site's language when the two are
// the same once canonical, or when they share a language and script and
// the site's tag names no region (es_ES is for es) or the same one. A
// region that differs (pt-PT for a site with pt-BR) is not taken for the
// other, nor is a tag that fits more than one of the site's languages:
// the error names the site's languages.
func (c *Config) FileLanguage(tag string) (string, error) {
	fits, canon, err := langtag.Fits(tag, c.Languages)
	switch {
	case err != nil:
		return "", err
	case len(fits) == 1:
		return fits[0], nil
	case len(fits) > 1:
		return "", fmt.Errorf("language %s could be any of the site's %s: name one of them in the file", canon, strings.Join(fits, ", "))
	}
	list := append([]string(nil), c.Languages...)
	sort.Strings(list)
	return "", fmt.Errorf("language %s is not one of the site's languages (%s) in glot.toml", canon, strings.Join(list, ", "))
}

// Template is the commented glot.toml that glot init writes.
const Template = `# glot.toml: the configuration of a glot site. Every key has a default.

# The language the pages in content_dir are written in (a BCP 47 tag).
source_language = "en"

# The languages to translate into (BCP 47 tags, e.g. "es", "fr", "pt-BR").
languages = []

# Source pages (Markdown and HTML); every other file there is an asset.
content_dir = "content"

# Message catalogs (go-i18n TOML files) and glot's bookkeeping (.glot/).
locales_dir = "locales"

# Localized HTML, one folder per language.
output_dir = "public"

# Localized Markdown, a content tree per language.
markdown_dir = "localized"

# Where the site is published: absolute URLs (canonical, hreflang, sitemap)
# start with it.
base_url = "https://example.com/"

# How alike (in percent) an already translated text must be to a new one for
# glot merge to suggest its translation. 0 turns suggestions off.
suggestion_threshold = 75

# What is translatable, beyond glot's defaults.
[extract]
# Front matter keys whose values are translated (nested keys with dots).
front_matter = ["title", "description"]
# Hugo sites may want: front_matter = ["title", "description", "summary", "linkTitle", "menu.main.name"]

# Classes that keep an element's text out of the catalogs, as translate="no" does.
no_translate_classes = ["notranslate"]

# Other generators' macros, kept as written (placeholders), never translated:
# regular expressions, such as MDN's {{Glossary("HTML")}} or Jekyll's {% ... %}.
# atoms = ['\{\{\s*[A-Za-z_]+\(.*?\)\s*\}\}', '\{%.*?%\}']

# How Hugo shortcodes are read: the parameters translated, and the inside of a
# pair of tags, "markdown" (translated as the page is), "text" (one message),
# or "opaque" (kept as written). Without a rule, the inside of {{% %}} is
# Markdown and that of {{< >}} opaque. Built in, and overridden here name by
# name: figure (caption, alt, title); details (summary; markdown); highlight,
# code-toggle, comment, mermaid (opaque); ref, relref, param (atoms); Docsy's
# alert (title; markdown), pageinfo, tabpane, cardpane, imgproc (markdown), tab
# (header, name; markdown, opaque when it or its tabpane sets lang or codelang,
# unless text=true), card, "blocks/*" (title, subtitle, url_text; markdown);
# the Kubernetes docs' note, caution, warning, tabs (markdown), table (caption;
# markdown), glossary_tooltip (text).
[extract.shortcodes]
# figure = ["caption", "alt"]
# [extract.shortcodes.notice]
# params = ["title"]
# inner = "markdown"

# Pages not fully translated.
[build]
# The share of a page's text (in percent) that must be translated for the
# page to be built in a language as any other ...
threshold = 100
# ... and what becomes of a page below it: "notice" builds it with a notice
# that it is not fully translated (its untranslated parts marked as in the
# source language); "skip" leaves that language's version out.
incomplete = "notice"
# The digits of the numbers and dates glot writes on pages (reading time,
# last updated), per language, as a CLDR numbering system: each language
# has CLDR's default (Arabic: "arab", ٠١٢٣), unless listed here. Never
# applied to a translation's own text.
# digits = { ar = "latn" }

# What glot reads of one page: a page beyond these is an error that names
# it, so that no page can hold up glot extract or glot build.
[limits]
# The deepest nesting of lists, block quotes, emphasis, links and HTML elements.
max_nesting = 100
# The size of the largest page, in bytes (10 MiB).
max_page_bytes = 10485760
# The time reading one page may take (a Go duration: "10s", "1m").
page_timeout = "10s"

# Which files of the content folder are part of the site.
[content]
# Globs over paths in the content folder whose files are neither pages nor assets:
# "*" and "?" within a path element, "**" for any number of elements.
# exclude = ["drafts/**", "**/*.tmp"]
`

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
