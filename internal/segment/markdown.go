package segment

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/msgtext"
)

// Goldmark returns a new Markdown processor configured as glot reads pages:
// CommonMark with GitHub's extensions (tables, strikethrough, autolinks,
// task lists) and footnotes. The HTML build renders with the same
// configuration, so what was segmented is what is rendered.
func Goldmark(opts ...goldmark.Option) goldmark.Markdown {
	base := []goldmark.Option{
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	}
	return goldmark.New(append(base, opts...)...)
}

var (
	mdParser         = Goldmark().Parser()
	commonMarkParser = goldmark.New().Parser()
)

// Rules say what a site extracts. The zero value, or nil, is glot's
// default.
type Rules struct {
	// FrontMatter lists the front matter keys whose values are
	// translated; empty means FrontMatterKeys.
	FrontMatter []string
	// CommonMark reads Markdown as CommonMark alone: no front matter, no
	// GitHub extensions, no footnotes.
	CommonMark bool
	// Attributes lists the HTML attributes whose values are translated;
	// empty means Attributes.
	Attributes []string
	// NoTranslateClasses lists the classes that keep an element's text
	// out of the catalogs; empty means NoTranslateClasses.
	NoTranslateClasses []string
	// Shortcodes names, for each Hugo shortcode, the parameters whose
	// values are translated.
	Shortcodes map[string][]string

	// MaxNesting is how deep lists, block quotes, emphasis, links and
	// HTML elements may nest in a page; 0 means DefaultMaxNesting.
	MaxNesting int
	// MaxPageBytes is the size, in bytes, of the largest page read; 0
	// means DefaultMaxPageBytes.
	MaxPageBytes int
	// PageTimeout is the time reading one page may take; 0 means
	// DefaultPageTimeout.
	PageTimeout time.Duration
}

func (r *Rules) frontMatterKeys() []string {
	if r == nil || len(r.FrontMatter) == 0 {
		return FrontMatterKeys
	}
	return r.FrontMatter
}

// Markdown segments a Markdown page: its front matter's translatable keys
// (title and description by default) and the inline content of every
// heading, paragraph, list item, block quote, table cell and footnote of
// its body. A page nested deeper, larger or slower to read than the rules
// allow is refused (see DefaultMaxNesting).
func Markdown(src []byte, r *Rules) (*Page, error) {
	if err := checkSize(src, r); err != nil {
		return nil, err
	}
	return withinBudget(r, func(b *budget) (*Page, error) { return markdown(src, r, b) })
}

func markdown(src []byte, r *Rules, b *budget) (*Page, error) {
	fm, ok := content.SplitFrontMatter(src)
	if r != nil && r.CommonMark {
		fm, ok = content.FrontMatter{}, true
	}
	if !ok {
		return nil, fileerr.At("", 1, 1, errors.New("front matter is opened but never closed"))
	}
	ls := newLines(src)
	page := &Page{}
	if fm.Format != "" {
		if err := prescanFrontMatter(src[:fm.End], fm.Start, r.maxNesting(), ls); err != nil {
			return nil, err
		}
		segs, err := frontMatter(src, fm, ls, r.frontMatterKeys())
		if err != nil {
			return nil, err
		}
		page.Segments = append(page.Segments, segs...)
	}
	body := src[fm.Body:]
	p := mdParser
	var scs []shortcode
	parsed := body
	if r != nil && r.CommonMark {
		p = commonMarkParser
	} else {
		scs, parsed = findShortcodes(body)
	}
	if err := prescan(parsed, fm.Body, r.maxNesting(), ls); err != nil {
		return nil, err
	}
	doc := p.Parse(text.NewReader(parsed))
	w := &mdWalker{src: body, base: fm.Body, page: page, ls: ls, rules: r, shortcodes: scs, budget: b}
	w.blocks(doc)
	if b.over() {
		return nil, errOverBudget
	}
	page.finish(ls)
	return page, nil
}

type mdWalker struct {
	src     []byte // the page body
	base    int    // offset of the body in the page
	page    *Page
	ls      lines
	rules   *Rules
	context string // the context of the block being segmented
	// shortcodes are the page's Hugo shortcodes, by position.
	shortcodes []shortcode
	budget     *budget
}

