package segment

import (
	"bytes"
	"fmt"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// prescan reads a Markdown body once, line by line, before goldmark does,
// and refuses it when it nests deeper than max: lists and block quotes,
// emphasis, links and brackets, HTML elements. It also refuses a block of
// lines that holds more link reference definitions than goldmark reads in
// reasonable time. It follows CommonMark loosely: an estimate that errs,
// where it errs, on the side of pages as people write them. body starts at
// offset base of the page.
//
// Fenced code is left out of the inline counts, so that a banner of
// asterisks in a code sample is not taken for emphasis; the containers
// are counted everywhere, as goldmark's cost is.
func prescan(body []byte, base, max int, ls lines) error {
	s := &scanner{src: body, base: base, max: max, ls: ls,
		emph: newNesting(true), brackets: newNesting(false), tags: newNesting(false), names: map[string]int{}, firstQuote: -1}
	for start := 0; start < len(body); {
		end := bytes.IndexByte(body[start:], '\n')
		next := len(body)
		if end < 0 {
			end = len(body)
		} else {
			end += start
			next = end + 1
		}
		if err := s.line(start, end); err != nil {
			return err
		}
		start = next
	}
	if err := s.endBlock(); err != nil {
		return err
	}
	if at := s.tags.deepest(max); at >= 0 {
		return tooDeep(ls, base+at, "HTML elements", max)
	}
	if s.footnotes*s.footnoteRefs > maxFootnoteWork {
		line, col := ls.pos(base + s.firstFootnote)
		return fileerr.At("", line, col, fmt.Errorf("%d footnotes and %d references to them: goldmark looks every reference up among all the footnotes, and sorts them one by one, in time that grows with footnotes × (footnotes + references); glot reads at most %d of it in one page: split the page", s.footnotes, s.footnoteRefs-s.footnotes, maxFootnoteWork))
	}
	return nil
}

// container is a list item or a block quote that a line may continue.
type container struct {
	quote  bool
	indent int // for a list item: the columns of indentation that continue it
}

type scanner struct {
	src       []byte
	base, max int
	ls        lines
	open      []container
	// firstQuote is the index in open of the outermost block quote, or
	// -1: a blank line continues the list items outside it and ends it.
	firstQuote int
	// The block of lines being read: where it starts, its lines, and how
	// many of them are link reference definitions.
	block, blockLines, defs int
	fence                   []byte // the opening fence of the code being read, or nil
	emph, brackets, tags    *nesting
	names                   map[string]int // HTML element names, as keys
	dests                   destinationScan
	destBytes               int // the bytes of link addresses goldmark reads
	// The page's footnotes, where the first is, and its "[^": the
	// footnotes' own and the references to them.
	footnotes, footnoteRefs, firstFootnote int
	lower                                  []byte // an element's name in lower case
}

// line reads the line src[start:end]: the containers it continues, those
// it opens, and then what it holds inside them.
func (s *scanner) line(start, end int) error {
	l := s.src[start:end]
	blank := isBlankLine(l)
	pos, col, matched := s.continued(l, blank)
	pos, opened, err := s.opens(l, start, pos, col, matched)
	if err != nil {
		return err
	}
	if !opened && (blank || matched == len(s.open)) {
		// A line that is not blank and opens nothing may be the lazy
		// continuation of a paragraph: what it does not continue stays
		// open.
		s.truncate(matched)
	}
	if opened {
		// A new list item or block quote starts a new block of text.
		if err := s.endBlock(); err != nil {
			return err
		}
	}
	return s.content(start+pos, end)
}

// continued returns how many of the open containers line l continues,
// and where, at which column, what is inside them starts.
func (s *scanner) continued(l []byte, blank bool) (pos, col, matched int) {
	if blank {
		// Only the list items outside every block quote go on.
		matched = len(s.open)
		if s.firstQuote >= 0 {
			matched = s.firstQuote
		}
		return 0, 0, matched
	}
	for matched < len(s.open) {
		c := s.open[matched]
		if c.quote {
			j, jc := indentUpTo(l, pos, col, 3)
			if j >= len(l) || l[j] != '>' {
				break
			}
			pos, col = afterQuoteMarker(l, j, jc)
		} else {
			j, jc := indentUpTo(l, pos, col, c.indent)
			if jc-col < c.indent {
				break
			}
			pos, col = j, jc
		}
		matched++
	}
	return pos, col, matched
}

// opens reads the block quotes and list items that line l, at offset
// start, opens from pos, column col, after the matched containers it
// continues. It returns where their content starts and whether it opened
// any, and refuses the page when they nest deeper than the limit.
func (s *scanner) opens(l []byte, start, pos, col, matched int) (int, bool, error) {
	opened := false
	breakFrom, breakTo := -1, -1
	for {
		j, jc := indentUpTo(l, pos, col, 3)
		if j >= len(l) {
			break
		}
		var c container
		if l[j] == '>' {
			c.quote = true
			pos, col = afterQuoteMarker(l, j, jc)
		} else if w := listMarker(l, j); w > 0 {
			if breakFrom < 0 {
				breakFrom, breakTo = thematicBreak(l)
			}
			if j >= breakFrom && j <= breakTo {
				break // "* * *" is a thematic break, not three lists
			}
			k, kc := listItemText(l, j, jc, w)
			c.indent = kc - col
			pos, col = k, kc
		} else {
			break
		}
		if !opened {
			s.truncate(matched)
			opened = true
		}
		if c.quote && s.firstQuote < 0 {
			s.firstQuote = len(s.open)
		}
		s.open = append(s.open, c)
		if len(s.open) > s.max {
			return pos, opened, tooDeep(s.ls, s.base+start+j, "lists and block quotes", s.max)
		}
	}
	return pos, opened, nil
}

// truncate closes the containers from the n-th on.
func (s *scanner) truncate(n int) {
	s.open = s.open[:n]
	if s.firstQuote >= n {
		s.firstQuote = -1
	}
}

// content reads what a line holds inside its containers, src[from:to].
func (s *scanner) content(from, to int) error {
	l := s.src[from:to]
	if isBlankLine(l) {
		return s.endBlock()
	}
	if f := fenceAt(l); f != nil {
		switch {
		case s.fence == nil:
			s.fence = f
		case f[0] == s.fence[0] && len(f) >= len(s.fence) && isBlankLine(bytes.TrimLeft(l, " \t")[len(f):]):
			s.fence = nil
		}
		return s.endBlock()
	}
	if s.fence != nil {
		return nil
	}
	if s.blockLines == 0 {
		s.block = from
	}
	s.blockLines++
	if i, _ := indentUpTo(l, 0, 0, 3); i+1 < len(l) && l[i] == '[' && bytes.Contains(l[i:], []byte("]:")) {
		if l[i+1] != '^' {
			s.defs++
		} else if s.footnotes++; s.footnotes == 1 {
			s.firstFootnote = from + i
		}
	}
	s.inline(from, to)
	if s.destBytes += s.dests.cost(l); s.destBytes > maxDestinationBytes {
		line, _ := s.ls.pos(s.base + from)
		return fileerr.At("", line, 0, fmt.Errorf("links whose address is not closed with \")\" make goldmark read more than %d bytes to find where their addresses end, in time that grows with the square of the line; close the links, or break the line", maxDestinationBytes))
	}
	return nil
}

// endBlock closes the block of lines being read: its emphasis and brackets
// pair within it, and its definitions are counted.
func (s *scanner) endBlock() error {
	if s.blockLines == 0 {
		return nil
	}
	block, lines, defs := s.block, s.blockLines, s.defs
	s.blockLines, s.defs = 0, 0
	if at := s.emph.deepest(s.max); at >= 0 {
		return tooDeep(s.ls, s.base+at, "emphasis", s.max)
	}
	if at := s.brackets.deepest(s.max); at >= 0 {
		return tooDeep(s.ls, s.base+at, "links and brackets", s.max)
	}
	if defs > 0 && defs*lines > maxDefinitionLines {
		line, col := s.ls.pos(s.base + block)
		return fileerr.At("", line, col, fmt.Errorf("%d link reference definitions in a block of %d lines: reading them takes time that grows with both, and glot reads at most %d definitions × lines in one block; put blank lines between the definitions", defs, lines, maxDefinitionLines))
	}
	return nil
}

// inline finds the delimiters of the text src[from:to].
func (s *scanner) inline(from, to int) {
	l := s.src[:to]
	for i := from; i < to; {
		switch c := l[i]; c {
		case '\\':
			i += 2
			continue
		case '*', '_', '~':
			n := runLen(l, i, c)
			if c != '~' || n <= 2 {
				before, after := runeBefore(l, i, from), runeAfter(l, i+n)
				opener, closer := flanking(c, before, after)
				s.emph.add(i, int(c), n, opener, closer)
			}
			i += n
			continue
		case '[':
			s.brackets.add(i, 0, 1, true, false)
			if i+1 < to && l[i+1] == '^' {
				s.footnoteRefs++
			}
		case ']':
			s.brackets.add(i, 0, 1, false, true)
		case '<':
			if e := s.tag(l, i, to); e > i {
				i = e
				continue
			}
		}
		i++
	}
}

// tag reads the HTML tag at src[i] == '<', if it is one that opens or
// closes an element, and returns the offset past it. It reads no further
// than the next '<' or the end of the line, so no byte is read twice.
func (s *scanner) tag(l []byte, i, to int) int {
	j := i + 1
	closing := j < to && l[j] == '/'
	if closing {
		j++
	}
	ns := j
	for j < to && (isASCIILetter(l[j]) || j > ns && (l[j] >= '0' && l[j] <= '9' || l[j] == '-')) {
		j++
	}
	if j == ns {
		return i
	}
	k := j
	for k < to && l[k] != '>' && l[k] != '<' {
		k++
	}
	if k >= to || l[k] != '>' {
		return k
	}
	s.lower = append(s.lower[:0], l[ns:j]...)
	for x, c := range s.lower {
		if c >= 'A' && c <= 'Z' {
			s.lower[x] = c + 'a' - 'A'
		}
	}
	if !closing && (l[k-1] == '/' || voidElements[string(s.lower)]) {
		return k + 1
	}
	s.tags.add(i, s.key(s.lower), 1, !closing, closing)
	return k + 1
}

// key returns the key of an element's name.
func (s *scanner) key(name []byte) int {
	k, ok := s.names[string(name)]
	if !ok {
		k = len(s.names)
		s.names[string(name)] = k
	}
	return k
}
