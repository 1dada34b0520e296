package render

import (
	"bytes"
	"regexp"
	"sort"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/glot-i18n/glot/internal/segment"
	"github.com/glot-i18n/glot/internal/shortcode"
)

// Markdown turns the Markdown body of a page into HTML as glot's HTML
// build shows it, running the page's Hugo shortcodes. It works in two
// steps, Parse and Render. The build's own passes over the tree (heading
// ids, links, the lang of text shown in the source language) are goldmark
// ASTTransformers given to NewMarkdown, which run as Parse parses and read
// the page they work on from the parser's context (see Setting):
//
//	md := render.NewMarkdown(headingIDs{}, links{})
//	doc := md.Parse(body, render.Setting{Key: pageKey, Value: page}) // Markdown with shortcodes in
//	html, err := md.Render(doc, htmlPage)                           // HTML out
//
// Goldmark never sees a shortcode. Parse puts a stand-in in place of each
// one, a word of letters and digits that Markdown reads as text: a tag
// alone, or a {{< >}} pair with its inner content, which is not Markdown,
// stands as one word; each tag of a {{% %}} pair stands as a word of its
// own, and the Markdown between them is read as part of the page, as Hugo
// reads it. A {{% %}} pair whose tags are each alone on their line stands
// as blocks of their own, so that what it holds is read as blocks, not as
// a paragraph that begins with the opening tag. Render then puts each
// shortcode's output where its stand-in came out of goldmark. A stand-in
// alone in a paragraph takes the paragraph's place, as Hugo does, so that
// a block of HTML is not put inside a <p>.
type Markdown struct {
	md goldmark.Markdown
}

// NewMarkdown returns the Markdown renderer of glot's HTML build: goldmark
// as glot reads pages (segment.Goldmark), raw HTML kept, since it is the
// site owner's and a translation cannot add any. The passes run in the
// order given, after goldmark's own (the footnote list is made by then).
func NewMarkdown(passes ...parser.ASTTransformer) *Markdown {
	transformers := []util.PrioritizedValue{util.Prioritized(docRoot{}, 0)}
	for i, p := range passes {
		transformers = append(transformers, util.Prioritized(p, firstPass+i))
	}
	return &Markdown{md: segment.Goldmark(
		goldmark.WithParserOptions(
			parser.WithBlockParsers(util.Prioritized(standInParser{}, 100)),
			parser.WithASTTransformers(transformers...),
		),
		goldmark.WithRendererOptions(ghtml.WithUnsafe(), renderer.WithNodeRenderers(util.Prioritized(standInRenderer{}, 100))),
	)}
}

// Doc is a page body parsed for rendering.
type Doc struct {
	Root ast.Node
	// Src is the text goldmark read: the body, each shortcode a stand-in.
	// The positions in Root are in Src; At maps them to the body.
	Src  []byte
	body []byte
	scs  []shortcode.Shortcode
	role []role
	// parent is the index of the opening tag of the pair each tag is in,
	// -1 for none; ordinal its place among the shortcodes of that pair.
	parent, ordinal []int
	prefix          string
	moves           []move
}

// role is what a tag is in a Doc.
type role uint8

const (
	roleAlone  role = iota // a tag that stands alone: its output takes its place
	roleOpen               // opens a {{% %}} pair, whose inner content is part of the page
	roleClose              // closes one
	roleRaw                // opens a {{< >}} pair: it, its inner content and its closing tag stand as one
	roleInside             // lies inside a {{< >}} pair
)

// move says that Src[src:srcEnd], a stand-in, is body[body:bodyEnd].
type move struct{ src, srcEnd, body, bodyEnd int }

// Parse reads body, a page's Markdown with its front matter left out.
// The settings are put in the parser's context for the passes to read.
func (m *Markdown) Parse(body []byte, settings ...Setting) *Doc {
	d := &Doc{Src: body, body: body, scs: shortcode.Find(body)}
	if len(d.scs) > 0 {
		d.protect()
	}
	pc := parser.NewContext()
	if d.prefix != "" {
		ids := headingIDs{ids: pc.IDs(), prefix: d.prefix, standIn: regexp.MustCompile(regexp.QuoteMeta(d.prefix) + `B?[0-9]{1,9}Z`)}
		pc = parser.NewContext(parser.WithIDs(ids))
		pc.Set(prefixKey, d.prefix)
	}
	pc.Set(docKey, d)
	for _, s := range settings {
		pc.Set(s.Key, s.Value)
	}
	d.Root = m.md.Parser().Parse(text.NewReader(d.Src), parser.WithContext(pc))
	return d
}

// HasShortcodes reports whether the page has shortcodes to run.
func (d *Doc) HasShortcodes() bool { return len(d.scs) > 0 }

// At returns where offset i of d.Src is in the body; an offset inside a
// stand-in is the start of its shortcode.
func (d *Doc) At(i int) int {
	k := sort.Search(len(d.moves), func(k int) bool { return d.moves[k].src > i }) - 1
	if k < 0 {
		return i
	}
	mv := d.moves[k]
	if i < mv.srcEnd {
		return mv.body
	}
	return i - mv.srcEnd + mv.bodyEnd
}

// HasStandIn reports whether b, text of d.Src (a link's destination, say),
// holds a shortcode's stand-in.
func (d *Doc) HasStandIn(b []byte) bool {
	return d.prefix != "" && bytes.Contains(b, []byte(d.prefix))
}

// Partner returns, for n a block standing for the opening tag of a
// {{% %}} pair on lines of its own, the block standing for its closing
// tag, when it follows n in the same container; else nil.
func (d *Doc) Partner(n ast.Node) ast.Node {
	b, ok := n.(*standInBlock)
	if !ok || d.role[b.n] != roleOpen {
		return nil
	}
	for c := n.NextSibling(); c != nil; c = c.NextSibling() {
		if cb, ok := c.(*standInBlock); ok && cb.n == d.scs[b.n].Partner {
			return c
		}
	}
	return nil
}