// directiveRE matches glot's directives, HTML comments on their own: skip
// the next block, or give it a context of its own.
var directiveRE = regexp.MustCompile(`^<!--\s*glot:(skip|context)(?:\s+([^\s>]+))?\s*-->$`)

func (w *mdWalker) blocks(n ast.Node) {
	skipNext, ctxNext := false, ""
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if w.budget.over() {
			return
		}
		if h, ok := c.(*ast.HTMLBlock); ok {
			raw := bytes.TrimSpace(h.Lines().Value(w.src))
			if h.HasClosure() {
				raw = bytes.TrimSpace(append(append([]byte(nil), raw...), h.ClosureLine.Value(w.src)...))
			}
			if m := directiveRE.FindSubmatch(raw); m != nil {
				if string(m[1]) == "skip" {
					skipNext = true
				} else {
					ctxNext = string(m[2])
				}
				continue
			}
		}
		if skipNext {
			skipNext = false
			continue
		}
		outer := w.context
		if ctxNext != "" {
			w.context, ctxNext = ctxNext, ""
		}
		w.block(c)
		w.context = outer
	}
}

// block segments one block and what it holds.
func (w *mdWalker) block(c ast.Node) {
	{
		switch c := c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			w.inlineBlock(c, paragraphKind(c), MarkdownInline)
		case *ast.Heading:
			w.inlineBlock(c, "h"+strconv.Itoa(c.Level), MarkdownInline)
		case *east.TableCell:
			kind := "td"
			if _, ok := c.Parent().(*east.TableHeader); ok {
				kind = "th"
			}
			w.inlineBlock(c, kind, MarkdownCell)
		case *ast.LinkReferenceDefinition:
			w.definitionTitle(c)
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak:
			// Code is never translated.
		case *ast.HTMLBlock:
			w.htmlBlock(c)
		default:
			w.blocks(c)
		}
	}
}

// htmlBlock segments an HTML block as HTML. Inside a block quote or a
// list its lines are not contiguous in the page; they are read joined, and
// every position is mapped back.
func (w *mdWalker) htmlBlock(b *ast.HTMLBlock) {
	var buf []byte
	var at []int // at[i] is the body offset of buf[i]
	add := func(s text.Segment) {
		for i := s.Start; i < s.Stop; i++ {
			at = append(at, i)
		}
		buf = append(buf, w.src[s.Start:s.Stop]...)
	}
	for i := 0; i < b.Lines().Len(); i++ {
		add(b.Lines().At(i))
	}
	if b.HasClosure() {
		add(b.ClosureLine)
	}
	if len(buf) == 0 {
		return
	}
	end := at[len(at)-1] + 1
	contiguous := end-at[0] == len(buf)
	sub := &Page{}
	hs := &htmlSegmenter{src: buf, rules: w.rules, page: sub, budget: w.budget}
	hs.run(0, len(buf))
	pos := func(i int) int {
		if i >= len(at) {
			return w.base + end
		}
		return w.base + at[i]
	}
	for _, s := range sub.Segments {
		s.Context = w.context
		s.Start, s.End = pos(s.Start), pos(s.End-1)+1
		for i := range s.Codes {
			c := &s.Codes[i]
			if !contiguous {
				// Markup over several lines lost the lines' prefixes
				// ("> "): it is written on one line, and nothing is
				// translated inside it.
				if strings.Contains(c.Open+c.Close, "\n") {
					c.Open = strings.ReplaceAll(c.Open, "\n", " ")
					c.Close = strings.ReplaceAll(c.Close, "\n", " ")
					c.Pos, c.ClosePos = noPos, noPos
					continue
				}
			}
			if c.Pos != noPos {
				c.Pos = pos(c.Pos)
			}
			if c.ClosePos != noPos {
				c.ClosePos = pos(c.ClosePos)
			}
		}
		w.page.Segments = append(w.page.Segments, s)
	}
}

