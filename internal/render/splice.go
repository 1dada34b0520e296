// Package render owns writing a page in another language: it splices each
// segment's translation into the page's own bytes, escaping what the
// translator typed so that it can only ever be text, and turns a Markdown
// page into the HTML of glot's build, running its Hugo shortcodes and the
// build's passes over its tree (Markdown).
//
// Everything outside the segments is copied byte for byte. A translation is
// untrusted input: its characters that mean something in the page's syntax
// (Markdown's "*", "[", "<", a leading "#" or "1.", YAML's quotes, template
// delimiters "{{") are escaped, and the only markup in the output is the
// page's own, put back where the translator's placeholders say.
//
//	out, fallbacks := render.Splice(src, segs, catalog)
package render

import (
	"fmt"
	"html"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/segment"
)

// Translator finds the translation of a message.
type Translator interface {
	Lookup(id string) (string, bool)
}

// Fallback is a segment shown in the source language.
type Fallback struct {
	Segment int    // index in the segments
	Reason  string // "missing", or why the translation was refused
}

// Span is where a segment stands in the output.
type Span struct {
	Segment    int
	Start, End int
	Fallback   bool // it shows its source text
}

// Result is a page in another language.
type Result struct {
	Bytes     []byte
	Fallbacks []Fallback
	Spans     []Span // of the segments not nested in another, in order
}

// Page returns src with the translation of every segment in place, as
// Splice does, and where each segment ended up.
func Page(src []byte, segs []segment.Segment, tr Translator) *Result {
	sp := newSplicer(src, segs, tr, false)
	r := &Result{Bytes: sp.run()}
	r.Fallbacks, r.Spans = sp.fallbacks, sp.spans
	return r
}

// Splice returns src with the translation of every segment in place, and
// the segments that kept their source text. segs must be in page order
// (by Start). A segment may lie inside the markup of another (an HTML
// attribute inside a tag of a paragraph, an image's alt text inside a
// paragraph): it is translated inside that markup, wherever the
// translation of the outer segment puts it.
//
// Whether a translation may be shown is the Translator's to decide (see
// package verdict); the splice still refuses one whose placeholders it
// cannot put back, so that no Translator can make it write broken markup.
func Splice(src []byte, segs []segment.Segment, tr Translator) ([]byte, []Fallback) {
	return splice(src, segs, tr, false)
}

// splice is Splice; with rewrite, a translation equal to its source is
// written out as any other would be, rather than copied from the page.
func splice(src []byte, segs []segment.Segment, tr Translator, rewrite bool) ([]byte, []Fallback) {
	sp := newSplicer(src, segs, tr, rewrite)
	out := sp.run()
	return out, sp.fallbacks
}

