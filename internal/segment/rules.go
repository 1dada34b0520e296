package segment

import (
	"regexp"
	"time"
)

// Rules say what a site extracts. The zero value, or nil, is glot's
// default.
type Rules struct {
	// FrontMatter lists the front matter keys whose values are
	// translated; empty means FrontMatterKeys.
	FrontMatter []string
	// CommonMark reads Markdown as CommonMark alone: no front matter, no
	// GitHub extensions, no footnotes.
	CommonMark bool
	// Attributes lists the HTML attributes whose values are translated;
	// empty means Attributes.
	Attributes []string
	// NoTranslateClasses lists the classes that keep an element's text
	// out of the catalogs; empty means NoTranslateClasses.
	NoTranslateClasses []string
	// Shortcodes says how Hugo shortcodes are read, by name: which
	// parameters are translated, what the inside of a pair is. It adds to
	// and overrides DefaultShortcodes, name by name.
	Shortcodes map[string]ShortcodeRule
	// Atoms match other generators' macros ({{Glossary("HTML")}} in MDN's
	// pages, {% include x.html %} in Jekyll's), which are kept as written:
	// placeholders, never translated.
	Atoms []*regexp.Regexp

	// MaxNesting is how deep lists, block quotes, emphasis, links and
	// HTML elements may nest in a page; 0 means DefaultMaxNesting.
	MaxNesting int
	// MaxPageBytes is the size, in bytes, of the largest page read; 0
	// means DefaultMaxPageBytes.
	MaxPageBytes int
	// PageTimeout is the time reading one page may take; 0 means
	// DefaultPageTimeout.
	PageTimeout time.Duration
}

// frontMatterKeys are the front matter keys whose values are translated.
func (r *Rules) frontMatterKeys() []string {
	if r == nil || len(r.FrontMatter) == 0 {
		return FrontMatterKeys
	}
	return r.FrontMatter
}
