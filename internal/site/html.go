package site

import (
	"bytes"
	"html/template"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/segment"
)

// md renders pages to HTML, running their shortcodes. Raw HTML in a page
// is the site owner's and is kept; a translation cannot add any, because
// the splice escapes "<".
var md = render.NewMarkdown()

func (b *builder) html(info *pageInfo, lang string, res *render.Result, tr render.Translator) ([]byte, error) {
	curDir := path.Dir(b.outputPath(lang, info.page))
	data := b.pageData(info, lang, curDir, tr)
	rewrite := func(u string) string { return string(b.rewrite([]byte(u), info.page, lang, curDir)) }
	if info.page.Kind == content.HTML {
		// Text shown in the source language says so (WCAG 3.1.2), for
		// screen readers to switch voice.
		localized := editHTML(res.Bytes, b.fallbackSpans(info, lang, res), func(u string) string { return u })
		if info.Document {
			// A whole document stays itself: it gets its language, its
			// alternates and a switcher, and no layout.
			return localizeDocument(localized, data, b.docSwitcher(lang, data), rewrite)
		}
		data.Content = template.HTML(editHTML(localized, nil, rewrite))
		return b.ui.execute(lang, "page.html", data, len(data.Content))
	}
	fm, _ := content.SplitFrontMatter(res.Bytes)
	body := res.Bytes[fm.Body:]
	other := lang != b.o.Config.SourceLanguage
	// HTML blocks that show source text get their lang in the bytes; the
	// Markdown blocks get it on their element, below.
	var marks []edit
	var fallback, segs, translated []render.Span
	// Where the segments are matters to glot:skip, and where translated
	// text is to shortcodes; pages with neither keep no list.
	skips := other && bytes.Contains(body, []byte("glot:skip"))
	shortcodes := bytes.Contains(body, []byte("{{<"))
	for _, sp := range res.Spans {
		if sp.Start < fm.Body {
			continue
		}
		in := render.Span{Start: sp.Start - fm.Body, End: sp.End - fm.Body}
		if skips {
			segs = append(segs, in)
		}
		sg := &info.Segs[sp.Segment]
		if shortcodes && !sp.Fallback && !bytes.Equal(res.Bytes[sp.Start:sp.End], info.src[sg.Start:sg.End]) {
			translated = append(translated, in)
		}
		if !sp.Fallback || !other {
			continue
		}
		if sg.Syntax == segment.HTMLText {
			marks = append(marks, b.langSpan(lang, in.Start, in.End)...)
		} else {
			fallback = append(fallback, in)
		}
	}
	if skips {
		// An HTML block kept out of translation gets its lang in its
		// bytes too, which only a parse of the page finds.
		marks = append(marks, b.skippedHTML(md.Parse(body), body, newSpanSet(segs), lang)...)
	}
	if len(marks) > 0 {
		body = editHTML(body, marks, func(u string) string { return u })
		// The marks moved what follows them.
		sh := newShifts(marks)
		for _, list := range [][]render.Span{fallback, segs, translated} {
			for i := range list {
				list[i].Start, list[i].End = sh.moved(list[i].Start), sh.moved(list[i].End)
			}
		}
	}
	shownInSource := newSpanSet(fallback)
	doc := md.Parse(body)
	at := doc.At
	i := 0
	src := []byte(b.o.Config.SourceLanguage)
	var srcDir []byte
	if d := langtag.Dir(b.o.Config.SourceLanguage); d != langtag.Dir(lang) {
		srcDir = []byte(d)
	}
	// The alt texts shown in the source language. Alt text lies inside
	// the markup of its block, so it has no span of its own in the output;
	// it is known by its text, which is its message's.
	fallbackAlts := map[string]bool{}
	for _, f := range res.Fallbacks {
		if sg := &info.Segs[f.Segment]; sg.Kind == "alt" && sg.Syntax != segment.HTMLAttr && other {
			fallbackAlts[render.PlainText(sg, sg.Text)] = true
		}
	}
	mark := func(n ast.Node) {
		n.SetAttributeString("lang", src)
		if srcDir != nil {
			n.SetAttributeString("dir", srcDir)
		}
	}
	_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if i < len(info.HeadingIDs) && info.HeadingIDs[i] != nil {
				n.SetAttributeString("id", info.HeadingIDs[i])
			}
			i++
		case *ast.Link:
			if !doc.HasStandIn(n.Destination) {
				n.Destination = b.rewrite(n.Destination, info.page, lang, curDir)
			}
		case *ast.Image:
			if !doc.HasStandIn(n.Destination) {
				n.Destination = b.rewrite(n.Destination, info.page, lang, curDir)
			}
			// Alt text shown in the source language in a translated
			// block: the image says so.
			if fallbackAlts[plainAlt(n, doc.Src)] && !shownInSource.has(at(blockStart(n))) {
				mark(n)
			}
		}
		if n.Type() == ast.TypeBlock && n.Kind() != ast.KindHTMLBlock && n.Lines().Len() > 0 && shownInSource.has(at(n.Lines().At(0).Start)) {
			// A tight list item's text has no element of its own: its
			// lang goes on the item.
			target := n
			if n.Kind() == ast.KindTextBlock {
				target = n.Parent()
			}
			mark(target)
		}
		return ast.WalkContinue, nil
	})
	if skips {
		// A block kept out of translation shows the source language.
		hasSegment := newSpanSet(segs)
		for _, n := range skipped(doc) {
			if n.Kind() != ast.KindHTMLBlock && n.Kind() != ast.KindFencedCodeBlock && n.Kind() != ast.KindCodeBlock && !hasSegment.overlaps(nodeRange(doc, n)) {
				mark(n)
			}
		}
	}
	out, err := md.Render(doc, b.htmlPage(doc, info, lang, curDir, data.Title, res.Bytes, translated))
	if err != nil {
		return nil, err
	}
	data.Content = template.HTML(out)
	return b.ui.execute(lang, "page.html", data, len(data.Content))
}

// htmlPage is what the shortcodes of a page in lang see of it, and what
// the build tells them; nil for a page without shortcodes. localized is
// the page's Markdown in lang, and translated the spans of its body that
// hold translated text.
func (b *builder) htmlPage(doc *render.Doc, info *pageInfo, lang, curDir, title string, localized []byte, translated []render.Span) *render.HTMLPage {
	if !doc.HasShortcodes() {
		return nil
	}
	srcFM, _ := content.SplitFrontMatter(info.src)
	return &render.HTMLPage{
		File:      path.Join(b.o.Config.ContentDir, info.page.Path),
		Source:    info.src[srcFM.Body:],
		FirstLine: 1 + bytes.Count(info.src[:srcFM.Body], []byte("\n")),
		Title:     title,
		Lang:      lang,
		Params:    content.Values(localized),
		Templates: b.ui.shortcodes(lang),
		Ref: func(target, l string, abs bool) (string, error) {
			return b.ref(info.page, target, l, abs, lang, curDir)
		},
		Link:       func(u string) string { return string(b.rewrite([]byte(u), info.page, lang, curDir)) },
		Translated: spanRanges(translated),
	}
}

func spanRanges(spans []render.Span) [][2]int {
	out := make([][2]int, len(spans))
	for i, sp := range spans {
		out[i] = [2]int{sp.Start, sp.End}
	}
	return out
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
