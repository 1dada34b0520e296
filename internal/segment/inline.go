package segment

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/glot-i18n/glot/internal/msgtext"
)

// inlineBuilder builds a message text from a run of inline nodes. goldmark
// gives every inline node its start offset and every text node its exact
// range; the builder derives where each piece of markup ends from the
// syntax (a link's "](...)", an emphasis' closing delimiter...) and checks
// that the pieces meet end to end.
type inlineBuilder struct {
	// src is the page body as Markdown reads it, where the builder finds
	// where markup ends; orig is the body itself, from which it takes the
	// text of messages and the markup of placeholders.
	src, orig []byte
	text      strings.Builder
	pending   strings.Builder // text not yet checked for look-alike tags
	codes     []Code
	cursor    int // offset up to which the source is accounted for
	rules     *Rules
	nested    []Segment // alt texts and link titles met on the way

	marks                []mark // the page's shortcode tags and macros
	pairShortcodes       bool
	blockStart, blockEnd int // the block's text, where a shortcode's other half may be
	// limit is where a mark is cut off, if it goes on further: the end of
	// the block or of the title being read.
	limit         int
	shortcodeCode map[int]int // mark index -> placeholder number of its pair
	// after is the node after the last one of the message, if any: the
	// line break before it is not the message's.
	after ast.Node

	first int   // where the block's inline content starts
	err   error // why it could not be taken apart

	spans *nodeSpans // where nested inline nodes start and end, once worked out
	// closers pairs each inline HTML start tag with the sibling that
	// closes it, for each parent whose children have been paired.
	closers map[ast.Node]ast.Node
	paired  map[ast.Node]bool
	budget  *budget
}

// sub returns a builder for text nested in markup: an image's alt text.
func (ib *inlineBuilder) sub(at int) *inlineBuilder {
	return &inlineBuilder{src: ib.src, orig: ib.orig, rules: ib.rules, cursor: at, marks: ib.marks, limit: ib.limit, spans: ib.memo(), budget: ib.budget}
}

// nest adds the segment that sub built over [start, sub.cursor).
func (ib *inlineBuilder) nest(sub *inlineBuilder, kind string, start int, syntax Syntax, quote byte) {
	sub.flush()
	ib.nested = append(ib.nested, sub.nested...)
	if t := msgtext.Normalize(sub.text.String()); msgtext.HasWords(t) {
		ib.nested = append(ib.nested, Segment{Kind: kind, Text: t, Start: start, End: sub.cursor, Syntax: syntax, Quote: quote, Codes: sub.codes})
	}
}

func (ib *inlineBuilder) code(c Code) int {
	ib.flush()
	ib.codes = append(ib.codes, c)
	return len(ib.codes)
}

