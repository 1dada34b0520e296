package render

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"testing"
)

// tmpls are shortcode templates, as a site's layouts/shortcodes has them.
type tmpls map[string]*template.Template

func newTmpls(t *testing.T, src map[string]string) tmpls {
	t.Helper()
	ts := tmpls{}
	for name, text := range src {
		ts[name] = template.Must(template.New(name).Funcs(Funcs()).Parse(text))
	}
	return ts
}

func (ts tmpls) Has(name string) bool { return ts[name] != nil }

func (ts tmpls) Execute(w io.Writer, name string, data any) error { return ts[name].Execute(w, data) }

var siteTemplates = map[string]string{
	"b":      `<b>B</b>`,
	"note":   `<div class="note">{{ .Get 0 }}</div>`,
	"notice": `<div class="notice {{ .Get 0 }}">{{ .Inner }}</div>`,
	"span":   `<span>{{ .Inner }}</span>`,
	"raw":    `<div>{{ .Inner }}</div>`,
	"tabs":   `<div class="tabs">{{ .Inner }}</div>`,
	"tab":    `<section data-n="{{ .Ordinal }}" data-in="{{ with .Parent }}{{ .Name }}{{ end }}">{{ .Get "title" }}: {{ .Inner }}</section>`,
	"about":  `{{ .Name }} {{ .Page.Title }} {{ .Page.Lang }} {{ .IsNamedParams }} {{ .Get "a" }}/{{ .Get 0 }} {{ range $k, $v := .Params }}{{ $k }}={{ $v }};{{ end }} {{ printf "%T" (.Get "n") | safeHTML }}`,
	"echo":   `[{{ .Get 0 }}]`,
	"md":     `{{ .Get 0 | markdownify }}`,
}

