package site

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/glot-i18n/glot/internal/render"
)

// md renders pages to HTML, running their shortcodes. Raw HTML in a page
// is the site owner's and is kept; a translation cannot add any, because
// the splice escapes "<". The build's passes over a page's Markdown tree
// are goldmark ASTTransformers: they run as goldmark parses, each on the
// pages whose parse carries the value it reads (factsKey when a page is
// prepared, skipKey when its skipped HTML is looked for, pageKey when it
// is rendered in a language), and do nothing on the others.
var md = render.NewMarkdown(factsPass{}, skippedHTMLPass{}, headingIDPass{}, linkPass{}, langPass{}, markPass{})

// pageKey holds, in goldmark's parser context, the *mdPage of the page
// being rendered.
var pageKey = parser.NewContextKey()

// mdPage is what the passes over the Markdown tree of a page in a
// language know of it.
type mdPage struct {
	headingIDs [][]byte                 // the source's heading ids, in order
	rewrite    func(dest []byte) []byte // a link as the built page links it
	sourceLang                          // what is shown in the source language
	marks      *pageMarks               // where its messages stand; nil without Options.Marks
}

// pageOf returns the page that pc is parsing for rendering, and its Doc;
// nil when the parse is not a page's rendering.
func pageOf(pc parser.Context) (*mdPage, *render.Doc) {
	p, _ := pc.Get(pageKey).(*mdPage)
	return p, render.DocOf(pc)
}

// walkEntering calls f with every node of the tree under root, parents
// first.
func walkEntering(root ast.Node, f func(n ast.Node)) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			f(n)
		}
		return ast.WalkContinue, nil
	})
}

// headingIDPass gives each heading of a localized page the id of the
// source's heading in its place, so that a link to "page.md#section"
// reaches the same section in every language.
type headingIDPass struct{}

func (headingIDPass) Transform(root *ast.Document, _ text.Reader, pc parser.Context) {
	p, _ := pageOf(pc)
	if p == nil {
		return
	}
	i := 0
	walkEntering(root, func(n ast.Node) {
		if _, ok := n.(*ast.Heading); !ok {
			return
		}
		if i < len(p.headingIDs) && p.headingIDs[i] != nil {
			n.SetAttributeString("id", p.headingIDs[i])
		}
		i++
	})
}

// linkPass points the links and images of a page at the pages and assets
// of the built site (builder.rewrite). A destination that holds a
// shortcode is the shortcode's to write.
type linkPass struct{}

func (linkPass) Transform(root *ast.Document, _ text.Reader, pc parser.Context) {
	p, doc := pageOf(pc)
	if p == nil {
		return
	}
	walkEntering(root, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.Link:
			if !doc.HasStandIn(n.Destination) {
				n.Destination = p.rewrite(n.Destination)
			}
		case *ast.Image:
			if !doc.HasStandIn(n.Destination) {
				n.Destination = p.rewrite(n.Destination)
			}
		}
	})
}

// factsKey holds, in goldmark's parser context, the *mdFacts that
// factsPass fills in while a page is prepared.
var factsKey = parser.NewContextKey()

// mdFacts are what a page's Markdown tells the build whatever the
// language: the id goldmark gives each heading, in order, and the targets
// of its links and images. Localized pages reuse the source's heading ids
// (headingIDPass).
type mdFacts struct {
	from  string // the page, relative to the content folder
	ids   [][]byte
	links []string
}

// factsPass reads a page's mdFacts off its tree.
type factsPass struct{}

func (factsPass) Transform(root *ast.Document, _ text.Reader, pc parser.Context) {
	f, _ := pc.Get(factsKey).(*mdFacts)
	if f == nil {
		return
	}
	doc := render.DocOf(pc)
	walkEntering(root, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			b, _ := id.([]byte)
			f.ids = append(f.ids, b)
		case *ast.Link:
			if !doc.HasStandIn(n.Destination) {
				f.links = addLink(f.links, f.from, string(n.Destination))
			}
		case *ast.Image:
			if !doc.HasStandIn(n.Destination) {
				f.links = addLink(f.links, f.from, string(n.Destination))
			}
		}
	})
}
