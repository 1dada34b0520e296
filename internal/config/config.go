// Package config owns glot.toml: it reads it, fills in defaults, and
// refuses anything it does not understand with the line it is on.
//
//	cfg, err := config.Parse("glot.toml", data)
//	for _, l := range cfg.Languages { ... }
package config

import (
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
	SuggestionThreshold int `toml:"suggestion_threshold"`
	// Extract and Limits are the segmenter's own tables, described where
	// it reads them: Parse decodes them and checks their values.
	Extract segment.Extract `toml:"extract"`
	Build   Build           `toml:"build"`
	Limits  segment.Limits  `toml:"limits"`
	Content Content         `toml:"content"`
	Hugo    Hugo            `toml:"hugo"`
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
		Limits: segment.Limits{
			MaxNesting:   segment.DefaultMaxNesting,
			MaxPageBytes: segment.DefaultMaxPageBytes,
			PageTimeout:  segment.DefaultPageTimeout,
		},
	}
}

// Rules are the segmenter's rules of the site: what [extract] says is
// translatable, and the [limits] of a page. They share the configuration's
// lists, which neither changes.
func (c *Config) Rules() *segment.Rules {
	return &segment.Rules{Extract: c.Extract, Limits: c.Limits}
}
