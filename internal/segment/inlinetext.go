package segment

import (
	"bytes"
	"html"
	"regexp"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// The text of inline content: what a text node stands for (backslash
// escapes and entity references resolved, invisible characters kept as
// atoms) and the line break that may end it.

// textNode adds a text node and the line break that may follow it.
func (ib *inlineBuilder) textNode(n *ast.Text) error {
	start, stop := n.Segment.Start, n.Segment.Stop
	if start < ib.cursor {
		// A shortcode read before goes on into this text, or past it.
		start = min(ib.cursor, stop)
	}
	raw := ib.orig[start:stop]
	if n.IsRaw() {
		ib.pending.Write(raw)
		ib.cursor = max(ib.cursor, stop)
		return nil
	}
	backslashBreak := n.SoftLineBreak() && endsInBackslash(n.Segment.Value(ib.src))
	if backslashBreak && len(raw) > 0 {
		raw = raw[:len(raw)-1]
	}
	ib.cursor = max(ib.cursor, stop, ib.plain(start, raw))
	if !n.SoftLineBreak() && !n.HardLineBreak() {
		return nil
	}
	next := n.NextSibling()
	if next == nil || next == ib.after {
		return nil
	}
	ns, err := ib.start(next)
	if err != nil {
		return err
	}
	if ns <= ib.cursor {
		// A shortcode goes on over the line break.
		return nil
	}
	switch {
	case backslashBreak && ib.cursor == stop:
		ib.atom("br", stop-1, ns)
	case n.HardLineBreak() && ib.cursor == stop:
		ib.atom("br", stop, ns)
	default:
		ib.pending.WriteByte(' ')
	}
	ib.cursor = ns
	return nil
}

// leftoverDelimiters reports whether t is a run of emphasis delimiters that
// a preceding emphasis did not use and that really stands at cursor.
func leftoverDelimiters(src []byte, t *ast.Text, cursor int) bool {
	v := t.Segment.Value(src)
	if len(v) == 0 || (v[0] != '*' && v[0] != '_') || bytes.Count(v, v[:1]) != len(v) {
		return false
	}
	return cursor+len(v) <= len(src) && bytes.Equal(src[cursor:cursor+len(v)], v)
}

func endsInBackslash(b []byte) bool {
	k := 0
	for i := len(b) - 1; i >= 0 && b[i] == '\\'; i-- {
		k++
	}
	return k%2 == 1
}

var entityRE = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// plain adds Markdown text, raw, which stands at offset at, as the
// characters it stands for: backslash escapes and entity references
// resolved. An entity for an invisible or spacing character (&nbsp;,
// &shy;, &zwj;...) stays as written, as an atom: a translator cannot see
// it, and it was put there on purpose. A shortcode tag or a macro is a
// placeholder. plain returns the offset where what it read ends, past the
// end of raw when a shortcode goes on beyond it.
func (ib *inlineBuilder) plain(at int, raw []byte) int {
	k := len(ib.marks)
	if k > 0 {
		k = markAt(ib.marks, at)
	}
	for i := 0; i < len(raw); {
		if k < len(ib.marks) && ib.marks[k].start <= at+i {
			e := ib.mark(k, at+i)
			k++
			if e-at >= len(raw) {
				return e
			}
			i = e - at
			continue
		}
		c := raw[i]
		switch {
		case c == '\\' && i+1 < len(raw) && isASCIIPunct(raw[i+1]):
			ib.pending.WriteByte(raw[i+1])
			i += 2
			continue
		case c == '&':
			if m := entityRE.Find(raw[i:]); m != nil {
				dec := html.UnescapeString(string(m))
				switch {
				case dec == string(m):
					ib.pending.Write(m) // not an entity HTML knows: literal text
				case invisible(dec):
					ib.atom("entity", at+i, at+i+len(m))
				default:
					ib.pending.WriteString(dec)
				}
				i += len(m)
				continue
			}
		}
		ib.pending.WriteByte(c)
		i++
	}
	return at + len(raw)
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// invisible reports whether s is a single space, format or control
// character other than the plain space.
func invisible(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if size != len(s) {
		return false
	}
	switch {
	case r == 0xA0, r == 0xAD, r >= 0x2000 && r <= 0x200F, r >= 0x2028 && r <= 0x202F,
		r >= 0x205F && r <= 0x206F, r == 0xFEFF, r < 0x20, r == 0x7F:
		return true
	}
	return false
}
