package segment

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

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

// Markdown segments a Markdown page: its front matter's translatable keys
// (title and description by default) and the inline content of every
// heading, paragraph, list item, block quote, table cell and footnote of
// its body. A page nested deeper, larger or slower to read than the rules
// allow is refused (see DefaultMaxNesting).
func Markdown(src []byte, r *Rules) (*Page, error) {
	if err := checkSize(src, r); err != nil {
		return nil, err
	}
	if _, err := r.atomPatterns(); err != nil {
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
	// tables are the HTML tables left open by the HTML blocks read so
	// far: a blank line ends an HTML block, and a table written with
	// blank lines between its rows is several blocks.
	tables []*htmlTable
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
		case *east.Table:
			w.table(c)
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
	hs := &htmlSegmenter{src: buf, view: view, marks: w.marksIn(at), rules: w.rules, page: sub, budget: w.budget, tables: w.tables}
	hs.run(0, len(buf))
	// A cell still open ends with the block, as far as its place goes:
	// the segments of the next block are another page's. A table still
	// open holds everything the next block has before its end tag, so it
	// starts there at the next block's first segment.
	for _, t := range hs.tables {
		hs.endCell(t)
		t.start = 0
	}
	w.tables = hs.tables
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
	if w.hugo != nil {
		trimPairTags(&s, w.orig, w.hugo.marks)
	}
	w.add(s)
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
