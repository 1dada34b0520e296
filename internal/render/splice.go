// Package render owns writing a page in another language: it splices each
// segment's translation into the page's own bytes, escaping what the
// translator typed so that it can only ever be text, and puts pages into
// HTML layouts.
//
// Everything outside the segments is copied byte for byte. A translation is
// untrusted input: its characters that mean something in the page's syntax
// (Markdown's "*", "[", "<", a leading "#" or "1.", YAML's quotes, template
// delimiters "{{") are escaped, and the only markup in the output is the
// page's own, put back where the translator's placeholders say.
//
//	out, fallbacks := render.Splice(src, segs, catalog)
package render

import (
	"fmt"
	"html"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/segment"
)

// Translator finds the translation of a message.
type Translator interface {
	Lookup(id string) (string, bool)
}

// Fallback is a segment shown in the source language.
type Fallback struct {
	Segment int    // index in the segments
	Reason  string // "missing", or why the translation was refused
}

// Splice returns src with the translation of every segment in place, and
// the segments that kept their source text. segs must be in page order and
// must not overlap. A translation that does not fit its source (see
// msgtext.Check) is not used.
func Splice(src []byte, segs []segment.Segment, tr Translator) ([]byte, []Fallback) {
	var out []byte
	var fb []Fallback
	last := 0
	for i := range segs {
		s := &segs[i]
		t, ok := tr.Lookup(s.ID)
		if !ok {
			fb = append(fb, Fallback{Segment: i, Reason: "missing"})
			continue
		}
		rendered, err := Segment(src, s, t)
		if err != nil {
			fb = append(fb, Fallback{Segment: i, Reason: err.Error()})
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(src)+len(src)/4)
		}
		out = append(out, src[last:s.Start]...)
		out = append(out, rendered...)
		last = s.End
	}
	if out == nil {
		return src, fb
	}
	return append(out, src[last:]...), fb
}

// Segment renders translation t of segment s as the bytes that replace the
// segment in src.
func Segment(src []byte, s *segment.Segment, t string) (string, error) {
	t = msgtext.Normalize(t)
	if t == s.Text {
		// The identity: the page's own bytes, exactly.
		return string(src[s.Start:s.End]), nil
	}
	if err := msgtext.Check(s.Text, t); err != nil {
		return "", err
	}
	toks := msgtext.Parse(t)
	switch s.Syntax {
	case segment.YAMLValue:
		return yamlQuote(plainText(toks, s.Codes)), nil
	case segment.TOMLValue:
		return catalog.Quote(plainText(toks, s.Codes)), nil
	case segment.MarkdownInline, segment.MarkdownCell:
		return markdown(toks, s), nil
	}
	return "", fmt.Errorf("no writer for syntax %d", s.Syntax)
}

// plainText is the text of toks with atoms spelled out, for syntaxes where
// atoms stand for literal text.
func plainText(toks []msgtext.Token, codes []segment.Code) string {
	var b strings.Builder
	for _, t := range toks {
		switch t.Kind {
		case msgtext.Text:
			b.WriteString(t.Text)
		case msgtext.Atom:
			b.WriteString(codes[t.N-1].Open)
		}
	}
	return b.String()
}

func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7F || r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xFEFF:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Fits reports whether translation t can stand in for segment s.
func Fits(s *segment.Segment, t string) bool {
	return msgtext.Check(s.Text, msgtext.Normalize(t)) == nil
}

// PlainText returns message text t of segment s as plain text, markup
// dropped and atoms spelled out as the text they show: for a page's title
// in <title>, say. t must fit s.
func PlainText(s *segment.Segment, t string) string {
	toks := msgtext.Parse(msgtext.Normalize(t))
	if s.Syntax == segment.YAMLValue || s.Syntax == segment.TOMLValue {
		return plainText(toks, s.Codes)
	}
	var b strings.Builder
	for _, tok := range toks {
		switch tok.Kind {
		case msgtext.Text:
			b.WriteString(tok.Text)
		case msgtext.Atom:
			b.WriteString(atomText(s.Codes[tok.N-1]))
		}
	}
	return msgtext.Normalize(b.String())
}

// atomText is the text a Markdown atom shows: a code span's code, a link's
// address; nothing for an image, a line break or an HTML tag.
func atomText(c segment.Code) string {
	switch c.Kind {
	case "code":
		return strings.TrimSpace(strings.Trim(c.Open, "`"))
	case "autolink":
		return strings.Trim(c.Open, "<>")
	case "entity":
		return html.UnescapeString(c.Open)
	case "literal":
		return strings.TrimPrefix(c.Open, `\`)
	case "br":
		return " "
	}
	return ""
}
