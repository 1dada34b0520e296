package segment_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/pseudo"
	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/segment"
	"github.com/glot-i18n/glot/internal/shortcode"
)

// hugoCase is a page of a Hugo site and the messages glot makes of it.
type hugoCase struct {
	name  string
	src   string
	rules *segment.Rules
	// want lists the messages, "kind: text", in page order.
	want []string
	// outside lists tags that stand on lines of their own: no message
	// but their own parameters' may hold them.
	outside []string
	// skipped is how many blocks are reported as left untranslated.
	skipped int
}

// checkHugo segments c's page and checks its messages, and what every
// Hugo page must keep: no message holds shortcode syntax, the page comes
// back byte for byte when each message is its own translation, and a
// translation of every message leaves every tag as it was but for the
// parameters translated.
func checkHugo(t *testing.T, c hugoCase) {
	t.Helper()
	src := []byte(c.src)
	p, err := segment.Markdown(src, c.rules)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range p.Segments {
		got = append(got, s.Kind+": "+s.Text)
		for _, syntax := range []string{"{{<", "{{%", ">}}", "%}}"} {
			if strings.Contains(s.Text, syntax) {
				t.Errorf("message %q holds %s", s.Text, syntax)
			}
		}
		if s.Syntax == segment.ShortcodeParam {
			continue
		}
		for _, o := range c.outside {
			for at := 0; ; {
				i := strings.Index(c.src[at:], o)
				if i < 0 {
					break
				}
				at += i + len(o)
				if s.Start < at && at-len(o) < s.End {
					t.Errorf("message %q [%d,%d) holds %q", s.Text, s.Start, s.End, o)
				}
			}
		}
	}
	if !slices.Equal(got, c.want) {
		t.Errorf("messages:\n got %s\nwant %s", strings.Join(quoted(got), "\n     "), strings.Join(quoted(c.want), "\n     "))
	}
	if len(p.Skipped) != c.skipped {
		t.Errorf("%d blocks reported left untranslated, want %d: %+v", len(p.Skipped), c.skipped, p.Skipped)
	}
	same, pse := mapTr{}, mapTr{}
	for _, s := range p.Segments {
		same[s.ID] = s.Text
		pse[s.ID] = pseudo.Translate("en-XA", s.Text)
	}
	if out, fb := render.Splice(src, p.Segments, same); !bytes.Equal(out, src) || len(fb) > 0 {
		t.Errorf("the page with every message its own translation is not the page (%d refused):\n%s", len(fb), out)
	}
	out, fb := render.Splice(src, p.Segments, pse)
	for _, f := range fb {
		t.Errorf("translation of %q refused: %s", p.Segments[f.Segment].Text, f.Reason)
	}
	if a, b := tagsOf(src), tagsOf(out); !slices.Equal(a, b) {
		t.Errorf("translation changed the tags:\n from %q\n   to %q\n%s", a, b, out)
	}
}

// tagsOf lists the shortcode tags of a page, the values of named quoted
// parameters left out (they may be translated).
func tagsOf(src []byte) []string {
	var out []string
	for _, s := range shortcode.Find(src) {
		b := slices.Clone(src[s.Start:s.End])
		for i := len(s.Params) - 1; i >= 0; i-- {
			if p := s.Params[i]; p.Quote == '"' && p.Name != "" {
				b = slices.Concat(b[:p.Start-s.Start], []byte("…"), b[p.End-s.Start:])
			}
		}
		out = append(out, string(b))
	}
	return out
}

