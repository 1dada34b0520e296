package segment

import (
	"strconv"
	"strings"

	"github.com/glot-i18n/glot/internal/shortcode"
)

// ShortcodeRule says how glot reads one Hugo shortcode: which of its
// parameters are translated, and what the inside of a pair of its tags
// ({{< name >}} ... {{< /name >}}) is. In glot.toml it is an entry of
// [extract.shortcodes], a list of parameters or a table of these keys
// (see UnmarshalTOML).
type ShortcodeRule struct {
	// Params are the parameters whose values are translated, each a
	// message of its own: named ones by name, positional ones by their
	// position from 0 ("0"). Only quoted values are translated.
	Params []string `toml:"params"`
	// Inner is what the inside of a pair is: "markdown", segmented as the
	// page is; "text", one message of plain text; "opaque", kept as
	// written, never a message; "" for Hugo's own rule, Markdown inside
	// {{% %}} and opaque inside {{< >}}.
	Inner string `toml:"inner"`
	// OpaqueIf names parameters that, set on the tag or on the pair
	// around it (to anything but false), make the inside opaque: it is
	// code, as in Docsy's {{< tab lang="go" >}}. In glot.toml, opaque_if
	// = ["lang"].
	OpaqueIf []string `toml:"opaque_if"`
	// MarkdownIf names parameters that, set there, make the inside
	// Markdown whatever OpaqueIf says: Docsy's text=true. In glot.toml,
	// markdown_if = ["text"].
	MarkdownIf []string `toml:"markdown_if"`
}

// The values of ShortcodeRule.Inner.
const (
	InnerMarkdown = "markdown"
	InnerText     = "text"
	InnerOpaque   = "opaque"
)

// DefaultShortcodes are the rules for the shortcodes of Hugo, of the Docsy
// theme and of the Kubernetes docs, which Rules.Shortcodes adds to and
// overrides, name by name. A name that ends in "/*" stands for every
// shortcode under that folder that has no rule of its own.
var DefaultShortcodes = map[string]ShortcodeRule{
	// Hugo's own.
	"figure":      {Params: []string{"caption", "alt", "title"}},
	"details":     {Params: []string{"summary"}, Inner: InnerMarkdown},
	"highlight":   {Inner: InnerOpaque},
	"code-toggle": {Inner: InnerOpaque},
	"comment":     {Inner: InnerOpaque},
	"ref":         {Inner: InnerOpaque},
	"relref":      {Inner: InnerOpaque},
	"param":       {Inner: InnerOpaque},
	"youtube":     {Params: []string{"title"}},
	"vimeo":       {Params: []string{"title"}},
	// Docsy's. A tab holds code unless it, or its tabpane, says text=true,
	// and Docsy highlights it in the language that lang names; other
	// themes' tabs (and the Kubernetes docs', which name it codelang)
	// hold text.
	"alert":    {Params: []string{"title"}, Inner: InnerMarkdown},
	"pageinfo": {Inner: InnerMarkdown},
	"tabpane":  {Inner: InnerMarkdown},
	"tab":      {Params: []string{"header", "name"}, Inner: InnerMarkdown, OpaqueIf: []string{"lang", "codelang", "langEqualsHeader"}, MarkdownIf: []string{"text"}},
	"card":     {Params: []string{"header", "title", "subtitle", "footer"}, Inner: InnerMarkdown, OpaqueIf: []string{"code"}},
	"cardpane": {Inner: InnerMarkdown},
	"imgproc":  {Inner: InnerMarkdown},
	"blocks/*": {Params: []string{"title", "subtitle", "url_text"}, Inner: InnerMarkdown},
	// The Kubernetes docs'.
	"note":             {Inner: InnerMarkdown},
	"caution":          {Inner: InnerMarkdown},
	"warning":          {Inner: InnerMarkdown},
	"tabs":             {Inner: InnerMarkdown},
	"table":            {Params: []string{"caption"}, Inner: InnerMarkdown},
	"glossary_tooltip": {Params: []string{"text"}},
	"mermaid":          {Inner: InnerOpaque},
}

// shortcodeRule finds the rule for the shortcode name: the site's, then
// glot's, by name, then by the folder it is in. ok is false when there is
// none.
func (r *Rules) shortcodeRule(name string) (ShortcodeRule, bool) {
	var site map[string]ShortcodeRule
	if r != nil {
		site = r.Shortcodes
	}
	if rule, ok := site[name]; ok {
		return rule, true
	}
	if rule, ok := DefaultShortcodes[name]; ok {
		return rule, true
	}
	for dir := name; ; {
		i := strings.LastIndexByte(dir, '/')
		if i < 0 {
			return ShortcodeRule{}, false
		}
		dir = dir[:i]
		if rule, ok := site[dir+"/*"]; ok {
			return rule, true
		}
		if rule, ok := DefaultShortcodes[dir+"/*"]; ok {
			return rule, true
		}
	}
}

// ShortcodeInner says what the inside of the pair that tag opens is under
// the rules: InnerMarkdown, InnerText or InnerOpaque. parent is the opening
// tag of the pair around it, or nil. Whatever renders a page's shortcodes
// asks this, so that it reads an inside as the segmenter did.
func (r *Rules) ShortcodeInner(tag, parent *shortcode.Shortcode) string {
	inner, _ := r.inner(tag, parent)
	return inner
}

// inner says what the inside of the pair that tag opens is, under the
// rules, with parent the tag of the pair around it (or nil); known says
// whether a rule said so, rather than Hugo's rule alone.
func (r *Rules) inner(tag, parent *shortcode.Shortcode) (inner string, known bool) {
	rule, known := r.shortcodeRule(tag.Name)
	switch {
	case isSet(tag, parent, rule.MarkdownIf):
		return InnerMarkdown, known
	case isSet(tag, parent, rule.OpaqueIf):
		return InnerOpaque, known
	case rule.Inner != "":
		return rule.Inner, known
	case tag.Delim == '%':
		return InnerMarkdown, known
	}
	return InnerOpaque, known
}

// isSet reports whether tag or parent sets one of the parameters names to
// anything but false.
func isSet(tag, parent *shortcode.Shortcode, names []string) bool {
	for _, s := range []*shortcode.Shortcode{tag, parent} {
		if s == nil {
			continue
		}
		for _, n := range names {
			if v, ok := s.Get(n); ok && v != "" && v != "false" {
				return true
			}
		}
	}
	return false
}

// translated lists the parameters of tag whose values are messages, with
// the names they go by in a message's kind.
func (r *Rules) translated(tag *shortcode.Shortcode) []translatedParam {
	rule, _ := r.shortcodeRule(tag.Name)
	if len(rule.Params) == 0 || tag.Closing || tag.Comment {
		return nil
	}
	var out []translatedParam
	pos := 0
	for _, p := range tag.Params {
		name := p.Name
		if name == "" {
			name = strconv.Itoa(pos)
			pos++
		}
		if p.Quote == 0 {
			// A bare word: a translation with a space in it would end
			// the value.
			continue
		}
		for _, want := range rule.Params {
			if want == name {
				out = append(out, translatedParam{Param: p, name: name})
				break
			}
		}
	}
	return out
}

type translatedParam struct {
	shortcode.Param
	name string
}
