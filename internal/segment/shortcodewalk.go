package segment

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/glot-i18n/glot/internal/msgtext"
)

// How the Markdown walker and the inline builder meet a page's shortcodes
// and macros (see shortcode.go).

// shortcodes adds the messages of the shortcodes' translated parameters
// and of the insides read as plain text, each with the context of the
// block it is in, and reports the insides kept as written for want of a
// rule that says what they are.
func (w *mdWalker) shortcodes() {
	add := func(s Segment) {
		w.context = ""
		for _, c := range w.contexts {
			if c.start <= s.Start && s.End <= c.end {
				w.context = c.context
			}
		}
		w.add(s)
	}
	w.hugo.params(w.orig, w.rules, add)
	w.hugo.texts(w.orig, add)
	w.context = ""
	for _, k := range w.hugo.unknown {
		tag := &w.hugo.scs[k]
		if hasLetters(w.orig[tag.End:w.hugo.scs[tag.Partner].Start]) {
			name := tag.Name
			if strings.ContainsAny(name, "/.") {
				name = strconv.Quote(name)
			}
			w.skip(tag.Start, fmt.Sprintf("the inside of shortcode %s is kept as written, as Hugo hands it to the shortcode; "+
				"to translate it, say what it is with inner = \"markdown\" or \"text\" in [extract.shortcodes.%s] of glot.toml "+
				"(inner = \"opaque\" keeps it and says no more)", tag.Name, name))
		}
	}
}

// marksIn returns the marks that lie in the bytes of the body at lists,
// in order, with their offsets in that list.
func (w *mdWalker) marksIn(at []int) []mark {
	if w.hugo == nil || len(w.hugo.marks) == 0 || len(at) == 0 {
		return nil
	}
	var out []mark
	i := 0
	for k := markAt(w.hugo.marks, at[0]); k < len(w.hugo.marks) && w.hugo.marks[k].start <= at[len(at)-1]; k++ {
		m := w.hugo.marks[k]
		for i < len(at) && at[i] < m.start {
			i++
		}
		j := i
		for j < len(at) && at[j] < m.end {
			j++
		}
		if j > i {
			m.start, m.end, m.partner = i, j, -1
			out = append(out, m)
		}
		i = j
	}
	return out
}

// tagLines leaves out of block b the lines at either end that hold nothing
// but shortcode tags that open or close blocks: "> {{% note %}}" in a
// block quote, whose tag line Markdown reads as part of the paragraph that
// follows. It returns the first and last inline nodes left, nil when none
// is, and the index of the block's last line left. Where a node goes on
// over such a line, the block is left whole.
func (w *mdWalker) tagLines(b, first, last ast.Node) (ast.Node, ast.Node, int) {
	lines := b.Lines()
	from, to := 0, lines.Len()-1
	for from <= to && w.hugo.isBlockLine(w.orig, lines.At(from).Start, lines.At(from).Stop) {
		from++
	}
	for to >= from && w.hugo.isBlockLine(w.orig, lines.At(to).Start, lines.At(to).Stop) {
		to--
	}
	whole := lines.Len() - 1
	if from == 0 && to == whole {
		return first, last, whole
	}
	if from > to {
		return nil, nil, -1
	}
	ib := &inlineBuilder{src: w.src, orig: w.orig, budget: w.budget}
	keepStart := skipBlank(w.src, lines.At(from).Start)
	l := lines.At(to)
	keepEnd := l.Start + len(bytes.TrimRight(w.src[l.Start:l.Stop], " \t\r\n"))
	f, lt := first, last
	for f != nil && f != lt {
		s, err := ib.start(f)
		if err != nil || s >= keepStart {
			break
		}
		f = f.NextSibling()
	}
	for lt != nil && lt != f {
		e, err := ib.end(lt)
		if err != nil || e <= keepEnd {
			break
		}
		lt = lt.PreviousSibling()
	}
	s, err1 := ib.start(f)
	e, err2 := ib.end(lt)
	if err1 != nil || err2 != nil || s != keepStart || e != keepEnd {
		return first, last, whole
	}
	return f, lt, to
}

func skipBlank(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}

// unwrapShortcode leaves a shortcode pair that wraps a whole block
// ("{{% notice %}} ... {{% /notice %}}") out of its segment: the text
// between is the message, and the shortcode lines stay where they are.
func unwrapShortcode(s *Segment, src []byte) {
	if len(s.Codes) == 0 || s.Codes[0].Kind != "shortcode" || s.Codes[0].Atom || s.Codes[0].ClosePos < 0 ||
		!strings.HasPrefix(s.Text, "<1>") || !strings.HasSuffix(s.Text, "</1>") || strings.Count(s.Text, "</1>") != 1 {
		return
	}
	c := s.Codes[0]
	start, end := c.Pos+len(c.Open), c.ClosePos
	for start < end && isSpaceByte(src[start]) {
		start++
	}
	for end > start && isSpaceByte(src[end-1]) {
		end--
	}
	var b strings.Builder
	for _, tok := range msgtext.Parse(s.Text[3 : len(s.Text)-4]) {
		switch tok.Kind {
		case msgtext.Text:
			b.WriteString(tok.Text)
		case msgtext.Open:
			b.WriteString(msgtext.OpenTag(tok.N - 1))
		case msgtext.Close:
			b.WriteString(msgtext.CloseTag(tok.N - 1))
		case msgtext.Atom:
			b.WriteString(msgtext.AtomTag(tok.N - 1))
		}
	}
	s.Text, s.Codes, s.Start, s.End = msgtext.Normalize(b.String()), s.Codes[1:], start, end
}

