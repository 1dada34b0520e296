package segment

import (
	"bytes"
	"regexp"
	"sort"
	"strings"

	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/shortcode"
)

// Hugo shortcodes in a Markdown page, read by package shortcode as Hugo
// reads them. To a translator a tag is a placeholder: an atom, or a pair of
// tags when the opening and the closing tag are in the same sentence. What
// a pair holds is read as its rule says (see ShortcodeRule): as Markdown,
// like the rest of the page; as one message of plain text; or not at all,
// kept as written (code, say). Parameters the rules name are messages of
// their own. Other generators' macros, matched by Rules.Atoms, are atoms.
//
// Before goldmark reads the page, every tag, every pair whose inside is
// not Markdown and every macro is masked, its bytes replaced and its line
// breaks kept, so that no byte moves: with letters, so that Markdown reads
// a word where Hugo reads a tag; or, where it stands on lines of its own
// and opens or closes a block of the page ({{% notice %}}, {{< /tab >}},
// {{% include "x.md" %}}), with spaces, so that Markdown reads a blank
// line and the blocks around it stay out of one another's messages.

// mark is a run of a Markdown page's body that Markdown must not read: a
// shortcode's tag, a pair of tags with what it holds when that is not
// Markdown (a region), or a macro.
type mark struct {
	start, end int
	sc         int  // index of the tag (the opening one, for a region) in the page's shortcodes; -1 for a macro
	region     bool // end is the closing tag's end
	text       bool // a region whose inside is one message of plain text
	// partner is, for a tag of a pair whose inside is Markdown, the index
	// of the other tag in the marks; -1 otherwise.
	partner int
	// block says that it opens or closes a block: a tag of a pair whose
	// inside is Markdown, a region, or a {{% %}} tag, whose output Hugo
	// reads as Markdown of its own.
	block bool
	// blank says that it stands on lines of its own, with only other
	// marks and white space: a block mark there is masked as blank lines.
	// A {{% %}} tag that is no pair's stands so only next to a blank line,
	// or it would cut a sentence in two ("The version is\n{{% param v
	// %}}\nand up").
	blank bool
}

// hugoText is a Markdown page's body as the segmenter reads it: its
// shortcodes and macros, and the body with them masked.
type hugoText struct {
	scs   []shortcode.Shortcode
	marks []mark
	view  []byte
	// unknown lists the opening tags of the regions kept as written by
	// Hugo's rule alone, which no rule names: their text is reported as
	// left untranslated.
	unknown []int
}

// readHugo finds the shortcodes and macros of body and masks them.
func readHugo(body []byte, r *Rules) *hugoText {
	h := &hugoText{scs: shortcode.Find(body)}
	h.markShortcodes(r)
	// Markdown has refused rules whose atoms do not compile.
	if atoms, _ := r.atomPatterns(); len(atoms) > 0 {
		h.markMacros(body, atoms)
	}
	if len(h.marks) == 0 {
		h.view = body
		return h
	}
	h.markBlocks(body)
	h.view = make([]byte, len(body))
	copy(h.view, body)
	for _, m := range h.marks {
		fill := byte('x')
		if m.block && m.blank {
			fill = ' '
		}
		// Line breaks stay, so that the parser reads the lines the page
		// has; but a blank line inside a tag (a parameter's text may
		// hold one) would end a paragraph Hugo reads whole, so an inline
		// tag that holds one is read as one long word.
		joined := !m.block && hasBlankLine(body[m.start:m.end])
		for i := m.start; i < m.end; i++ {
			if c := h.view[i]; joined || c != '\n' && c != '\r' {
				h.view[i] = fill
			}
		}
	}
	return h
}

