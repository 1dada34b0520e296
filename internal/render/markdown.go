package render

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/segment"
)

// markdown writes a translation as the inline content of a Markdown block,
// with open and closing as the markup of each placeholder.
func markdown(toks []msgtext.Token, s *segment.Segment, open, closing []string) string {
	links := msgtext.SourceLinks(s.Text)
	toks = hoistSpaces(toks)
	heading := len(s.Kind) == 2 && s.Kind[0] == 'h'
	cell := s.Syntax == segment.MarkdownCell
	delims := underscoreSwaps(toks, s.Codes)
	var b strings.Builder
	lineStart := true
	for i, t := range toks {
		switch t.Kind {
		case msgtext.Text:
			text := t.Text
			if lineStart {
				text = strings.TrimLeft(text, " ")
			}
			last := i == len(toks)-1
			var w strings.Builder
			first := true
			writeText(&w, text, links, func(t string) string {
				// Only the text's own start is a line's start.
				e := escapeMarkdown(t, lineStart && first, last && heading, cell)
				first = false
				return e
			}, defuseMarkdown)
			esc := w.String()
			if !last && strings.HasSuffix(esc, "!") {
				// "!" before a link's "[" would make it an image.
				esc = esc[:len(esc)-1] + `\!`
			}
			b.WriteString(esc)
			lineStart = lineStart && text == ""
		case msgtext.Open:
			b.WriteString(delims(t.N, open[t.N-1]))
			lineStart = false
		case msgtext.Close:
			b.WriteString(delims(t.N, closing[t.N-1]))
			lineStart = false
		case msgtext.Atom:
			raw := open[t.N-1]
			if s.Codes[t.N-1].Kind == "autolink" && !strings.HasPrefix(raw, "<") && !linkifiable(b.String(), toks[i+1:], open) {
				raw = bracketAutolink(raw)
			}
			b.WriteString(raw)
			lineStart = s.Codes[t.N-1].Kind == "br"
		}
	}
	return b.String()
}

// hoistSpaces moves spaces at the inner edges of a pair to its outside:
// "<1> word </1>" becomes " <1>word</1> ", because in Markdown "* word *" is
// not emphasis.
func hoistSpaces(toks []msgtext.Token) []msgtext.Token {
	out := make([]msgtext.Token, 0, len(toks)+2)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind == msgtext.Open && i+1 < len(toks) && toks[i+1].Kind == msgtext.Text {
			next := toks[i+1].Text
			if trimmed := strings.TrimLeft(next, " "); len(trimmed) < len(next) {
				out = appendText(out, next[:len(next)-len(trimmed)])
				out = append(out, t)
				toks[i+1].Text = trimmed
				continue
			}
		}
		if t.Kind == msgtext.Text && i+1 < len(toks) && toks[i+1].Kind == msgtext.Close {
			if trimmed := strings.TrimRight(t.Text, " "); len(trimmed) < len(t.Text) {
				out = appendText(out, trimmed)
				out = append(out, toks[i+1])
				toks[i+1] = msgtext.Token{Kind: msgtext.Text, Text: t.Text[len(trimmed):]}
				continue
			}
		}
		if t.Kind == msgtext.Text {
			out = appendText(out, t.Text)
			continue
		}
		out = append(out, t)
	}
	return out
}

func appendText(toks []msgtext.Token, s string) []msgtext.Token {
	if s == "" {
		return toks
	}
	if n := len(toks); n > 0 && toks[n-1].Kind == msgtext.Text {
		toks[n-1].Text += s
		return toks
	}
	return append(toks, msgtext.Token{Kind: msgtext.Text, Text: s})
}