// trimPairTags leaves out of a message a tag at either end that belongs to
// a pair whose other tag is outside it, with the spaces beside it, where
// the text goes on on the same line ("{{% option name="x" %}} Enables
// it."): the pair wraps the message, and its tag is not the message's.
// Tags on lines of their own are left out before (see tagLines).
func trimPairTags(s *Segment, src []byte, marks []mark) {
	for len(s.Codes) > 0 {
		toks := msgtext.Parse(s.Text)
		first, last := toks[0], toks[len(toks)-1]
		switch {
		case first.Kind == msgtext.Atom && outerTag(s, first.N, marks) && s.Codes[first.N-1].Pos == s.Start:
			c := s.Codes[first.N-1]
			start := c.Pos + len(c.Open)
			for start < s.End && (src[start] == ' ' || src[start] == '\t') {
				start++
			}
			if start >= s.End || src[start] == '\n' || src[start] == '\r' {
				return
			}
			s.Start = start
			dropCode(s, first.N)
		case last.Kind == msgtext.Atom && outerTag(s, last.N, marks) && s.Codes[last.N-1].Pos+len(s.Codes[last.N-1].Open) == s.End:
			end := s.Codes[last.N-1].Pos
			for end > s.Start && (src[end-1] == ' ' || src[end-1] == '\t') {
				end--
			}
			if end <= s.Start || src[end-1] == '\n' || src[end-1] == '\r' {
				return
			}
			s.End = end
			dropCode(s, last.N)
		default:
			return
		}
	}
}

// outerTag reports whether placeholder n of s is a tag of a pair whose
// other tag lies outside s.
func outerTag(s *Segment, n int, marks []mark) bool {
	c := s.Codes[n-1]
	if c.Kind != "shortcode" || !c.Atom || c.Pos < 0 {
		return false
	}
	k := markAt(marks, c.Pos)
	if k >= len(marks) || marks[k].start != c.Pos || marks[k].end != c.Pos+len(c.Open) || marks[k].partner < 0 {
		return false
	}
	o := marks[marks[k].partner]
	return o.end <= s.Start || o.start >= s.End
}

// dropCode takes placeholder n out of s, and numbers the others again.
func dropCode(s *Segment, n int) {
	var b strings.Builder
	renumber := func(m int) int {
		if m > n {
			return m - 1
		}
		return m
	}
	for _, tok := range msgtext.Parse(s.Text) {
		switch {
		case tok.Kind == msgtext.Text:
			b.WriteString(tok.Text)
		case tok.N == n:
		case tok.Kind == msgtext.Open:
			b.WriteString(msgtext.OpenTag(renumber(tok.N)))
		case tok.Kind == msgtext.Close:
			b.WriteString(msgtext.CloseTag(renumber(tok.N)))
		case tok.Kind == msgtext.Atom:
			b.WriteString(msgtext.AtomTag(renumber(tok.N)))
		}
	}
	s.Text = msgtext.Normalize(b.String())
	s.Codes = append(s.Codes[:n-1:n-1], s.Codes[n:]...)
}

// marks are the page's shortcode tags and macros, or nil.
func (w *mdWalker) marks() []mark {
	if w.hugo == nil {
		return nil
	}
	return w.hugo.marks
}

// mark adds mark k, from offset from on (where a block starts inside it):
// half of a pair when its other half is in the same block, an atom
// otherwise. It returns where the mark ends, or the limit, whichever
// comes first.
func (ib *inlineBuilder) mark(k, from int) int {
	m := ib.marks[k]
	end := m.end
	if ib.limit > from && end > ib.limit {
		end = ib.limit
	}
	kind := "shortcode"
	if m.sc < 0 {
		kind = "macro"
	}
	p := m.partner
	paired := ib.pairShortcodes && p >= 0 && from == m.start && end == m.end &&
		ib.marks[p].start >= ib.blockStart && ib.marks[p].end <= ib.blockEnd
	switch {
	case paired && p > k:
		o := ib.marks[p]
		n := ib.code(Code{Kind: kind, Open: string(ib.orig[m.start:m.end]), Close: string(ib.orig[o.start:o.end]), Pos: m.start, ClosePos: o.start})
		if ib.shortcodeCode == nil {
			ib.shortcodeCode = map[int]int{}
		}
		ib.shortcodeCode[k] = n
		ib.text.WriteString(msgtext.OpenTag(n))
	case paired && ib.shortcodeCode[p] > 0:
		ib.flush()
		ib.text.WriteString(msgtext.CloseTag(ib.shortcodeCode[p]))
	default:
		ib.atom(kind, from, end)
	}
	return end
}