// flush moves pending text into the message. Text that would read as a
// placeholder tag becomes an atom of its own, so that a literal "<1>" on a
// page survives translation as written.
func (ib *inlineBuilder) flush() {
	s := ib.pending.String()
	ib.pending.Reset()
	for _, t := range msgtext.Parse(s) {
		if t.Kind == msgtext.Text {
			ib.text.WriteString(t.Text)
			continue
		}
		ib.codes = append(ib.codes, Code{Kind: "literal", Open: `\` + t.Text, Atom: true, Pos: noPos, ClosePos: noPos})
		ib.text.WriteString(msgtext.AtomTag(len(ib.codes)))
	}
}

// atom adds the markup src[start:end] as a standalone placeholder.
func (ib *inlineBuilder) atom(kind string, start, end int) {
	n := ib.code(Code{Kind: kind, Open: string(ib.orig[start:end]), Atom: true, Pos: start, ClosePos: noPos})
	ib.text.WriteString(msgtext.AtomTag(n))
}

// run adds the nodes from first up to, not including, stop.
func (ib *inlineBuilder) run(first, stop ast.Node) error {
	for n := first; n != nil && n != stop; n = n.NextSibling() {
		if ib.budget.over() {
			return errOverBudget
		}
		if n.Kind() == east.KindFootnoteBacklink {
			continue
		}
		s, err := ib.startAtCursor(n)
		if err != nil {
			return err
		}
		if n, err = ib.node(n, s); err != nil {
			return err
		}
	}
	return nil
}

// startAtCursor returns where node n starts, which must be where what was
// read before it ends: bytes between the two would be lost. Only a text
// node may start before it, when a shortcode read before goes on into it.
func (ib *inlineBuilder) startAtCursor(n ast.Node) (int, error) {
	s, err := ib.start(n)
	if err != nil {
		return 0, err
	}
	t, isText := n.(*ast.Text)
	if isText && s != ib.cursor && leftoverDelimiters(ib.src, t, ib.cursor) {
		// goldmark places the delimiters that an emphasis left over
		// at the start of their run, not after the ones it used.
		t.Segment = text.NewSegment(ib.cursor, ib.cursor+t.Segment.Len())
		ib.memo().forget(t)
		s = ib.cursor
	}
	if s != ib.cursor && (!isText || s > ib.cursor) {
		return 0, fmt.Errorf("unaccounted bytes %q", ib.orig[ib.cursor:max(s, ib.cursor)])
	}
	return s, nil
}

// node adds node n, which starts at s, and returns the last node it took
// in: n itself, or the end tag of the inline HTML element that n opens.
func (ib *inlineBuilder) node(n ast.Node, s int) (ast.Node, error) {
	switch x := n.(type) {
	case *ast.Text:
		return n, ib.textNode(x)
	case *ast.Emphasis:
		kind := "em"
		if x.Level == 2 {
			kind = "strong"
		}
		return n, ib.pair(x, kind, x.Level, x.Level)
	case *east.Strikethrough:
		d := runLen(ib.src, s, '~')
		return n, ib.pair(x, "del", d, d)
	case *ast.Link:
		return n, ib.link(x, s)
	case *ast.Image:
		return n, ib.image(x, s)
	case *ast.RawHTML:
		if closer := ib.matchingClose(x); closer != nil {
			return closer, ib.element(x, closer, s)
		}
	}
	// Everything else is an atom: its bytes pass through untouched.
	e, err := ib.end(n)
	if err != nil {
		return n, err
	}
	ib.atom(atomKind(n), s, e)
	ib.cursor = e
	return n, nil
}

// link adds the link x, which starts at s: its text between the
// placeholders of its markup, and its title as a segment of its own.
func (ib *inlineBuilder) link(x *ast.Link, s int) error {
	e, err := ib.end(x)
	if err != nil {
		return err
	}
	inner := s + 1
	if x.LastChild() != nil {
		if inner, err = ib.end(x.LastChild()); err != nil {
			return err
		}
	}
	link := len(ib.codes)
	if err := ib.pair(x, "link", 1, e-inner); err != nil {
		return err
	}
	// A shortcut or collapsed reference link ("[label]", "[label][]")
	// finds its target by its text: once the text is translated it must
	// name its label itself.
	if c := &ib.codes[link]; c.Close == "]" || c.Close == "][]" {
		c.Close = "][" + string(ib.orig[s+1:inner]) + "]"
		c.ClosePos = noPos
	}
	ib.title(inner, e)
	return nil
}

// image adds the image x, which starts at s, as an atom, and its alt text
// and title as segments of their own.
func (ib *inlineBuilder) image(x *ast.Image, s int) error {
	e, err := ib.end(x)
	if err != nil {
		return err
	}
	ib.atom("image", s, e)
	if x.FirstChild() != nil {
		ib.alt(x, s, e)
	}
	ib.title(s, e)
	ib.cursor = e
	return nil
}

// element adds the inline HTML element that x, at s, opens and closer
// closes. An element kept out of translation is one atom; any other is a
// pair of placeholders around its content.
func (ib *inlineBuilder) element(x *ast.RawHTML, closer ast.Node, s int) error {
	cs, _ := ib.start(closer)
	ce := cs + len(rawHTML(ib.src, closer))
	if ib.noTranslate(x) || skipElements[tagName(rawHTML(ib.src, x))] {
		ib.atom("html", s, ce)
		ib.cursor = ce
		return nil
	}
	open := rawHTML(ib.orig, x)
	c := ib.code(Code{Kind: "html", Open: string(open), Close: string(rawHTML(ib.orig, closer)), Pos: s, ClosePos: cs})
	ib.text.WriteString(msgtext.OpenTag(c))
	ib.cursor = s + len(open)
	if err := ib.run(x.NextSibling(), closer); err != nil {
		return err
	}
	if cs != ib.cursor {
		return fmt.Errorf("unaccounted bytes before %q", rawHTML(ib.src, closer))
	}
	ib.flush()
	ib.text.WriteString(msgtext.CloseTag(c))
	ib.cursor = ce
	return nil
}

// alt makes a segment of the alt text of image n, which lies from s to e.
// A shortcut or collapsed reference ("![label]", "![label][]") finds its
// image by its alt text: its message is the whole image, the alt text
// between the markup of a full reference ("![", "][label]"), so that the
// translated text can no longer lose the image.
func (ib *inlineBuilder) alt(n *ast.Image, s, e int) {
	as, err := ib.start(n.FirstChild())
	if err != nil {
		return
	}
	inner, err := ib.end(n.LastChild())
	if err != nil || inner >= len(ib.src) {
		return
	}
	full := inner+1 < len(ib.src) && (ib.src[inner+1] == '(' || ib.src[inner+1] == '[' && (inner+2 >= len(ib.src) || ib.src[inner+2] != ']'))
	if full {
		sub := ib.sub(as)
		if sub.run(n.FirstChild(), nil) == nil {
			ib.nest(sub, "alt", as, MarkdownInline, 0)
		}
		return
	}
	sub := ib.sub(s)
	c := sub.code(Code{Kind: "image", Open: string(ib.orig[s:as]), Close: "][" + string(ib.orig[as:inner]) + "]", Pos: s, ClosePos: noPos})
	sub.text.WriteString(msgtext.OpenTag(c))
	sub.cursor = as
	if sub.run(n.FirstChild(), nil) != nil || sub.cursor != inner {
		return
	}
	sub.flush()
	sub.text.WriteString(msgtext.CloseTag(c))
	sub.cursor = e
	ib.nest(sub, "alt", s, MarkdownInline, 0)
}

// title makes a segment of the title of the link or image whose text ends
// with the "]" at inner and whose markup ends at end: "](url "title")".
func (ib *inlineBuilder) title(inner, end int) {
	kind := "link title"
	if inner >= end || ib.src[inner] != ']' {
		// An image: find the "]" that ends its alt text.
		kind = "image title"
		i := bytes.LastIndex(ib.src[inner:end], []byte("]("))
		if i < 0 {
			return
		}
		inner += i
	}
	if ts, te, q := linkTitle(ib.src, inner); ts >= 0 && te <= end {
		sub := ib.sub(ts)
		sub.limit = te
		sub.plain(ts, ib.orig[ts:te])
		sub.cursor = te
		ib.nest(sub, kind, ts, MarkdownTitle, q)
	}
}

// tagName is the lower-case name of the start tag raw.
func tagName(raw []byte) string {
	if m := openTagRE.FindSubmatch(raw); m != nil {
		return strings.ToLower(string(m[1]))
	}
	return ""
}

// noTranslate reports whether the inline HTML start tag n keeps its
// element out of translation (translate="no", a no-translate class).
func (ib *inlineBuilder) noTranslate(n *ast.RawHTML) bool {
	raw := rawHTML(ib.src, n)
	hs := &htmlSegmenter{rules: ib.rules}
	return hs.noTranslate(ScanAttrs(raw, 0, len(raw)))
}

// pair adds a span: open delimiter of openLen bytes, the children, and a
// close delimiter of closeLen bytes.
func (ib *inlineBuilder) pair(n ast.Node, kind string, openLen, closeLen int) error {
	s, err := ib.start(n)
	if err != nil {
		return err
	}
	e, err := ib.end(n)
	if err != nil {
		return err
	}
	if s+openLen > e-closeLen {
		return fmt.Errorf("%s markup overlaps itself", kind)
	}
	c := ib.code(Code{Kind: kind, Open: string(ib.orig[s : s+openLen]), Close: string(ib.orig[e-closeLen : e]), Pos: s, ClosePos: e - closeLen})
	ib.text.WriteString(msgtext.OpenTag(c))
	ib.cursor = s + openLen
	if err := ib.run(n.FirstChild(), nil); err != nil {
		return err
	}
	if ib.cursor != e-closeLen {
		return fmt.Errorf("%s markup: unaccounted bytes %q", kind, ib.orig[ib.cursor:max(e-closeLen, ib.cursor)])
	}
	ib.flush()
	ib.text.WriteString(msgtext.CloseTag(c))
	ib.cursor = e
	return nil
}

func atomKind(n ast.Node) string {
	switch n.Kind() {
	case ast.KindImage:
		return "image"
	case ast.KindCodeSpan:
		return "code"
	case ast.KindAutoLink:
		return "autolink"
	case ast.KindRawHTML:
		return "html"
	case east.KindFootnoteLink:
		return "footnote"
	case east.KindTaskCheckBox:
		return "checkbox"
	}
	return "markup"
}