// definitionTitle makes a segment of the title of a link reference
// definition, [label]: destination "title"; the label and the
// destination are not translated.
func (w *mdWalker) definitionTitle(d *ast.LinkReferenceDefinition) {
	if d.Lines().Len() == 0 {
		return
	}
	start := d.Lines().At(0).Start
	end := d.Lines().At(d.Lines().Len() - 1).Stop
	i := bytes.Index(w.src[start:end], []byte("]:"))
	if i < 0 {
		return
	}
	k := linkDestination(w.src[:end], skipSpace(w.src[:end], start+i+2))
	if k < 0 {
		return
	}
	k = skipSpace(w.src[:end], k)
	if k >= end || w.src[k] != '"' && w.src[k] != '\'' && w.src[k] != '(' {
		return
	}
	closer := w.src[k]
	if closer == '(' {
		closer = ')'
	}
	for e := k + 1; e < end; e++ {
		if w.src[e] == '\\' {
			e++
			continue
		}
		if w.src[e] == closer {
			ib := &inlineBuilder{src: w.src, rules: w.rules, cursor: k + 1, budget: w.budget}
			ib.plain(k+1, w.src[k+1:e])
			ib.flush()
			if t := msgtext.Normalize(ib.text.String()); msgtext.HasWords(t) {
				w.add(Segment{Kind: "link title", Text: t, Start: k + 1, End: e, Syntax: MarkdownTitle, Quote: w.src[k], Codes: ib.codes})
			}
			return
		}
	}
}

func paragraphKind(n ast.Node) string {
	switch n.Parent().(type) {
	case *ast.ListItem:
		return "li"
	case *ast.Blockquote:
		return "blockquote"
	case *east.Footnote:
		return "footnote"
	}
	return "p"
}

func (w *mdWalker) skip(off int, reason string) {
	line, col := w.ls.pos(w.base + off)
	w.page.Skipped = append(w.page.Skipped, Skip{Line: line, Col: col, Reason: reason})
}

// inlineBlock makes a segment of the inline content of block b.
func (w *mdWalker) inlineBlock(b ast.Node, kind string, syntax Syntax) {
	first := b.FirstChild()
	// A task list's check box belongs to the list, not to the sentence.
	for first != nil && (first.Kind() == east.KindTaskCheckBox || first.Kind() == east.KindFootnoteBacklink) {
		first = first.NextSibling()
	}
	last := b.LastChild()
	for last != nil && last != first && last.Kind() == east.KindFootnoteBacklink {
		last = last.PreviousSibling()
	}
	if first == nil || last == nil {
		return
	}
	ib := w.build(b, first, last, true)
	if ib.err == nil && msgtext.Check(ib.text.String(), ib.text.String()) != nil {
		// A shortcode pair crosses other markup: its halves are atoms.
		ib = w.build(b, first, last, false)
	}
	start, err := ib.first, ib.err
	if err == nil && b.Lines().Len() > 0 {
		// The inline nodes must tile the block's text exactly; if they do
		// not, splicing a translation would damage the page.
		l := b.Lines().At(b.Lines().Len() - 1)
		end := l.Start + len(bytes.TrimRight(w.src[l.Start:l.Stop], " \t\r\n"))
		if ib.cursor != end {
			err = fmt.Errorf("inline markup ends at byte %d, the block at %d", ib.cursor, end)
		}
	}
	if err != nil {
		if hasLetters(b.Lines().Value(w.src)) {
			w.skip(b.Lines().At(0).Start, "inline markup glot cannot take apart safely: "+err.Error())
		}
		return
	}
	// Alt texts and link titles are messages of their own, whether or not
	// the block around them has words.
	for _, s := range ib.nested {
		w.add(s)
	}
	t := msgtext.Normalize(ib.text.String())
	if !msgtext.HasWords(t) {
		return
	}
	s := Segment{Kind: kind, Text: t, Start: start, End: ib.cursor, Syntax: syntax, Codes: ib.codes}
	unwrapShortcode(&s, w.src)
	w.add(s)
}

