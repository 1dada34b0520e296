package site

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	xhtml "golang.org/x/net/html"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/segment"
)

// md renders pages to HTML, running their shortcodes. Raw HTML in a page
// is the site owner's and is kept; a translation cannot add any, because
// the splice escapes "<".
var md = render.NewMarkdown()

// Version is one language version of a page, for switchers and alternate
// links.
type Version struct {
	Lang     string
	Name     string // the language's name in that language
	Dir      string
	Href     string // relative to the current page
	URL      string // absolute
	Hreflang string
	Current  bool
}

// PageData is what a page layout is executed with.
type PageData struct {
	Lang, Dir   string
	SourceLang  string
	Title       string
	Description string
	SiteTitle   string // the home page's title, in this language
	// SiteTitleLang is the language SiteTitle is in when it is not Lang
	// (it has no translation): for its element's lang attribute.
	SiteTitleLang string
	SiteTitleDir  string        // its direction, when it is not Dir
	Home          string        // relative link to this language's home page
	Content       template.HTML // the page's body
	Canonical     string        // absolute URL of this page; "" for a pseudo-language
	Languages     []Version     // every language version built, for the switcher
	Alternates    []Version     // hreflang alternates, x-default included
	Root          string        // relative path from this page to the output root
	Path          string        // the source page, relative to the content folder
	IsPseudo      bool
	// NotFound says the page is a language's 404 page (notFoundPage):
	// no page's content, and not for search engines.
	NotFound bool
	BaseURL  string
	// Untranslated says the page is below the site's completeness
	// threshold and shows parts in the source language; Outdated that it
	// uses translations made for an earlier version of its source.
	Untranslated, Outdated bool
	ReadingTime            int    // in minutes
	LastUpdated            string // the date, written for the language; "" when unknown
}

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

func (b *builder) pageData(info *pageInfo, lang, curDir string, tr render.Translator) *PageData {
	cfg := b.o.Config
	v := b.versions[info.page.Path]
	d := &PageData{
		Lang:         lang,
		Dir:          langtag.Dir(lang),
		SourceLang:   cfg.SourceLanguage,
		Title:        info.title(lang, b, tr),
		Description:  description(info, lang, b, tr),
		SiteTitle:    b.home[lang],
		Root:         relURL(curDir, ""),
		Path:         info.page.Path,
		IsPseudo:     langtag.IsPseudo(lang),
		BaseURL:      cfg.BaseURL,
		Canonical:    cfg.BaseURL + b.url(lang, info.page),
		Untranslated: v.percent[lang] < cfg.Build.Threshold,
		Outdated:     v.stale[lang],
		ReadingTime:  info.readingTime(tr),
	}
	if info.HasDate {
		d.LastUpdated = formatDate(b.ui.numbers(lang), info.Date)
	}
	if home, ok := b.homePage(); ok {
		d.Home = relURL(curDir, b.builtURL(lang, home))
	}
	if d.IsPseudo {
		// A pseudo-language is for looking at, not for search engines.
		d.Canonical = ""
	}
	b.siteTitle(d, lang)
	for _, l := range b.emitted(info.page) {
		u := b.url(l, info.page)
		v := Version{Lang: l, Name: langtag.Name(l), Dir: langtag.Dir(l), Href: relURL(curDir, u), URL: cfg.BaseURL + u, Hreflang: l, Current: l == lang}
		d.Languages = append(d.Languages, v)
		if !d.IsPseudo {
			d.Alternates = append(d.Alternates, v)
		}
	}
	if !d.IsPseudo {
		d.Alternates = append(d.Alternates, Version{Hreflang: "x-default", URL: cfg.BaseURL + b.url(cfg.SourceLanguage, info.page)})
	}
	return d
}

// homePage returns the site's home page, if it has one.
func (b *builder) homePage() (content.Page, bool) {
	for _, p := range []string{"index.md", "_index.md", "index.html"} {
		if pg, ok := b.pageSet[p]; ok {
			return pg, true
		}
	}
	return content.Page{}, false
}

// description is the page's description in lang, from its front matter or
// its <meta name="description">.
func description(info *pageInfo, lang string, b *builder, tr render.Translator) string {
	t, _, _ := info.text(lang, b, tr, "description")
	return t
}

