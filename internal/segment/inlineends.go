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
