package site

import (
	"bytes"
	"html/template"
	"path"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/segment"
)

// html writes page info in lang as HTML, res being its bytes in lang.
func (b *builder) html(info *pageInfo, lang string, res *render.Result, tr render.Translator) ([]byte, error) {
	curDir := path.Dir(b.outputPath(lang, info.page))
	data := b.pageData(info, lang, curDir, tr)
	if info.page.Kind == content.HTML {
		return b.htmlSource(info, lang, res, data, curDir)
	}
	body := b.markdownBody(info, lang, res)
	page := &mdPage{
		headingIDs: info.HeadingIDs,
		rewrite:    func(dest []byte) []byte { return b.rewrite(dest, info.page, lang, curDir) },
		sourceLang: b.newSourceLang(info, lang, res, body),
	}
	if b.o.Marks {
		page.marks = newPageMarks(info, tr, body.blocks)
	}
	doc := md.Parse(body.bytes, render.Setting{Key: pageKey, Value: page})
	out, err := md.Render(doc, b.htmlPage(doc, info, lang, curDir, data.Title, res.Bytes, body.translated))
	if err != nil {
		return nil, err
	}
	data.Content = template.HTML(out)
	html, err := b.ui.execute(lang, "page.html", data, len(data.Content))
	if err != nil || !b.o.Marks {
		return html, err
	}
	if id, title, ok := titleMark(info, tr); ok {
		html = markLayout(html, id, title)
	}
	return html, nil
}

// htmlSource writes an HTML page of the site in lang: its text shown in
// the source language says so (WCAG 3.1.2), for screen readers to switch
// voice, and its links point at the built site.
func (b *builder) htmlSource(info *pageInfo, lang string, res *render.Result, data *PageData, curDir string) ([]byte, error) {
	rewrite := func(u string) string { return string(b.rewrite([]byte(u), info.page, lang, curDir)) }
	edits := b.fallbackSpans(info, lang, res)
	if b.o.Marks {
		edits = append(edits, htmlPageMarks(info, res)...)
	}
	localized := editHTML(res.Bytes, edits, keepLinks)
	if info.Document {
		// A whole document stays itself: it gets its language, its
		// alternates and a switcher, and no layout.
		return localizeDocument(localized, data, b.docSwitcher(lang, data), rewrite)
	}
	data.Content = template.HTML(editHTML(localized, nil, rewrite))
	return b.ui.execute(lang, "page.html", data, len(data.Content))
}

// mdBody is the Markdown body of a page in a language as goldmark reads
// it: the HTML in it that shows the source language marked in its bytes,
// and the spans of its text that the passes and the shortcodes need, as
// offsets in it.
type mdBody struct {
	bytes []byte
	// fallback are the spans of Markdown text shown in the source
	// language; segs those of every segment, kept only on a page with
	// glot:skip (skips), where they matter; translated those of translated
	// text, kept only on a page with shortcodes, where they matter.
	fallback, segs, translated []render.Span
	skips                      bool
	// blocks are the spans of the Markdown blocks' segments, kept only
	// with Options.Marks.
	blocks []idSpan
}

// markdownBody is the body of Markdown page info in lang, whose bytes are
// res.
func (b *builder) markdownBody(info *pageInfo, lang string, res *render.Result) *mdBody {
	fm, _ := content.SplitFrontMatter(res.Bytes)
	body := &mdBody{bytes: res.Bytes[fm.Body:]}
	body.skips = lang != b.o.Config.SourceLanguage && bytes.Contains(body.bytes, []byte("glot:skip"))
	marks := body.spans(b, info, lang, res, fm.Body)
	if b.o.Marks {
		marks = append(marks, body.markSpans(info, res, fm.Body)...)
	}
	if body.skips {
		// An HTML block kept out of translation gets its lang in its
		// bytes too, which only a parse of the page finds.
		marks = append(marks, b.skippedHTML(body.bytes, newSpanSet(body.segs), lang)...)
	}
	if len(marks) > 0 {
		body.bytes = editHTML(body.bytes, marks, keepLinks)
		// The marks moved what follows them.
		sh := newShifts(marks)
		for _, list := range [][]render.Span{body.fallback, body.segs, body.translated} {
			for i := range list {
				list[i].Start, list[i].End = sh.moved(list[i].Start), sh.moved(list[i].End)
			}
		}
		for i := range body.blocks {
			body.blocks[i].start, body.blocks[i].end = sh.moved(body.blocks[i].start), sh.moved(body.blocks[i].end)
		}
	}
	return body
}

// spans sorts the spans of res, page info in lang, that lie in its body
// (which starts at offset start) into body's lists, and returns the marks
// of the HTML text shown in the source language: HTML blocks get their
// lang in their bytes, the Markdown blocks on their element (langPass).
func (body *mdBody) spans(b *builder, info *pageInfo, lang string, res *render.Result, start int) []edit {
	other := lang != b.o.Config.SourceLanguage
	shortcodes := bytes.Contains(body.bytes, []byte("{{<"))
	var marks []edit
	for _, sp := range res.Spans {
		if sp.Start < start {
			continue
		}
		in := render.Span{Start: sp.Start - start, End: sp.End - start}
		if body.skips {
			body.segs = append(body.segs, in)
		}
		sg := &info.Segs[sp.Segment]
		if shortcodes && !sp.Fallback && !bytes.Equal(res.Bytes[sp.Start:sp.End], info.src[sg.Start:sg.End]) {
			body.translated = append(body.translated, in)
		}
		if !sp.Fallback || !other {
			continue
		}
		if sg.Syntax == segment.HTMLText {
			marks = append(marks, b.langSpan(lang, in.Start, in.End)...)
		} else {
			body.fallback = append(body.fallback, in)
		}
	}
	return marks
}

// markSpans keeps in body the spans of res, page info, that hold the text
// of its Markdown blocks, and returns the marks of the HTML in its body
// (see Marks); the body starts at offset start.
func (body *mdBody) markSpans(info *pageInfo, res *render.Result, start int) []edit {
	for _, sp := range res.Spans {
		if sg := &info.Segs[sp.Segment]; sp.Start >= start && isBlockSegment(sg) {
			body.blocks = append(body.blocks, idSpan{sp.Start - start, sp.End - start, sg.ID})
		}
	}
	texts, attrs := splitMarks(info, res.Spans, start)
	return htmlMarks(body.bytes, texts, attrs)
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