// unwrapShortcode leaves a shortcode pair that wraps a whole block
// ("{{% notice %}} ... {{% /notice %}}") out of its segment: the text
// between is the message, and the shortcode lines stay where they are.
func unwrapShortcode(s *Segment, src []byte) {
	if len(s.Codes) == 0 || s.Codes[0].Kind != "shortcode" || s.Codes[0].Atom || s.Codes[0].ClosePos < 0 ||
		!strings.HasPrefix(s.Text, "<1>") || !strings.HasSuffix(s.Text, "</1>") || strings.Count(s.Text, "</1>") != 1 {
		return
	}
	c := s.Codes[0]
	start, end := c.Pos+len(c.Open), c.ClosePos
	for start < end && isSpaceByte(src[start]) {
		start++
	}
	for end > start && isSpaceByte(src[end-1]) {
		end--
	}
	var b strings.Builder
	for _, tok := range msgtext.Parse(s.Text[3 : len(s.Text)-4]) {
		switch tok.Kind {
		case msgtext.Text:
			b.WriteString(tok.Text)
		case msgtext.Open:
			b.WriteString(msgtext.OpenTag(tok.N - 1))
		case msgtext.Close:
			b.WriteString(msgtext.CloseTag(tok.N - 1))
		case msgtext.Atom:
			b.WriteString(msgtext.AtomTag(tok.N - 1))
		}
	}
	s.Text, s.Codes, s.Start, s.End = msgtext.Normalize(b.String()), s.Codes[1:], start, end
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// build runs a builder over the inline nodes first to last of block b.
func (w *mdWalker) build(b, first, last ast.Node, pairShortcodes bool) *inlineBuilder {
	ib := &inlineBuilder{src: w.src, rules: w.rules, shortcodes: w.shortcodes, pairShortcodes: pairShortcodes, budget: w.budget}
	if b.Lines().Len() > 0 {
		ib.blockStart, ib.blockEnd = b.Lines().At(0).Start, b.Lines().At(b.Lines().Len()-1).Stop
	}
	ib.first, ib.err = ib.start(first)
	if ib.err == nil {
		ib.cursor = ib.first
		ib.err = ib.run(first, last.NextSibling())
		ib.flush()
	}
	return ib
}

// add adds a segment made with body offsets to the page.
func (w *mdWalker) add(s Segment) {
	s.Start += w.base
	s.End += w.base
	s.Context = w.context
	for i := range s.Codes {
		s.Codes[i].shift(w.base)
	}
	w.page.Segments = append(w.page.Segments, s)
}

func hasLetters(b []byte) bool {
	return msgtext.HasWords(string(b))
}

// inlineBuilder builds a message text from a run of inline nodes. goldmark
// gives every inline node its start offset and every text node its exact
// range; the builder derives where each piece of markup ends from the
// syntax (a link's "](...)", an emphasis' closing delimiter...) and checks
// that the pieces meet end to end.
type inlineBuilder struct {
	src     []byte
	text    strings.Builder
	pending strings.Builder // text not yet checked for look-alike tags
	codes   []Code
	cursor  int // offset up to which the source is accounted for
	rules   *Rules
	nested  []Segment // alt texts and link titles met on the way

	shortcodes           []shortcode
	pairShortcodes       bool
	blockStart, blockEnd int         // the block's text, where a shortcode's other half may be
	shortcodeCode        map[int]int // shortcode index -> placeholder number of its pair

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
	return &inlineBuilder{src: ib.src, rules: ib.rules, cursor: at, shortcodes: ib.shortcodes, spans: ib.memo(), budget: ib.budget}
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
	n := ib.code(Code{Kind: kind, Open: string(ib.src[start:end]), Atom: true, Pos: start, ClosePos: noPos})
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
		s, err := ib.start(n)
		if err != nil {
			return err
		}
		if t, ok := n.(*ast.Text); ok && s != ib.cursor && leftoverDelimiters(ib.src, t, ib.cursor) {
			// goldmark places the delimiters that an emphasis left over
			// at the start of their run, not after the ones it used.
			t.Segment = text.NewSegment(ib.cursor, ib.cursor+t.Segment.Len())
			ib.memo().forget(t)
			s = ib.cursor
		}
		if s != ib.cursor {
			return fmt.Errorf("unaccounted bytes %q", ib.src[ib.cursor:max(s, ib.cursor)])
		}
		switch x := n.(type) {
		case *ast.Text:
			if err := ib.textNode(x); err != nil {
				return err
			}
			continue
		case *ast.Emphasis:
			kind := "em"
			if x.Level == 2 {
				kind = "strong"
			}
			if err := ib.pair(x, kind, x.Level, x.Level); err != nil {
				return err
			}
			continue
		case *east.Strikethrough:
			d := runLen(ib.src, s, '~')
			if err := ib.pair(x, "del", d, d); err != nil {
				return err
			}
			continue
		case *ast.Link:
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
			// A shortcut or collapsed reference link ("[label]",
			// "[label][]") finds its target by its text: once the text
			// is translated it must name its label itself.
			if c := &ib.codes[link]; c.Close == "]" || c.Close == "][]" {
				c.Close = "][" + string(ib.src[s+1:inner]) + "]"
				c.ClosePos = noPos
			}
			ib.title(inner, e)
			continue
		case *ast.Image:
			e, err := ib.end(x)
			if err != nil {
				return err
			}
			ib.atom("image", s, e)
			// The alt text is translated, unless it is also the image's
			// reference label ("![label]", "![label][]"): then it must
			// stay as it is for the image to be found.
			if x.FirstChild() != nil && !labelledByText(ib.src, ib, x) {
				as, _ := ib.start(x.FirstChild())
				sub := ib.sub(as)
				if sub.run(x.FirstChild(), nil) == nil {
					ib.nest(sub, "alt", as, MarkdownInline, 0)
				}
			}
			ib.title(s, e)
			ib.cursor = e
			continue
		case *ast.RawHTML:
			if closer := ib.matchingClose(x); closer != nil && (ib.noTranslate(x) || skipElements[tagName(rawHTML(ib.src, x))]) {
				// An element kept out of translation is one atom.
				cs, _ := ib.start(closer)
				ce := cs + len(rawHTML(ib.src, closer))
				ib.atom("html", s, ce)
				ib.cursor = ce
				n = closer
				continue
			} else if closer != nil {
				open := rawHTML(ib.src, x)
				cs, _ := ib.start(closer)
				c := ib.code(Code{Kind: "html", Open: string(open), Close: string(rawHTML(ib.src, closer)), Pos: s, ClosePos: cs})
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
				ib.cursor = cs + len(rawHTML(ib.src, closer))
				n = closer
				continue
			}
		}
		// Everything else is an atom: its bytes pass through untouched.
		e, err := ib.end(n)
		if err != nil {
			return err
		}
		ib.atom(atomKind(n), s, e)
		ib.cursor = e
	}
	return nil
}