// rewrite points a relative link to another page of the site at that
// page's version in the same language (or in the source language, when the
// page is not built in this one), and a link to an asset at the one copy
// of it in the output root. Other links are left alone.
func (b *builder) rewrite(dest []byte, from content.Page, lang, curDir string) []byte {
	target, ok := linkTarget(from.Path, string(dest))
	if !ok {
		return dest
	}
	u, _ := url.Parse(string(dest))
	var to string
	if p, ok := b.findPage(target); ok {
		to = b.builtURL(lang, p)
	} else if b.assetSet[target] {
		to = target
	} else {
		return dest
	}
	out := relURL(curDir, to)
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		out += "#" + u.EscapedFragment()
	}
	return []byte(out)
}

// findPage finds the page a link's path names: the page itself, or the
// index page of a folder.
func (b *builder) findPage(target string) (content.Page, bool) {
	p, ok := b.linkSet[target]
	return p, ok
}

// relURL returns a relative URL from a page in folder fromDir to target,
// both relative to the output root. A target ending in "/" is a folder.
func relURL(fromDir, target string) string {
	from := splitPath(fromDir)
	dirTarget := target == "" || strings.HasSuffix(target, "/")
	to := splitPath(target)
	i := 0
	for i < len(from) && i < len(to) && from[i] == to[i] {
		i++
	}
	var parts []string
	for range from[i:] {
		parts = append(parts, "..")
	}
	parts = append(parts, to[i:]...)
	s := strings.Join(parts, "/")
	switch {
	case s == "":
		return "./"
	case dirTarget:
		return s + "/"
	}
	return s
}

func splitPath(p string) []string {
	p = strings.Trim(path.Clean("/"+p), "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// linkAttrs are the attributes that hold a URL, for each element that has
// them.
var linkAttrs = map[string][]string{
	"a": {"href"}, "area": {"href"}, "link": {"href"}, "img": {"src", "srcset"}, "source": {"src", "srcset"},
	"script": {"src"}, "iframe": {"src"}, "audio": {"src"}, "video": {"src", "poster"}, "track": {"src"},
	"embed": {"src"}, "object": {"data"}, "form": {"action"}, "input": {"src"},
}

// edit is a change to bytes: [start, end) replaced with text.
type edit struct {
	start, end int
	text       string
}

// editHTML returns src with the edits made and its links rewritten by
// rewrite. Edits must not overlap the links.
func editHTML(src []byte, edits []edit, rewrite func(string) string) []byte {
	forTags(src, func(name string, start, end int, attrs []segment.Attr) {
		for _, a := range attrs {
			if a.ValStart < 0 || !slices.Contains(linkAttrs[name], a.Name) || a.Name == "srcset" {
				continue
			}
			if to := rewrite(a.Value); to != a.Value {
				edits = append(edits, edit{a.ValStart, a.ValEnd, html.EscapeString(to)})
			}
		}
	})
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var out []byte
	last := 0
	for _, e := range edits {
		if e.start < last {
			continue
		}
		out = append(out, src[last:e.start]...)
		out = append(out, e.text...)
		last = e.end
	}
	return append(out, src[last:]...)
}

// forTags calls f with every tag of src: its name, its bytes' range and,
// for a start tag, its attributes. An end tag's name starts with "/".
func forTags(src []byte, f func(name string, start, end int, attrs []segment.Attr)) {
	z := xhtml.NewTokenizer(bytes.NewReader(src))
	pos := 0
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return
		}
		start := pos
		pos += len(z.Raw())
		switch tt {
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			f(string(name), start, pos, segment.ScanAttrs(src, start, pos))
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			f("/"+string(name), start, pos, nil)
		}
	}
}

// docSwitcher is the language switcher of a whole document in lang: a
// <nav> of links to the document's other versions, each named in its own
// language, with no style of its own, so that it takes the document's.
// It is "" when the document is built in one language only.
func (b *builder) docSwitcher(lang string, d *PageData) string {
	if len(d.Languages) < 2 {
		return ""
	}
	var w strings.Builder
	w.WriteString(`<nav class="glot-languages"`)
	if label, err := b.ui.localizer(lang)("ui-languages"); err == nil && label != "" {
		fmt.Fprintf(&w, ` aria-label="%s"`, html.EscapeString(label))
		if l := b.ui.langOf(lang)("ui-languages"); l != lang {
			fmt.Fprintf(&w, ` lang="%s"`, html.EscapeString(l))
		}
	}
	w.WriteString(">")
	for i, v := range d.Languages {
		if i > 0 {
			w.WriteString(" · ")
		}
		fmt.Fprintf(&w, `<a href="%s" hreflang="%s" lang="%s" dir="%s"`, html.EscapeString(v.Href), html.EscapeString(v.Lang), html.EscapeString(v.Lang), v.Dir)
		if v.Current {
			w.WriteString(` aria-current="page"`)
		}
		fmt.Fprintf(&w, ">%s</a>", html.EscapeString(v.Name))
	}
	w.WriteString("</nav>\n")
	return w.String()
}