func quoted(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// Tags as Hugo writes them: over several lines, self-closing, nested, and
// in the comment form, which is shown as written.
func TestShortcodeTags(t *testing.T) {
	for _, c := range []hugoCase{{
		// From gohugoio/hugoDocs, content/en/shortcodes/figure.md.
		name: "figure over several lines",
		src: "Which looks like this in your browser:\n\n{{< figure\n  src=\"/images/examples/zion-national-park.jpg\"\n" +
			"  alt=\"A photograph of Zion National Park\"\n  link=\"https://www.nps.gov/zion/index.htm\"\n" +
			"  caption=\"Zion National Park\"\n  class=\"ma0 w-75\"\n>}}\n\n## Arguments\n",
		want: []string{"p: Which looks like this in your browser:", "figure.alt: A photograph of Zion National Park",
			"figure.caption: Zion National Park", "h2: Arguments"},
	}, {
		name: "a tag over two lines in a sentence",
		src:  "Text before {{< img\nsrc=\"x.png\" alt=\"y\" >}} and after.\n",
		want: []string{"p: Text before <1/> and after."},
	}, {
		// Hugo reads the tag whole, blank line and all: the paragraph
		// goes on after it.
		name: "a parameter holding a blank line",
		src:  "See {{< figure src=\"a.png\" caption=\"First line.\n\nSecond line.\" >}} here.\n\nAfter.\n",
		want: []string{"p: See <1/> here.", "figure.caption: First line. Second line.", "p: After."},
	}, {
		name: "a tag that starts a line of a sentence",
		src:  "The Kubernetes\n{{< glossary_tooltip text=\"API server\" term_id=\"kube-apiserver\" >}}\nserves the API.\n",
		want: []string{"p: The Kubernetes <1/> serves the API.", "glossary_tooltip.text: API server"},
	}, {
		// From google/docsy, docsy.dev/content/en/docs/content/shortcodes/index.md.
		name: "nested pairs and self-closing tags",
		src: "{{< tabpane text=true right=true >}}\n  {{% tab header=\"**Languages**:\" disabled=true /%}}\n" +
			"  {{% tab header=\"English\" lang=\"en\" %}}\n  ![Flag United Kingdom](flags/uk.png)\n  **Welcome!**\n  {{% /tab %}}\n" +
			"  {{% tab header=\"German\" lang=\"de\" %}}\n  ![Flag Germany](flags/de.png)\n  **Herzlich willkommen!**\n  {{% /tab %}}\n" +
			"{{< /tabpane >}}\n",
		want: []string{"tab.header: **Languages**:", "tab.header: English", "p: <1/> <2>Welcome!</2>", "alt: Flag United Kingdom",
			"tab.header: German", "p: <1/> <2>Herzlich willkommen!</2>", "alt: Flag Germany"},
		outside: []string{"{{% tab header=\"English\" lang=\"en\" %}}", "{{% /tab %}}", "{{< /tabpane >}}"},
	}, {
		// From google/docsy, docsy.dev/content/en/docs/content/shortcodes/index.md.
		name: "the comment form, shown as written",
		src: "{{</* tabpane text=true right=true */>}}\n  {{%/* tab header=\"English\" lang=\"en\" */%}}\n  **Welcome!**\n" +
			"  {{%/* /tab */%}}\n{{</* /tabpane */>}}\n\nWrite {{</* alert */>}} to open an alert.\n",
		want: []string{"p: <1/> <2/> <3>Welcome!</3> <4/> <5/>", "p: Write <1/> to open an alert."},
	}} {
		t.Run(c.name, func(t *testing.T) { checkHugo(t, c) })
	}
}

// What a pair of tags holds: Markdown, plain text, or kept as written.
func TestShortcodeInner(t *testing.T) {
	for _, c := range []hugoCase{{
		// From kubernetes-sigs/kueue, site/content/en/docs/overview/_index.md.
		name: "the inside of {{% %}} is Markdown",
		src: "{{% alert title=\"Note\" color=\"primary\" %}}\nKueue is **not** a replacement for kube-scheduler.\n\n" +
			"It works alongside it.\n{{% /alert %}}\n",
		want:    []string{"alert.title: Note", "p: Kueue is <1>not</1> a replacement for kube-scheduler.", "p: It works alongside it."},
		outside: []string{"{{% alert title=\"Note\" color=\"primary\" %}}", "{{% /alert %}}"},
	}, {
		// From kubernetes/website, content/en/docs/tasks/tools/install-kubectl-linux.md.
		name: "a rule makes the inside of {{< >}} Markdown",
		src: "1. Install kubectl\n\n   {{< note >}}\n   If you do not have root access on the target system, you can still install\n" +
			"   kubectl to the `~/.local/bin` directory:\n\n   ```bash\n   chmod +x kubectl\n   ```\n\n   {{< /note >}}\n",
		want:    []string{"li: Install kubectl", "li: If you do not have root access on the target system, you can still install kubectl to the <1/> directory:"},
		outside: []string{"{{< note >}}", "{{< /note >}}"},
	}, {
		// From gohugoio/hugoDocs, content/en/_common/menu-entries/pre-and-post.md.
		name: "code-toggle is kept as written",
		src: "Use the `pre` and `post` properties.\n\n{{< code-toggle file=hugo >}}\n[[menus.main]]\nname = 'Services'\n" +
			"pre = '<i class=\"fa-solid fa-gear\"></i>'\n{{< /code-toggle >}}\n",
		want: []string{"p: Use the <1/> and <2/> properties."},
	}, {
		name: "highlight is kept as written, blank lines and all",
		src:  "Before.\n{{< highlight go >}}\n// Say hello to the world.\n\nfunc main() { fmt.Println(\"hello world\") }\n{{< /highlight >}}\nAfter.\n",
		want: []string{"p: Before.", "p: After."},
	}, {
		name: "highlight in a sentence is one atom",
		src:  "Run {{< highlight sh >}}make all{{< /highlight >}} first.\n",
		want: []string{"p: Run <1/> first."},
	}, {
		// From kubernetes/website, content/en/docs/tasks/tools/install-kubectl-linux.md.
		name: "a tab of code",
		src: "{{< tabs name=\"download_binary_linux\" >}}\n{{< tab name=\"x86-64\" codelang=\"bash\" >}}\n" +
			"curl -LO \"https://dl.k8s.io/release/stable.txt\"\n{{< /tab >}}\n{{% tab name=\"Snap\" %}}\n" +
			"If you are on Ubuntu, kubectl\nis available as a [snap](https://snapcraft.io/) application.\n{{% /tab %}}\n{{< /tabs >}}\n",
		want:    []string{"tab.name: x86-64", "tab.name: Snap", "p: If you are on Ubuntu, kubectl is available as a <1>snap</1> application."},
		outside: []string{"{{% tab name=\"Snap\" %}}", "{{% /tab %}}"},
	}, {
		// From google/docsy, docsy.dev/content/en/docs/content/shortcodes/index.md.
		name: "a Docsy tab of code, by its lang",
		src: "{{< tabpane >}}\n{{< tab header=\"toml\" lang=\"toml\" >}}\n+++\ntitle = \"Pet Store API\"\n+++\n{{< /tab >}}\n" +
			"{{< /tabpane >}}\n",
		want: []string{"tab.header: toml"},
	}, {
		name: "an unknown {{< >}} pair is kept and reported",
		src:  "{{< mystery >}}\nSome words nobody translates.\n{{< /mystery >}}\n",
		want: nil, skipped: 1,
	}, {
		name:  "a rule says the inside is plain text",
		src:   "{{< tooltip >}}\nHover *here* & see\n{{< /tooltip >}}\n",
		rules: &segment.Rules{Extract: segment.Extract{Shortcodes: map[string]segment.ShortcodeRule{"tooltip": {Inner: segment.InnerText}}}},
		want:  []string{"tooltip: Hover *here* & see"},
	}, {
		name:  "a rule says the inside is opaque",
		src:   "{{% raw %}}\nNot for translation.\n{{% /raw %}}\n",
		rules: &segment.Rules{Extract: segment.Extract{Shortcodes: map[string]segment.ShortcodeRule{"raw": {Inner: segment.InnerOpaque}}}},
		want:  nil,
	}, {
		name: "a pair in a sentence is a pair of placeholders",
		src:  "Press {{% kbd %}}Ctrl{{% /kbd %}} to stop.\n",
		want: []string{"p: Press <1>Ctrl</1> to stop."},
	}, {
		// From kubernetes/website, content/en/docs/tasks/tools/install-kubectl-linux.md.
		name: "include and heading lines",
		src: "## {{% heading \"whatsnext\" %}}\n\n{{% include \"included/verify-kubectl.md\" %}}\nThen configure it.\n" +
			"{{% include \"included/kubectl-whats-next.md\" %}}\n",
		want:    []string{"p: Then configure it."},
		outside: []string{"{{% include \"included/verify-kubectl.md\" %}}", "{{% include \"included/kubectl-whats-next.md\" %}}"},
	}, {
		name: "a {{% %}} tag on a line of its own in a sentence",
		src:  "The version is\n{{% param \"version\" %}}\nand up.\n",
		want: []string{"p: The version is <1/> and up."},
	}, {
		// From open-telemetry/opentelemetry.io, content/en/docs/zero-code/java/agent/instrumentation/_index.md.
		name: "a pair's tag on a line of the text it holds",
		src: "{{% config_option\nname=\"otel.instrumentation.common.enduser.id.enabled\"\ndefault=false\n%}} Determines whether to capture `enduser.id` semantic attribute.\n" +
			"{{% /config_option %}}\n\n{{% config_option name=\"otel.x\" %}} Enables it. {{% /config_option %}}\n",
		want:    []string{"p: Determines whether to capture <1/> semantic attribute.", "p: Enables it."},
		outside: []string{"default=false\n%}}", "{{% /config_option %}}", "{{% config_option name=\"otel.x\" %}}"},
	}, {
		name:    "tag lines in a block quote",
		src:     "> {{% notice tip %}}\n> Quoted note text.\n> {{% /notice %}}\n",
		want:    []string{"blockquote: Quoted note text."},
		outside: []string{"{{% notice tip %}}", "{{% /notice %}}"},
	}, {
		name: "a pair on one line around a sentence",
		src:  "{{% notice %}}Be careful.{{% /notice %}}\n",
		want: []string{"p: Be careful."},
	}} {
		t.Run(c.name, func(t *testing.T) { checkHugo(t, c) })
	}
}

// The rules of glot.toml add to glot's and override them, name by name.
func TestShortcodeRules(t *testing.T) {
	src := "{{< figure src=\"a.png\" caption=\"A caption\" alt=\"An image\" >}}\n\n" +
		"{{< blocks/cover title=\"Welcome to Docsy\" >}}\nA theme for **technical** docs.\n{{< /blocks/cover >}}\n\n" +
		"{{% alert title=\"Careful\" %}}\nMind the gap.\n{{% /alert %}}\n"
	for _, c := range []hugoCase{{
		name: "defaults",
		want: []string{"figure.caption: A caption", "figure.alt: An image", "blocks/cover.title: Welcome to Docsy",
			"p: A theme for <1>technical</1> docs.", "alert.title: Careful", "p: Mind the gap."},
	}, {
		name: "overridden",
		rules: &segment.Rules{Extract: segment.Extract{Shortcodes: map[string]segment.ShortcodeRule{
			"figure":   {Params: []string{"alt"}},
			"blocks/*": {Inner: segment.InnerOpaque},
			"alert":    {Params: []string{"color"}, Inner: segment.InnerText},
		}}},
		want: []string{"figure.alt: An image", "alert: Mind the gap."},
	}} {
		c.src = src
		t.Run(c.name, func(t *testing.T) { checkHugo(t, c) })
	}
}

// Other generators' macros, matched by Rules.Atoms, are placeholders.
func TestAtoms(t *testing.T) {
	mdn := &segment.Rules{Extract: segment.Extract{Atoms: []string{`\{\{\s*[A-Za-z_]+\(.*?\)\s*\}\}`}}}
	liquid := &segment.Rules{Extract: segment.Extract{Atoms: []string{`\{%.*?%\}`, `\{\{.*?\}\}`}}}
	for _, c := range []hugoCase{{
		// From mdn/content, files/en-us/web/css/color/index.md.
		name:  "MDN macros",
		src:   "The **`color`** [CSS](/en-US/docs/Web/CSS) property sets the foreground {{cssxref(\"&lt;color&gt;\")}} value of an element's text.\n\nSee {{Glossary(\"HTML\")}} and [{{cssxref(\"color\")}}](/en-US/docs/Web/CSS/color).\n",
		rules: mdn,
		want:  []string{"p: The <1><2/></1> <3>CSS</3> property sets the foreground <4/> value of an element's text.", "p: See <1/> and <2><3/></2>."},
	}, {
		name:  "without atoms, macros are text",
		src:   "See {{Glossary(\"HTML\")}}.\n",
		want:  []string{"p: See {{Glossary(\"HTML\")}}."},
		rules: nil,
	}, {
		name:  "macros before a pair kept as written",
		src:   "{{Glossary(\"HTML\")}}\n\n{{< mystery >}}\nSome words nobody translates.\n{{< /mystery >}}\n",
		rules: mdn,
		want:  nil, skipped: 1,
	}, {
		name:  "Jekyll's Liquid",
		src:   "{% include note.html content=\"x\" %}\n\nWelcome to {{ site.title }}, {% if user %}friend{% endif %}.\n\n[Home]({{ site.baseurl }}/index.html)\n",
		rules: liquid,
		want:  []string{"p: Welcome to <1/>, <2/>friend<3/>.", "p: <1>Home</1>"},
	}} {
		t.Run(c.name, func(t *testing.T) { checkHugo(t, c) })
	}
}

// Rules built in code, which glot.toml's checks have not seen, with an
// atom that is no regular expression: the page is refused, naming it,
// rather than read with the macro as text.
func TestAtomThatDoesNotCompile(t *testing.T) {
	rules := &segment.Rules{Extract: segment.Extract{Atoms: []string{`\{%.*?%\}`, `\{\{(`}}}
	_, err := segment.Markdown([]byte("Welcome to {{ site.title }}.\n"), rules)
	if want := "atoms: pattern \"\\\\{\\\\{(\": error parsing regexp: missing closing )"; err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error = %v, want it to contain %q", err, want)
	}
}