func TestShortcodesRun(t *testing.T) {
	for _, tc := range []struct{ name, md, want string }{
		{"inline tag", "See {{< b >}} here.\n", "<p>See <b>B</b> here.</p>\n"},
		{"a tag alone in a paragraph takes its place", "{{< note \"hi\" >}}\n\nNext.\n", "<div class=\"note\">hi</div>\n<p>Next.</p>\n"},
		{"a {{% %}} pair on lines of its own holds blocks of Markdown",
			"{{% notice warning %}}\nSome *text*.\n\n## Two\n{{% /notice %}}\n\nAfter.\n",
			"<div class=\"notice warning\">\n<p>Some <em>text</em>.</p>\n<h2 id=\"two\">Two</h2>\n</div>\n<p>After.</p>\n"},
		{"a {{% %}} pair inside a paragraph holds inline Markdown", "A {{% span %}}*b*{{% /span %}} c.\n", "<p>A <span><em>b</em></span> c.</p>\n"},
		{"a {{% %}} pair that is the whole paragraph takes its place", "{{% span %}}*b*{{% /span %}}\n", "<span><em>b</em></span>\n"},
		{"a {{< >}} pair holds raw text", "{{< raw >}}<i>x</i> *y*{{< /raw >}}\n", "<div><i>x</i> *y*</div>\n"},
		{"nested, with parent and ordinal",
			"{{< tabs >}}{{< tab title=\"A\" >}}one{{< /tab >}}{{< tab title=\"B\" >}}two{{< /tab >}}{{< /tabs >}}\n",
			"<div class=\"tabs\"><section data-n=\"0\" data-in=\"tabs\">A: one</section><section data-n=\"1\" data-in=\"tabs\">B: two</section></div>\n"},
		{"{{% %}} pairs nested in Markdown",
			"{{% notice outer %}}\n{{% notice inner %}}\n- *x*\n{{% /notice %}}\n{{% /notice %}}\n",
			"<div class=\"notice outer\">\n<div class=\"notice inner\">\n<ul>\n<li><em>x</em></li>\n</ul>\n</div>\n</div>\n"},
		{"Markdown inside raw text", "{{< raw >}}{{% span %}}*b*{{% /span %}}{{< /raw >}}\n", "<div><span><em>b</em></span></div>\n"},
		{"what a template sees", "{{< about a=\"x y\" n=3 >}}\n", "about Title es true x y/ a=x y;n=3; int\n"},
		{"positional", "{{< about first 2.5 >}}\n", "about Title es false /first 0=first;1=2.5; <nil>\n"},
		{"parameter values are escaped", "{{< echo \"<script>x</script>\" >}}\n", "[&lt;script&gt;x&lt;/script&gt;]\n"},
		{"markdownify", "{{< md \"*a* &#60;b&#62;\" >}}\n", "<em>a</em> &lt;b&gt;\n"},
		{"a link to a shortcode's output", "[x]({{< echo \"a\" >}})\n", "<p><a href=\"[a]\">x</a></p>\n"},
		{"the comment form is printed as the tag it holds",
			"Write `{{</* note \"x\" */>}}` or {{%/* b */%}}.\n",
			"<p>Write <code>{{&lt; note &#34;x&#34; &gt;}}</code> or {{% b %}}.</p>\n"},
		{"in a code block too, as Hugo does", "```\n{{< b >}}\n{{</* b */>}}\n```\n", "<pre><code><b>B</b>\n{{&lt; b &gt;}}\n</code></pre>\n"},
		{"a heading's id leaves its shortcodes out", "## Install {{< b >}}\n", "<h2 id=\"install\">Install <b>B</b></h2>\n"},
		{"text that looks like a stand-in is text", "GLOTSC0Z and {{< b >}}\n", "<p>GLOTSC0Z and <b>B</b></p>\n"},
		{"built-in comment", "{{% comment %}}\nNotes.\n{{% /comment %}}\nText.\n", "\n<p>Text.</p>\n"},
		{"built-in highlight", "{{< highlight go >}}\nif a < b {}\n{{< /highlight >}}\n", "<pre><code class=\"language-go\">if a &lt; b {}</code></pre>\n"},
		{"built-in param", "Title: {{< param title >}}, {{< param \"Author.Name\" >}}\n", "<p>Title: T &amp; U, Ann</p>\n"},
		{"built-in figure", "{{< figure src=\"img/a.png\" caption=\"A *b*\" link=\"x.md\" >}}\n",
			"<figure><a href=\"/x/x.md\"><img src=\"/x/img/a.png\" alt=\"A b\"></a><figcaption><p>A <em>b</em></p></figcaption></figure>\n"},
		{"built-in ref and relref", "[a]({{< relref \"a.md#x\" >}}) {{< ref path=\"b.md\" lang=\"fr\" >}} {{< relref \"#here\" >}}\n",
			"<p><a href=\"REL(a.md#x,)\">a</a> ABS(b.md,fr) #here</p>\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := NewMarkdown().HTML([]byte(tc.md), testPage(t))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func testPage(t *testing.T) *HTMLPage {
	return &HTMLPage{
		File: "content/a.md", Title: "Title", Lang: "es",
		Params:    map[string]any{"title": "T & U", "author": map[string]any{"name": "Ann"}},
		Templates: newTmpls(t, siteTemplates),
		Ref: func(target, lang string, abs bool) (string, error) {
			if abs {
				return fmt.Sprintf("ABS(%s,%s)", target, lang), nil
			}
			return fmt.Sprintf("REL(%s,%s)", target, lang), nil
		},
		Link: func(u string) string { return "/x/" + u },
	}
}

func TestShortcodeErrors(t *testing.T) {
	for _, tc := range []struct{ name, source, md, want string }{
		{"no template", "", "# A\n\nText {{< nope x >}}.\n", `content/a.md:3: shortcode nope: shortcode "nope" has no template: glot's HTML build runs layouts/shortcodes/nope.html`},
		{"a closing tag that closes nothing", "", "Text.\n\n{{< /b >}}\n", `content/a.md:3: shortcode b: {{< /b >}} closes no shortcode`},
		{"the source's line", "---\nt: 1\n---\n\nA long\nparagraph {{< nope >}}.\n", "Un párrafo {{< nope >}}.\n", `content/a.md:6: shortcode nope`},
		{"a template that fails", "", "{{< param missing >}}\n", `content/a.md:1: shortcode param: the page's front matter has no "missing"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := testPage(t)
			if tc.source != "" {
				p.Source, p.FirstLine = []byte(tc.source[len("---\nt: 1\n---\n"):]), 4
			}
			out, err := NewMarkdown().HTML([]byte(tc.md), p)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %s; output %q", err, tc.want, out)
			}
		})
	}
}

// The inner content of a {{< >}} pair is raw HTML to its template, as in
// Hugo: the page's own markup stays markup. Translated text in it is
// escaped first, for only Markdown, which the splice escaped it for, may
// read a translation as markup.
func TestRawInnerEscapesTranslations(t *testing.T) {
	md := "{{< raw >}}<i>own</i> <img src=x onerror=alert(1)> {{< b >}}{{< /raw >}}\n"
	p := testPage(t)
	start := strings.Index(md, "<img")
	p.Translated = [][2]int{{start, start + len("<img src=x onerror=alert(1)>")}}
	got, err := NewMarkdown().HTML([]byte(md), p)
	if err != nil {
		t.Fatal(err)
	}
	if want := "<div><i>own</i> &lt;img src=x onerror=alert(1)&gt; <b>B</b></div>\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
