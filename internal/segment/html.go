package segment

import (
	"bytes"
	"html"
	"io"
	"slices"
	"strings"

	xhtml "golang.org/x/net/html"

	"github.com/glot-i18n/glot/internal/msgtext"
)

// Attributes are the HTML attributes whose values are translated by
// default. value is translated only on buttons (input type button, submit
// and reset), content only on <meta> elements named in MetaNames.
var Attributes = []string{"alt", "title", "placeholder", "aria-label", "aria-description", "value", "content"}

// MetaNames are the <meta> elements, by name or property, whose content
// is translated.
var MetaNames = []string{"description", "og:title", "og:description", "og:site_name", "og:image:alt", "twitter:title", "twitter:description", "twitter:image:alt"}

// NoTranslateClasses mark an element, by default, as one whose text is not
// translated, as translate="no" does.
var NoTranslateClasses = []string{"notranslate"}

// HTML segments an HTML page, a whole document or a fragment: the text of
// its block-level elements, with inline elements as placeholders, and its
// translatable attributes (see Attributes). The text of script, style,
// pre, code, template, svg, math, textarea and noscript is left alone, and
// so is every element marked translate="no" or with a no-translate class.
// A page nested deeper, larger or slower to read than the rules allow is
// refused (see DefaultMaxNesting).
func HTML(src []byte, r *Rules) (*Page, error) {
	if err := checkSize(src, r); err != nil {
		return nil, err
	}
	return withinBudget(r, func(b *budget) (*Page, error) {
		ls := newLines(src)
		if err := prescanHTML(src, r.maxNesting(), ls); err != nil {
			return nil, err
		}
		p := &Page{}
		hs := &htmlSegmenter{src: src, rules: r, page: p, ls: ls, budget: b}
		hs.run(0, len(src))
		if b.over() {
			return nil, errOverBudget
		}
		p.finish(ls)
		return p, nil
	})
}

// IsDocument reports whether an HTML page is a whole document (it has a
// doctype or an <html> element) rather than a fragment for a layout.
func IsDocument(src []byte) bool {
	z := xhtml.NewTokenizer(bytes.NewReader(src))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return false
		case xhtml.DoctypeToken:
			return true
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			return string(name) == "html" || string(name) == "head"
		case xhtml.TextToken:
			if len(bytes.TrimSpace(z.Raw())) > 0 {
				return false
			}
		}
	}
}

// Element classes.
var (
	// skipElements hold no translatable text: everything up to their end
	// tag passes through untouched.
	skipElements = set("script", "style", "pre", "code", "template", "svg", "math", "textarea", "noscript",
		"iframe", "noembed", "noframes", "xmp", "plaintext", "kbd", "samp")
	// inlineElements sit inside a sentence: they become placeholders.
	// Any element not known to be a block is taken as inline, as
	// browsers do with unknown and custom elements.
	blockElements = set("address", "article", "aside", "blockquote", "body", "button", "caption", "center",
		"dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
		"form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html",
		"legend", "li", "link", "main", "menu", "meta", "nav", "ol", "optgroup", "option", "p", "section",
		"select", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", "video",
		"audio", "canvas", "source", "track", "base", "body", "frame", "object", "picture", "search")
)

// tableElements are followed to give each table cell its place.
var tableElements = set("table", "thead", "tbody", "tfoot", "tr", "td", "th")

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

type htmlSegmenter struct {
	src []byte
	// view is src as the tokenizer reads it, and marks the runs of it
	// that are Hugo shortcodes or macros, masked there: in an HTML block
	// of a Markdown page. For an HTML page, view is nil: src itself.
	view  []byte
	marks []mark
	rules *Rules
	page  *Page
	ls    lines
	base  int // offset of src in the page, for HTML blocks in Markdown

	inline []item   // the inline content being gathered
	block  []string // open block elements, innermost last
	// blocks counts the open block elements by name, so that an end tag
	// of an element that is not open is not looked for among them all.
	blocks map[string]int
	budget *budget
	// tables are the open <table> elements, innermost last.
	tables []*htmlTable
}

