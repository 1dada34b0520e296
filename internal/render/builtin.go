package render

import (
	"errors"
	"fmt"
	"html"
	"html/template"
	"maps"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/shortcode"
)

// builtins are the shortcodes glot's HTML build runs without a template,
// so that a small site needs none; a template of the site's own of the
// same name takes their place. Hugo's shortcodes that embed other sites
// (gist, instagram, tweet, vimeo, youtube) are not among them.
var builtins = map[string]func(c *scContext) (string, error){
	// {{% comment %}} ... {{% /comment %}} shows nothing.
	"comment": func(*scContext) (string, error) { return "", nil },
	// {{< param "key" >}} is a front matter value of the page, in its
	// language: {{< param "title" >}} is the translated title.
	"param": func(c *scContext) (string, error) {
		key := c.str(0)
		if key == "" {
			return "", errors.New("give the name of a front matter value: {{< param \"key\" >}}")
		}
		v := c.page.Param(key)
		if v == nil {
			return "", fmt.Errorf("the page's front matter has no %q", key)
		}
		return html.EscapeString(fmt.Sprint(v)), nil
	},
	// {{< ref "page.md" >}} and {{< relref "page.md#part" >}} are the URL
	// of the page's version in the same language (absolute with ref, when
	// the site has a base_url), or in lang="...".
	"ref":    func(c *scContext) (string, error) { return refShortcode(c, true) },
	"relref": func(c *scContext) (string, error) { return refShortcode(c, false) },
	// {{< highlight go >}} code {{< /highlight >}} is a code block; glot
	// colors nothing.
	"highlight": func(c *scContext) (string, error) {
		class := ""
		if l := c.str(0); l != "" {
			class = ` class="language-` + html.EscapeString(l) + `"`
		}
		code := strings.Trim(string(c.inner), "\r\n")
		return "<pre><code" + class + ">" + html.EscapeString(code) + "</code></pre>", nil
	},
	// {{< figure src="a.png" caption="..." >}}: Hugo's figure.
	"figure": func(c *scContext) (string, error) {
		var b strings.Builder
		err := figure.Execute(&b, c)
		return b.String(), err
	},
}

func builtinNames() []string { return slices.Sorted(maps.Keys(builtins)) }

// Builtin reports whether glot's HTML build runs shortcode name without a
// template.
func Builtin(name string) bool { return builtins[name] != nil }

func refShortcode(c *scContext, abs bool) (string, error) {
	path := c.str("path")
	if !c.IsNamedParams() {
		path = c.str(0)
	}
	u, err := ref(c.page.page, path, c.str("lang"), abs)
	return html.EscapeString(u), err
}

// ref resolves a ref for page p.
func ref(p *HTMLPage, target, lang string, abs bool) (string, error) {
	if target == "" {
		return "", errors.New("give the path of a page: {{< ref \"page.md\" >}}")
	}
	if strings.HasPrefix(target, "#") {
		return target, nil
	}
	if p.Ref == nil {
		return "", fmt.Errorf("no page %s", target)
	}
	return p.Ref(target, lang, abs)
}

// figure is Hugo's figure shortcode, its src and link pointing where the
// built page finds them.
var figure = template.Must(template.New("figure").Funcs(Funcs()).Parse(`<figure{{ with .Get "class" }} class="{{ . }}"{{ end }}>
{{- if .Get "link" }}<a href="{{ .Page.Link (.Get "link") }}"{{ with .Get "target" }} target="{{ . }}"{{ end }}{{ with .Get "rel" }} rel="{{ . }}"{{ end }}>{{ end -}}
<img src="{{ .Page.Link (.Get "src") }}"
{{- if or (.Get "alt") (.Get "caption") }} alt="{{ with .Get "alt" }}{{ . }}{{ else }}{{ .Get "caption" | markdownify | plainify }}{{ end }}"{{ end }}
{{- with .Get "width" }} width="{{ . }}"{{ end }}
{{- with .Get "height" }} height="{{ . }}"{{ end }}
{{- with .Get "loading" }} loading="{{ . }}"{{ end }}>
{{- if .Get "link" }}</a>{{ end -}}
{{- if or (.Get "title") (.Get "caption") (.Get "attr") }}<figcaption>
{{- with .Get "title" }}<h4>{{ . }}</h4>{{ end }}
{{- if or (.Get "caption") (.Get "attr") }}<p>
{{- .Get "caption" | markdownify }}
{{- with .Get "attrlink" }}<a href="{{ . }}">{{ end }}
{{- .Get "attr" | markdownify }}
{{- if .Get "attrlink" }}</a>{{ end }}</p>
{{- end }}</figcaption>
{{- end }}</figure>`))

// Use is a shortcode tag of a page, as much of it as the build checks
// before it writes anything: that it has a template, that a ref leads
// somewhere, that it is well formed.
type Use struct {
	Name    string
	Line    int
	Ref     string // the path a ref or relref names
	Problem string // why the tag cannot run, if it cannot
}

// Uses returns the shortcode tags of a Markdown page src, whose body
// starts at body: one for each name, ref and problem, with the line of the
// first.
func Uses(src []byte, body int) []Use {
	b := src[body:]
	scs := shortcode.Find(b)
	var uses []Use
	seen := map[Use]bool{}
	line, at := 1+strings.Count(string(src[:body]), "\n"), 0
	for _, s := range scs {
		if s.Comment || s.Closing && s.Partner >= 0 {
			continue
		}
		line += strings.Count(string(b[at:s.Start]), "\n")
		at = s.Start
		u := Use{Name: s.Name}
		switch {
		case s.Closing:
			u.Problem = fmt.Sprintf("%s closes no shortcode", b[s.Start:s.End])
		case mixedParams(s.Params):
			u.Problem = "its parameters are named and positional both: Hugo takes one or the other"
		case s.Name == "ref" || s.Name == "relref":
			c := scContext{tag: &s}
			if u.Ref = c.str(0); c.IsNamedParams() {
				u.Ref = c.str("path")
			}
		}
		if !seen[u] {
			seen[u] = true
			u.Line = line
			uses = append(uses, u)
		}
	}
	return uses
}

// CheckUses says why a page's shortcodes (its Uses) cannot run, each at
// file:line: has reports whether the site has a template for a name, and
// ref whether a path names a page.
func CheckUses(file string, uses []Use, has func(name string) bool, ref func(path string) bool) error {
	var errs []error
	for _, u := range uses {
		var err error
		switch {
		case u.Problem != "":
			err = fmt.Errorf("shortcode %s: %s", u.Name, u.Problem)
		case has(u.Name):
		case !Builtin(u.Name):
			err = errNoTemplate(u.Name)
		case u.Name != "ref" && u.Name != "relref", strings.HasPrefix(u.Ref, "#"):
		case u.Ref == "":
			err = fmt.Errorf("shortcode %s: give the path of a page", u.Name)
		case !ref(u.Ref):
			err = fmt.Errorf("shortcode %s: no page %s", u.Name, u.Ref)
		}
		if err != nil {
			errs = append(errs, fileerr.At(file, u.Line, 0, err))
		}
	}
	return errors.Join(errs...)
}

// mixedParams reports whether a tag has named and positional parameters.
func mixedParams(ps []shortcode.Param) bool {
	named := 0
	for _, p := range ps {
		if p.Name != "" {
			named++
		}
	}
	return named > 0 && named < len(ps)
}
