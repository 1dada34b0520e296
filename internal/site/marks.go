package site

import (
	"html"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/segment"
)

// Marks (Options.Marks) say, in a page's HTML, where each of its messages
// stands, for the in-page editor to outline it: the element that shows a
// segment's text gets data-glot-id="<message id>", and an element that
// holds segments with no element of their own (an image's alt text, an
// HTML attribute) gets data-glot-ids="<id> <id>".
//
//   - A Markdown block (paragraph, heading, list item, table cell, a
//     paragraph of a blockquote) is marked on its element, found as
//     langPass finds the blocks shown in the source language.
//   - A text of HTML (an HTML page, an HTML block of a Markdown page)
//     marks the element it is the whole content of, else it is wrapped
//     in a <span data-glot-id>; in an element that shows no markup
//     (<title>, <textarea>, <option>) it is marked only when it is the
//     whole content.
//   - A front matter title is marked on the layout's <title> and <h1>
//     that show it, when they do.
//   - Alt text of a Markdown image marks the <img>; an HTML attribute of
//     a segment that is not nested in another marks its tag.
//
// Left out, for the editor to list beside the page: the front matter
// values not shown as text of their own (a description, shown only in a
// <meta>), link and image titles, and the attributes of HTML inside a
// segment's text (an <img alt> inside a paragraph), whose tags come out
// of the splice with no position the build keeps. Marks add attributes
// and spans only: without them, every output is as it was.

// idSpan is a span of a page's bytes and the message shown in it.
type idSpan struct {
	start, end int
	id         string
}

// pageMarks is what the mark pass knows of a page in a language: the
// spans of its Markdown blocks' segments, in the body's offsets and in
// order, and the messages of its alt texts by the text shown.
type pageMarks struct {
	blocks []idSpan
	alts   map[string]string // plain alt text -> "id id"
}

// newPageMarks is the pageMarks of page info with tr, whose Markdown
// block segments stand at blocks.
func newPageMarks(info *pageInfo, tr render.Translator, blocks []idSpan) *pageMarks {
	m := &pageMarks{blocks: blocks, alts: map[string]string{}}
	sort.SliceStable(m.blocks, func(i, j int) bool { return m.blocks[i].start < m.blocks[j].start })
	for i := range info.Segs {
		sg := &info.Segs[i]
		if sg.Kind != "alt" || sg.Syntax == segment.HTMLAttr {
			continue
		}
		alt := strings.Join(strings.Fields(render.PlainText(sg, translated(sg, tr))), " ")
		if ids := strings.Fields(m.alts[alt]); !slices.Contains(ids, sg.ID) {
			m.alts[alt] = strings.Join(append(ids, sg.ID), " ")
		}
	}
	return m
}

// block returns the index of the block span that holds offset at, or -1.
func (m *pageMarks) block(at int) int {
	i := sort.Search(len(m.blocks), func(i int) bool { return m.blocks[i].end > at })
	if i < len(m.blocks) && m.blocks[i].start <= at {
		return i
	}
	return -1
}

// isBlockSegment reports whether segment s is the text of a Markdown block
// of its own: not alt text or a title, which lie inside a block's markup.
func isBlockSegment(s *segment.Segment) bool {
	switch {
	case s.Syntax == segment.HTMLText || s.Syntax == segment.HTMLAttr || s.Syntax == segment.MarkdownTitle:
		return false
	case s.Kind == "alt" || s.Kind == "link title" || s.Kind == "image title":
		return false
	}
	return true
}

// markPass marks the elements of a page's Markdown blocks with their
// message's id, and its images with their alt text's (see Marks). Each
// segment marks one block: the first whose text starts in it.
type markPass struct{}

func (markPass) Transform(root *ast.Document, _ text.Reader, pc parser.Context) {
	p, doc := pageOf(pc)
	if p == nil || p.marks == nil {
		return
	}
	m := p.marks
	used := make([]bool, len(m.blocks))
	walkEntering(root, func(n ast.Node) {
		if img, ok := n.(*ast.Image); ok {
			if ids := m.alts[plainAlt(img, doc.Src)]; ids != "" {
				img.SetAttributeString("data-glot-ids", []byte(ids))
			}
		}
		if n.Type() != ast.TypeBlock || n.Kind() == ast.KindHTMLBlock || n.Lines().Len() == 0 {
			return
		}
		i := m.block(doc.At(n.Lines().At(0).Start))
		if i < 0 || used[i] {
			return
		}
		used[i] = true
		target := n
		if n.Kind() == ast.KindTextBlock {
			// A tight list item's text has no element of its own.
			target = n.Parent()
		}
		target.SetAttributeString("data-glot-id", []byte(m.blocks[i].id))
	})
}

// tag is a tag of an HTML text: its name ("/p" for an end tag), its
// bytes' range and, for a start tag, its attributes.
type tag struct {
	name       string
	start, end int
	attrs      []segment.Attr
}

// rawText are the elements whose content a browser shows as text: a
// <span> in them would show as its markup.
var rawText = map[string]bool{"title": true, "textarea": true, "option": true, "script": true, "style": true}

