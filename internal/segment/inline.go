package segment

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/glot-i18n/glot/internal/msgtext"
)

// inlineBuilder builds a message text from a run of inline nodes. goldmark
// gives every inline node its start offset and every text node its exact
// range; the builder derives where each piece of markup ends from the
// syntax (a link's "](...)", an emphasis' closing delimiter...) and checks
// that the pieces meet end to end.
type inlineBuilder struct {
	// src is the page body as Markdown reads it, where the builder finds
	// where markup ends; orig is the body itself, from which it takes the
	// text of messages and the markup of placeholders.
	src, orig []byte
	text      strings.Builder
	pending   strings.Builder // text not yet checked for look-alike tags
	codes     []Code
	cursor    int // offset up to which the source is accounted for
	rules     *Rules
	nested    []Segment // alt texts and link titles met on the way

	marks                []mark // the page's shortcode tags and macros
	pairShortcodes       bool
	blockStart, blockEnd int // the block's text, where a shortcode's other half may be
	// limit is where a mark is cut off, if it goes on further: the end of
	// the block or of the title being read.
	limit         int
	shortcodeCode map[int]int // mark index -> placeholder number of its pair
	// after is the node after the last one of the message, if any: the
	// line break before it is not the message's.
	after ast.Node

	first int   // where the block's inline content starts
	err   error // why it could not be taken apart

	spans *nodeSpans // where nested inline nodes start and end, once worked out
	// closers pairs each inline HTML start tag with the sibling that
	// closes it, for each parent whose children have been paired.
	closers map[ast.Node]ast.Node
	paired  map[ast.Node]bool
	budget  *budget
}

// sub returns a builder for text nested in markup: an image's alt text.
func (ib *inlineBuilder) sub(at int) *inlineBuilder {
	return &inlineBuilder{src: ib.src, orig: ib.orig, rules: ib.rules, cursor: at, marks: ib.marks, limit: ib.limit, spans: ib.memo(), budget: ib.budget}
}

// nest adds the segment that sub built over [start, sub.cursor).
func (ib *inlineBuilder) nest(sub *inlineBuilder, kind string, start int, syntax Syntax, quote byte) {
	sub.flush()
	ib.nested = append(ib.nested, sub.nested...)
	if t := msgtext.Normalize(sub.text.String()); msgtext.HasWords(t) {
		ib.nested = append(ib.nested, Segment{Kind: kind, Text: t, Start: start, End: sub.cursor, Syntax: syntax, Quote: quote, Codes: sub.codes})
	}
}

func (ib *inlineBuilder) code(c Code) int {
	ib.flush()
	ib.codes = append(ib.codes, c)
	return len(ib.codes)
}