// labelledByText reports whether the image n is a shortcut or collapsed
// reference ("![label]", "![label][]"), which its alt text names.
func labelledByText(src []byte, ib *inlineBuilder, n *ast.Image) bool {
	inner, err := ib.end(n.LastChild())
	if err != nil || inner+1 >= len(src) {
		return true
	}
	switch src[inner+1] {
	case '(':
		return false
	case '[':
		return inner+2 < len(src) && src[inner+2] == ']'
	}
	return true
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
		sub.plain(ts, ib.src[ts:te])
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
	c := ib.code(Code{Kind: kind, Open: string(ib.src[s : s+openLen]), Close: string(ib.src[e-closeLen : e]), Pos: s, ClosePos: e - closeLen})
	ib.text.WriteString(msgtext.OpenTag(c))
	ib.cursor = s + openLen
	if err := ib.run(n.FirstChild(), nil); err != nil {
		return err
	}
	if ib.cursor != e-closeLen {
		return fmt.Errorf("%s markup: unaccounted bytes %q", kind, ib.src[ib.cursor:max(e-closeLen, ib.cursor)])
	}
	ib.flush()
	ib.text.WriteString(msgtext.CloseTag(c))
	ib.cursor = e
	return nil
}

// textNode adds a text node and the line break that may follow it.
func (ib *inlineBuilder) textNode(n *ast.Text) error {
	raw := n.Segment.Value(ib.src)
	ib.cursor = n.Segment.Stop
	if n.IsRaw() {
		ib.pending.Write(raw)
		return nil
	}
	backslashBreak := n.SoftLineBreak() && endsInBackslash(raw)
	if backslashBreak {
		raw = raw[:len(raw)-1]
	}
	ib.plain(n.Segment.Start, raw)
	if !n.SoftLineBreak() && !n.HardLineBreak() {
		return nil
	}
	next := n.NextSibling()
	if next == nil {
		return nil
	}
	ns, err := ib.start(next)
	if err != nil {
		return err
	}
	switch {
	case backslashBreak:
		ib.atom("br", n.Segment.Stop-1, ns)
	case n.HardLineBreak():
		ib.atom("br", n.Segment.Stop, ns)
	default:
		ib.pending.WriteByte(' ')
	}
	ib.cursor = ns
	return nil
}

