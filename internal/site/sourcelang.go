package site

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/segment"
)

// langSpan wraps bytes [start, end) of a page in lang in a span in the
// source language, with its direction when it is not lang's: English on an
// Arabic page is laid out left to right.
func (b *builder) langSpan(lang string, start, end int) []edit {
	return []edit{
		{start, start, `<span` + b.sourceAttrs(lang) + `>`},
		{end, end, "</span>"},
	}
}

// sourceAttrs are the attributes of an element of a page in lang that
// shows source text: ` lang="en"`, and ` dir="ltr"` on a right-to-left
// page.
func (b *builder) sourceAttrs(lang string) string {
	src := b.o.Config.SourceLanguage
	a := ` lang="` + html.EscapeString(src) + `"`
	if d := langtag.Dir(src); d != langtag.Dir(lang) {
		a += ` dir="` + d + `"`
	}
	return a
}

// fallbackSpans marks the text of an HTML page shown in the source
// language.
func (b *builder) fallbackSpans(info *pageInfo, lang string, res *render.Result) []edit {
	if lang == b.o.Config.SourceLanguage || langtag.IsPseudo(lang) {
		return nil
	}
	var edits []edit
	for _, sp := range res.Spans {
		if sp.Fallback && info.Segs[sp.Segment].Syntax == segment.HTMLText && info.Segs[sp.Segment].Kind != "title" {
			edits = append(edits, b.langSpan(lang, sp.Start, sp.End)...)
		}
	}
	return edits
}

// sourceLang is what the lang pass knows of a page in a language: which
// of its text is shown in the source language, for the elements that show
// it to say so (WCAG 3.1.2), so that screen readers switch voice. Spans
// are offsets in the page's body, which the Doc's At maps the tree's
// positions to.
type sourceLang struct {
	// shownInSource are the spans of Markdown text shown in the source
	// language.
	shownInSource spanSet
	// fallbackAlts are the alt texts shown in the source language. Alt
	// text lies inside the markup of its block, so it has no span of its
	// own in the output; it is known by its text, which is its message's.
	fallbackAlts map[string]bool
	// skips says the page has blocks kept out of translation (glot:skip),
	// and segments are the spans of its segments then: a skipped block
	// that holds none shows the source language.
	skips    bool
	segments spanSet
	// lang and dir are the attributes a marked element gets; dir is nil
	// when the source language has the page's direction.
	lang, dir []byte
}

// newSourceLang is the sourceLang of page info in lang, whose body has
// the spans of body.
func (b *builder) newSourceLang(info *pageInfo, lang string, res *render.Result, body *mdBody) sourceLang {
	src := b.o.Config.SourceLanguage
	s := sourceLang{
		shownInSource: newSpanSet(body.fallback),
		fallbackAlts:  map[string]bool{},
		skips:         body.skips,
		lang:          []byte(src),
	}
	if body.skips {
		s.segments = newSpanSet(body.segs)
	}
	if d := langtag.Dir(src); d != langtag.Dir(lang) {
		s.dir = []byte(d)
	}
	if lang == src {
		return s
	}
	for _, f := range res.Fallbacks {
		if sg := &info.Segs[f.Segment]; sg.Kind == "alt" && sg.Syntax != segment.HTMLAttr {
			s.fallbackAlts[render.PlainText(sg, sg.Text)] = true
		}
	}
	return s
}

// mark says that element n shows the source language.
func (s *sourceLang) mark(n ast.Node) {
	n.SetAttributeString("lang", s.lang)
	if s.dir != nil {
		n.SetAttributeString("dir", s.dir)
	}
}

// langPass marks the elements of a page in a language that show the
// source language: the blocks of text shown in it, the images whose alt
// text is, and the blocks kept out of translation. HTML blocks are not
// marked here: their marks are in their bytes (builder.markdownBody).
type langPass struct{}

func (langPass) Transform(root *ast.Document, _ text.Reader, pc parser.Context) {
	p, doc := pageOf(pc)
	if p == nil {
		return
	}
	s := &p.sourceLang
	walkEntering(root, func(n ast.Node) {
		if img, ok := n.(*ast.Image); ok && len(s.fallbackAlts) > 0 {
			// Alt text shown in the source language in a translated
			// block: the image says so.
			if s.fallbackAlts[plainAlt(img, doc.Src)] && !s.shownInSource.has(doc.At(blockStart(img))) {
				s.mark(img)
			}
		}
		if n.Type() == ast.TypeBlock && n.Kind() != ast.KindHTMLBlock && n.Lines().Len() > 0 && s.shownInSource.has(doc.At(n.Lines().At(0).Start)) {
			// A tight list item's text has no element of its own: its
			// lang goes on the item.
			target := n
			if n.Kind() == ast.KindTextBlock {
				target = n.Parent()
			}
			s.mark(target)
		}
	})
	if !s.skips {
		return
	}
	// A block kept out of translation shows the source language.
	for _, n := range skipped(doc) {
		if n.Kind() != ast.KindHTMLBlock && n.Kind() != ast.KindFencedCodeBlock && n.Kind() != ast.KindCodeBlock && !s.segments.overlaps(nodeRange(doc, n)) {
			s.mark(n)
		}
	}
}

// plainAlt is the alt text goldmark writes for image n.
func plainAlt(n *ast.Image, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// blockStart is where the text of the block around inline node n starts.
func blockStart(n ast.Node) int {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return -1
}
