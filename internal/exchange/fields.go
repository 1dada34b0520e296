package exchange

import (
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/msgtext"
)

// piece is a part of message text as XLIFF carries it: text, a
// placeholder tag (<1>, </1>, <2/>), or a template field.
type piece struct {
	msgtext.Token
	// field says the piece is a go-i18n template action, such as
	// {{.Count}}: Token.Text is the whole action, delimiters and all.
	field bool
}

// pieces splits s into text, placeholder tags and the template actions of
// message m, which go-i18n reads between m's delimiters ({{ and }} unless
// m says otherwise). An action is code, not words: a tool shows it as a
// protected inline code, so that no translator retypes "{{.Count}}" with
// a typo or translates the field's name.
func pieces(s string, m *catalog.Message) []piece {
	left, right := "{{", "}}"
	if m != nil && m.LeftDelim != "" {
		left = m.LeftDelim
	}
	if m != nil && m.RightDelim != "" {
		right = m.RightDelim
	}
	var out []piece
	for _, t := range msgtext.Parse(s) {
		if t.Kind != msgtext.Text {
			out = append(out, piece{Token: t})
			continue
		}
		text := t.Text
		for text != "" {
			i := strings.Index(text, left)
			n := -1
			if i >= 0 {
				n = actionEnd(text[i+len(left):], right)
			}
			if n < 0 {
				out = append(out, piece{Token: msgtext.Token{Kind: msgtext.Text, Text: text}})
				break
			}
			end := i + len(left) + n + len(right)
			if i > 0 {
				out = append(out, piece{Token: msgtext.Token{Kind: msgtext.Text, Text: text[:i]}})
			}
			out = append(out, piece{Token: msgtext.Token{Kind: msgtext.Text, Text: text[i:end]}, field: true})
			text = text[end:]
		}
	}
	return out
}

// actionEnd returns where the right delimiter that closes a template
// action starts in s, the text after its left delimiter, or -1 if nothing
// closes it. A delimiter inside a quoted string, a character constant or
// a comment does not close the action, as Go's template lexer has it.
func actionEnd(s, right string) int {
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], right):
			return i
		case s[i] == '"' || s[i] == '\'':
			q := s[i]
			i++
			for i < len(s) && s[i] != q {
				if s[i] == '\\' {
					i++
				}
				i++
			}
			i++
		case s[i] == '`':
			j := strings.IndexByte(s[i+1:], '`')
			if j < 0 {
				return -1
			}
			i += j + 2
		case strings.HasPrefix(s[i:], "/*"):
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return -1
			}
			i += j + 4
		default:
			i++
		}
	}
	return -1
}

// isField reports whether code is one template action between the default
// delimiters and nothing else: what a tool kept of a field's code.
func isField(code string) bool {
	ps := pieces(code, nil)
	return len(ps) == 1 && ps[0].field
}
