package segment

import (
	"bytes"
	"html"
	"strings"

	"github.com/glot-i18n/glot/internal/msgtext"
)

// The HTML segmenter gathers the inline content of a block as items (text,
// tags, atoms) and, at the block's end, makes one message of them: tags
// paired into placeholders, what only surrounds the sentence left out.

// flush makes a segment of the inline content gathered so far.
func (hs *htmlSegmenter) flush() {
	items := hs.inline
	hs.inline = hs.inline[:0]
	items = hs.trim(items)
	if len(items) == 0 {
		return
	}
	items = append([]item(nil), items...)
	v := hs.v()
	if it := &items[0]; it.kind == textItem {
		it.start += len(v[it.start:it.end]) - len(bytes.TrimLeft(v[it.start:it.end], " \t\r\n\f"))
	}
	if it := &items[len(items)-1]; it.kind == textItem {
		it.end = it.start + len(bytes.TrimRight(v[it.start:it.end], " \t\r\n\f"))
	}
	t, codes := hs.message(items)
	if !msgtext.HasWords(t) {
		return
	}
	kind := "text"
	if len(hs.block) > 0 {
		kind = hs.block[len(hs.block)-1]
	}
	hs.page.Segments = append(hs.page.Segments, Segment{
		Kind:   kind,
		Text:   t,
		Start:  hs.base + items[0].start,
		End:    hs.base + items[len(items)-1].end,
		Syntax: HTMLText,
		Codes:  codes,
	})
}

// message is the text that items make, its white space normalized, and
// its placeholders: a start tag and its end tag make a pair; any other
// tag, a comment or a skipped element is an atom.
func (hs *htmlSegmenter) message(items []item) (string, []Code) {
	match := pairTags(items)
	var b strings.Builder
	var codes []Code
	num := make([]int, len(items))
	for i, it := range items {
		raw := string(hs.src[it.start:it.end])
		switch {
		case it.kind == textItem:
			hs.text(&b, &codes, it.start, hs.src[it.start:it.end])
		case it.kind == startItem && match[i] >= 0:
			e := items[match[i]]
			codes = append(codes, Code{Kind: "html", Open: raw, Close: string(hs.src[e.start:e.end]), Pos: hs.base + it.start, ClosePos: hs.base + e.start})
			num[i] = len(codes)
			b.WriteString(msgtext.OpenTag(len(codes)))
		case it.kind == endItem && match[i] >= 0:
			b.WriteString(msgtext.CloseTag(num[match[i]]))
		default:
			kind := "html"
			if it.name == "code" {
				kind = "code"
			} else if it.name == "br" {
				kind = "br"
			}
			codes = append(codes, Code{Kind: kind, Open: raw, Atom: true, Pos: hs.base + it.start, ClosePos: noPos})
			b.WriteString(msgtext.AtomTag(len(codes)))
		}
	}
	return msgtext.Normalize(b.String()), codes
}

// text adds HTML text to a message: character references resolved, but
// those for invisible characters kept as atoms, and text that reads as a
// placeholder tag turned into an atom.
func (hs *htmlSegmenter) text(b *strings.Builder, codes *[]Code, at int, raw []byte) {
	var pending strings.Builder
	flush := func() {
		t, lit := literalTags(pending.String(), HTMLText)
		pending.Reset()
		// Renumber the literal atoms after the codes already there.
		for _, tok := range msgtext.Parse(t) {
			if tok.Kind == msgtext.Text {
				b.WriteString(tok.Text)
				continue
			}
			*codes = append(*codes, lit[tok.N-1])
			b.WriteString(msgtext.AtomTag(len(*codes)))
		}
	}
	k := len(hs.marks)
	if k > 0 {
		k = markAt(hs.marks, at)
	}
	for i := 0; i < len(raw); {
		if k < len(hs.marks) && hs.marks[k].start <= at+i {
			// A shortcode or a macro: kept as written, an atom.
			m := hs.marks[k]
			k++
			e := min(m.end, at+len(raw))
			flush()
			kind := "shortcode"
			if m.sc < 0 {
				kind = "macro"
			}
			*codes = append(*codes, Code{Kind: kind, Open: string(hs.src[at+i : e]), Atom: true, Pos: hs.base + at + i, ClosePos: noPos})
			b.WriteString(msgtext.AtomTag(len(*codes)))
			i = e - at
			continue
		}
		if raw[i] == '&' {
			if m := entityRE.Find(raw[i:]); m != nil {
				dec := html.UnescapeString(string(m))
				if invisible(dec) {
					flush()
					*codes = append(*codes, Code{Kind: "entity", Open: string(m), Atom: true, Pos: hs.base + at + i, ClosePos: noPos})
					b.WriteString(msgtext.AtomTag(len(*codes)))
				} else {
					pending.WriteString(dec)
				}
				i += len(m)
				continue
			}
		}
		pending.WriteByte(raw[i])
		i++
	}
	flush()
}