// markShortcodes makes a mark of every tag, and of every pair whose inside
// is opaque or plain text, with the tags inside it.
func (h *hugoText) markShortcodes(r *Rules) {
	scs := h.scs
	// parent[i] is the opening tag of the innermost pair around tag i.
	parent := make([]int, len(scs))
	var open []int
	for i := range scs {
		if scs[i].Closing && scs[i].Partner >= 0 {
			for len(open) > 0 && open[len(open)-1] != scs[i].Partner {
				open = open[:len(open)-1]
			}
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
		parent[i] = -1
		if len(open) > 0 {
			parent[i] = open[len(open)-1]
		}
		if scs[i].Paired() {
			open = append(open, i)
		}
	}
	at := map[int]int{} // shortcode index -> mark index, for the tags of Markdown pairs
	regionEnd := -1
	for i := range scs {
		s := &scs[i]
		if s.Start < regionEnd {
			continue
		}
		m := mark{start: s.Start, end: s.End, sc: i, partner: -1}
		switch {
		case s.Comment:
			// Shown as written: text to the reader, never a block.
		case s.Paired():
			var p *shortcode.Shortcode
			if parent[i] >= 0 {
				p = &scs[parent[i]]
			}
			inner, known := r.inner(s, p)
			m.block = true
			if inner != InnerMarkdown {
				m.region, m.text, m.end = true, inner == InnerText, scs[s.Partner].End
				regionEnd = m.end
				if !known {
					h.unknown = append(h.unknown, i)
				}
				break
			}
			at[i] = len(h.marks)
		case s.Closing && s.Partner >= 0:
			if o, ok := at[s.Partner]; ok {
				m.partner, h.marks[o].partner = o, len(h.marks)
			}
			m.block = true
		case s.Delim == '%':
			m.block = true
		}
		h.marks = append(h.marks, m)
	}
}

// markMacros makes a mark of every match of the patterns that no tag
// overlaps, the earlier and then the longer one first where they overlap.
func (h *hugoText) markMacros(body []byte, atoms []*regexp.Regexp) {
	var found []mark
	for _, re := range atoms {
		for _, m := range re.FindAllIndex(body, -1) {
			if m[1] > m[0] {
				found = append(found, mark{start: m[0], end: m[1], sc: -1, partner: -1})
			}
		}
	}
	if len(found) == 0 {
		return
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].start != found[j].start {
			return found[i].start < found[j].start
		}
		return found[i].end > found[j].end
	})
	// Renumbering the partners of the tags as macros go in between.
	merged := make([]mark, 0, len(h.marks)+len(found))
	index := make([]int, len(h.marks))
	k, last := 0, -1
	for _, f := range found {
		for k < len(h.marks) && h.marks[k].start < f.start {
			index[k] = len(merged)
			merged = append(merged, h.marks[k])
			last = h.marks[k].end
			k++
		}
		if f.start < last || k < len(h.marks) && h.marks[k].start < f.end {
			continue
		}
		merged = append(merged, f)
		last = f.end
	}
	for ; k < len(h.marks); k++ {
		index[k] = len(merged)
		merged = append(merged, h.marks[k])
	}
	for i := range merged {
		if merged[i].partner >= 0 {
			merged[i].partner = index[merged[i].partner]
		}
	}
	h.marks = merged
}

// markBlocks finds the block marks that stand on lines of their own: runs
// of marks with nothing but spaces and tabs between them, before them on
// their first line and after them on their last.
func (h *hugoText) markBlocks(body []byte) {
	for i := 0; i < len(h.marks); {
		j := i + 1
		for j < len(h.marks) && onlySpace(body[h.marks[j-1].end:h.marks[j].start]) {
			j++
		}
		ls := h.marks[i].start
		for ls > 0 && body[ls-1] != '\n' {
			ls--
		}
		le := h.marks[j-1].end
		for le < len(body) && body[le] != '\n' && body[le] != '\r' {
			le++
		}
		if onlySpace(body[ls:h.marks[i].start]) && onlySpace(body[h.marks[j-1].end:le]) {
			edge := blankLineBefore(body, ls) || blankLineAfter(body, le)
			for k := i; k < j; k++ {
				m := &h.marks[k]
				m.blank = m.region || m.partner >= 0 || edge
			}
		}
		i = j
	}
}

// blankLineBefore reports whether the line before the one that starts at
// ls is blank, or there is none.
func blankLineBefore(body []byte, ls int) bool {
	if ls == 0 {
		return true
	}
	prev := bytes.LastIndexByte(body[:ls-1], '\n') + 1
	return onlySpace(bytes.TrimRight(body[prev:ls-1], "\r"))
}