// A shortcode in a link's destination, an image's source or an HTML
// attribute is part of that markup, kept byte for byte.
func TestShortcodesInMarkup(t *testing.T) {
	for _, c := range []hugoCase{{
		// From open-telemetry/opentelemetry.io, content/en/docs/collector/configuration.md.
		name: "in a link's destination",
		src:  "See [configtls](https://github.com/open-telemetry/opentelemetry-collector/blob/v{{% param vers %}}/config/configtls/README.md) for TLS.\n",
		want: []string{"p: See <1>configtls</1> for TLS."},
	}, {
		name: "in an image's source",
		src:  "![The architecture](/images/{{< param \"version\" >}}/arch.svg \"Architecture\") of the system.\n",
		want: []string{"p: <1/> of the system.", "alt: The architecture", "image title: Architecture"},
	}, {
		name: "in an inline element's attribute",
		src:  "<a href=\"{{< ref \"docs/intro\" >}}\">Read the guide</a> for more.\n",
		want: []string{"p: <1>Read the guide</1> for more."},
	}, {
		name: "in an HTML block",
		src: "<div class=\"note\" title=\"{{< param site >}} notes\">\nA note about {{< param name >}}.\n" +
			"<img src=\"{{< ref \"a.png\" >}}\" alt=\"A diagram\">\n{{< figure src=\"b.png\" caption=\"The caption\" >}}\n</div>\n",
		want: []string{"title attribute: <1/> notes", "div: A note about <1/>. <2/> <3/>", "alt: A diagram", "figure.caption: The caption"},
	}} {
		t.Run(c.name, func(t *testing.T) { checkHugo(t, c) })
	}
}