// localizeDocument makes a whole HTML document the version of d.Lang: lang
// and dir on its <html>, its canonical and alternate links in its <head>,
// switcher (when not "") at the end of its <body>, its links rewritten.
// Everything else keeps its bytes. A document without a <body> tag gets
// no switcher: there is no place in it that is surely shown.
func localizeDocument(src []byte, d *PageData, switcher string, rewrite func(string) string) ([]byte, error) {
	var head strings.Builder
	if d.IsPseudo {
		head.WriteString("<meta name=\"robots\" content=\"noindex\">\n")
	}
	if d.Canonical != "" {
		fmt.Fprintf(&head, "<link rel=\"canonical\" href=\"%s\">\n", html.EscapeString(d.Canonical))
	}
	for _, a := range d.Alternates {
		fmt.Fprintf(&head, "<link rel=\"alternate\" hreflang=\"%s\" href=\"%s\">\n", html.EscapeString(a.Hreflang), html.EscapeString(a.URL))
	}
	var edits []edit
	htmlEnd, headOpen, headClose, bodyOpen, bodyClose := -1, -1, -1, -1, -1
	forTags(src, func(name string, start, end int, attrs []segment.Attr) {
		switch {
		case name == "body" && bodyOpen < 0:
			bodyOpen = end
		case name == "/body":
			bodyClose = start
		case name == "html" && htmlEnd < 0:
			htmlEnd = end
			edits = append(edits, setAttrs(src, end, attrs, [][2]string{{"lang", d.Lang}, {"dir", d.Dir}})...)
		case name == "head" && headOpen < 0:
			headOpen = end
		case name == "/head" && headClose < 0:
			headClose = start
		}
	})
	// The links go before </head>; without one, after <head>, <html> or
	// at the start: a browser puts them in the head it makes up.
	at, text := headClose, head.String()
	switch {
	case at >= 0:
	case headOpen >= 0:
		at, text = headOpen, "\n"+text
	case htmlEnd >= 0:
		at, text = htmlEnd, "\n"+text
	default:
		at = 0
	}
	edits = append(edits, edit{at, at, text})
	if switcher != "" && bodyOpen >= 0 {
		if bodyClose < 0 {
			edits = append(edits, edit{len(src), len(src), "\n" + switcher})
		} else {
			edits = append(edits, edit{bodyClose, bodyClose, switcher})
		}
	}
	return editHTML(src, edits, rewrite), nil
}

// localizeLang sets lang and dir on a document's <html>, and changes
// nothing else.
func localizeLang(src []byte, lang string) []byte {
	var edits []edit
	forTags(src, func(name string, start, end int, attrs []segment.Attr) {
		if name == "html" && edits == nil {
			edits = setAttrs(src, end, attrs, [][2]string{{"lang", lang}, {"dir", langtag.Dir(lang)}})
		}
	})
	return editHTML(src, edits, func(u string) string { return u })
}

// setAttrs sets attributes of the start tag that ends at end: an existing
// value is replaced, a missing attribute added before the tag's ">".
func setAttrs(src []byte, end int, attrs []segment.Attr, set [][2]string) []edit {
	var edits []edit
	for _, kv := range set {
		text := html.EscapeString(kv[1])
		done := false
		for _, a := range attrs {
			if a.Name == kv[0] && a.ValStart >= 0 {
				if a.Quote == 0 {
					text = "\"" + text + "\""
				}
				edits = append(edits, edit{a.ValStart, a.ValEnd, text})
				done = true
				break
			}
		}
		if !done {
			at := end - 1
			if at > 0 && src[at-1] == '/' {
				at--
			}
			edits = append(edits, edit{at, at, fmt.Sprintf(" %s=\"%s\"", kv[0], text)})
		}
	}
	return edits
}

// siteTitle names the site on page d in lang: by the title of lang's home
// page, or, where lang has none, of the source language's, marked with
// the language and direction it is in where they are not the page's.
func (b *builder) siteTitle(d *PageData, lang string) {
	cfg := b.o.Config
	if d.SiteTitle == "" {
		d.SiteTitle = b.home[cfg.SourceLanguage]
		d.SiteTitleLang = cfg.SourceLanguage
	} else if in := b.homeLang[lang]; in != lang {
		d.SiteTitleLang = in
	}
	if d.SiteTitleLang != "" && langtag.Dir(d.SiteTitleLang) != d.Dir {
		d.SiteTitleDir = langtag.Dir(d.SiteTitleLang)
	}
}
