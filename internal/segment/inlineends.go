package segment

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Where each inline node starts and ends: goldmark gives the start of
// every node and the range of every text; the ends of markup are worked
// out from the syntax, read in the body as Markdown reads it (shortcodes
// masked).

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
