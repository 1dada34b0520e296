package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/glot-i18n/glot/internal/shortcode"
)

// scContext is what a shortcode's template runs with, as Hugo's does:
//
//	{{ .Get "title" }} {{ .Get 0 }}   a named or positional parameter
//	{{ .Inner }}                       the inner content, as HTML
//	{{ .Name }} {{ .Params }} {{ .IsNamedParams }} {{ .Parent }} {{ .Ordinal }}
//	{{ .Page.Title }} {{ .Page.Lang }} {{ .Page.Params }} {{ .Page.Param "key" }}
//
// Parameter values are data: html/template escapes them where they are
// written, whatever a translated parameter holds.
type scContext struct {
	tag     *shortcode.Shortcode
	inner   template.HTML
	page    *PageView
	parent  *scContext
	ordinal int
}

// Name is the shortcode's name.
func (c *scContext) Name() string { return c.tag.Name }

// Inner is the shortcode's inner content: for {{% %}} the HTML of its
// Markdown, for {{< >}} its raw text, its own shortcodes run.
func (c *scContext) Inner() template.HTML { return c.inner }

// InnerDeindent is Inner: glot keeps no indentation to take away.
func (c *scContext) InnerDeindent() template.HTML { return c.inner }

// Page is the page the shortcode is in.
func (c *scContext) Page() *PageView { return c.page }

// Parent is the shortcode whose inner content this one is in, or nil.
func (c *scContext) Parent() *scContext { return c.parent }

// Ordinal is the shortcode's place, from 0, among those of its parent or
// of the page.
func (c *scContext) Ordinal() int { return c.ordinal }

// IsNamedParams reports whether the parameters are named, as Hugo reads
// them: by the first.
func (c *scContext) IsNamedParams() bool {
	return len(c.tag.Params) > 0 && c.tag.Params[0].Name != ""
}

// Params are the parameters: a map of the named ones, or a list of the
// positional ones.
func (c *scContext) Params() any {
	if c.IsNamedParams() {
		m := map[string]any{}
		for _, p := range c.tag.Params {
			if p.Name != "" {
				m[p.Name] = paramValue(p)
			}
		}
		return m
	}
	var l []any
	for _, p := range c.tag.Params {
		l = append(l, paramValue(p))
	}
	return l
}

// Get returns a parameter, by name or by position, as Hugo's does: "" for
// one the shortcode lacks, nil for a name asked of positional parameters
// or a position of named ones, so that
// {{ .Get "title" | default (.Get 0) }} works either way.
func (c *scContext) Get(key any) any {
	if len(c.tag.Params) == 0 {
		return nil
	}
	named := c.IsNamedParams()
	switch k := key.(type) {
	case string:
		if !named {
			return nil
		}
		for _, p := range c.tag.Params {
			if p.Name == k {
				return paramValue(p)
			}
		}
		return ""
	case int, int64, int32, int16, int8:
		if named {
			return nil
		}
		i, _ := strconv.Atoi(fmt.Sprint(k))
		if i < 0 || i >= len(c.tag.Params) {
			return ""
		}
		return paramValue(c.tag.Params[i])
	}
	return nil
}

// str is Get as a string.
func (c *scContext) str(key any) string {
	if v := c.Get(key); v != nil {
		return fmt.Sprint(v)
	}
	return ""
}

// paramValue is a parameter's value as Hugo types it: an unquoted true,
// false or number is one; anything else is a string.
func paramValue(p shortcode.Param) any {
	if p.Quote != 0 {
		return p.Value
	}
	switch p.Value {
	case "true":
		return true
	case "false":
		return false
	}
	if n, err := strconv.Atoi(p.Value); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(p.Value, 64); err == nil {
		return f
	}
	return p.Value
}

// PageView is what a shortcode's template sees of its page.
type PageView struct {
	Title string
	Lang  string
	// Params is the front matter, its keys in lower case, as Hugo has
	// them.
	Params map[string]any
	page   *HTMLPage
}

func newPageView(p *HTMLPage) *PageView {
	params, _ := lowerKeys(p.Params).(map[string]any)
	if params == nil {
		params = map[string]any{}
	}
	return &PageView{Title: p.Title, Lang: p.Lang, Params: params, page: p}
}

// Param returns the front matter value of key, which may name a nested
// one with dots ("author.name"), in any case; nil when there is none.
func (v *PageView) Param(key string) any {
	var cur any = v.Params
	for _, k := range strings.Split(strings.ToLower(key), ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		if cur, ok = m[k]; !ok {
			return nil
		}
	}
	return cur
}

// Link returns url, a link of the page's Markdown, as the built page links
// it.
func (v *PageView) Link(url any) string {
	if v.page.Link == nil {
		return toString(url)
	}
	return v.page.Link(toString(url))
}

// lowerKeys returns v with the keys of its maps in lower case.
func lowerKeys(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[strings.ToLower(k)] = lowerKeys(x)
		}
		return m
	case []any:
		l := make([]any, len(v))
		for i, x := range v {
			l[i] = lowerKeys(x)
		}
		return l
	}
	return v
}