// item is a piece of inline content.
type item struct {
	kind       itemKind
	start, end int    // in src
	name       string // element name, for tags
	attrs      []Attr
}

type itemKind uint8

const (
	textItem itemKind = iota
	startItem
	endItem
	atomItem
)

// Attr is an attribute of a start tag, with where its value stands.
type Attr struct {
	Name             string // lower case
	Value            string // as the browser reads it: entities decoded
	ValStart, ValEnd int    // where the value is written, quotes excluded; ValStart < 0 when it has none
	Quote            byte   // '"', '\'' or 0
}

// run segments src[from:to].
func (hs *htmlSegmenter) run(from, to int) {
	z := xhtml.NewTokenizer(bytes.NewReader(hs.v()[from:to]))
	pos := from
	// skip is the element whose content is being passed over, and
	// skipDepth how many elements of its name are open inside it.
	var skip string
	skipDepth := 0
	skipStart := 0
	skipInline := false
	for {
		if hs.budget.over() {
			return
		}
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			if z.Err() != io.EOF {
				// The tokenizer stops only at the end; anything else
				// is passed through as it is.
				pos = to
			}
			break
		}
		raw := z.Raw()
		start, end := pos, pos+len(raw)
		pos = end
		var name string
		if tt == xhtml.StartTagToken || tt == xhtml.EndTagToken || tt == xhtml.SelfClosingTagToken {
			n, _ := z.TagName()
			name = string(n)
		}
		if skip != "" {
			switch {
			case tt == xhtml.StartTagToken && name == skip:
				skipDepth++
			case tt == xhtml.EndTagToken && name == skip:
				if skipDepth > 0 {
					skipDepth--
					continue
				}
				if skipInline {
					hs.inline = append(hs.inline, item{kind: atomItem, start: skipStart, end: end, name: skip})
				}
				skip = ""
			}
			continue
		}
		switch tt {
		case xhtml.TextToken:
			hs.inline = append(hs.inline, item{kind: textItem, start: start, end: end})
		case xhtml.CommentToken:
			hs.inline = append(hs.inline, item{kind: atomItem, start: start, end: end})
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			attrs := ScanAttrs(hs.v(), start, end)
			noTranslate := hs.noTranslate(attrs)
			if tableElements[name] {
				hs.flush()
				hs.tableStart(name, attrs)
			}
			if !noTranslate {
				hs.attributes(name, attrs)
			}
			selfClosing := tt == xhtml.SelfClosingTagToken || voidElements[name]
			switch {
			case (skipElements[name] || noTranslate) && !selfClosing:
				skip, skipDepth, skipStart = name, 0, start
				skipInline = !blockElements[name] && name != "pre" && name != "script" && name != "style" &&
					name != "template" && name != "textarea" && name != "noscript" && name != "iframe"
				if !skipInline {
					hs.flush()
				}
			case blockElements[name]:
				hs.flush()
				if !selfClosing {
					hs.block = append(hs.block, name)
					if hs.blocks == nil {
						hs.blocks = map[string]int{}
					}
					hs.blocks[name]++
				}
			case selfClosing:
				hs.inline = append(hs.inline, item{kind: atomItem, start: start, end: end, name: name})
			default:
				hs.inline = append(hs.inline, item{kind: startItem, start: start, end: end, name: name, attrs: attrs})
			}
		case xhtml.EndTagToken:
			if blockElements[name] {
				hs.flush()
				if tableElements[name] {
					hs.tableEnd(name)
				}
				for i := len(hs.block) - 1; i >= 0 && hs.blocks[name] > 0; i-- {
					hs.blocks[hs.block[i]]--
					if hs.block[i] == name {
						hs.block = hs.block[:i]
						break
					}
				}
				continue
			}
			hs.inline = append(hs.inline, item{kind: endItem, start: start, end: end, name: name})
		default: // doctype
			hs.flush()
		}
	}
	if skip != "" && skipInline {
		hs.inline = append(hs.inline, item{kind: atomItem, start: skipStart, end: pos, name: skip})
	}
	hs.flush()
}

