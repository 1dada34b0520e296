package segment

import (
	"fmt"
	"sort"

	"github.com/glot-i18n/glot/internal/msgid"
)

// Syntax says how a translation is written back into the page.
type Syntax uint8

const (
	// MarkdownInline is the inline content of a Markdown block.
	MarkdownInline Syntax = iota + 1
	// MarkdownCell is the inline content of a table cell, where "|" ends
	// the cell.
	MarkdownCell
	// YAMLValue is a YAML scalar, written back as a double-quoted string.
	YAMLValue
	// TOMLValue is a TOML string value, written back as a basic string.
	TOMLValue
)

// Segment is one translatable run of text in a page.
type Segment struct {
	Kind    string // the block it comes from: "h1".."h6", "p", "li", "td", "th", "blockquote", "footnote", "title", "description"
	Text    string // message text, placeholders included, normalized (msgtext.Normalize)
	Context string // distinguishes identical text that must be translated differently; usually ""
	ID      string // message id, from Context and Text
	// Start and End delimit the bytes of the page that a translation
	// replaces.
	Start, End int
	Line, Col  int // 1-based position of Start
	Syntax     Syntax
	Codes      []Code // Codes[n-1] is placeholder n of Text
}

// Code is the markup behind one placeholder.
type Code struct {
	Kind  string // "em", "strong", "del", "link", "html", "code", "image", "br", "autolink", "footnote", "entity", "literal", "markup"
	Open  string // raw bytes of the opening markup, or the whole atom
	Close string // raw bytes of the closing markup; "" for an atom
	Atom  bool
}

// Describe says in a few words what a placeholder stands for, for the
// comments of a translator's file.
func (c Code) Describe() string {
	raw := c.Open
	if !c.Atom {
		raw = c.Open + "…" + c.Close
	}
	if len(raw) > 80 {
		raw = raw[:77] + "..."
	}
	return fmt.Sprintf("%s %s", c.Kind, raw)
}

// Page is what segmentation finds in one page.
type Page struct {
	Segments []Segment
	// Skipped lists blocks that have text but were left untranslated,
	// with the reason, so that the site owner can see them.
	Skipped []Skip
}

// Skip is a block that escaped extraction.
type Skip struct {
	Line, Col int
	Reason    string
}

// lines maps byte offsets to 1-based line and column numbers.
type lines []int // offsets at which each line starts

func newLines(src []byte) lines {
	ls := lines{0}
	for i, c := range src {
		if c == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

func (ls lines) pos(off int) (line, col int) {
	i := sort.Search(len(ls), func(i int) bool { return ls[i] > off }) - 1
	return i + 1, off - ls[i] + 1
}

// finish gives every segment its id and position, and puts them in page
// order.
func (p *Page) finish(ls lines) {
	for i := range p.Segments {
		s := &p.Segments[i]
		s.ID = msgid.ID(s.Context, s.Text)
		s.Line, s.Col = ls.pos(s.Start)
	}
	sort.SliceStable(p.Segments, func(i, j int) bool { return p.Segments[i].Start < p.Segments[j].Start })
}
