package render

import (
	"strings"

	"github.com/glot-i18n/glot/internal/msgtext"
)

// htmlText writes a translation as HTML text, with open and closing as the
// markup of each placeholder.
func htmlText(toks []msgtext.Token, open, closing []string, links msgtext.LinkSet) string {
	var b strings.Builder
	for _, t := range toks {
		switch t.Kind {
		case msgtext.Text:
			writeText(&b, t.Text, links, func(s string) string { return escapeHTML(s, 0) }, defuseHTML)
		case msgtext.Open, msgtext.Atom:
			b.WriteString(open[t.N-1])
		case msgtext.Close:
			b.WriteString(closing[t.N-1])
		}
	}
	return b.String()
}

// htmlAttr writes a translation as an attribute value quoted with quote
// (quotes are added when the source had none).
func htmlAttr(toks []msgtext.Token, open []string, quote byte) string {
	var b strings.Builder
	q := quote
	if q == 0 {
		q = '"'
		b.WriteByte(q)
	}
	for _, t := range toks {
		switch t.Kind {
		case msgtext.Text:
			b.WriteString(escapeHTML(t.Text, q))
		case msgtext.Atom:
			b.WriteString(open[t.N-1])
		}
	}
	if quote == 0 {
		b.WriteByte(q)
	}
	return b.String()
}

// escapeHTML escapes text for HTML: "&", "<" and ">", the attribute's
// quote, and the second brace of "{{" and "{%", which template engines
// would read as an action.
func escapeHTML(s string, quote byte) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '&':
			b.WriteString("&amp;")
		case c == '<':
			b.WriteString("&lt;")
		case c == '>':
			b.WriteString("&gt;")
		case c == '"' && quote == '"':
			b.WriteString("&quot;")
		case c == '\'' && quote == '\'':
			b.WriteString("&#39;")
		case (c == '{' || c == '%') && i > 0 && s[i-1] == '{':
			if c == '{' {
				b.WriteString("&#123;")
			} else {
				b.WriteString("&#37;")
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