func isSpace(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

// pairTags pairs each start tag of items with its end tag: match[i] is the
// index of the other tag of the pair, or -1 for a tag left alone.
func pairTags(items []item) []int {
	match := make([]int, len(items))
	for i := range match {
		match[i] = -1
	}
	var open []int
	// count has the open start tags by name: an end tag whose element is
	// not open is not looked for among them all.
	count := map[string]int{}
	for i, it := range items {
		switch it.kind {
		case startItem:
			open = append(open, i)
			count[it.name]++
		case endItem:
			if count[it.name] == 0 {
				continue
			}
			for k := len(open) - 1; k >= 0; k-- {
				count[items[open[k]].name]--
				if items[open[k]].name == it.name {
					match[open[k]], match[i] = i, open[k]
					open = open[:k] // tags left open inside are atoms
					break
				}
			}
		}
	}
	return match
}

// trim leaves out of a sentence what only surrounds it: white space, and
// markup at either end (a comment, an image, a tag left alone, a pair of
// tags around all of it). What stays out stays in place, so a line that
// starts with a tag still does (in Markdown, that is what makes it HTML),
// and the translator sees fewer placeholders.
//
// The tags are paired once: what is left out never changes how the tags
// that stay pair (a tag left out is alone, or its pair is left out with
// it, and either way no tag that stays was paired with it), and pairing
// them again for each tag left out took time that grew with the square of
// their number.
func (hs *htmlSegmenter) trim(items []item) []item {
	match := pairTags(items)
	first, last := 0, len(items)-1
	v := hs.v()
	for {
		n := last - first
		for first <= last && items[first].kind == textItem && isSpace(v[items[first].start:items[first].end]) {
			first++
		}
		for first <= last && items[last].kind == textItem && isSpace(v[items[last].start:items[last].end]) {
			last--
		}
		if first > last {
			return nil
		}
		switch {
		case items[first].kind != textItem && match[first] < 0:
			first++
		case items[last].kind != textItem && match[last] < 0:
			last--
		case match[first] == last:
			first, last = first+1, last-1
		}
		if last-first == n {
			return items[first : last+1]
		}
	}
}

// literalTags turns text that reads as a placeholder tag into atoms that
// hold it, written in syntax.
func literalTags(t string, syntax Syntax) (string, []Code) {
	if !msgtext.HasTag(t) {
		return t, nil
	}
	var b strings.Builder
	var codes []Code
	for _, tok := range msgtext.Parse(t) {
		if tok.Kind == msgtext.Text {
			b.WriteString(tok.Text)
			continue
		}
		raw := tok.Text
		if syntax == HTMLText || syntax == HTMLAttr {
			raw = html.EscapeString(raw)
		}
		codes = append(codes, Code{Kind: "literal", Open: raw, Atom: true, Pos: noPos, ClosePos: noPos})
		b.WriteString(msgtext.AtomTag(len(codes)))
	}
	return b.String(), codes
}
