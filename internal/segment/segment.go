package segment

import (
	"sort"
	"strings"
	"unicode/utf8"

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
	// HTMLText is text in HTML: in a page, or in an HTML block of a
	// Markdown page.
	HTMLText
	// HTMLAttr is an HTML attribute value, quoted with Segment.Quote.
	HTMLAttr
	// MarkdownTitle is the title of a Markdown link or image, between the
	// quotes (or parentheses) in Segment.Quote.
	MarkdownTitle
	// ShortcodeParam is the value of a Hugo shortcode's parameter, between
	// double quotes.
	ShortcodeParam
)

// Segment is one translatable run of text in a page.
type Segment struct {
	// Kind says where the text is: the Markdown block ("h1".."h6", "p",
	// "li", "td", "th", "blockquote", "footnote"), the HTML element ("p",
	// "div", "title"...), the front matter key ("title", "description"),
	// the attribute ("alt", "title attribute", "aria-label", "og:title"...),
	// "link title", "image title", a shortcode's parameter
	// ("figure.caption"), or the shortcode whose inside is the text
	// ("tooltip").
	Kind    string
	Text    string // message text, placeholders included, normalized (msgtext.Normalize)
	Context string // distinguishes identical text that must be translated differently; usually ""
	ID      string // message id, from Context and Text
	// Where says where the text stands, for the translator, when the
	// block alone does not: a table cell's column header and the first
	// cell of its row, as `column "Dose", row "Ketamine"` (see
	// cellWhere). It is a note, never part of the id: a header that
	// changes words moves no translation.
	Where string
	// Start and End delimit the bytes of the page that a translation
	// replaces.
	Start, End int
	Line, Col  int // 1-based position of Start
	Syntax     Syntax
	Quote      byte   // for HTMLAttr and MarkdownTitle: the quote around the value, or 0 for none
	Codes      []Code // Codes[n-1] is placeholder n of Text
}

// Code is the markup behind one placeholder.
type Code struct {
	Kind  string // "em", "strong", "del", "link", "html", "code", "image", "br", "autolink", "footnote", "entity", "literal", "shortcode", "macro", "markup"
	Open  string // raw bytes of the opening markup, or the whole atom
	Close string // raw bytes of the closing markup; "" for an atom
	Atom  bool
	// Pos and ClosePos are where Open and Close stand in the page, or -1
	// when glot wrote them (a reference link's label spelled out, say).
	// Segments nested in the markup (an image's alt text, a link's title,
	// an HTML attribute) are translated inside these ranges.
	Pos, ClosePos int
}

// noPos marks markup that is not at a place in the page.
const noPos = -1

// shift moves c's positions by d bytes.
func (c *Code) shift(d int) {
	if c.Pos != noPos {
		c.Pos += d
	}
	if c.ClosePos != noPos {
		c.ClosePos += d
	}
}

// Describe says in a few words what a placeholder stands for, for the
// comments of a translator's file: "link to https://example.org/",
// "emphasis", "code `glot build`".
func (c Code) Describe() string {
	switch c.Kind {
	case "em":
		return "emphasis"
	case "strong":
		return "strong emphasis"
	case "del":
		return "struck-through text"
	case "link":
		return "link " + linkTarget(c.Close)
	case "image":
		if !c.Atom {
			return "image " + clip(c.Open+"…"+c.Close)
		}
		return "image " + clip(c.Open)
	case "code":
		return "code " + clip(c.Open)
	case "br":
		return "line break"
	case "autolink":
		return "web address " + clip(c.Open)
	case "footnote":
		return "footnote reference " + clip(c.Open)
	case "entity":
		return "character " + c.Open
	case "shortcode":
		if c.Atom {
			return "shortcode " + clip(c.Open)
		}
		return "shortcode " + clip(c.Open) + "…" + clip(c.Close)
	case "macro":
		return "macro " + clip(c.Open)
	case "literal":
		return "the text " + strings.TrimPrefix(c.Open, `\`)
	case "html":
		if c.Atom {
			return "HTML " + clip(c.Open)
		}
		return "HTML " + clip(c.Open) + "…" + c.Close
	}
	return "markup " + clip(c.Open+c.Close)
}

// linkTarget describes where a link goes, from the markup after its text.
func linkTarget(close string) string {
	switch {
	case strings.HasPrefix(close, "]("):
		dest := strings.TrimSpace(strings.TrimSuffix(close[2:], ")"))
		if strings.HasPrefix(dest, "<") {
			if i := strings.IndexByte(dest, '>'); i > 0 {
				return "to " + clip(dest[1:i])
			}
		}
		if i := strings.IndexAny(dest, " \t\n"); i > 0 {
			dest = dest[:i]
		}
		return "to " + clip(dest)
	case strings.HasPrefix(close, "]["):
		return "to reference " + clip(close[1:])
	}
	return "by reference"
}

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 80 {
		r := []rune(s)
		return string(r[:77]) + "..."
	}
	return s
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
	// Page order, and a segment before those inside it that start where
	// it does (a paragraph before the alt text of the image it opens
	// with), so that whoever walks them meets the outer one first.
	sort.SliceStable(p.Segments, func(i, j int) bool {
		a, b := p.Segments[i], p.Segments[j]
		return a.Start < b.Start || a.Start == b.Start && a.End > b.End
	})
}