// v is the page as the tokenizer reads it.
func (hs *htmlSegmenter) v() []byte {
	if hs.view != nil {
		return hs.view
	}
	return hs.src
}

// noTranslate reports whether a start tag keeps its element out of the
// catalogs: translate="no" (W3C ITS) or a no-translate class.
func (hs *htmlSegmenter) noTranslate(attrs []Attr) bool {
	classes := NoTranslateClasses
	if hs.rules != nil && len(hs.rules.NoTranslateClasses) > 0 {
		classes = hs.rules.NoTranslateClasses
	}
	for _, a := range attrs {
		switch a.Name {
		case "translate":
			if strings.EqualFold(strings.TrimSpace(a.Value), "no") {
				return true
			}
		case "class":
			for _, c := range strings.Fields(a.Value) {
				for _, nt := range classes {
					if c == nt {
						return true
					}
				}
			}
		}
	}
	return false
}

// attributes makes a segment of each translatable attribute of a start tag.
func (hs *htmlSegmenter) attributes(tag string, attrs []Attr) {
	wanted := Attributes
	if hs.rules != nil && len(hs.rules.Attributes) > 0 {
		wanted = hs.rules.Attributes
	}
	get := func(name string) string {
		for _, a := range attrs {
			if a.Name == name {
				return strings.ToLower(strings.TrimSpace(a.Value))
			}
		}
		return ""
	}
	for _, a := range attrs {
		if a.ValStart < 0 || !slices.Contains(wanted, a.Name) {
			continue
		}
		kind := a.Name
		switch a.Name {
		case "title":
			kind = "title attribute"
		case "value":
			if tag != "input" || !slices.Contains([]string{"button", "submit", "reset"}, get("type")) {
				continue
			}
		case "content":
			name := get("name")
			if name == "" {
				name = get("property")
			}
			if tag != "meta" || !slices.Contains(MetaNames, name) {
				continue
			}
			kind = name
		}
		s := Segment{Kind: kind, Start: hs.base + a.ValStart, End: hs.base + a.ValEnd, Syntax: HTMLAttr, Quote: a.Quote}
		if k := markAt(hs.marks, a.ValStart); k < len(hs.marks) && hs.marks[k].start < a.ValEnd {
			// A shortcode in the value is kept as written, a placeholder.
			var b strings.Builder
			hs.text(&b, &s.Codes, a.ValStart, hs.src[a.ValStart:a.ValEnd])
			s.Text = msgtext.Normalize(b.String())
		} else {
			s.Text, s.Codes = literalTags(msgtext.Normalize(a.Value), HTMLAttr)
		}
		if !msgtext.HasWords(s.Text) {
			continue
		}
		hs.page.Segments = append(hs.page.Segments, s)
	}
}

// literalTags turns text that reads as a placeholder tag into atoms that
// hold it, written in syntax.
func literalTags(t string, syntax Syntax) (string, []Code) {
	if !msgtext.HasTag(t) {
		return t, nil
	}
	var b strings.Builder
	var codes []Code
	for _, tok := range msgtext.Parse(t) {
		if tok.Kind == msgtext.Text {
			b.WriteString(tok.Text)
			continue
		}
		raw := tok.Text
		if syntax == HTMLText || syntax == HTMLAttr {
			raw = html.EscapeString(raw)
		}
		codes = append(codes, Code{Kind: "literal", Open: raw, Atom: true, Pos: noPos, ClosePos: noPos})
		b.WriteString(msgtext.AtomTag(len(codes)))
	}
	return b.String(), codes
}