// leftoverDelimiters reports whether t is a run of emphasis delimiters that
// a preceding emphasis did not use and that really stands at cursor.
func leftoverDelimiters(src []byte, t *ast.Text, cursor int) bool {
	v := t.Segment.Value(src)
	if len(v) == 0 || (v[0] != '*' && v[0] != '_') || bytes.Count(v, v[:1]) != len(v) {
		return false
	}
	return cursor+len(v) <= len(src) && bytes.Equal(src[cursor:cursor+len(v)], v)
}

func endsInBackslash(b []byte) bool {
	k := 0
	for i := len(b) - 1; i >= 0 && b[i] == '\\'; i-- {
		k++
	}
	return k%2 == 1
}

var entityRE = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// plain adds Markdown text as the characters it stands for: backslash
// escapes and entity references resolved. An entity for an invisible or
// spacing character (&nbsp;, &shy;, &zwj;...) stays as written, as an atom:
// a translator cannot see it, and it was put there on purpose.
func (ib *inlineBuilder) plain(at int, raw []byte) {
	for i := 0; i < len(raw); {
		c := raw[i]
		if c == '{' && len(ib.shortcodes) > 0 {
			if k := shortcodeAt(ib.shortcodes, at+i); k >= 0 && ib.shortcodes[k].start == at+i {
				ib.shortcode(k)
				i = min(ib.shortcodes[k].end-at, len(raw))
				continue
			}
		}
		switch {
		case c == '\\' && i+1 < len(raw) && isASCIIPunct(raw[i+1]):
			ib.pending.WriteByte(raw[i+1])
			i += 2
			continue
		case c == '&':
			if m := entityRE.Find(raw[i:]); m != nil {
				dec := html.UnescapeString(string(m))
				switch {
				case dec == string(m):
					ib.pending.Write(m) // not an entity HTML knows: literal text
				case invisible(dec):
					ib.atom("entity", at+i, at+i+len(m))
				default:
					ib.pending.WriteString(dec)
				}
				i += len(m)
				continue
			}
		}
		ib.pending.WriteByte(c)
		i++
	}
}

// shortcode adds shortcode k: half of a pair when its other half is in the
// same block, an atom otherwise. Its translatable parameters are messages
// nested in it.
func (ib *inlineBuilder) shortcode(k int) {
	sc := ib.shortcodes[k]
	raw := string(ib.src[sc.start:sc.end])
	p := sc.partner
	paired := ib.pairShortcodes && p >= 0 && ib.shortcodes[p].start >= ib.blockStart && ib.shortcodes[p].end <= ib.blockEnd
	switch {
	case paired && !sc.closing:
		o := ib.shortcodes[p]
		n := ib.code(Code{Kind: "shortcode", Open: raw, Close: string(ib.src[o.start:o.end]), Pos: sc.start, ClosePos: o.start})
		if ib.shortcodeCode == nil {
			ib.shortcodeCode = map[int]int{}
		}
		ib.shortcodeCode[k] = n
		ib.text.WriteString(msgtext.OpenTag(n))
	case paired && ib.shortcodeCode[p] > 0:
		ib.flush()
		ib.text.WriteString(msgtext.CloseTag(ib.shortcodeCode[p]))
	default:
		ib.atom("shortcode", sc.start, sc.end)
	}
	if ib.rules == nil {
		return
	}
	params := ib.rules.Shortcodes[sc.name]
	for _, m := range shortcodeParamRE.FindAllSubmatchIndex(ib.src[sc.start:sc.end], -1) {
		if !slices.Contains(params, string(ib.src[sc.start+m[2]:sc.start+m[3]])) {
			continue
		}
		vs, ve := sc.start+m[4], sc.start+m[5]
		sub := ib.sub(vs)
		sub.plain(vs, unquoteParam(ib.src[vs:ve]))
		sub.cursor = ve
		ib.nest(sub, sc.name+"."+string(ib.src[sc.start+m[2]:sc.start+m[3]]), vs, ShortcodeParam, '"')
	}
}

