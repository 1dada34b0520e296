package segment

import (
	"bytes"
	"io"

	xhtml "golang.org/x/net/html"
)

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

// htmlSegmenter walks the tokens of an HTML page, or of an HTML block of a
// Markdown page, and gathers the inline content of each block into one
// message (see flush).
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
	// skip is the element being passed over, if any.
	skip skipping
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

// run segments src[from:to].
func (hs *htmlSegmenter) run(from, to int) {
	z := xhtml.NewTokenizer(bytes.NewReader(hs.v()[from:to]))
	pos := from
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
		start, end := pos, pos+len(z.Raw())
		pos = end
		var name string
		if tt == xhtml.StartTagToken || tt == xhtml.EndTagToken || tt == xhtml.SelfClosingTagToken {
			n, _ := z.TagName()
			name = string(n)
		}
		hs.token(tt, name, start, end)
	}
	if hs.skip.name != "" && hs.skip.inline {
		hs.inline = append(hs.inline, item{kind: atomItem, start: hs.skip.start, end: pos, name: hs.skip.name})
	}
	hs.flush()
}

// token takes in the token src[start:end], of type tt, named name if it
// is a tag.
func (hs *htmlSegmenter) token(tt xhtml.TokenType, name string, start, end int) {
	if hs.skip.name != "" {
		hs.skipped(tt, name, end)
		return
	}
	switch tt {
	case xhtml.TextToken:
		hs.inline = append(hs.inline, item{kind: textItem, start: start, end: end})
	case xhtml.CommentToken:
		hs.inline = append(hs.inline, item{kind: atomItem, start: start, end: end})
	case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
		hs.startTag(name, tt == xhtml.SelfClosingTagToken, start, end)
	case xhtml.EndTagToken:
		hs.endTag(name, start, end)
	default: // doctype
		hs.flush()
	}
}

// skipping is the element whose content the walk passes over: its name,
// how many elements of its name are open inside it, where it starts, and
// whether it stands in a sentence, where it becomes one placeholder.
type skipping struct {
	name   string
	depth  int
	start  int
	inline bool
}

// skipAlone are the elements passed over that stand apart from the text
// around them, as blocks do, though they are not in blockElements.
var skipAlone = set("pre", "script", "style", "template", "textarea", "noscript", "iframe")

// skipped passes over a token inside the element being skipped, and ends
// the skip at the element's own end tag.
func (hs *htmlSegmenter) skipped(tt xhtml.TokenType, name string, end int) {
	sk := &hs.skip
	if name != sk.name {
		return
	}
	switch tt {
	case xhtml.StartTagToken:
		sk.depth++
	case xhtml.EndTagToken:
		if sk.depth > 0 {
			sk.depth--
			return
		}
		if sk.inline {
			hs.inline = append(hs.inline, item{kind: atomItem, start: sk.start, end: end, name: sk.name})
		}
		*sk = skipping{}
	}
}

// startTag takes in the start tag src[start:end] of element name: its
// table place and translatable attributes, and then the element as a
// block, a skipped element, an atom or the start of an inline span.
func (hs *htmlSegmenter) startTag(name string, selfClosing bool, start, end int) {
	attrs := ScanAttrs(hs.v(), start, end)
	noTranslate := hs.noTranslate(attrs)
	if tableElements[name] {
		hs.flush()
		hs.tableStart(name, attrs)
	}
	if !noTranslate {
		hs.attributes(name, attrs)
	}
	selfClosing = selfClosing || voidElements[name]
	switch {
	case (skipElements[name] || noTranslate) && !selfClosing:
		hs.skip = skipping{name: name, start: start, inline: !blockElements[name] && !skipAlone[name]}
		if !hs.skip.inline {
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
}

// endTag takes in the end tag src[start:end] of element name: the end of
// a block, which closes the blocks left open inside it, or of an inline
// span.
func (hs *htmlSegmenter) endTag(name string, start, end int) {
	if !blockElements[name] {
		hs.inline = append(hs.inline, item{kind: endItem, start: start, end: end, name: name})
		return
	}
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
}

// v is the page as the tokenizer reads it.
func (hs *htmlSegmenter) v() []byte {
	if hs.view != nil {
		return hs.view
	}
	return hs.src
}

// prescanHTML refuses an HTML page whose elements nest deeper than max.
func prescanHTML(src []byte, max int, ls lines) error {
	tags := newNesting(false)
	names := map[string]int{}
	z := xhtml.NewTokenizer(bytes.NewReader(src))
	pos := 0
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break // the end of the page, or of what the tokenizer reads
		}
		at := pos
		pos += len(z.Raw())
		if tt != xhtml.StartTagToken && tt != xhtml.EndTagToken {
			continue
		}
		n, _ := z.TagName()
		if tt == xhtml.StartTagToken && voidElements[string(n)] {
			continue
		}
		k, ok := names[string(n)]
		if !ok {
			k = len(names)
			names[string(n)] = k
		}
		tags.add(at, k, 1, tt == xhtml.StartTagToken, tt == xhtml.EndTagToken)
	}
	if at := tags.deepest(max); at >= 0 {
		return tooDeep(ls, at, "HTML elements", max)
	}
	return nil
}