// htmlMarks returns the edits that mark, in HTML src, the text segments
// standing at texts and the attribute segments standing at attrs.
func htmlMarks(src []byte, texts, attrs []idSpan) []edit {
	if len(texts) == 0 && len(attrs) == 0 {
		return nil
	}
	var tags []tag
	forTags(src, func(name string, start, end int, a []segment.Attr) {
		tags = append(tags, tag{name, start, end, a})
	})
	// after returns the index of the first tag that starts at or after i.
	after := func(i int) int { return sort.Search(len(tags), func(k int) bool { return tags[k].start >= i }) }
	blank := func(b []byte) bool { return len(strings.TrimSpace(string(b))) == 0 }
	var edits []edit
	marked := map[int]bool{} // tags given a data-glot-id
	for _, sp := range texts {
		open, close := after(sp.start)-1, after(sp.end)
		whole := open >= 0 && close < len(tags) && tags[open].end <= sp.start && tags[close].name == "/"+tags[open].name &&
			!strings.HasPrefix(tags[open].name, "/") && blank(src[tags[open].end:sp.start]) && blank(src[sp.end:tags[close].start]) &&
			balanced(tags[open+1:close], tags[open].name) && !marked[open]
		switch {
		case whole:
			marked[open] = true
			edits = append(edits, setAttrs(src, tags[open].end, tags[open].attrs, [][2]string{{"data-glot-id", sp.id}})...)
		case open >= 0 && rawText[tags[open].name]:
			// No span can stand here, and the element holds more.
		default:
			edits = append(edits,
				edit{sp.start, sp.start, `<span data-glot-id="` + html.EscapeString(sp.id) + `">`},
				edit{sp.end, sp.end, "</span>"})
		}
	}
	holders := map[int][]string{}
	for _, sp := range attrs {
		k := after(sp.start+1) - 1
		if k >= 0 && tags[k].end >= sp.end && !slices.Contains(holders[k], sp.id) {
			holders[k] = append(holders[k], sp.id)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(holders)) {
		edits = append(edits, setAttrs(src, tags[k].end, tags[k].attrs, [][2]string{{"data-glot-ids", strings.Join(holders[k], " ")}})...)
	}
	return edits
}

// balanced reports whether tags open as many elements called name as
// they close, so that the end tag after them closes the one before them.
func balanced(tags []tag, name string) bool {
	n := 0
	for _, t := range tags {
		switch t.name {
		case name:
			n++
		case "/" + name:
			n--
		}
		if n < 0 {
			return false
		}
	}
	return n == 0
}

// htmlPageMarks are the marks of an HTML page in a language, whose bytes
// are res.
func htmlPageMarks(info *pageInfo, res *render.Result) []edit {
	texts, attrs := splitMarks(info, res.Spans, 0)
	return htmlMarks(res.Bytes, texts, attrs)
}

// splitMarks sorts the spans that start at or after offset start into
// the HTML text and HTML attribute segments, as offsets from start.
func splitMarks(info *pageInfo, spans []render.Span, start int) (texts, attrs []idSpan) {
	for _, sp := range spans {
		if sp.Start < start {
			continue
		}
		sg := &info.Segs[sp.Segment]
		s := idSpan{sp.Start - start, sp.End - start, sg.ID}
		switch sg.Syntax {
		case segment.HTMLText:
			texts = append(texts, s)
		case segment.HTMLAttr:
			attrs = append(attrs, s)
		}
	}
	return texts, attrs
}

// markLayout marks, in a page's HTML made by the layout, the <title> and
// <h1> elements that show the page's front matter title, whose message is
// id, and which no mark claims yet.
func markLayout(out []byte, id, title string) []byte {
	var tags []tag
	forTags(out, func(name string, start, end int, a []segment.Attr) {
		tags = append(tags, tag{name, start, end, a})
	})
	var edits []edit
	for k := 0; k+1 < len(tags); k++ {
		t := tags[k]
		if t.name != "title" && t.name != "h1" || tags[k+1].name != "/"+t.name {
			continue
		}
		if slices.ContainsFunc(t.attrs, func(a segment.Attr) bool { return a.Name == "data-glot-id" }) {
			continue
		}
		if strings.TrimSpace(html.UnescapeString(string(out[t.end:tags[k+1].start]))) != title {
			continue
		}
		edits = append(edits, setAttrs(out, t.end, t.attrs, [][2]string{{"data-glot-id", id}})...)
	}
	if edits == nil {
		return out
	}
	return editHTML(out, edits, keepLinks)
}

// titleMark is the message and text of the front matter title of page
// info with tr, if it has one: the layout shows it.
func titleMark(info *pageInfo, tr render.Translator) (id, title string, ok bool) {
	for i := range info.Segs {
		if s := &info.Segs[i]; s.Kind == "title" && s.Syntax != segment.HTMLText {
			return s.ID, render.PlainText(s, translated(s, tr)), true
		}
	}
	return "", "", false
}
