package render

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	ghtml "github.com/yuin/goldmark/renderer/html"
	xhtml "golang.org/x/net/html"

	"github.com/glot-i18n/glot/internal/segment"
)

// Funcs are the functions a site's shortcode templates may call besides
// Go's: a few of Hugo's that shortcodes use most.
//
//	markdownify  Markdown to HTML (one paragraph without its <p>)
//	plainify     HTML to its text
//	safeHTML safeHTMLAttr safeURL safeCSS safeJS   trust a string as what it says
//	htmlEscape htmlUnescape lower upper trim replace default
//	ref relref   the URL of a page: {{ relref . "guide.md" }}, as the shortcodes
func Funcs() template.FuncMap {
	return template.FuncMap{
		"markdownify":  markdownify,
		"plainify":     plainify,
		"safeHTML":     func(v any) template.HTML { return template.HTML(toString(v)) },
		"safeHTMLAttr": func(v any) template.HTMLAttr { return template.HTMLAttr(toString(v)) },
		"safeURL":      func(v any) template.URL { return template.URL(toString(v)) },
		"safeCSS":      func(v any) template.CSS { return template.CSS(toString(v)) },
		"safeJS":       func(v any) template.JS { return template.JS(toString(v)) },
		"htmlEscape":   func(v any) string { return html.EscapeString(toString(v)) },
		"htmlUnescape": func(v any) string { return html.UnescapeString(toString(v)) },
		"lower":        func(v any) string { return strings.ToLower(toString(v)) },
		"upper":        func(v any) string { return strings.ToUpper(toString(v)) },
		"trim":         func(v any, cut string) string { return strings.Trim(toString(v), cut) },
		"replace":      func(v any, old, new string) string { return strings.ReplaceAll(toString(v), old, new) },
		"default":      defaultValue,
		"ref":          func(at, target any) (string, error) { return refFunc(at, target, true) },
		"relref":       func(at, target any) (string, error) { return refFunc(at, target, false) },
	}
}

// inline renders Markdown for markdownify: no shortcodes, raw HTML kept,
// for what it reads is the page's own text or a translation that the
// splice escaped.
var inline = segment.Goldmark(goldmark.WithRendererOptions(ghtml.WithUnsafe()))

// markdownify renders Markdown text as HTML; text that is one paragraph
// loses its <p>, as Hugo's does, to sit inside a caption or a title.
func markdownify(v any) (template.HTML, error) {
	var b bytes.Buffer
	if err := inline.Convert([]byte(toString(v)), &b); err != nil {
		return "", err
	}
	return template.HTML(unwrapParagraph(b.String())), nil
}

// unwrapParagraph returns the HTML of one paragraph without its <p>.
func unwrapParagraph(s string) string {
	out := strings.TrimSuffix(s, "\n")
	if strings.HasPrefix(out, "<p>") && strings.HasSuffix(out, "</p>") && strings.Count(out, "<p>") == 1 {
		return out[len("<p>") : len(out)-len("</p>")]
	}
	return s
}

// plainify returns the text of HTML, its tags left out.
func plainify(v any) string {
	z := xhtml.NewTokenizer(strings.NewReader(toString(v)))
	var b strings.Builder
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return b.String()
		case xhtml.TextToken:
			b.Write(z.Text())
		}
	}
}

// defaultValue is Hugo's default: given, unless it is empty.
func defaultValue(def any, given ...any) any {
	if len(given) == 0 || given[0] == nil {
		return def
	}
	switch g := given[0].(type) {
	case string:
		if g == "" {
			return def
		}
	case template.HTML:
		if g == "" {
			return def
		}
	case bool:
		if !g {
			return def
		}
	case int:
		if g == 0 {
			return def
		}
	}
	return given[0]
}

func toString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case template.HTML:
		return string(v)
	}
	return fmt.Sprint(v)
}

// refFunc resolves target, a path or a map with "path" (and "lang"), from
// the page of at, a shortcode or a page.
func refFunc(at, target any, abs bool) (string, error) {
	var v *PageView
	switch at := at.(type) {
	case *scContext:
		v = at.page
	case *PageView:
		v = at
	default:
		return "", fmt.Errorf("ref: give the shortcode or its page first, not %T", at)
	}
	path, lang := "", ""
	switch t := target.(type) {
	case string:
		path = t
	case map[string]any:
		path, lang = toString(t["path"]), toString(t["lang"])
	default:
		return "", fmt.Errorf("ref: give a path, not %T", target)
	}
	return ref(v.page, path, lang, abs)
}
