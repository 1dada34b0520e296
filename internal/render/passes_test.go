package render

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// linkKey holds the suffix that linkSuffix adds to a page's links.
var linkKey = parser.NewContextKey()

// linkSuffix is a pass as the build writes them: it works on the pages
// whose parse carries its value, asks the Doc about the tree, and leaves
// a destination that is a shortcode's to the shortcode.
type linkSuffix struct{}

func (linkSuffix) Transform(root *ast.Document, _ text.Reader, pc parser.Context) {
	suffix, ok := pc.Get(linkKey).(string)
	if !ok {
		return
	}
	d := DocOf(pc)
	if d.Root != root {
		panic("the pass runs before the Doc has its tree")
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering && !d.HasStandIn(l.Destination) {
			// The destination is a slice of the page's text: a new
			// one, not an append that would write over what follows.
			l.Destination = []byte(string(l.Destination) + suffix)
		}
		return ast.WalkContinue, nil
	})
}

func TestPasses(t *testing.T) {
	md := NewMarkdown(linkSuffix{})
	for _, tc := range []struct {
		name     string
		body     string
		settings []Setting
		want     string
	}{
		{"the pass works on a page whose parse carries its value",
			"[a](a.md) and [b](b.md)\n", []Setting{{linkKey, "?x"}},
			`<p><a href="a.md?x">a</a> and <a href="b.md?x">b</a></p>` + "\n"},
		{"and not on another",
			"[a](a.md)\n", nil,
			`<p><a href="a.md">a</a></p>` + "\n"},
		{"a shortcode's link is the shortcode's",
			"[a]({{< echo \"a.md\" >}}) [b](b.md)\n", []Setting{{linkKey, "?x"}},
			`<p><a href="[a.md]">a</a> <a href="b.md?x">b</a></p>` + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := md.Render(md.Parse([]byte(tc.body), tc.settings...), testPage(t))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
