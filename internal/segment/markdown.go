package segment

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"regexp"
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
	// Shortcodes says how Hugo shortcodes are read, by name: which
	// parameters are translated, what the inside of a pair is. It adds to
	// and overrides DefaultShortcodes, name by name.
	Shortcodes map[string]ShortcodeRule
	// Atoms match other generators' macros ({{Glossary("HTML")}} in MDN's
	// pages, {% include x.html %} in Jekyll's), which are kept as written:
	// placeholders, never translated.
	Atoms []*regexp.Regexp

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
	var hugo *hugoText
	view := body
	if r != nil && r.CommonMark {
		p = commonMarkParser
	} else {
		hugo = readHugo(body, r)
		view = hugo.view
	}
	if err := prescan(view, fm.Body, r.maxNesting(), ls); err != nil {
		return nil, err
	}
	doc := p.Parse(text.NewReader(view))
	w := &mdWalker{src: view, orig: body, base: fm.Body, page: page, ls: ls, rules: r, hugo: hugo, budget: b}
	w.blocks(doc)
	if b.over() {
		return nil, errOverBudget
	}
	if hugo != nil {
		w.shortcodes()
	}
	page.finish(ls)
	return page, nil
}

type mdWalker struct {
	// src is the page body as Markdown reads it, its shortcodes masked;
	// orig is the body itself, where the text of messages is read.
	src, orig []byte
	base      int // offset of the body in the page
	page      *Page
	ls        lines
	rules     *Rules
	context   string // the context of the block being segmented
	// contexts are the blocks given a context of their own, outer ones
	// first.
	contexts []contextSpan
	hugo     *hugoText // the page's shortcodes and macros; nil for CommonMark
	budget   *budget
}

// contextSpan is a block of the body that has a context of its own.
type contextSpan struct {
	start, end int
	context    string
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
			if s, e, ok := blockSpan(c); ok {
				w.contexts = append(w.contexts, contextSpan{s, e, w.context})
			}
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

// shortcodes adds the messages of the shortcodes' translated parameters
// and of the insides read as plain text, each with the context of the
// block it is in, and reports the insides kept as written for want of a
// rule that says what they are.
func (w *mdWalker) shortcodes() {
	add := func(s Segment) {
		w.context = ""
		for _, c := range w.contexts {
			if c.start <= s.Start && s.End <= c.end {
				w.context = c.context
			}
		}
		w.add(s)
	}
	w.hugo.params(w.orig, w.rules, add)
	w.hugo.texts(w.orig, add)
	w.context = ""
	for _, k := range w.hugo.unknown {
		tag := &w.hugo.scs[k]
		if hasLetters(w.orig[tag.End:w.hugo.scs[tag.Partner].Start]) {
			name := tag.Name
			if strings.ContainsAny(name, "/.") {
				name = strconv.Quote(name)
			}
			w.skip(tag.Start, fmt.Sprintf("the inside of shortcode %s is kept as written, as Hugo hands it to the shortcode; "+
				"to translate it, say what it is with inner = \"markdown\" or \"text\" in [extract.shortcodes.%s] of glot.toml "+
				"(inner = \"opaque\" keeps it and says no more)", tag.Name, name))
		}
	}
}

// blockSpan returns where block n's text starts and ends in the body.
func blockSpan(n ast.Node) (start, end int, ok bool) {
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		if n.Type() != ast.TypeBlock {
			return
		}
		if l := n.Lines(); l != nil && l.Len() > 0 {
			if !ok || l.At(0).Start < start {
				start = l.At(0).Start
			}
			end, ok = max(end, l.At(l.Len()-1).Stop), true
		}
		if h, isHTML := n.(*ast.HTMLBlock); isHTML && h.HasClosure() {
			end = max(end, h.ClosureLine.Stop)
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c)
		}
	}
	walk(n)
	return start, end, ok
}

