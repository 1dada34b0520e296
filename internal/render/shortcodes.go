package render

import (
	"bytes"
	"regexp"
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/glot-i18n/glot/internal/shortcode"
)

// protect makes d.Src: the body with each shortcode a stand-in.
func (d *Doc) protect() {
	d.prefix = standInPrefix(d.body)
	d.nest()
	block := blockPairs(d.body, d.scs)
	d.role = make([]role, len(d.scs))
	out := make([]byte, 0, len(d.body))
	last := 0
	for i, s := range d.scs {
		if s.Start < last {
			d.role[i] = roleInside
			continue
		}
		end := d.assignRole(i)
		out = append(out, d.body[last:s.Start]...)
		tok := d.standInOf(i, block[i])
		d.moves = append(d.moves, move{len(out), len(out) + len(tok), s.Start, end})
		out = append(out, tok...)
		last = end
	}
	d.Src = append(out, d.body[last:]...)
}

// nest works out which pair each tag is in, and its place there, for
// .Parent and .Ordinal.
func (d *Doc) nest() {
	n := len(d.scs)
	d.parent, d.ordinal = make([]int, n), make([]int, n)
	var stack []int
	next := map[int]int{}
	for i, s := range d.scs {
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
}

// blockPairs says which tags stand as blocks: those of a {{% %}} pair
// over several lines, that starts one and ends one, for it holds blocks.
// Its tags stand on lines of their own even when a translation has run
// the text of the paragraph next to a tag onto the tag's line, as one
// that was written as a message with the paragraph does.
func blockPairs(body []byte, scs []shortcode.Shortcode) []bool {
	block := make([]bool, len(scs))
	for i, s := range scs {
		if s.Delim == '%' && s.Paired() && startsLine(body, s) && endsLine(body, scs[s.Partner]) &&
			bytes.IndexByte(body[s.End:scs[s.Partner].Start], '\n') >= 0 {
			block[i], block[s.Partner] = true, true
		}
	}
	return block
}

// assignRole sets the role of tag i, which no {{< >}} pair holds, and
// returns where the text its stand-in takes the place of ends: a {{< >}}
// pair stands as one, up to the end of its closing tag.
func (d *Doc) assignRole(i int) (end int) {
	s := d.scs[i]
	switch {
	case s.Comment:
	case s.Delim == '<' && s.Paired():
		d.role[i] = roleRaw
		return d.scs[s.Partner].End
	case s.Paired():
		d.role[i] = roleOpen
	case s.Closing && s.Partner >= 0:
		d.role[i] = roleClose
	}
	return s.End
}

// standInOf is the stand-in of tag i, whose role is set: a tag that
// stands as a block gets the line breaks that put it on a line of its
// own.
func (d *Doc) standInOf(i int, block bool) string {
	s, tok := d.scs[i], d.standIn(i, block)
	if block && d.role[i] == roleOpen && !endsLine(d.body, s) {
		tok += "\n"
	}
	if block && d.role[i] == roleClose && !startsLine(d.body, s) {
		tok = "\n" + tok
	}
	return tok
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
