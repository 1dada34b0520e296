package site

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
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

// skippedHTML marks the HTML blocks kept out of translation as shown in
// the source language: each element the block opens and closes gets the
// source's lang (and dir), unless it has a lang of its own, and text
// outside any element a <span> with them. A block that holds a segment is
// translated after all, and left alone.
func (b *builder) skippedHTML(doc *render.Doc, body []byte, segs spanSet, lang string) []edit {
	var edits []edit
	for _, n := range skipped(doc) {
		if n.Kind() != ast.KindHTMLBlock {
			continue
		}
		lo, hi := nodeRange(doc, n)
		if h := n.(*ast.HTMLBlock); h.HasClosure() {
			hi = doc.At(h.ClosureLine.Stop)
		}
		if lo >= hi || segs.overlaps(lo, hi) {
			continue
		}
		edits = append(edits, b.htmlLang(body, lo, hi, lang)...)
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
