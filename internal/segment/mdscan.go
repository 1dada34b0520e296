package segment

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// The scanners of Markdown's block and delimiter syntax that the prescan
// reads a line by: indentation, block quote and list markers, thematic
// breaks, code fences, and whether a run of emphasis delimiters can open
// or close. They are pure functions of the line, each read once.

// indentUpTo skips spaces and tabs from l[i], at column col, as long as
// they take no more than n columns, and returns where it stopped. A tab
// goes to the next multiple of 4.
func indentUpTo(l []byte, i, col, n int) (int, int) {
	limit := col + n
	for i < len(l) {
		next := col + 1
		if l[i] == '\t' {
			next = col + 4 - col%4
		} else if l[i] != ' ' {
			break
		}
		if next > limit {
			break
		}
		i, col = i+1, next
	}
	return i, col
}

// afterQuoteMarker returns where the text of a block quote starts after
// the '>' at l[j], column jc: past one space, if there is one.
func afterQuoteMarker(l []byte, j, jc int) (int, int) {
	j, jc = j+1, jc+1
	if j < len(l) && (l[j] == ' ' || l[j] == '\t') {
		j, jc = j+1, jc+1
	}
	return j, jc
}

// listMarker returns the width of the list marker at l[j] ("-", "*", "+",
// "1.", "1)"), or 0: it must be followed by a space, a tab or the end of
// the line.
func listMarker(l []byte, j int) int {
	w := 0
	switch {
	case l[j] == '-' || l[j] == '*' || l[j] == '+':
		w = 1
	case l[j] >= '0' && l[j] <= '9':
		k := j
		for k < len(l) && k-j < 9 && l[k] >= '0' && l[k] <= '9' {
			k++
		}
		if k >= len(l) || l[k] != '.' && l[k] != ')' {
			return 0
		}
		w = k + 1 - j
	default:
		return 0
	}
	if j+w < len(l) && l[j+w] != ' ' && l[j+w] != '\t' && l[j+w] != '\r' {
		return 0
	}
	return w
}

// listItemText returns where the text of the list item whose marker, w
// bytes wide, stands at l[j], column jc, starts, and at which column.
// With no text after the marker, or indented code after it, the text
// starts one column after the marker.
func listItemText(l []byte, j, jc, w int) (int, int) {
	k, kc := indentUpTo(l, j+w, jc+w, 5)
	if isBlankLine(l[k:]) || kc-(jc+w) > 4 || kc == jc+w {
		return min(j+w+1, len(l)), jc + w + 1
	}
	return k, kc
}

// thematicBreak finds where line l could hold a thematic break, three or
// more of one of "-", "*", "_" with spaces between at most: l[j:] is one
// when from <= j <= to. It reads the line once, from its end, so that a
// line of a thousand list markers is not read a thousand times.
func thematicBreak(l []byte) (from, to int) {
	var c byte
	n, to := 0, -1
	i := len(l) - 1
	for ; i >= 0; i-- {
		b := l[i]
		switch {
		case b == ' ' || b == '\t' || b == '\r':
			continue
		case c == 0 && (b == '-' || b == '*' || b == '_'):
			c = b
		case b != c:
			return i + 1, to
		}
		if n++; n == 3 {
			to = i
		}
	}
	return 0, to
}

// fenceAt returns the code fence that opens or closes l, "```" or "~~~"
// and longer, or nil.
func fenceAt(l []byte) []byte {
	i, _ := indentUpTo(l, 0, 0, 3)
	if i >= len(l) || l[i] != '`' && l[i] != '~' {
		return nil
	}
	n := runLen(l, i, l[i])
	if n < 3 || l[i] == '`' && bytes.IndexByte(l[i+n:], '`') >= 0 {
		return nil
	}
	return l[i : i+n]
}

func isBlankLine(l []byte) bool {
	for _, b := range l {
		if b != ' ' && b != '\t' && b != '\r' {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// runeBefore returns the character before l[i], or a newline at the start
// of the line l[from:].
func runeBefore(l []byte, i, from int) rune {
	if i <= from {
		return '\n'
	}
	r, _ := utf8.DecodeLastRune(l[from:i])
	return r
}

// runeAfter returns the character at l[i], or a newline past the end.
func runeAfter(l []byte, i int) rune {
	if i >= len(l) {
		return '\n'
	}
	r, _ := utf8.DecodeRune(l[i:])
	return r
}

// flanking says whether a run of emphasis delimiters c between the
// characters before and after can open emphasis, and close it, by
// CommonMark's rules.
func flanking(c byte, before, after rune) (opener, closer bool) {
	spaceBefore, spaceAfter := unicode.IsSpace(before), unicode.IsSpace(after)
	punctBefore, punctAfter := isPunctRune(before), isPunctRune(after)
	left := !spaceAfter && (!punctAfter || spaceBefore || punctBefore)
	right := !spaceBefore && (!punctBefore || spaceAfter || punctAfter)
	if c == '_' {
		return left && (!right || punctBefore), right && (!left || punctAfter)
	}
	return left, right
}

func isPunctRune(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