// blankLineAfter reports whether the line after the one that ends at le
// (at its line break, or at the end) is blank, or there is none.
func blankLineAfter(body []byte, le int) bool {
	nl := bytes.IndexByte(body[le:], '\n')
	if nl < 0 {
		return true
	}
	next := le + nl + 1
	end := bytes.IndexByte(body[next:], '\n')
	if end < 0 {
		end = len(body) - next
	}
	return onlySpace(bytes.TrimRight(body[next:next+end], "\r"))
}

func onlySpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// markAt returns the index of the first mark that ends after offset i, or
// len(marks).
func markAt(marks []mark, i int) int {
	return sort.Search(len(marks), func(k int) bool { return marks[k].end > i })
}

// params makes a message of each translated parameter of the tags the
// marks hold (tags inside a region are the region's). A message nests in
// the placeholder of its tag, wherever the tag is.
func (h *hugoText) params(src []byte, r *Rules, add func(Segment)) {
	for _, m := range h.marks {
		if m.sc < 0 {
			continue
		}
		tag := &h.scs[m.sc]
		for _, p := range r.translated(tag) {
			// The value's own escapes (\" and \\) are read as Markdown's
			// backslash escapes are.
			ib := &inlineBuilder{src: src, orig: src, cursor: p.Start}
			ib.plain(p.Start, src[p.Start:p.End])
			ib.flush()
			if t := msgtext.Normalize(ib.text.String()); msgtext.HasWords(t) {
				add(Segment{Kind: tag.Name + "." + p.name, Text: t, Start: p.Start, End: p.End, Syntax: ShortcodeParam, Codes: ib.codes})
			}
		}
	}
}

// texts makes a message of the inside of each region whose inside is plain
// text: the text, with the character references resolved and the tags in
// it as placeholders.
func (h *hugoText) texts(src []byte, add func(Segment)) {
	for _, m := range h.marks {
		if !m.text {
			continue
		}
		tag := &h.scs[m.sc]
		s, e := tag.End, h.scs[tag.Partner].Start
		for s < e && isSpaceByte(src[s]) {
			s++
		}
		for e > s && isSpaceByte(src[e-1]) {
			e--
		}
		if s == e {
			continue
		}
		hs := &htmlSegmenter{src: src, view: src, marks: h.inside(s, e)}
		var b strings.Builder
		var codes []Code
		hs.text(&b, &codes, s, src[s:e])
		if t := msgtext.Normalize(b.String()); msgtext.HasWords(t) {
			add(Segment{Kind: tag.Name, Text: t, Start: s, End: e, Syntax: HTMLText, Codes: codes})
		}
	}
}

// inside lists the tags between s and e as marks of their own.
func (h *hugoText) inside(s, e int) []mark {
	var out []mark
	k := sort.Search(len(h.scs), func(k int) bool { return h.scs[k].Start >= s })
	for ; k < len(h.scs) && h.scs[k].End <= e; k++ {
		out = append(out, mark{start: h.scs[k].Start, end: h.scs[k].End, sc: k, partner: -1})
	}
	return out
}

// isBlockLine reports whether the bytes src[s:e] of one line hold nothing
// but block marks, whole, and white space.
func (h *hugoText) isBlockLine(src []byte, s, e int) bool {
	k := markAt(h.marks, s)
	seen := false
	for i := s; i < e; {
		if k < len(h.marks) && h.marks[k].start <= i {
			if !h.marks[k].block || h.marks[k].start < s || h.marks[k].end > e {
				return false
			}
			seen = true
			i = h.marks[k].end
			k++
			continue
		}
		if !isSpaceByte(src[i]) {
			return false
		}
		i++
	}
	return seen
}

// hasBlankLine reports whether b holds a line of white space only between
// two line breaks.
func hasBlankLine(b []byte) bool {
	for i := bytes.IndexByte(b, '\n'); i >= 0; {
		rest := bytes.TrimLeft(b[i+1:], " \t\r")
		if len(rest) > 0 && rest[0] == '\n' {
			return true
		}
		j := bytes.IndexByte(b[i+1:], '\n')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}