// The alt text of a shortcut or collapsed reference image is translated as
// a full reference image's is: written back as a full reference, so that
// the image is still found by its label.
func TestReferenceImageAlt(t *testing.T) {
	src := "![Kubernetes logo]\n\nAnd ![the logo][] again, and ![a full one][the logo].\n\n" +
		"[kubernetes logo]: /img/k8s.png\n[the logo]: /img/logo.png\n"
	checkHugo(t, hugoCase{src: src, want: []string{"alt: <1>Kubernetes logo</1>", "p: And <1/> again, and <2/>.",
		"alt: <1>the logo</1>", "alt: a full one"}})
	p, err := segment.Markdown([]byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	tr := mapTr{}
	for _, s := range p.Segments {
		tr[s.ID] = strings.NewReplacer("Kubernetes logo", "Logo de Kubernetes", "the logo", "el logo", "a full one", "uno completo",
			"And", "Y", "again, and", "otra vez, y").Replace(s.Text)
	}
	out, fb := render.Splice([]byte(src), p.Segments, tr)
	if len(fb) > 0 {
		t.Fatalf("refused: %+v", fb)
	}
	var html bytes.Buffer
	if err := segment.Goldmark().Convert(out, &html); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<img src="/img/k8s.png" alt="Logo de Kubernetes">`, `<img src="/img/logo.png" alt="el logo">`, `<img src="/img/logo.png" alt="uno completo">`} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("the translated page lacks %s:\n%s\n%s", want, out, html.String())
		}
	}
}

// ShortcodeInner answers for the HTML build what the segmenter reads.
func TestShortcodeInnerRule(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{`{{% mark %}}x{{% /mark %}}`, segment.InnerMarkdown},
		{`{{< mark >}}x{{< /mark >}}`, segment.InnerOpaque},
		{`{{< alert >}}x{{< /alert >}}`, segment.InnerMarkdown},
		{`{{% highlight go %}}x{{% /highlight %}}`, segment.InnerOpaque},
		{`{{< tabpane >}}{{< tab header="Go" lang="go" >}}x{{< /tab >}}{{< /tabpane >}}`, segment.InnerOpaque},
		{`{{< tabpane text=true >}}{{< tab header="Go" lang="go" >}}x{{< /tab >}}{{< /tabpane >}}`, segment.InnerMarkdown},
		{`{{< tabpane langEqualsHeader=true >}}{{< tab "C" >}}x{{< /tab >}}{{< /tabpane >}}`, segment.InnerOpaque},
		{`{{< tabs >}}{{< tab name="Intel" codelang="bash" >}}x{{< /tab >}}{{< /tabs >}}`, segment.InnerOpaque},
		{`{{< blocks/lead >}}x{{< /blocks/lead >}}`, segment.InnerMarkdown},
	} {
		scs := shortcode.Find([]byte(tt.src))
		tag, parent := &scs[0], (*shortcode.Shortcode)(nil)
		if len(scs) > 2 {
			tag, parent = &scs[1], &scs[0]
		}
		if got := (*segment.Rules)(nil).ShortcodeInner(tag, parent); got != tt.want {
			t.Errorf("%s: the inside of %s is %q, want %q", tt.src, tag.Name, got, tt.want)
		}
	}
}