func newSplicer(src []byte, segs []segment.Segment, tr Translator, rewrite bool) *splicer {
	sp := &splicer{src: src, segs: segs, tr: tr, kids: make([][]int, len(segs)), rewrite: rewrite}
	// Nest each segment in the innermost one that holds it.
	var top []int
	var stack []int
	for i := range segs {
		for len(stack) > 0 && segs[stack[len(stack)-1]].End <= segs[i].Start {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && segs[i].End <= segs[stack[len(stack)-1]].End {
			p := stack[len(stack)-1]
			sp.kids[p] = append(sp.kids[p], i)
		} else {
			top = append(top, i)
		}
		stack = append(stack, i)
	}
	sp.top = top
	return sp
}

func (sp *splicer) run() []byte {
	if len(sp.segs) == 0 {
		return sp.src
	}
	out := make([]byte, 0, len(sp.src)+len(sp.src)/4)
	return sp.copyRange(out, 0, len(sp.src), sp.top)
}

type splicer struct {
	src       []byte
	segs      []segment.Segment
	tr        Translator
	kids      [][]int // segments nested in each segment
	top       []int   // segments nested in none
	fallbacks []Fallback
	spans     []Span
	rewrite   bool
	depth     int // how deep in nested segments the splice is
}

// copyRange appends src[lo:hi] with the segments of list, which lie in
// that range, translated.
func (sp *splicer) copyRange(out []byte, lo, hi int, list []int) []byte {
	for _, i := range list {
		s := &sp.segs[i]
		if s.Start < lo || s.End > hi {
			continue
		}
		out = append(out, sp.src[lo:s.Start]...)
		start, fb := len(out), len(sp.fallbacks)
		sp.depth++
		out = sp.segment(out, i)
		sp.depth--
		if sp.depth == 0 {
			fell := len(sp.fallbacks) > fb && sp.fallbacks[fb].Segment == i
			sp.spans = append(sp.spans, Span{Segment: i, Start: start, End: len(out), Fallback: fell})
		}
		lo = s.End
	}
	return append(out, sp.src[lo:hi]...)
}

// segment appends segment i, translated if it can be.
func (sp *splicer) segment(out []byte, i int) []byte {
	s := &sp.segs[i]
	t, ok := sp.tr.Lookup(s.ID)
	if !ok {
		sp.fallbacks = append(sp.fallbacks, Fallback{Segment: i, Reason: "missing"})
		return sp.copyRange(out, s.Start, s.End, sp.kids[i])
	}
	t = msgtext.Normalize(t)
	if t == s.Text && !sp.rewrite {
		// The identity: the page's own bytes, exactly.
		return sp.copyRange(out, s.Start, s.End, sp.kids[i])
	}
	// The markup of each placeholder, with what is nested in it translated.
	open := make([]string, len(s.Codes))
	closing := make([]string, len(s.Codes))
	for n, c := range s.Codes {
		open[n], closing[n] = c.Open, c.Close
		if len(sp.kids[i]) == 0 {
			continue
		}
		if c.Pos >= 0 {
			open[n] = string(sp.copyRange(nil, c.Pos, c.Pos+len(c.Open), sp.kids[i]))
		}
		if c.ClosePos >= 0 {
			closing[n] = string(sp.copyRange(nil, c.ClosePos, c.ClosePos+len(c.Close), sp.kids[i]))
		}
	}
	rendered, err := write(s, t, open, closing)
	if err != nil {
		sp.fallbacks = append(sp.fallbacks, Fallback{Segment: i, Reason: err.Error()})
		return sp.copyRange(out, s.Start, s.End, sp.kids[i])
	}
	return append(out, rendered...)
}

// write renders translation t of s in the syntax of s, with open and
// closing as the markup of each placeholder.
func write(s *segment.Segment, t string, open, closing []string) (string, error) {
	// The markup comes out whole only if every placeholder is there once,
	// pairs nested as in the source: the guard that keeps a wrong
	// Translator from breaking a page.
	if err := msgtext.Check(s.Text, t); err != nil {
		return "", err
	}
	toks := msgtext.Parse(t)
	switch s.Syntax {
	case segment.YAMLValue:
		return yamlQuote(plainText(toks, open)), nil
	case segment.TOMLValue:
		return catalog.Quote(plainText(toks, open)), nil
	case segment.MarkdownInline, segment.MarkdownCell:
		return markdown(toks, s, open, closing), nil
	case segment.HTMLText:
		return htmlText(toks, open, closing, msgtext.SourceLinks(s.Text)), nil
	case segment.HTMLAttr:
		return htmlAttr(toks, open, s.Quote), nil
	case segment.MarkdownTitle:
		return markdownTitle(toks, open, s.Quote), nil
	case segment.ShortcodeParam:
		return shortcodeParam(plainText(toks, open)), nil
	}
	return "", fmt.Errorf("no writer for syntax %d", s.Syntax)
}

// shortcodeParam writes text as the value of a shortcode's quoted
// parameter. What a shortcode does with it is its own affair: Hugo's
// figure, and glot's, run its caption through markdownify. So nothing of
// HTML or Markdown may stay live in it: every character that either reads
// as syntax is written as a character reference, which both render as the
// character typed, and which cannot end the quotes or the shortcode. At
// the start of a line, that is also what starts a list ("-", "+", "1.")
// or a heading underline ("="), so that a caption stays one paragraph.
func shortcodeParam(s string) string {
	var b strings.Builder
	lineStart := true
	for i, r := range s {
		switch {
		case strings.ContainsRune("<>&\"'\\*_[]()`~!{}%|#", r),
			lineStart && strings.ContainsRune("-+=", r),
			(r == '.' || r == ')') && listStart.FindString(lineOf(s, i)) == lineOf(s, i):
			fmt.Fprintf(&b, "&#%d;", r)
		default:
			b.WriteRune(r)
		}
		if r == '\n' {
			lineStart = true
		} else if r != ' ' && r != '\t' {
			lineStart = false
		}
	}
	return b.String()
}

// lineOf returns the text of s from the start of the line that holds
// byte i, up to and with that byte, its indentation left out.
func lineOf(s string, i int) string {
	start := strings.LastIndexByte(s[:i], '\n') + 1
	return strings.TrimLeft(s[start:i+1], " \t")
}

// plainText is the text of toks with atoms spelled out, for syntaxes where
// atoms stand for literal text.
func plainText(toks []msgtext.Token, open []string) string {
	var b strings.Builder
	for _, t := range toks {
		switch t.Kind {
		case msgtext.Text:
			b.WriteString(t.Text)
		case msgtext.Atom:
			b.WriteString(open[t.N-1])
		}
	}
	return b.String()
}

func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7F || r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xFEFF:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// PlainText returns message text t of segment s as plain text, markup
// dropped and atoms spelled out as the text they show: for a page's title
// in <title>, say. t must fit s.
func PlainText(s *segment.Segment, t string) string {
	toks := msgtext.Parse(msgtext.Normalize(t))
	if s.Syntax == segment.YAMLValue || s.Syntax == segment.TOMLValue {
		open := make([]string, len(s.Codes))
		for n, c := range s.Codes {
			open[n] = c.Open
		}
		return plainText(toks, open)
	}
	var b strings.Builder
	for _, tok := range toks {
		switch tok.Kind {
		case msgtext.Text:
			b.WriteString(tok.Text)
		case msgtext.Atom:
			b.WriteString(atomText(s.Codes[tok.N-1]))
		}
	}
	return msgtext.Normalize(b.String())
}

// atomText is the text a Markdown atom shows: a code span's code, a link's
// address; nothing for an image, a line break or an HTML tag.
func atomText(c segment.Code) string {
	switch c.Kind {
	case "code":
		return strings.TrimSpace(strings.Trim(c.Open, "`"))
	case "autolink":
		return strings.Trim(c.Open, "<>")
	case "entity":
		return html.UnescapeString(c.Open)
	case "literal":
		return strings.TrimPrefix(c.Open, `\`)
	case "br":
		return " "
	}
	return ""
}
