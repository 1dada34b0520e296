package segment

import "bytes"

// maxDestinationBytes bounds the bytes goldmark reads, over a whole page,
// to find where the addresses of inline links end. For each "](" it reads
// on to the end of the address: a space, the ")" that closes the link, or
// the end of the line. A line of links never closed, "[a](" a thousand
// times over, is read a thousand times, in time that grows with the square
// of its length (100 KB of them took 5 s). Links as people write them read
// a few dozen bytes each, and 100,000,000 bytes are read in well under a
// second.
const maxDestinationBytes = 100_000_000

// destinationScan counts the bytes goldmark reads for the link addresses
// of a line: from each "](" to where the address ends. It works from the
// end of the line, so that it reads each byte a bounded number of times
// however many links there are. Its slices are scratch space, kept from
// line to line.
type destinationScan struct {
	bal     []int32 // bal[i] is the balance of unescaped "(" over ")" in l[:i]
	space   []int32 // space[i] is where the first white space at or after l[i] is
	drop    []int32 // drop[v+len(l)] is the first ")" seen so far where the balance drops from v
	escaped []bool  // escaped[i] says that l[i] follows a backslash
}

func (ds *destinationScan) cost(l []byte) int {
	if !bytes.Contains(l, []byte("](")) {
		return 0
	}
	n := len(l)
	ds.bal = grow(ds.bal, n+1)
	ds.space = grow(ds.space, n+1)
	ds.drop = grow(ds.drop, 2*n+1)
	ds.escaped = grow(ds.escaped, n+1)
	clear(ds.escaped)
	b := int32(0)
	for i := 0; i < n; i++ {
		ds.bal[i] = b
		switch {
		case l[i] == '\\' && i+1 < n && isASCIIPunct(l[i+1]):
			ds.escaped[i+1] = true
			ds.bal[i+1] = b
			i++
		case l[i] == '(':
			b++
		case l[i] == ')':
			b--
		}
	}
	ds.bal[n] = b
	for i := range ds.drop {
		ds.drop[i] = int32(n)
	}
	ds.space[n] = int32(n)
	cost, gt := 0, n
	for i := n - 1; i >= 0; i-- {
		c, esc := l[i], ds.escaped[i]
		ds.space[i] = ds.space[i+1]
		switch {
		case isDestinationSpace(c):
			ds.space[i] = int32(i)
		case c == '>' && !esc:
			gt = i
		case c == ')' && !esc:
			ds.drop[ds.bal[i]+int32(n)] = int32(i)
		}
		if c != '(' || esc || i == 0 || l[i-1] != ']' {
			continue
		}
		d := i + 1
		for d < n && (l[d] == ' ' || l[d] == '\t') {
			d++
		}
		switch {
		case d >= n:
		case l[d] == '<':
			cost += gt - d
		default:
			cost += min(int(ds.drop[ds.bal[d]+int32(n)]), int(ds.space[d])) - d
		}
	}
	return cost
}

// grow returns s with length n, reusing its array when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func isDestinationSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}