// underscoreSwaps returns a function giving the delimiter to write for each
// pair. Emphasis written with "_" only works at word boundaries: if a
// translation puts a letter right against it ("<1>palabra</1>s"), it is
// written with "*" instead, which renders the same.
func underscoreSwaps(toks []msgtext.Token, codes []segment.Code) func(n int, d string) string {
	swap := map[int]bool{}
	for i, t := range toks {
		if t.Kind != msgtext.Open && t.Kind != msgtext.Close {
			continue
		}
		c := codes[t.N-1]
		if (c.Kind != "em" && c.Kind != "strong") || !strings.HasPrefix(c.Open, "_") {
			continue
		}
		var r rune
		if t.Kind == msgtext.Open && i > 0 && toks[i-1].Kind == msgtext.Text {
			r, _ = utf8.DecodeLastRuneInString(toks[i-1].Text)
		}
		if t.Kind == msgtext.Close && i+1 < len(toks) && toks[i+1].Kind == msgtext.Text {
			r, _ = utf8.DecodeRuneInString(toks[i+1].Text)
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			swap[t.N] = true
		}
	}
	return func(n int, d string) string {
		if swap[n] {
			return strings.ReplaceAll(d, "_", "*")
		}
		return d
	}
}

var (
	entityLike = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
	listStart  = regexp.MustCompile(`^[0-9]{1,9}[.)]`)
)

// escapeMarkdown escapes text so that Markdown reads it as nothing but text.
// lineStart says the text begins a line, where "#", ">", "-", "+", "=" and
// "1." start blocks; headingEnd that it ends an ATX heading, where "#" would
// be read as the closing sequence; cell that it is in a table cell, where
// "|" ends the cell.
func escapeMarkdown(s string, lineStart, headingEnd, cell bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	if lineStart {
		if m := listStart.FindString(s); m != "" {
			b.WriteString(m[:len(m)-1])
			b.WriteByte('\\')
			b.WriteByte(m[len(m)-1])
			s = s[len(m):]
		} else if s != "" && strings.IndexByte("#>-+=", s[0]) >= 0 {
			b.WriteByte('\\')
			b.WriteByte(s[0])
			s = s[1:]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' || c == '~':
			b.WriteByte('\\')
		case c == '|' && cell:
			b.WriteByte('\\')
		case c == '&' && entityLike.MatchString(s[i:]):
			b.WriteByte('\\')
		case (c == '{' || c == '%') && i > 0 && s[i-1] == '{':
			// "{{" and "{%" open template actions and shortcodes in
			// site generators; a backslash between breaks them.
			b.WriteByte('\\')
		case c == '#' && headingEnd && i == len(s)-1:
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// markdownTitle writes a translation as the title of a Markdown link,
// between quote characters: backslashes, the quotes and entity-like text
// are escaped.
func markdownTitle(toks []msgtext.Token, open []string, quote byte) string {
	closer := quote
	if quote == '(' {
		closer = ')'
	}
	var b strings.Builder
	for _, t := range toks {
		switch t.Kind {
		case msgtext.Text:
			for i := 0; i < len(t.Text); i++ {
				c := t.Text[i]
				if c == '\\' || c == quote || c == closer || c == '&' && entityLike.MatchString(t.Text[i:]) ||
					(c == '{' || c == '%') && i > 0 && t.Text[i-1] == '{' {
					// "{{" and "{%" open template actions and Liquid
					// tags: a backslash between breaks them.
					b.WriteByte('\\')
				}
				b.WriteByte(c)
			}
		case msgtext.Atom:
			b.WriteString(open[t.N-1])
		}
	}
	return b.String()
}

// linkifiable reports whether a bare address (www.example.com,
// name@example.org) written after before and followed by rest is still
// found as a link: GitHub's autolinks need a space, the start of a line or
// one of "*_~(" before them, and no letter or digit right after.
func linkifiable(before string, rest []msgtext.Token, open []string) bool {
	if r, _ := utf8.DecodeLastRuneInString(before); before != "" && !unicode.IsSpace(r) && !strings.ContainsRune("*_~(", r) {
		return false
	}
	after := ""
	if len(rest) > 0 {
		after = rest[0].Text
		if rest[0].Kind != msgtext.Text {
			after = open[rest[0].N-1]
		}
	}
	r, _ := utf8.DecodeRuneInString(after)
	return after == "" || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' || r == '-' || r == '_' || r == '@')
}

// bracketAutolink writes a bare address so that it is a link wherever it
// stands: "<https://...>", "<name@example.org>", or for an address without a
// scheme a link to itself.
func bracketAutolink(raw string) string {
	switch {
	case strings.Contains(raw, "://") || strings.Contains(raw, "@") && !strings.Contains(raw, "/"):
		return "<" + raw + ">"
	}
	return "[" + raw + "](http://" + raw + ")"
}
