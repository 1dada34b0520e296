package site

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	xhtml "golang.org/x/net/html"

	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/segment"
)

// skipped returns the blocks of a Markdown page that a <!-- glot:skip -->
// keeps out of translation: the block after each, or, when that block is
// a {{% %}} pair on lines of its own, the blocks the pair holds.
func skipped(doc *render.Doc) []ast.Node {
	var out []ast.Node
	_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		h, ok := n.(*ast.HTMLBlock)
		if !ok || n.NextSibling() == nil {
			return ast.WalkContinue, nil
		}
		raw := h.Lines().Value(doc.Src)
		if h.HasClosure() {
			raw = append(append([]byte(nil), raw...), h.ClosureLine.Value(doc.Src)...)
		}
		if !segment.IsSkip(raw) {
			return ast.WalkContinue, nil
		}
		next := n.NextSibling()
		if end := doc.Partner(next); end != nil {
			for c := next.NextSibling(); c != end; c = c.NextSibling() {
				out = append(out, c)
			}
		} else {
			out = append(out, next)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// nodeRange returns the bytes of the body that block n covers.
func nodeRange(doc *render.Doc, n ast.Node) (int, int) {
	lo, hi := -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Type() == ast.TypeBlock {
			for k := 0; k < c.Lines().Len(); k++ {
				sg := c.Lines().At(k)
				if lo < 0 || sg.Start < lo {
					lo = sg.Start
				}
				hi = max(hi, sg.Stop)
			}
		}
		return ast.WalkContinue, nil
	})
	if lo < 0 {
		return 0, 0
	}
	return doc.At(lo), doc.At(hi)
}

// skipKey holds, in goldmark's parser context, the *htmlSkips that
// skippedHTMLPass fills in.
var skipKey = parser.NewContextKey()

// htmlSkips are the HTML blocks of a page kept out of translation, which
// show the source language: each element such a block opens and closes
// gets the source's lang (and dir), unless it has a lang of its own, and
// text outside any element a <span> with them (builder.htmlLang). Those
// marks go in the block's bytes, before the page is parsed for rendering,
// so the blocks are found by a parse of their own.
type htmlSkips struct {
	// segs are the spans of the page's segments: a block that holds one
	// is translated after all, and left alone.
	segs spanSet
	// ranges are the blocks' bytes in the body, in order.
	ranges [][2]int
}

// skippedHTMLPass finds a page's htmlSkips.
type skippedHTMLPass struct{}

func (skippedHTMLPass) Transform(_ *ast.Document, _ text.Reader, pc parser.Context) {
	s, _ := pc.Get(skipKey).(*htmlSkips)
	if s == nil {
		return
	}
	doc := render.DocOf(pc)
	for _, n := range skipped(doc) {
		if n.Kind() != ast.KindHTMLBlock {
			continue
		}
		lo, hi := nodeRange(doc, n)
		if h := n.(*ast.HTMLBlock); h.HasClosure() {
			hi = doc.At(h.ClosureLine.Stop)
		}
		if lo < hi && !s.segs.overlaps(lo, hi) {
			s.ranges = append(s.ranges, [2]int{lo, hi})
		}
	}
}

// skippedHTML returns the marks of the HTML blocks of body, a page's
// Markdown in lang whose segments are segs, kept out of translation.
func (b *builder) skippedHTML(body []byte, segs spanSet, lang string) []edit {
	s := &htmlSkips{segs: segs}
	md.Parse(body, render.Setting{Key: skipKey, Value: s})
	var edits []edit
	for _, r := range s.ranges {
		edits = append(edits, b.htmlLang(body, r[0], r[1], lang)...)
	}
	return edits
}

// voidElements have no end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// htmlLang marks body[lo:hi], HTML, as in the source language (see
// skippedHTML).
func (b *builder) htmlLang(body []byte, lo, hi int, lang string) []edit {
	attrs := b.sourceAttrs(lang)
	var edits []edit
	tag := func(start, end int) {
		for _, a := range segment.ScanAttrs(body, start, end) {
			if a.Name == "lang" {
				return
			}
		}
		at := end - 1
		if body[at-1] == '/' {
			at--
		}
		edits = append(edits, edit{at, at, attrs})
	}
	type open struct {
		name       string
		start, end int
	}
	var stack []open
	z := xhtml.NewTokenizer(bytes.NewReader(body[lo:hi]))
	pos := lo
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return edits
		}
		start := pos
		pos += len(z.Raw())
		name, _ := z.TagName()
		switch tt {
		case xhtml.StartTagToken:
			if voidElements[string(name)] {
				if len(stack) == 0 {
					tag(start, pos)
				}
				continue
			}
			stack = append(stack, open{string(name), start, pos})
		case xhtml.SelfClosingTagToken:
			if len(stack) == 0 {
				tag(start, pos)
			}
		case xhtml.EndTagToken:
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].name == string(name) {
					if k == 0 {
						tag(stack[0].start, stack[0].end)
					}
					stack = stack[:k]
					break
				}
			}
		case xhtml.TextToken:
			if len(stack) > 0 {
				continue
			}
			raw := string(body[start:pos])
			trimmed := strings.TrimSpace(raw)
			if trimmed == "" {
				continue
			}
			s := start + strings.Index(raw, trimmed)
			edits = append(edits, b.langSpan(lang, s, s+len(trimmed))...)
		}
	}
}
