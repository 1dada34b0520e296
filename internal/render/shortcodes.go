package render

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/glot-i18n/glot/internal/segment"
	"github.com/glot-i18n/glot/internal/shortcode"
)

// Markdown turns the Markdown body of a page into HTML as glot's HTML
// build shows it, running the page's Hugo shortcodes. It works in two
// steps, Parse and Render. The build's own passes over the tree (heading
// ids, links, the lang of text shown in the source language) are goldmark
// ASTTransformers given to NewMarkdown, which run as Parse parses and read
// the page they work on from the parser's context (see Setting):
//
//	md := render.NewMarkdown(headingIDs{}, links{})
//	doc := md.Parse(body, render.Setting{Key: pageKey, Value: page}) // Markdown with shortcodes in
//	html, err := md.Render(doc, htmlPage)                           // HTML out
//
// Goldmark never sees a shortcode. Parse puts a stand-in in place of each
// one, a word of letters and digits that Markdown reads as text: a tag
// alone, or a {{< >}} pair with its inner content, which is not Markdown,
// stands as one word; each tag of a {{% %}} pair stands as a word of its
// own, and the Markdown between them is read as part of the page, as Hugo
// reads it. A {{% %}} pair whose tags are each alone on their line stands
// as blocks of their own, so that what it holds is read as blocks, not as
// a paragraph that begins with the opening tag. Render then puts each
// shortcode's output where its stand-in came out of goldmark. A stand-in
// alone in a paragraph takes the paragraph's place, as Hugo does, so that
// a block of HTML is not put inside a <p>.
type Markdown struct {
	md goldmark.Markdown
}

// NewMarkdown returns the Markdown renderer of glot's HTML build: goldmark
// as glot reads pages (segment.Goldmark), raw HTML kept, since it is the
// site owner's and a translation cannot add any. The passes run in the
// order given, after goldmark's own (the footnote list is made by then).
func NewMarkdown(passes ...parser.ASTTransformer) *Markdown {
	transformers := []util.PrioritizedValue{util.Prioritized(docRoot{}, 0)}
	for i, p := range passes {
		transformers = append(transformers, util.Prioritized(p, firstPass+i))
	}
	return &Markdown{md: segment.Goldmark(
		goldmark.WithParserOptions(
			parser.WithBlockParsers(util.Prioritized(standInParser{}, 100)),
			parser.WithASTTransformers(transformers...),
		),
		goldmark.WithRendererOptions(ghtml.WithUnsafe(), renderer.WithNodeRenderers(util.Prioritized(standInRenderer{}, 100))),
	)}
}

// Doc is a page body parsed for rendering.
type Doc struct {
	Root ast.Node
	// Src is the text goldmark read: the body, each shortcode a stand-in.
	// The positions in Root are in Src; At maps them to the body.
	Src  []byte
	body []byte
	scs  []shortcode.Shortcode
	role []role
	// parent is the index of the opening tag of the pair each tag is in,
	// -1 for none; ordinal its place among the shortcodes of that pair.
	parent, ordinal []int
	prefix          string
	moves           []move
}

// role is what a tag is in a Doc.
type role uint8

const (
	roleAlone  role = iota // a tag that stands alone: its output takes its place
	roleOpen               // opens a {{% %}} pair, whose inner content is part of the page
	roleClose              // closes one
	roleRaw                // opens a {{< >}} pair: it, its inner content and its closing tag stand as one
	roleInside             // lies inside a {{< >}} pair
)

// move says that Src[src:srcEnd], a stand-in, is body[body:bodyEnd].
type move struct{ src, srcEnd, body, bodyEnd int }

// Parse reads body, a page's Markdown with its front matter left out.
// The settings are put in the parser's context for the passes to read.
func (m *Markdown) Parse(body []byte, settings ...Setting) *Doc {
	d := &Doc{Src: body, body: body, scs: shortcode.Find(body)}
	if len(d.scs) > 0 {
		d.protect()
	}
	pc := parser.NewContext()
	if d.prefix != "" {
		ids := headingIDs{ids: pc.IDs(), prefix: d.prefix, standIn: regexp.MustCompile(regexp.QuoteMeta(d.prefix) + `B?[0-9]{1,9}Z`)}
		pc = parser.NewContext(parser.WithIDs(ids))
		pc.Set(prefixKey, d.prefix)
	}
	pc.Set(docKey, d)
	for _, s := range settings {
		pc.Set(s.Key, s.Value)
	}
	d.Root = m.md.Parser().Parse(text.NewReader(d.Src), parser.WithContext(pc))
	return d
}