// htmlBlock segments an HTML block as HTML. Inside a block quote or a
// list its lines are not contiguous in the page; they are read joined, and
// every position is mapped back.
func (w *mdWalker) htmlBlock(b *ast.HTMLBlock) {
	var buf, view []byte
	var at []int // at[i] is the body offset of buf[i]
	add := func(s text.Segment) {
		for i := s.Start; i < s.Stop; i++ {
			at = append(at, i)
		}
		buf = append(buf, w.orig[s.Start:s.Stop]...)
		view = append(view, w.src[s.Start:s.Stop]...)
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
	hs := &htmlSegmenter{src: buf, view: view, marks: w.marksIn(at), rules: w.rules, page: sub, budget: w.budget}
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

// marksIn returns the marks that lie in the bytes of the body at lists,
// in order, with their offsets in that list.
func (w *mdWalker) marksIn(at []int) []mark {
	if w.hugo == nil || len(w.hugo.marks) == 0 || len(at) == 0 {
		return nil
	}
	var out []mark
	i := 0
	for k := markAt(w.hugo.marks, at[0]); k < len(w.hugo.marks) && w.hugo.marks[k].start <= at[len(at)-1]; k++ {
		m := w.hugo.marks[k]
		for i < len(at) && at[i] < m.start {
			i++
		}
		j := i
		for j < len(at) && at[j] < m.end {
			j++
		}
		if j > i {
			m.start, m.end, m.partner = i, j, -1
			out = append(out, m)
		}
		i = j
	}
	return out
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
	// The structure is read from the masked body, the title's text from
	// the page.
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
			ib := &inlineBuilder{src: w.src, orig: w.orig, rules: w.rules, marks: w.marks(), cursor: k + 1, limit: e, budget: w.budget}
			ib.plain(k+1, w.orig[k+1:e])
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
	lines := b.Lines()
	endLine := lines.Len() - 1
	if w.hugo != nil && lines.Len() > 1 {
		if first, last, endLine = w.tagLines(b, first, last); first == nil {
			return
		}
	}
	ib := w.build(b, first, last, true)
	if ib.err == nil && msgtext.Check(ib.text.String(), ib.text.String()) != nil {
		// A shortcode pair crosses other markup: its halves are atoms.
		ib = w.build(b, first, last, false)
	}
	start, err := ib.first, ib.err
	if err == nil && endLine >= 0 {
		// The inline nodes must tile the block's text exactly; if they do
		// not, splicing a translation would damage the page.
		l := lines.At(endLine)
		end := l.Start + len(bytes.TrimRight(w.src[l.Start:l.Stop], " \t\r\n"))
		if ib.cursor != end {
			err = fmt.Errorf("inline markup ends at byte %d, the block at %d", ib.cursor, end)
		}
	}
	if err != nil {
		if hasLetters(lines.Value(w.orig)) {
			w.skip(lines.At(0).Start, "inline markup glot cannot take apart safely: "+err.Error())
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
	unwrapShortcode(&s, w.orig)
	w.add(s)
}

// tagLines leaves out of block b the lines at either end that hold nothing
// but shortcode tags that open or close blocks: "> {{% note %}}" in a
// block quote, whose tag line Markdown reads as part of the paragraph that
// follows. It returns the first and last inline nodes left, nil when none
// is, and the index of the block's last line left. Where a node goes on
// over such a line, the block is left whole.
func (w *mdWalker) tagLines(b, first, last ast.Node) (ast.Node, ast.Node, int) {
	lines := b.Lines()
	from, to := 0, lines.Len()-1
	for from <= to && w.hugo.isBlockLine(w.orig, lines.At(from).Start, lines.At(from).Stop) {
		from++
	}
	for to >= from && w.hugo.isBlockLine(w.orig, lines.At(to).Start, lines.At(to).Stop) {
		to--
	}
	whole := lines.Len() - 1
	if from == 0 && to == whole {
		return first, last, whole
	}
	if from > to {
		return nil, nil, -1
	}
	ib := &inlineBuilder{src: w.src, orig: w.orig, budget: w.budget}
	keepStart := skipBlank(w.src, lines.At(from).Start)
	l := lines.At(to)
	keepEnd := l.Start + len(bytes.TrimRight(w.src[l.Start:l.Stop], " \t\r\n"))
	f, lt := first, last
	for f != nil && f != lt {
		s, err := ib.start(f)
		if err != nil || s >= keepStart {
			break
		}
		f = f.NextSibling()
	}
	for lt != nil && lt != f {
		e, err := ib.end(lt)
		if err != nil || e <= keepEnd {
			break
		}
		lt = lt.PreviousSibling()
	}
	s, err1 := ib.start(f)
	e, err2 := ib.end(lt)
	if err1 != nil || err2 != nil || s != keepStart || e != keepEnd {
		return first, last, whole
	}
	return f, lt, to
}

func skipBlank(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
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
	ib := &inlineBuilder{src: w.src, orig: w.orig, rules: w.rules, marks: w.marks(), pairShortcodes: pairShortcodes, budget: w.budget}
	if b.Lines().Len() > 0 {
		ib.blockStart, ib.blockEnd = b.Lines().At(0).Start, b.Lines().At(b.Lines().Len()-1).Stop
		ib.limit = ib.blockEnd
	}
	ib.first, ib.err = ib.start(first)
	ib.after = last.NextSibling()
	if ib.err == nil {
		ib.cursor = ib.first
		ib.err = ib.run(first, ib.after)
		ib.flush()
	}
	return ib
}

// marks are the page's shortcode tags and macros, or nil.
func (w *mdWalker) marks() []mark {
	if w.hugo == nil {
		return nil
	}
	return w.hugo.marks
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
			if _, ok := n.(*ast.Text); !ok || s > ib.cursor {
				return fmt.Errorf("unaccounted bytes %q", ib.orig[ib.cursor:max(s, ib.cursor)])
			}
			// A shortcode read before goes on into this text.
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
				c.Close = "][" + string(ib.orig[s+1:inner]) + "]"
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
			if x.FirstChild() != nil {
				ib.alt(x, s, e)
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
				open := rawHTML(ib.orig, x)
				cs, _ := ib.start(closer)
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

// textNode adds a text node and the line break that may follow it.
func (ib *inlineBuilder) textNode(n *ast.Text) error {
	start, stop := n.Segment.Start, n.Segment.Stop
	if start < ib.cursor {
		// A shortcode read before goes on into this text, or past it.
		start = min(ib.cursor, stop)
	}
	raw := ib.orig[start:stop]
	if n.IsRaw() {
		ib.pending.Write(raw)
		ib.cursor = max(ib.cursor, stop)
		return nil
	}
	backslashBreak := n.SoftLineBreak() && endsInBackslash(n.Segment.Value(ib.src))
	if backslashBreak && len(raw) > 0 {
		raw = raw[:len(raw)-1]
	}
	ib.cursor = max(ib.cursor, stop, ib.plain(start, raw))
	if !n.SoftLineBreak() && !n.HardLineBreak() {
		return nil
	}
	next := n.NextSibling()
	if next == nil || next == ib.after {
		return nil
	}
	ns, err := ib.start(next)
	if err != nil {
		return err
	}
	if ns <= ib.cursor {
		// A shortcode goes on over the line break.
		return nil
	}
	switch {
	case backslashBreak && ib.cursor == stop:
		ib.atom("br", stop-1, ns)
	case n.HardLineBreak() && ib.cursor == stop:
		ib.atom("br", stop, ns)
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

// plain adds Markdown text, raw, which stands at offset at, as the
// characters it stands for: backslash escapes and entity references
// resolved. An entity for an invisible or spacing character (&nbsp;,
// &shy;, &zwj;...) stays as written, as an atom: a translator cannot see
// it, and it was put there on purpose. A shortcode tag or a macro is a
// placeholder. plain returns the offset where what it read ends, past the
// end of raw when a shortcode goes on beyond it.
func (ib *inlineBuilder) plain(at int, raw []byte) int {
	k := len(ib.marks)
	if k > 0 {
		k = markAt(ib.marks, at)
	}
	for i := 0; i < len(raw); {
		if k < len(ib.marks) && ib.marks[k].start <= at+i {
			e := ib.mark(k, at+i)
			k++
			if e-at >= len(raw) {
				return e
			}
			i = e - at
			continue
		}
		c := raw[i]
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
	return at + len(raw)
}

// mark adds mark k, from offset from on (where a block starts inside it):
// half of a pair when its other half is in the same block, an atom
// otherwise. It returns where the mark ends, or the limit, whichever
// comes first.
func (ib *inlineBuilder) mark(k, from int) int {
	m := ib.marks[k]
	end := m.end
	if ib.limit > from && end > ib.limit {
		end = ib.limit
	}
	kind := "shortcode"
	if m.sc < 0 {
		kind = "macro"
	}
	p := m.partner
	paired := ib.pairShortcodes && p >= 0 && from == m.start && end == m.end &&
		ib.marks[p].start >= ib.blockStart && ib.marks[p].end <= ib.blockEnd
	switch {
	case paired && p > k:
		o := ib.marks[p]
		n := ib.code(Code{Kind: kind, Open: string(ib.orig[m.start:m.end]), Close: string(ib.orig[o.start:o.end]), Pos: m.start, ClosePos: o.start})
		if ib.shortcodeCode == nil {
			ib.shortcodeCode = map[int]int{}
		}
		ib.shortcodeCode[k] = n
		ib.text.WriteString(msgtext.OpenTag(n))
	case paired && ib.shortcodeCode[p] > 0:
		ib.flush()
		ib.text.WriteString(msgtext.CloseTag(ib.shortcodeCode[p]))
	default:
		ib.atom(kind, from, end)
	}
	return end
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