// unquoteParam resolves the escaped quotes and backslashes of a shortcode
// parameter.
func unquoteParam(b []byte) []byte {
	return bytes.ReplaceAll(bytes.ReplaceAll(b, []byte(`\"`), []byte(`"`)), []byte(`\\`), []byte(`\`))
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// invisible reports whether s is a single space, format or control
// character other than the plain space.
func invisible(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if size != len(s) {
		return false
	}
	switch {
	case r == 0xA0, r == 0xAD, r >= 0x2000 && r <= 0x200F, r >= 0x2028 && r <= 0x202F,
		r >= 0x205F && r <= 0x206F, r == 0xFEFF, r < 0x20, r == 0x7F:
		return true
	}
	return false
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

// start returns the offset at which inline node n begins.
func (ib *inlineBuilder) start(n ast.Node) (int, error) {
	switch n := n.(type) {
	case *ast.Text:
		return n.Segment.Start, nil
	case *ast.Emphasis:
		// goldmark gives nested emphases split from one delimiter run
		// ("***a***") the same position; the children's start is exact.
		if n.FirstChild() == nil {
			break
		}
		if s, ok := ib.spans.startOf(n); ok {
			return s, nil
		}
		s, err := ib.start(n.FirstChild())
		if err == nil {
			ib.memo().start[n] = s - n.Level
		}
		return s - n.Level, err
	case *east.Strikethrough:
		if n.FirstChild() == nil {
			break
		}
		if s, ok := ib.spans.startOf(n); ok {
			return s, nil
		}
		s, err := ib.start(n.FirstChild())
		k := 0
		for s-k > 0 && ib.src[s-k-1] == '~' {
			k++
		}
		if err == nil {
			ib.memo().start[n] = s - k
		}
		return s - k, err
	case *ast.AutoLink:
		// Autolinks found in plain text (www.example.com) may be given the
		// position of the character before them.
		p := n.Pos()
		if p >= 0 && p < len(ib.src) && ib.src[p] == '<' {
			return p, nil
		}
		label := n.Label(ib.src)
		if i := bytes.Index(ib.src[max(p, 0):], label); p >= 0 && i >= 0 && i <= 1 {
			return p + i, nil
		}
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			return n.Segments.At(0).Start, nil
		}
	}
	if p := n.Pos(); p >= 0 {
		return p, nil
	}
	return 0, fmt.Errorf("no position for %s", n.Kind())
}

// end returns the offset just past inline node n.
func (ib *inlineBuilder) end(n ast.Node) (int, error) {
	switch n.Kind() {
	case ast.KindEmphasis, east.KindStrikethrough, ast.KindLink, ast.KindImage:
		// These end where their last child does: worked out once, not
		// again for every node around them.
		if e, ok := ib.spans.endOf(n); ok {
			return e, nil
		}
		e, err := ib.nodeEnd(n)
		if err == nil {
			ib.memo().end[n] = e
		}
		return e, err
	}
	return ib.nodeEnd(n)
}

// nodeEnd works out where inline node n ends.
func (ib *inlineBuilder) nodeEnd(n ast.Node) (int, error) {
	s, err := ib.start(n)
	if err != nil {
		return 0, err
	}
	src := ib.src
	switch n := n.(type) {
	case *ast.Text:
		return n.Segment.Stop, nil
	case *ast.Emphasis:
		e, err := ib.end(n.LastChild())
		return e + n.Level, err
	case *east.Strikethrough:
		e, err := ib.end(n.LastChild())
		return e + runLen(src, e, '~'), err
	case *ast.Link, *ast.Image:
		inner := s + 1
		if n.Kind() == ast.KindImage {
			inner = s + 2
		}
		if n.LastChild() != nil {
			if inner, err = ib.end(n.LastChild()); err != nil {
				return 0, err
			}
		}
		if inner >= len(src) || src[inner] != ']' {
			return 0, fmt.Errorf("link text does not end in ']'")
		}
		return linkTail(src, inner), nil
	case *ast.CodeSpan:
		k := runLen(src, s, '`')
		from := s + k
		if n.LastChild() != nil {
			if from, err = ib.end(n.LastChild()); err != nil {
				return 0, err
			}
		}
		for i := from; i < len(src); {
			if src[i] != '`' {
				i++
				continue
			}
			r := runLen(src, i, '`')
			if r == k {
				return i + r, nil
			}
			i += r
		}
		return 0, fmt.Errorf("code span is not closed")
	case *ast.RawHTML:
		return n.Segments.At(n.Segments.Len() - 1).Stop, nil
	case *ast.AutoLink:
		if src[s] == '<' {
			if i := bytes.IndexByte(src[s:], '>'); i > 0 {
				return s + i + 1, nil
			}
			return 0, fmt.Errorf("autolink is not closed")
		}
		return s + len(n.Label(src)), nil
	case *east.FootnoteLink:
		if i := bytes.IndexByte(src[s:], ']'); i > 0 {
			return s + i + 1, nil
		}
	case *east.TaskCheckBox:
		return s + 3, nil
	}
	if next := n.NextSibling(); next != nil {
		return ib.start(next)
	}
	return 0, fmt.Errorf("no end for %s", n.Kind())
}

func runLen(src []byte, i int, c byte) int {
	k := 0
	for i+k < len(src) && src[i+k] == c {
		k++
	}
	return k
}

// linkTail returns the offset just past the part of a link that follows
// its text, starting at the "]" at i: "](destination "title")", "][label]",
// "[]" or nothing more.
func linkTail(src []byte, i int) int {
	j := i + 1
	if j >= len(src) {
		return j
	}
	switch src[j] {
	case '(':
		if e := inlineLinkTail(src, j); e > 0 {
			return e
		}
	case '[':
		for k := j + 1; k < len(src); k++ {
			switch src[k] {
			case '\\':
				k++
			case '[':
				return j
			case ']':
				return k + 1
			}
		}
	}
	return j
}

// linkTitle finds the title in the markup "](destination "title")" whose
// "]" is at i: the range of its text, without quotes, and its quote
// character; ts < 0 when there is none.
func linkTitle(src []byte, i int) (ts, te int, quote byte) {
	if i+1 >= len(src) || src[i+1] != '(' {
		return -1, -1, 0
	}
	k := skipSpace(src, i+2)
	k = linkDestination(src, k)
	if k < 0 {
		return -1, -1, 0
	}
	k = skipSpace(src, k)
	if k >= len(src) || src[k] != '"' && src[k] != '\'' && src[k] != '(' {
		return -1, -1, 0
	}
	quote = src[k]
	closer := quote
	if closer == '(' {
		closer = ')'
	}
	for e := k + 1; e < len(src); e++ {
		if src[e] == '\\' {
			e++
			continue
		}
		if src[e] == closer {
			return k + 1, e, quote
		}
	}
	return -1, -1, 0
}

// linkDestination returns the offset past the link destination at k, or -1.
func linkDestination(src []byte, k int) int {
	if k < len(src) && src[k] == '<' {
		for k++; k < len(src) && src[k] != '>'; k++ {
			if src[k] == '\\' {
				k++
			} else if src[k] == '\n' {
				return -1
			}
		}
		return k + 1
	}
	depth := 0
	for ; k < len(src); k++ {
		switch c := src[k]; {
		case c == '\\':
			k++
		case c == '(':
			depth++
		case c == ')':
			if depth == 0 {
				return k
			}
			depth--
		case c <= ' ':
			return k
		}
	}
	return k
}

// inlineLinkTail parses "(destination "title")" at src[j] == '(' and
// returns the offset past its ")", or -1.
func inlineLinkTail(src []byte, j int) int {
	k := linkDestination(src, skipSpace(src, j+1))
	if k < 0 {
		return -1
	}
	k = skipSpace(src, k)
	if k < len(src) && (src[k] == '"' || src[k] == '\'' || src[k] == '(') {
		closer := src[k]
		if closer == '(' {
			closer = ')'
		}
		for k++; k < len(src) && src[k] != closer; k++ {
			if src[k] == '\\' {
				k++
			}
		}
		k = skipSpace(src, k+1)
	}
	if k < len(src) && src[k] == ')' {
		return k + 1
	}
	return -1
}

func skipSpace(src []byte, k int) int {
	for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
		k++
	}
	return k
}

func rawHTML(src []byte, n ast.Node) []byte {
	r := n.(*ast.RawHTML)
	return src[r.Segments.At(0).Start:r.Segments.At(r.Segments.Len()-1).Stop]
}

var (
	openTagRE  = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9-]*)(?:\s[^>]*)?>$`)
	closeTagRE = regexp.MustCompile(`^</([A-Za-z][A-Za-z0-9-]*)\s*>$`)
)

// voidElements never have a closing tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}
