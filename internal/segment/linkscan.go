package segment

// The scanners of a link's markup after its text: the destination, the
// title and the reference label, read as CommonMark writes them. They are
// pure functions of the body as Markdown reads it, and tell the inline
// builder where a link's markup ends and where its title stands.

// runLen is the length of the run of c at src[i].
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

// skipSpace returns where the white space from src[k] ends.
func skipSpace(src []byte, k int) int {
	for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
		k++
	}
	return k
}
