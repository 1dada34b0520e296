package segment

// nesting measures how deep delimiters that come in pairs nest: emphasis
// runs, brackets, HTML tags. It pairs them as CommonMark pairs emphasis
// delimiters: a closer takes the nearest opener of its key, and the
// openers above that one are left unclosed. Only pairs count, so that a
// page full of stray "[" or of <li> never closed is not taken for a deep
// one. Both passes are linear in the delimiters' length.
type nesting struct {
	ds    []delim
	stack []int         // indices in ds of openers with delimiters left, innermost last
	count map[int32]int // openers on the stack, by key
	// runs says that a delimiter is a run of characters that pair two by
	// two where they can (** is one level of strong emphasis), as
	// emphasis does; otherwise each delimiter is one.
	runs bool
}

// delim is a delimiter, or a run of them.
type delim struct {
	pos            int   // offset in the page
	key            int32 // delimiters pair with those of the same key
	left           int32 // delimiters not yet paired, of the run's
	opened, closed int32 // nesting levels it opens and closes
	opener, closer bool  // what it can be
}

func newNesting(runs bool) *nesting { return &nesting{count: map[int32]int{}, runs: runs} }

// add adds a run of n delimiters at pos (a page is smaller than 2 GiB, as
// config checks).
func (ns *nesting) add(pos, key, n int, opener, closer bool) {
	if opener || closer {
		ns.ds = append(ns.ds, delim{pos: pos, key: int32(key), left: int32(n), opener: opener, closer: closer})
	}
}

// deepest pairs the delimiters added since the last call and returns the
// offset of the opener at which the nesting first gets deeper than max, or
// -1.
func (ns *nesting) deepest(max int) int {
	for i := range ns.ds {
		d := &ns.ds[i]
		for d.closer && d.left > 0 && ns.count[d.key] > 0 {
			top := ns.stack[len(ns.stack)-1]
			o := &ns.ds[top]
			if o.key != d.key {
				ns.pop()
				continue
			}
			take := int32(1)
			if ns.runs && d.left >= 2 && o.left >= 2 {
				take = 2
			}
			o.left, d.left = o.left-take, d.left-take
			o.opened++
			d.closed++
			if o.left == 0 {
				ns.pop()
			}
		}
		if d.opener && d.left > 0 {
			ns.stack = append(ns.stack, i)
			ns.count[d.key]++
		}
	}
	at, depth := -1, 0
	for _, d := range ns.ds {
		depth += int(d.opened) - int(d.closed)
		if depth > max {
			at = d.pos
			break
		}
	}
	ns.ds, ns.stack = ns.ds[:0], ns.stack[:0]
	clear(ns.count)
	return at
}

func (ns *nesting) pop() {
	top := ns.stack[len(ns.stack)-1]
	ns.stack = ns.stack[:len(ns.stack)-1]
	ns.count[ns.ds[top].key]--
}