// flush makes a segment of the inline content gathered so far.
func (hs *htmlSegmenter) flush() {
	items := hs.inline
	hs.inline = hs.inline[:0]
	items = hs.trim(items)
	if len(items) == 0 {
		return
	}
	items = append([]item(nil), items...)
	v := hs.v()
	if it := &items[0]; it.kind == textItem {
		it.start += len(v[it.start:it.end]) - len(bytes.TrimLeft(v[it.start:it.end], " \t\r\n\f"))
	}
	if it := &items[len(items)-1]; it.kind == textItem {
		it.end = it.start + len(bytes.TrimRight(v[it.start:it.end], " \t\r\n\f"))
	}
	match := pairTags(items)
	var b strings.Builder
	var codes []Code
	num := make([]int, len(items))
	for i, it := range items {
		raw := string(hs.src[it.start:it.end])
		switch {
		case it.kind == textItem:
			hs.text(&b, &codes, it.start, hs.src[it.start:it.end])
		case it.kind == startItem && match[i] >= 0:
			e := items[match[i]]
			codes = append(codes, Code{Kind: "html", Open: raw, Close: string(hs.src[e.start:e.end]), Pos: hs.base + it.start, ClosePos: hs.base + e.start})
			num[i] = len(codes)
			b.WriteString(msgtext.OpenTag(len(codes)))
		case it.kind == endItem && match[i] >= 0:
			b.WriteString(msgtext.CloseTag(num[match[i]]))
		default:
			kind := "html"
			if it.name == "code" {
				kind = "code"
			} else if it.name == "br" {
				kind = "br"
			}
			codes = append(codes, Code{Kind: kind, Open: raw, Atom: true, Pos: hs.base + it.start, ClosePos: noPos})
			b.WriteString(msgtext.AtomTag(len(codes)))
		}
	}
	t := msgtext.Normalize(b.String())
	if !msgtext.HasWords(t) {
		return
	}
	kind := "text"
	if len(hs.block) > 0 {
		kind = hs.block[len(hs.block)-1]
	}
	hs.page.Segments = append(hs.page.Segments, Segment{
		Kind:   kind,
		Text:   t,
		Start:  hs.base + items[0].start,
		End:    hs.base + items[len(items)-1].end,
		Syntax: HTMLText,
		Codes:  codes,
	})
}

// text adds HTML text to a message: character references resolved, but
// those for invisible characters kept as atoms, and text that reads as a
// placeholder tag turned into an atom.
func (hs *htmlSegmenter) text(b *strings.Builder, codes *[]Code, at int, raw []byte) {
	var pending strings.Builder
	flush := func() {
		t, lit := literalTags(pending.String(), HTMLText)
		pending.Reset()
		// Renumber the literal atoms after the codes already there.
		for _, tok := range msgtext.Parse(t) {
			if tok.Kind == msgtext.Text {
				b.WriteString(tok.Text)
				continue
			}
			*codes = append(*codes, lit[tok.N-1])
			b.WriteString(msgtext.AtomTag(len(*codes)))
		}
	}
	k := len(hs.marks)
	if k > 0 {
		k = markAt(hs.marks, at)
	}
	for i := 0; i < len(raw); {
		if k < len(hs.marks) && hs.marks[k].start <= at+i {
			// A shortcode or a macro: kept as written, an atom.
			m := hs.marks[k]
			k++
			e := min(m.end, at+len(raw))
			flush()
			kind := "shortcode"
			if m.sc < 0 {
				kind = "macro"
			}
			*codes = append(*codes, Code{Kind: kind, Open: string(hs.src[at+i : e]), Atom: true, Pos: hs.base + at + i, ClosePos: noPos})
			b.WriteString(msgtext.AtomTag(len(*codes)))
			i = e - at
			continue
		}
		if raw[i] == '&' {
			if m := entityRE.Find(raw[i:]); m != nil {
				dec := html.UnescapeString(string(m))
				if invisible(dec) {
					flush()
					*codes = append(*codes, Code{Kind: "entity", Open: string(m), Atom: true, Pos: hs.base + at + i, ClosePos: noPos})
					b.WriteString(msgtext.AtomTag(len(*codes)))
				} else {
					pending.WriteString(dec)
				}
				i += len(m)
				continue
			}
		}
		pending.WriteByte(raw[i])
		i++
	}
	flush()
}

