package segment

import (
	"strconv"
	"strings"

	east "github.com/yuin/goldmark/extension/ast"

	"github.com/glot-i18n/glot/internal/msgtext"
)

// A table cell out of its table is a word or two that a translator cannot
// place: "Open" is a verb in one column and an adjective in the next. So
// each body cell's segments carry, in Segment.Where, the text of its
// column's header and that of the first cell of its row, which is how a
// reader finds a cell. Header cells carry nothing: they are the context.

// cellWhere describes a cell's place from its column's header and its
// row's first cell, either of which may be "": `column "Dose", row
// "Ketamine"`. Each is clipped, so that a long header stays one short line,
// and quoted as written: a quote inside is left as it is, for a person
// reads it, not a parser.
func cellWhere(column, row string) string {
	var parts []string
	if column != "" {
		parts = append(parts, `column "`+clip(column)+`"`)
	}
	if row != "" {
		parts = append(parts, `row "`+clip(row)+`"`)
	}
	return strings.Join(parts, ", ")
}

// cellText is the plain text of the cell whose segments are segs: the
// text of its segment of kind kinds (the cell's own, not an alt text
// inside it), placeholders dropped; "" for a cell with no words.
func cellText(segs []Segment, syntax Syntax) string {
	for _, s := range segs {
		if s.Syntax == syntax {
			return strings.Join(strings.Fields(msgtext.Plain(s.Text)), " ")
		}
	}
	return ""
}

// table segments a GFM table cell by cell, giving each body cell's
// segments its place (see cellWhere). A cell beyond the header's columns
// has no column.
func (w *mdWalker) table(t *east.Table) {
	var headers []string
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		_, header := r.(*east.TableHeader)
		row := ""
		col := 0
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			if w.budget.over() {
				return
			}
			from := len(w.page.Segments)
			w.block(c)
			text := cellText(w.page.Segments[from:], MarkdownCell)
			if header {
				headers = append(headers, text)
				col++
				continue
			}
			column := ""
			if col < len(headers) {
				column = headers[col]
			}
			where := cellWhere(column, row)
			if col == 0 {
				row = text
			}
			for i := from; i < len(w.page.Segments); i++ {
				w.page.Segments[i].Where = where
			}
			col++
		}
	}
}

// htmlTable follows one open <table> of an HTML page, so that each body
// cell's segments get their place (see cellWhere). Its header is the row of
// a <thead>, or else a first row of <th> cells alone. A cell's colspan
// counts; a rowspan does not: the cells below it are taken as starting at
// the left, and may be given the wrong column.
type htmlTable struct {
	headers []string // by column
	rows    int      // rows begun so far
	inHead  bool     // inside <thead>
	// The row being read: whether it is a header row, the text of its
	// first cell, the column its next cell starts at.
	header bool
	row    string
	col    int
	// The cell being read, if one is open: the column it starts at, how
	// many it spans, and the first of its segments.
	open     bool
	at, span int
	from     int
	// inner are the runs of segments, [start, end), of tables nested in
	// the open cell: they have places of their own.
	inner [][2]int
	start int // the first segment of the table
}

// tableStart follows the start tag of a table element; the inline content
// before the tag was flushed.
func (hs *htmlSegmenter) tableStart(name string, attrs []Attr) {
	if name == "table" {
		hs.tables = append(hs.tables, &htmlTable{start: len(hs.page.Segments)})
		return
	}
	if len(hs.tables) == 0 {
		return
	}
	t := hs.tables[len(hs.tables)-1]
	switch name {
	case "thead":
		hs.endCell(t)
		t.inHead = true
	case "tbody", "tfoot":
		hs.endCell(t)
		t.inHead = false
	case "tr":
		hs.endCell(t)
		t.rows++
		// A first row outside <thead> is the header while its cells are
		// <th>: the first <td> makes it a body row.
		t.header = t.inHead || t.rows == 1 && t.headers == nil
		t.row, t.col = "", 0
	case "td", "th":
		hs.endCell(t)
		if t.header && !t.inHead && name == "td" {
			t.header, t.headers = false, nil
		}
		span := 1
		for _, a := range attrs {
			if a.Name == "colspan" {
				if n, err := strconv.Atoi(strings.TrimSpace(a.Value)); err == nil && n > 1 && n <= 1000 {
					span = n
				}
			}
		}
		t.open, t.at, t.span, t.from = true, t.col, span, len(hs.page.Segments)
		t.col += span
	}
}

// tableEnd follows the end tag of a table element; the cell's text was
// flushed.
func (hs *htmlSegmenter) tableEnd(name string) {
	if len(hs.tables) == 0 {
		return
	}
	t := hs.tables[len(hs.tables)-1]
	switch name {
	case "table":
		hs.endCell(t)
		hs.tables = hs.tables[:len(hs.tables)-1]
		if n := len(hs.tables); n > 0 && hs.tables[n-1].open {
			outer := hs.tables[n-1]
			outer.inner = append(outer.inner, [2]int{t.start, len(hs.page.Segments)})
		}
	case "thead":
		hs.endCell(t)
		t.inHead = false
	case "tr", "td", "th":
		hs.endCell(t)
	}
}

// endCell closes t's open cell, if any: a header cell's text becomes its
// columns' header, a body cell's segments get their place.
func (hs *htmlSegmenter) endCell(t *htmlTable) {
	if !t.open {
		return
	}
	t.open = false
	var own []int // the cell's own segments, nested tables' left out
	for i := t.from; i < len(hs.page.Segments); i++ {
		if len(t.inner) > 0 && i >= t.inner[0][0] {
			i = t.inner[0][1] - 1
			t.inner = t.inner[1:]
			continue
		}
		own = append(own, i)
	}
	t.inner = nil
	var segs []Segment
	for _, i := range own {
		segs = append(segs, hs.page.Segments[i])
	}
	text := cellText(segs, HTMLText)
	if t.at == 0 {
		// A row's first cell names the row, even in a first row that
		// was read as a header until a <td> came.
		t.row = text
	}
	if t.header {
		for len(t.headers) < t.at+t.span {
			t.headers = append(t.headers, "")
		}
		for c := t.at; c < t.at+t.span; c++ {
			t.headers[c] = text
		}
		return
	}
	column := ""
	if t.at < len(t.headers) {
		column = t.headers[t.at]
	}
	row := t.row
	if t.at == 0 {
		row = "" // the cell is the row's name
	}
	where := cellWhere(column, row)
	for _, i := range own {
		hs.page.Segments[i].Where = where
	}
}
