package shortcode

import (
	"fmt"
	"strings"
	"testing"
)

// describe writes what Find read of src, tag by tag.
func describe(src string) string {
	var b strings.Builder
	scs := Find([]byte(src))
	for i, s := range scs {
		if i > 0 {
			b.WriteString(" | ")
		}
		fmt.Fprintf(&b, "%c", s.Delim)
		switch {
		case s.Comment:
			b.WriteString("comment ")
		case s.Closing:
			b.WriteString("/")
		}
		b.WriteString(s.Name)
		for _, p := range s.Params {
			if p.Name != "" {
				fmt.Fprintf(&b, " %s=%q", p.Name, p.Value)
			} else {
				fmt.Fprintf(&b, " %q", p.Value)
			}
			if src[p.Start:p.End] != strings.NewReplacer(`"`, `\"`).Replace(p.Value) && p.Quote == '"' && !strings.Contains(src[p.Start:p.End], `\`) {
				fmt.Fprintf(&b, "(at %q)", src[p.Start:p.End])
			}
		}
		if s.SelfClosing {
			b.WriteString(" /")
		}
		if s.Partner >= 0 {
			fmt.Fprintf(&b, " ~%d", s.Partner)
		}
		if src[s.Start:s.Start+2] != "{{" || src[s.End-2:s.End] != "}}" {
			b.WriteString(" BAD SPAN")
		}
	}
	return b.String()
}

func TestFind(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ src, want string }{
		{`{{< ref "docs/intro.md" >}}`, `<ref "docs/intro.md"`},
		{`{{% notice tip %}}Be careful.{{% /notice %}}`, `%notice "tip" ~1 | %/notice ~0`},
		// Over several lines, as the Kubernetes docs write figures.
		{"{{< figure\n  src=\"/images/a.png\"\n  alt=\"A cluster\"\n  caption=\"Nodes and pods\" >}}", `<figure src="/images/a.png" alt="A cluster" caption="Nodes and pods"`},
		{`{{< img src="x.png" alt="It says \"hi\"" />}}`, `<img src="x.png" alt="It says \"hi\"" /`},
		{`{{< br/>}}`, `<br /`},
		{"{{< highlight go `linenos=table` >}}x{{< / highlight >}}", `<highlight "go" "linenos=table" ~1 | </highlight ~0`},
		{`{{< tabpane >}}{{< tab header="Go" >}}a{{< /tab >}}{{< tab header="Py" >}}b{{< /tab >}}{{< /tabpane >}}`,
			`<tabpane ~5 | <tab header="Go" ~2 | </tab ~1 | <tab header="Py" ~4 | </tab ~3 | </tabpane ~0`},
		// Shown as written in docs about shortcodes; never paired.
		{`{{</* alert */>}}x{{</* /alert */>}}`, `<comment alert | <comment alert`},
		{`{{%/* include "x.md" */%}}`, `%comment include`},
		// An opening tag nothing closes takes no inner content.
		{`{{< param vers >}} and {{< x >}}in{{< /x >}}`, `<param "vers" | <x ~2 | </x ~1`},
		{`{{< blocks/cover title="Welcome" >}}`, `<blocks/cover title="Welcome"`},
		{`name = value: {{< p k = v >}}`, `<p k="v"`},
		// Not shortcodes: Go templates, Liquid, MDN macros, broken tags.
		{`{{ .Title }} {% raw %} {{Glossary("HTML")}} {{< >}} {{< unclosed`, ``},
		{`{{< /x >}}`, `</x`},
		{`a "{{< q ">}}" >}}" b`, `<q ">}}"`},
		// A brace before a tag does not hide it, as in Hugo.
		{`{{{< x >}} {{{{% y %}}`, `<x | %y`},
	} {
		if got := describe(tt.src); got != tt.want {
			t.Errorf("Find(%q):\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestGetAndInner(t *testing.T) {
	t.Parallel()
	src := []byte(`{{< figure "pos0" src="a.png" alt="An image" >}}inside{{< /figure >}}`)
	scs := Find(src)
	for name, want := range map[string]string{"src": "a.png", "alt": "An image", "0": "pos0"} {
		if got, ok := scs[0].Get(name); !ok || got != want {
			t.Errorf("Get(%q) = %q, %v", name, got, ok)
		}
	}
	if _, ok := scs[0].Get("1"); ok {
		t.Error("a second positional parameter")
	}
	if s, e, ok := Inner(scs, 0); !ok || string(src[s:e]) != "inside" {
		t.Errorf("Inner = %q, %v", src[s:e], ok)
	}
	if _, _, ok := Inner(scs, 1); ok {
		t.Error("a closing tag has inner content")
	}
}

// Masking keeps every byte in place, and every line break.
func TestMask(t *testing.T) {
	t.Parallel()
	src := []byte("Text {{< img\nsrc=\"a\" >}} more.")
	m := Mask(src, Find(src))
	if len(m) != len(src) || string(m) != "Text xxxxxxx\nxxxxxxxxxxx more." {
		t.Errorf("Mask = %q", m)
	}
}
