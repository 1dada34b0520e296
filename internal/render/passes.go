package render

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// A Setting is a value that Parse puts in goldmark's parser context under
// Key while it parses a page: what the passes given to NewMarkdown, which
// one Markdown shares among all pages and all goroutines, know of the
// page they work on. A pass that finds no value under its key has nothing
// to do on that page.
type Setting struct {
	Key   parser.ContextKey
	Value any
}

// firstPass is the priority of the first pass given to NewMarkdown:
// goldmark runs its transformers in increasing priority, and its own
// (tables at 0, footnotes at 999) come first, so that the passes see the
// tree as it is rendered.
const firstPass = 1000

// docKey holds, in the parser's context, the Doc being parsed.
var docKey = parser.NewContextKey()

// DocOf returns the Doc that pc is parsing, for a pass: its Src (the text
// the tree's positions are in), At and HasStandIn. Its Root is the tree
// the pass is given.
func DocOf(pc parser.Context) *Doc {
	d, _ := pc.Get(docKey).(*Doc)
	return d
}

// docRoot gives the Doc its tree before any pass runs, so that a pass can
// ask the Doc about the tree (Partner) as the build does after Parse.
type docRoot struct{}

func (docRoot) Transform(n *ast.Document, _ text.Reader, pc parser.Context) {
	if d := DocOf(pc); d != nil {
		d.Root = n
	}
}
