package render

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer/html"
	xhtml "golang.org/x/net/html"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/segment"
)

// mapTr is a Translator over a map.
type mapTr map[string]string

func (m mapTr) Lookup(id string) (string, bool) { s, ok := m[id]; return s, ok }

func segs(t *testing.T, src string) []segment.Segment {
	t.Helper()
	p, err := segment.Markdown([]byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	return p.Segments
}

var md = segment.Goldmark(goldmark.WithRendererOptions(html.WithUnsafe()))

func toHTML(t *testing.T, src []byte) string {
	t.Helper()
	var b bytes.Buffer
	if err := md.Convert(src, &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// translateFirst translates the first segment of src with tr and returns the
// page.
func translateFirst(t *testing.T, src, tr string) string {
	t.Helper()
	ss := segs(t, src)
	out, fb := Splice([]byte(src), ss[:1], mapTr{ss[0].ID: tr})
	if len(fb) > 0 {
		t.Fatalf("translation %q not used: %s", tr, fb[0].Reason)
	}
	return string(out)
}

func TestSpliceKeepsEverythingElse(t *testing.T) {
	src := "---\ntitle: Hello\nweight: 3 # keep\n---\n\n# Hello\n\nSee *this* [page](a.md \"The page\").\n\n```\ncode\n```\n"
	ss := segs(t, src)
	tr := mapTr{}
	for _, s := range ss {
		switch s.Text {
		case "Hello":
			tr[s.ID] = "Hola"
		case "See <1>this</1> <2>page</2>.":
			tr[s.ID] = "Vea <2>la página</2> <1>esta</1>."
		case "The page":
			tr[s.ID] = `La "página"`
		}
	}
	out, fb := Splice([]byte(src), ss, tr)
	want := "---\ntitle: \"Hola\"\nweight: 3 # keep\n---\n\n# Hola\n\nVea [la página](a.md \"La \\\"página\\\"\") *esta*.\n\n```\ncode\n```\n"
	if string(out) != want || len(fb) != 0 {
		t.Fatalf("got\n%s\nwant\n%s\nfallbacks %v", out, want, fb)
	}
}

func TestSpliceFallsBack(t *testing.T) {
	src := "One *two*.\n\nThree.\n"
	ss := segs(t, src)
	out, fb := Splice([]byte(src), ss, mapTr{ss[0].ID: "Uno <1>dos."}) // unbalanced
	if string(out) != src {
		t.Fatalf("a refused or missing translation must leave the source bytes: got %q", out)
	}
	if len(fb) != 2 || !strings.Contains(fb[0].Reason, "never closed") || fb[1].Reason != "missing" {
		t.Fatalf("fallbacks = %+v", fb)
	}
}

// A translation is text: whatever a translator types, the page gets no new
// markup, no HTML, no template action.
func TestTranslationCannotAddMarkup(t *testing.T) {
	tests := []struct{ name, src, tr string }{
		{"html", "Hello.", `<script>alert(1)</script> <img src=x onerror=alert(1)>`},
		{"emphasis and links", "Hello.", `*em* **strong** _u_ [link](javascript:alert(1)) ![i](x.png) <https://evil.example>`},
		{"heading", "Hello.", "# Title"},
		{"list", "Hello.", "1. first"},
		{"list paren", "Hello.", "2) second"},
		{"bullet", "Hello.", "- item"},
		{"plus", "Hello.", "+ item"},
		{"quote", "Hello.", "> quote"},
		{"setext", "Hello.", "="},
		{"code", "Hello.", "`code` and ```fence```"},
		{"entity", "Hello.", "&lt;b&gt; &#60;b&#62;"},
		{"template", "Hello.", "{{ .Secret }} {{< shortcode >}} {{% md %}} {% liquid %}"},
		{"table pipe", "| a |\n|---|\n| Hello |\n", "x | y"},
		{"heading hashes", "# Hello\n", "Hola ##"},
		{"backslash", "Hello.", `C:\path\*`},
		{"strikethrough", "Hello.", "~~gone~~"},
		{"footnote", "Hello.", "[^1]"},
		{"line break", "Hello.", "one\ntwo\n# three"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := translateFirst(t, tt.src, tt.tr)
			got := toHTML(t, []byte(out))
			// The translated block renders as exactly one text node in
			// the same element as the source.
			srcHTML := toHTML(t, []byte(tt.src))
			if tags(got) != tags(srcHTML) {
				t.Fatalf("translation %q added markup:\nsource %s\ngot    %s\nmarkdown %q", tt.tr, srcHTML, got, out)
			}
			if strings.Contains(out, "{{") || strings.Contains(out, "{%") {
				t.Fatalf("template delimiters survived: %q", out)
			}
		})
	}
}

// tags lists the element names of an HTML fragment, in order.
func tags(h string) string {
	var b strings.Builder
	for i := 0; i < len(h); i++ {
		if h[i] == '<' {
			j := strings.IndexAny(h[i:], " >")
			b.WriteString(h[i : i+j])
		}
	}
	return b.String()
}

func TestEscapedTextRendersAsTyped(t *testing.T) {
	for _, typed := range []string{
		`5 * 3 < 20 & 1_000 [a] (b) {c} #d !e |f| ~g~ \h`,
		"1. not a list",
		"# not a heading",
		"{{ not a template }}",
	} {
		out := translateFirst(t, "Hello.\n", typed)
		want := "<p>" + htmlEscape(typed) + "</p>\n"
		if got := toHTML(t, []byte(out)); got != want {
			t.Errorf("typed %q\nmarkdown %q\nrenders %q\nwant    %q", typed, out, got, want)
		}
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

func TestEmphasisSpacesAndUnderscores(t *testing.T) {
	tests := []struct{ src, tr, want string }{
		// Spaces inside a pair move outside it, or it would not be emphasis.
		{"A *b* c.", "X<1> y </1>z.", "X *y* z."},
		// "_" emphasis against a letter would not be emphasis; "*" is.
		{"A _b_ c.", "X <1>y</1>z.", "X *y*z."},
		{"A __b__ c.", "X<1>y</1> z.", "X**y** z."},
		{"A _b_ c.", "X <1>y</1> z.", "X _y_ z."},
	}
	for _, tt := range tests {
		out := translateFirst(t, tt.src, tt.tr)
		if out != tt.want {
			t.Errorf("%q with %q = %q, want %q", tt.src, tt.tr, out, tt.want)
		}
		if !strings.Contains(toHTML(t, []byte(out)), "<em>") && !strings.Contains(toHTML(t, []byte(out)), "<strong>") {
			t.Errorf("%q lost its emphasis", out)
		}
	}
}

func TestFrontMatterValuesAreQuoted(t *testing.T) {
	src := "---\ntitle: Plain\ndescription: 'single'\n---\nBody.\n"
	out := translateFirst(t, src, "Dos puntos: y \"comillas\" \\ # no comentario\nlínea")
	if !strings.HasPrefix(out, "---\ntitle: \"Dos puntos: y \\\"comillas\\\" \\\\ # no comentario línea\"\ndescription: 'single'\n") {
		t.Fatalf("got %q", out)
	}
	src = "+++\ntitle = \"Plain\"\n+++\nBody.\n"
	if out := translateFirst(t, src, `a "b" \ c`); !strings.HasPrefix(out, "+++\ntitle = \"a \\\"b\\\" \\\\ c\"\n+++") {
		t.Fatalf("got %q", out)
	}
}

// TestRoundTripFixtures writes every segment of every segmentation fixture
// and of the sample site back through the Markdown writer, translation equal
// to source but without the identity shortcut, and checks that the page
// renders to the same HTML. It is what makes a translation's markup come out
// where the source had it.
func TestRoundTripFixtures(t *testing.T) {
	files, _ := filepath.Glob("../segment/testdata/markdown/*.md")
	more, _ := filepath.Glob("../../content/*.md")
	for _, f := range append(files, more...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := segment.Markdown(src, nil)
		if err != nil {
			t.Fatal(err)
		}
		same := mapTr{}
		for _, s := range p.Segments {
			same[s.ID] = s.Text
		}
		out, fb := splice(src, p.Segments, same, true)
		if len(fb) > 0 {
			t.Fatalf("%s: %v", f, fb)
		}
		if got, want := bodyHTML(t, out), bodyHTML(t, src); got != want {
			t.Errorf("%s: rewritten page renders differently\nwant %s\ngot  %s\nmarkdown:\n%s", f, want, got, out)
		}
		if got, want := frontMatter(t, out), frontMatter(t, src); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: rewritten front matter differs\nwant %v\ngot  %v", f, want, got)
		}
	}
}

// bodyHTML renders a page's body, white space collapsed: a soft line break
// and a space are the same to a browser.
func bodyHTML(t *testing.T, page []byte) string {
	fm, _ := content.SplitFrontMatter(page)
	return strings.Join(strings.Fields(toHTML(t, page[fm.Body:])), " ")
}

func frontMatter(t *testing.T, page []byte) map[string]any {
	fm, _ := content.SplitFrontMatter(page)
	m := map[string]any{}
	var err error
	switch fm.Format {
	case "yaml":
		err = yaml.Unmarshal(page[fm.Start:fm.End], &m)
	case "toml":
		err = toml.Unmarshal(page[fm.Start:fm.End], &m)
	}
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range m {
		if s, ok := v.(string); ok {
			m[k] = msgtext.Normalize(s)
		}
	}
	return m
}

func TestPlainText(t *testing.T) {
	ss := segs(t, "# Use `glot build` &nbsp;*now*\n")
	if got := PlainText(&ss[0], ss[0].Text); got != "Use glot build \u00a0now" {
		t.Fatalf("PlainText = %q", got)
	}
}

// A bare address stays a link when a translation puts text right against
// it, as languages written without spaces do.
func TestBareAddressesStayLinks(t *testing.T) {
	for _, tt := range []struct{ src, tr, want string }{
		{"Mail info@example.org today.", "请发邮件至<1/>。", "请发邮件至<info@example.org>。"},
		{"See https://example.org now.", "见https://example.org", ""},
		{"See https://example.org now.", "见<1/>现在", "见<https://example.org>现在"},
		{"See www.example.org now.", "见<1/>现在", "见[www.example.org](http://www.example.org)现在"},
		{"See www.example.org now.", "Vea <1/> ahora.", "Vea www.example.org ahora."},
	} {
		ss := segs(t, tt.src)
		out, fb := Splice([]byte(tt.src), ss, mapTr{ss[0].ID: tt.tr})
		if tt.want == "" {
			if len(fb) == 0 {
				t.Errorf("%q without its placeholder was used", tt.tr)
			}
			continue
		}
		if string(out) != tt.want {
			t.Errorf("%q: got %q, want %q", tt.tr, out, tt.want)
		}
		if !strings.Contains(toHTML(t, out), "<a href=") {
			t.Errorf("%q lost its link", out)
		}
	}
}

// A translated shortcode parameter cannot end or break its shortcode.
func TestShortcodeParameter(t *testing.T) {
	src := "{{< figure src=\"a.png\" caption=\"A caption\" >}}\n"
	p, err := segment.Markdown([]byte(src), &segment.Rules{Extract: segment.Extract{Shortcodes: map[string]segment.ShortcodeRule{"figure": {Params: []string{"caption"}}}}})
	if err != nil || len(p.Segments) != 1 {
		t.Fatalf("%v %+v", err, p)
	}
	for _, typed := range []string{
		`C:\dir\ "q" >}} {{< x >}} <script>alert(1)</script> **b** [a](javascript:alert(1)) {% liquid %}`,
		// What starts a list or a heading: a caption stays a paragraph.
		"- li", "+ li", "1. x", "12) x", "= x", "  3. x",
	} {
		out, _ := Splice([]byte(src), p.Segments, mapTr{p.Segments[0].ID: typed})
		// One shortcode, its parameter closed where the source closes it.
		if n := strings.Count(string(out), "{{<"); n != 1 || !strings.HasSuffix(string(out), "\" >}}\n") {
			t.Fatalf("the parameter broke its shortcode: %s", out)
		}
		value := strings.TrimSuffix(strings.TrimPrefix(string(out), `{{< figure src="a.png" caption="`), "\" >}}\n")
		// Rendered as Markdown (Hugo's markdownify, and glot's), the
		// value is the text typed.
		for name, h := range map[string]string{"goldmark": toHTML(t, []byte(value)), "cmark-gfm": cmarkGFM(t, value)} {
			if tags(h) != "<p</p" {
				t.Errorf("%s reads markup in %q: %s", name, value, h)
			}
			if got := visible(t, h); got != strings.TrimSpace(typed) {
				t.Errorf("%s shows %q, want %q", name, got, typed)
			}
		}
	}
}

// A link title holds no template action or Liquid tag.
func TestTitleHoldsNoTemplate(t *testing.T) {
	src := "See [the page](a.md \"The page\").\n"
	ss := segs(t, src)
	tr := mapTr{}
	for _, sg := range ss {
		tr[sg.ID] = sg.Text
		if sg.Text == "The page" {
			tr[sg.ID] = "{% liquid %} {{ .Secret }}"
		}
	}
	out, _ := Splice([]byte(src), ss, tr)
	if strings.Contains(string(out), "{%") || strings.Contains(string(out), "{{") {
		t.Errorf("template syntax survived: %s", out)
	}
	if !strings.Contains(toHTML(t, out), `title="{% liquid %} {{ .Secret }}"`) {
		t.Errorf("the title does not read as typed: %s", toHTML(t, out))
	}
}

// cmarkGFM renders Markdown as GitHub does, with its autolink extension.
func cmarkGFM(t *testing.T, src string) string {
	t.Helper()
	if _, err := exec.LookPath("cmark-gfm"); err != nil {
		t.Fatal("cmark-gfm is not installed (apt-get install cmark-gfm): it checks that GitHub's Markdown reads glot's output as glot means it")
	}
	cmd := exec.Command("cmark-gfm", "-e", "autolink", "-e", "table", "-e", "strikethrough")
	cmd.Stdin = strings.NewReader(src)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// visible is the text of an HTML fragment as a reader sees it.
func visible(t *testing.T, h string) string {
	t.Helper()
	doc, err := xhtml.Parse(strings.NewReader(h))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(textOf(doc))
}

// An address a translator adds is written as text: no autolinker makes a
// link of it, in goldmark, in GitHub's cmark-gfm, or in an HTML page,
// and the reader still reads it as typed.
func TestAddedAddressesAreText(t *testing.T) {
	for _, tr := range []string{
		"Vea http://evil.example/b ahora.",
		"Vea HTTPS://evil.example/b?x=1&y=2 ahora.",
		"Vea www.evil.example ahora.",
		"Vea WWW.evil.example/pago.",
		"Escriba a x.y+z@evil.example hoy.",
		"Escriba a mailto:x@evil.example hoy.",
		"[clic](http://evil.example/b)",
		"<https://evil.example>",
		"Vea ftp://evil.example y www.a.example y a@b.example.",
	} {
		t.Run(tr, func(t *testing.T) {
			out := translateFirst(t, "Call us.\n", tr)
			for name, h := range map[string]string{"goldmark": toHTML(t, []byte(out)), "cmark-gfm": cmarkGFM(t, out)} {
				if strings.Contains(h, "<a") {
					t.Errorf("%s made a link of %q: %s (markdown %q)", name, tr, h, out)
				}
				if got := visible(t, h); got != tr {
					t.Errorf("%s shows %q, want %q (markdown %q)", name, got, tr, out)
				}
			}
			page := "<p>Call us.</p>\n"
			hp, err := segment.HTML([]byte(page), nil)
			if err != nil {
				t.Fatal(err)
			}
			ss := hp.Segments
			h, fb := Splice([]byte(page), ss, mapTr{ss[0].ID: msgtext.Normalize(tr)})
			if len(fb) > 0 {
				t.Fatalf("not used: %v", fb)
			}
			if strings.Contains(string(h), "<a") || strings.Contains(string(h), "://") || strings.Contains(string(h), "@") {
				t.Errorf("an HTML page shows %q as an address: %s", tr, h)
			}
			if got := visible(t, string(h)); got != tr {
				t.Errorf("an HTML page shows %q, want %q", got, tr)
			}
		})
	}
	// The source's own addresses stay as they are.
	page := "<p>See www.clinic.example or info@clinic.example.</p>\n"
	hp, err := segment.HTML([]byte(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	ss := hp.Segments
	h, _ := Splice([]byte(page), ss, mapTr{ss[0].ID: "Vea www.clinic.example o info@clinic.example."})
	if want := "<p>Vea www.clinic.example o info@clinic.example.</p>\n"; string(h) != want {
		t.Errorf("the source's addresses: got %q, want %q", h, want)
	}
}
