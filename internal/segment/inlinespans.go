package segment

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// nodeSpans remembers where the inline nodes that hold others (emphasis,
// strikethrough, links, images) start and end. Each is worked out from its
// first or last child, recursively; asked afresh for every node around it,
// a run of nested emphasis ("***...deep***...") took time that grew with
// the cube of its depth.
type nodeSpans struct {
	start, end map[ast.Node]int
}

func (ib *inlineBuilder) memo() *nodeSpans {
	if ib.spans == nil {
		ib.spans = &nodeSpans{start: map[ast.Node]int{}, end: map[ast.Node]int{}}
	}
	return ib.spans
}

func (sp *nodeSpans) startOf(n ast.Node) (int, bool) {
	if sp == nil {
		return 0, false
	}
	s, ok := sp.start[n]
	return s, ok
}

func (sp *nodeSpans) endOf(n ast.Node) (int, bool) {
	if sp == nil {
		return 0, false
	}
	e, ok := sp.end[n]
	return e, ok
}

// forget drops what was worked out from text node t, which has moved: the
// start of the nodes it begins and the end of those it ends. Each node
// begins with one text and ends with one, so forgetting costs, over a
// whole block, no more than a walk of its nodes.
func (sp *nodeSpans) forget(t ast.Node) {
	for c, p := t, t.Parent(); p != nil && p.FirstChild() == c; c, p = p, p.Parent() {
		delete(sp.start, p)
	}
	for c, p := t, t.Parent(); p != nil && p.LastChild() == c; c, p = p, p.Parent() {
		delete(sp.end, p)
	}
}

// matchingClose returns the sibling of the inline HTML start tag n that
// closes it, or nil when n is not a start tag or is never closed in the same
// run of inline content. The tags of a run are paired all at once, the first
// time one of them is asked about: searched for tag by tag, a run of nested
// tags took time that grew with the square of its length.
func (ib *inlineBuilder) matchingClose(n *ast.RawHTML) ast.Node {
	parent := n.Parent()
	if parent == nil {
		return nil
	}
	if !ib.paired[parent] {
		if ib.paired == nil {
			ib.paired, ib.closers = map[ast.Node]bool{}, map[ast.Node]ast.Node{}
		}
		ib.paired[parent] = true
		pairInlineTags(ib.src, parent, ib.closers)
	}
	return ib.closers[n]
}

// pairInlineTags pairs the inline HTML start tags among the children of
// parent with the end tags of the same name that close them, nested tags of
// that name counted, and records each pair in closers. A void element, a
// self-closing tag and a tag never closed have no pair.
func pairInlineTags(src []byte, parent ast.Node, closers map[ast.Node]ast.Node) {
	open := map[string][]ast.Node{} // unclosed start tags by lower-case name, innermost last
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		r, ok := c.(*ast.RawHTML)
		if !ok {
			continue
		}
		raw := rawHTML(src, r)
		if o := openTagRE.FindSubmatch(raw); o != nil {
			name := strings.ToLower(string(o[1]))
			if !bytes.HasSuffix(raw, []byte("/>")) && !voidElements[name] {
				open[name] = append(open[name], c)
			}
		} else if m := closeTagRE.FindSubmatch(raw); m != nil {
			name := strings.ToLower(string(m[1]))
			if s := open[name]; len(s) > 0 {
				closers[s[len(s)-1]] = c
				open[name] = s[:len(s)-1]
			}
		}
	}
}