func isSpace(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

// pairTags pairs each start tag of items with its end tag: match[i] is the
// index of the other tag of the pair, or -1 for a tag left alone.
func pairTags(items []item) []int {
	match := make([]int, len(items))
	for i := range match {
		match[i] = -1
	}
	var open []int
	// count has the open start tags by name: an end tag whose element is
	// not open is not looked for among them all.
	count := map[string]int{}
	for i, it := range items {
		switch it.kind {
		case startItem:
			open = append(open, i)
			count[it.name]++
		case endItem:
			if count[it.name] == 0 {
				continue
			}
			for k := len(open) - 1; k >= 0; k-- {
				count[items[open[k]].name]--
				if items[open[k]].name == it.name {
					match[open[k]], match[i] = i, open[k]
					open = open[:k] // tags left open inside are atoms
					break
				}
			}
		}
	}
	return match
}

// trim leaves out of a sentence what only surrounds it: white space, and
// markup at either end (a comment, an image, a tag left alone, a pair of
// tags around all of it). What stays out stays in place, so a line that
// starts with a tag still does (in Markdown, that is what makes it HTML),
// and the translator sees fewer placeholders.
//
// The tags are paired once: what is left out never changes how the tags
// that stay pair (a tag left out is alone, or its pair is left out with
// it, and either way no tag that stays was paired with it), and pairing
// them again for each tag left out took time that grew with the square of
// their number.
func (hs *htmlSegmenter) trim(items []item) []item {
	match := pairTags(items)
	first, last := 0, len(items)-1
	v := hs.v()
	for {
		n := last - first
		for first <= last && items[first].kind == textItem && isSpace(v[items[first].start:items[first].end]) {
			first++
		}
		for first <= last && items[last].kind == textItem && isSpace(v[items[last].start:items[last].end]) {
			last--
		}
		if first > last {
			return nil
		}
		switch {
		case items[first].kind != textItem && match[first] < 0:
			first++
		case items[last].kind != textItem && match[last] < 0:
			last--
		case match[first] == last:
			first, last = first+1, last-1
		}
		if last-first == n {
			return items[first : last+1]
		}
	}
}

// ScanAttrs reads the attributes of the start tag src[start:end], with
// where each value stands, following the HTML tokenizer's rules.
func ScanAttrs(src []byte, start, end int) []Attr {
	i := start + 1
	for i < end && !isTagSpace(src[i]) && src[i] != '/' && src[i] != '>' {
		i++ // the tag name
	}
	var attrs []Attr
	for i < end {
		for i < end && (isTagSpace(src[i]) || src[i] == '/') {
			i++
		}
		if i >= end || src[i] == '>' {
			break
		}
		ns := i
		for i < end && !isTagSpace(src[i]) && src[i] != '/' && src[i] != '>' && (src[i] != '=' || i == ns) {
			i++
		}
		a := Attr{Name: strings.ToLower(string(src[ns:i])), ValStart: -1}
		j := i
		for j < end && isTagSpace(src[j]) {
			j++
		}
		if j < end && src[j] == '=' {
			j++
			for j < end && isTagSpace(src[j]) {
				j++
			}
			if j < end && (src[j] == '"' || src[j] == '\'') {
				q := src[j]
				k := bytes.IndexByte(src[j+1:end], q)
				if k < 0 {
					k = end - j - 1
				}
				a.Quote, a.ValStart, a.ValEnd = q, j+1, j+1+k
				i = min(j+2+k, end)
			} else {
				k := j
				for k < end && !isTagSpace(src[k]) && src[k] != '>' {
					k++
				}
				a.ValStart, a.ValEnd = j, k
				i = k
			}
			a.Value = html.UnescapeString(string(src[a.ValStart:a.ValEnd]))
		}
		attrs = append(attrs, a)
	}
	return attrs
}

func isTagSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