// HasShortcodes reports whether the page has shortcodes to run.
func (d *Doc) HasShortcodes() bool { return len(d.scs) > 0 }

// At returns where offset i of d.Src is in the body; an offset inside a
// stand-in is the start of its shortcode.
func (d *Doc) At(i int) int {
	k := sort.Search(len(d.moves), func(k int) bool { return d.moves[k].src > i }) - 1
	if k < 0 {
		return i
	}
	mv := d.moves[k]
	if i < mv.srcEnd {
		return mv.body
	}
	return i - mv.srcEnd + mv.bodyEnd
}

// HasStandIn reports whether b, text of d.Src (a link's destination, say),
// holds a shortcode's stand-in.
func (d *Doc) HasStandIn(b []byte) bool {
	return d.prefix != "" && bytes.Contains(b, []byte(d.prefix))
}

// Partner returns, for n a block standing for the opening tag of a
// {{% %}} pair on lines of its own, the block standing for its closing
// tag, when it follows n in the same container; else nil.
func (d *Doc) Partner(n ast.Node) ast.Node {
	b, ok := n.(*standInBlock)
	if !ok || d.role[b.n] != roleOpen {
		return nil
	}
	for c := n.NextSibling(); c != nil; c = c.NextSibling() {
		if cb, ok := c.(*standInBlock); ok && cb.n == d.scs[b.n].Partner {
			return c
		}
	}
	return nil
}

// protect makes d.Src: the body with each shortcode a stand-in.
func (d *Doc) protect() {
	body, scs := d.body, d.scs
	d.prefix = standInPrefix(body)
	n := len(scs)
	d.role, d.parent, d.ordinal = make([]role, n), make([]int, n), make([]int, n)
	// Which pair each tag is in, and its place there, for .Parent and
	// .Ordinal.
	var stack []int
	next := map[int]int{}
	for i, s := range scs {
		if s.Closing && s.Partner >= 0 {
			for len(stack) > 0 {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if top == s.Partner {
					break
				}
			}
		}
		d.parent[i] = -1
		if len(stack) > 0 {
			d.parent[i] = stack[len(stack)-1]
		}
		if !s.Closing && !s.Comment {
			d.ordinal[i] = next[d.parent[i]]
			next[d.parent[i]]++
		}
		if s.Paired() {
			stack = append(stack, i)
		}
	}
	// A {{% %}} pair over several lines, that starts one and ends one,
	// holds blocks. Its tags stand on lines of their own even when a
	// translation has run the text of the paragraph next to a tag onto
	// the tag's line, as one that was written as a message with the
	// paragraph does.
	block := make([]bool, n)
	for i, s := range scs {
		if s.Delim == '%' && s.Paired() && startsLine(body, s) && endsLine(body, scs[s.Partner]) &&
			bytes.IndexByte(body[s.End:scs[s.Partner].Start], '\n') >= 0 {
			block[i], block[s.Partner] = true, true
		}
	}
	out := make([]byte, 0, len(body))
	last := 0
	for i, s := range scs {
		if s.Start < last {
			d.role[i] = roleInside
			continue
		}
		end := s.End
		switch {
		case s.Comment:
		case s.Delim == '<' && s.Paired():
			d.role[i], end = roleRaw, scs[s.Partner].End
		case s.Paired():
			d.role[i] = roleOpen
		case s.Closing && s.Partner >= 0:
			d.role[i] = roleClose
		}
		out = append(out, body[last:s.Start]...)
		tok := d.standIn(i, block[i])
		if block[i] && d.role[i] == roleOpen && !endsLine(body, s) {
			tok += "\n"
		}
		if block[i] && d.role[i] == roleClose && !startsLine(body, s) {
			tok = "\n" + tok
		}
		d.moves = append(d.moves, move{len(out), len(out) + len(tok), s.Start, end})
		out = append(out, tok...)
		last = end
	}
	d.Src = append(out, body[last:]...)
}

// standIn is the word that stands for tag i: the prefix, "B" for a tag
// that stands as a block, the tag's index, and "Z".
func (d *Doc) standIn(i int, block bool) string {
	s := d.prefix
	if block {
		s += "B"
	}
	return s + strconv.Itoa(i) + "Z"
}