// flush moves pending text into the message. Text that would read as a
// placeholder tag becomes an atom of its own, so that a literal "<1>" on a
// page survives translation as written.
func (ib *inlineBuilder) flush() {
	s := ib.pending.String()
	ib.pending.Reset()
	for _, t := range msgtext.Parse(s) {
		if t.Kind == msgtext.Text {
			ib.text.WriteString(t.Text)
			continue
		}
		ib.codes = append(ib.codes, Code{Kind: "literal", Open: `\` + t.Text, Atom: true, Pos: noPos, ClosePos: noPos})
		ib.text.WriteString(msgtext.AtomTag(len(ib.codes)))
	}
}

// atom adds the markup src[start:end] as a standalone placeholder.
func (ib *inlineBuilder) atom(kind string, start, end int) {
	n := ib.code(Code{Kind: kind, Open: string(ib.orig[start:end]), Atom: true, Pos: start, ClosePos: noPos})
	ib.text.WriteString(msgtext.AtomTag(n))
}

// run adds the nodes from first up to, not including, stop.
func (ib *inlineBuilder) run(first, stop ast.Node) error {
	for n := first; n != nil && n != stop; n = n.NextSibling() {
		if ib.budget.over() {
			return errOverBudget
		}
		if n.Kind() == east.KindFootnoteBacklink {
			continue
		}
		s, err := ib.start(n)
		if err != nil {
			return err
		}
		if t, ok := n.(*ast.Text); ok && s != ib.cursor && leftoverDelimiters(ib.src, t, ib.cursor) {
			// goldmark places the delimiters that an emphasis left over
			// at the start of their run, not after the ones it used.
			t.Segment = text.NewSegment(ib.cursor, ib.cursor+t.Segment.Len())
			ib.memo().forget(t)
			s = ib.cursor
		}
		if s != ib.cursor {
			if _, ok := n.(*ast.Text); !ok || s > ib.cursor {
				return fmt.Errorf("unaccounted bytes %q", ib.orig[ib.cursor:max(s, ib.cursor)])
			}
			// A shortcode read before goes on into this text.
		}
		switch x := n.(type) {
		case *ast.Text:
			if err := ib.textNode(x); err != nil {
				return err
			}
			continue
		case *ast.Emphasis:
			kind := "em"
			if x.Level == 2 {
				kind = "strong"
			}
			if err := ib.pair(x, kind, x.Level, x.Level); err != nil {
				return err
			}
			continue
		case *east.Strikethrough:
			d := runLen(ib.src, s, '~')
			if err := ib.pair(x, "del", d, d); err != nil {
				return err
			}
			continue
		case *ast.Link:
			e, err := ib.end(x)
			if err != nil {
				return err
			}
			inner := s + 1
			if x.LastChild() != nil {
				if inner, err = ib.end(x.LastChild()); err != nil {
					return err
				}
			}
			link := len(ib.codes)
			if err := ib.pair(x, "link", 1, e-inner); err != nil {
				return err
			}
			// A shortcut or collapsed reference link ("[label]",
			// "[label][]") finds its target by its text: once the text
			// is translated it must name its label itself.
			if c := &ib.codes[link]; c.Close == "]" || c.Close == "][]" {
				c.Close = "][" + string(ib.orig[s+1:inner]) + "]"
				c.ClosePos = noPos
			}
			ib.title(inner, e)
			continue
		case *ast.Image:
			e, err := ib.end(x)
			if err != nil {
				return err
			}
			ib.atom("image", s, e)
			if x.FirstChild() != nil {
				ib.alt(x, s, e)
			}
			ib.title(s, e)
			ib.cursor = e
			continue
		case *ast.RawHTML:
			if closer := ib.matchingClose(x); closer != nil && (ib.noTranslate(x) || skipElements[tagName(rawHTML(ib.src, x))]) {
				// An element kept out of translation is one atom.
				cs, _ := ib.start(closer)
				ce := cs + len(rawHTML(ib.src, closer))
				ib.atom("html", s, ce)
				ib.cursor = ce
				n = closer
				continue
			} else if closer != nil {
				open := rawHTML(ib.orig, x)
				cs, _ := ib.start(closer)
				c := ib.code(Code{Kind: "html", Open: string(open), Close: string(rawHTML(ib.orig, closer)), Pos: s, ClosePos: cs})
				ib.text.WriteString(msgtext.OpenTag(c))
				ib.cursor = s + len(open)
				if err := ib.run(x.NextSibling(), closer); err != nil {
					return err
				}
				if cs != ib.cursor {
					return fmt.Errorf("unaccounted bytes before %q", rawHTML(ib.src, closer))
				}
				ib.flush()
				ib.text.WriteString(msgtext.CloseTag(c))
				ib.cursor = cs + len(rawHTML(ib.src, closer))
				n = closer
				continue
			}
		}
		// Everything else is an atom: its bytes pass through untouched.
		e, err := ib.end(n)
		if err != nil {
			return err
		}
		ib.atom(atomKind(n), s, e)
		ib.cursor = e
	}
	return nil
}

// alt makes a segment of the alt text of image n, which lies from s to e.
// A shortcut or collapsed reference ("![label]", "![label][]") finds its
// image by its alt text: its message is the whole image, the alt text
// between the markup of a full reference ("![", "][label]"), so that the
// translated text can no longer lose the image.
func (ib *inlineBuilder) alt(n *ast.Image, s, e int) {
	as, err := ib.start(n.FirstChild())
	if err != nil {
		return
	}
	inner, err := ib.end(n.LastChild())
	if err != nil || inner >= len(ib.src) {
		return
	}
	full := inner+1 < len(ib.src) && (ib.src[inner+1] == '(' || ib.src[inner+1] == '[' && (inner+2 >= len(ib.src) || ib.src[inner+2] != ']'))
	if full {
		sub := ib.sub(as)
		if sub.run(n.FirstChild(), nil) == nil {
			ib.nest(sub, "alt", as, MarkdownInline, 0)
		}
		return
	}
	sub := ib.sub(s)
	c := sub.code(Code{Kind: "image", Open: string(ib.orig[s:as]), Close: "][" + string(ib.orig[as:inner]) + "]", Pos: s, ClosePos: noPos})
	sub.text.WriteString(msgtext.OpenTag(c))
	sub.cursor = as
	if sub.run(n.FirstChild(), nil) != nil || sub.cursor != inner {
		return
	}
	sub.flush()
	sub.text.WriteString(msgtext.CloseTag(c))
	sub.cursor = e
	ib.nest(sub, "alt", s, MarkdownInline, 0)
}

// title makes a segment of the title of the link or image whose text ends
// with the "]" at inner and whose markup ends at end: "](url "title")".
func (ib *inlineBuilder) title(inner, end int) {
	kind := "link title"
	if inner >= end || ib.src[inner] != ']' {
		// An image: find the "]" that ends its alt text.
		kind = "image title"
		i := bytes.LastIndex(ib.src[inner:end], []byte("]("))
		if i < 0 {
			return
		}
		inner += i
	}
	if ts, te, q := linkTitle(ib.src, inner); ts >= 0 && te <= end {
		sub := ib.sub(ts)
		sub.limit = te
		sub.plain(ts, ib.orig[ts:te])
		sub.cursor = te
		ib.nest(sub, kind, ts, MarkdownTitle, q)
	}
}

// tagName is the lower-case name of the start tag raw.
func tagName(raw []byte) string {
	if m := openTagRE.FindSubmatch(raw); m != nil {
		return strings.ToLower(string(m[1]))
	}
	return ""
}

// noTranslate reports whether the inline HTML start tag n keeps its
// element out of translation (translate="no", a no-translate class).
func (ib *inlineBuilder) noTranslate(n *ast.RawHTML) bool {
	raw := rawHTML(ib.src, n)
	hs := &htmlSegmenter{rules: ib.rules}
	return hs.noTranslate(ScanAttrs(raw, 0, len(raw)))
}

// pair adds a span: open delimiter of openLen bytes, the children, and a
// close delimiter of closeLen bytes.
func (ib *inlineBuilder) pair(n ast.Node, kind string, openLen, closeLen int) error {
	s, err := ib.start(n)
	if err != nil {
		return err
	}
	e, err := ib.end(n)
	if err != nil {
		return err
	}
	if s+openLen > e-closeLen {
		return fmt.Errorf("%s markup overlaps itself", kind)
	}
	c := ib.code(Code{Kind: kind, Open: string(ib.orig[s : s+openLen]), Close: string(ib.orig[e-closeLen : e]), Pos: s, ClosePos: e - closeLen})
	ib.text.WriteString(msgtext.OpenTag(c))
	ib.cursor = s + openLen
	if err := ib.run(n.FirstChild(), nil); err != nil {
		return err
	}
	if ib.cursor != e-closeLen {
		return fmt.Errorf("%s markup: unaccounted bytes %q", kind, ib.orig[ib.cursor:max(e-closeLen, ib.cursor)])
	}
	ib.flush()
	ib.text.WriteString(msgtext.CloseTag(c))
	ib.cursor = e
	return nil
}

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

func atomKind(n ast.Node) string {
	switch n.Kind() {
	case ast.KindImage:
		return "image"
	case ast.KindCodeSpan:
		return "code"
	case ast.KindAutoLink:
		return "autolink"
	case ast.KindRawHTML:
		return "html"
	case east.KindFootnoteLink:
		return "footnote"
	case east.KindTaskCheckBox:
		return "checkbox"
	}
	return "markup"
}