// standInPrefix returns a prefix for stand-ins that body does not hold,
// so that no text of the page, a translation's included, can pass for
// one: a translator cannot repeat a shortcode by typing its stand-in.
func standInPrefix(body []byte) string {
	p := "GLOTSC"
	for bytes.Contains(body, []byte(p)) {
		p += "Q"
	}
	return p
}

// readStandIn reads a stand-in at the start of b: the tag's index,
// whether it stands as a block, and its length; 0 for none.
func readStandIn(b []byte, prefix string) (n int, block bool, size int) {
	if prefix == "" || !bytes.HasPrefix(b, []byte(prefix)) {
		return 0, false, 0
	}
	i := len(prefix)
	if i < len(b) && b[i] == 'B' {
		block = true
		i++
	}
	j := i
	for j < len(b) && b[j] >= '0' && b[j] <= '9' && j-i < 9 {
		j++
	}
	if j == i || j >= len(b) || b[j] != 'Z' {
		return 0, false, 0
	}
	n, _ = strconv.Atoi(string(b[i:j]))
	return n, block, j + 1
}

// aloneOnLine reports whether tag s is alone on its line, but for the
// markers of the list item or block quote it is in.
func aloneOnLine(body []byte, s shortcode.Shortcode) bool {
	return startsLine(body, s) && endsLine(body, s)
}

// startsLine reports whether tag s starts its line, after the markers of
// the list item or block quote it is in.
func startsLine(body []byte, s shortcode.Shortcode) bool {
	ls := bytes.LastIndexByte(body[:s.Start], '\n') + 1
	for _, c := range body[ls:s.Start] {
		if !bytes.ContainsRune([]byte(" \t>-*+.)0123456789"), rune(c)) {
			return false
		}
	}
	return true
}

// endsLine reports whether tag s ends its line.
func endsLine(body []byte, s shortcode.Shortcode) bool {
	rest := body[s.End:]
	if le := bytes.IndexByte(rest, '\n'); le >= 0 {
		rest = rest[:le]
	}
	return len(bytes.Trim(rest, " \t\r")) == 0
}

// prefixKey holds, in goldmark's parser context, the prefix of the
// stand-ins of the text being parsed.
var prefixKey = parser.NewContextKey()

var kindStandIn = ast.NewNodeKind("ShortcodeStandIn")

// standInBlock is a line that is nothing but the stand-in of a tag of a
// {{% %}} pair on lines of its own.
type standInBlock struct {
	ast.BaseBlock
	n    int
	text string
}

func (b *standInBlock) Kind() ast.NodeKind { return kindStandIn }

func (b *standInBlock) Dump(src []byte, level int) { ast.DumpHelper(b, src, level, nil, nil) }

// standInParser reads a standInBlock. It can interrupt a paragraph: the
// opening tag of a pair that ends a paragraph's line is not part of it.
type standInParser struct{}

func (standInParser) Trigger() []byte { return []byte{'G'} }

func (standInParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	prefix, _ := pc.Get(prefixKey).(string)
	pos := pc.BlockOffset()
	if prefix == "" || pos < 0 {
		return nil, parser.NoChildren
	}
	line, _ := reader.PeekLine()
	if pos > len(line) {
		return nil, parser.NoChildren
	}
	l := bytes.TrimRight(line[pos:], " \t\r\n")
	n, block, size := readStandIn(l, prefix)
	if !block || size != len(l) {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	return &standInBlock{n: n, text: string(l)}, parser.NoChildren
}

func (standInParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}

func (standInParser) Close(ast.Node, text.Reader, parser.Context) {}

func (standInParser) CanInterruptParagraph() bool { return true }

func (standInParser) CanAcceptIndentedLine() bool { return false }

// standInRenderer writes a standInBlock as its stand-in, on a line of its
// own, for Render to replace.
type standInRenderer struct{}

func (standInRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindStandIn, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*standInBlock).text)
			_ = w.WriteByte('\n')
		}
		return ast.WalkContinue, nil
	})
}

// headingIDs makes a heading's id from its text without its shortcodes'
// stand-ins: "Install {{< param version >}}" is "install", not a word
// that changes with the page.
type headingIDs struct {
	ids     parser.IDs
	prefix  string
	standIn *regexp.Regexp // a stand-in of the Doc
}

func (h headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	if h.standIn != nil && bytes.Contains(value, []byte(h.prefix)) {
		value = bytes.Join(bytes.Fields(h.standIn.ReplaceAll(value, nil)), []byte(" "))
	}
	return h.ids.Generate(value, kind)
}

func (h headingIDs) Put(value []byte) { h.ids.Put(value) }
